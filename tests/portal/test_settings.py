import os
import re
import subprocess
import sys

from django.conf import settings

BASE_ENV = {
    key: value
    for key, value in os.environ.items()
    if key
    not in {
        "SECRET_KEY",
        "DJANGO_SETTINGS_MODULE",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "WAGTAILADMIN_BASE_URL",
        "REDIS_URL",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
    }
}
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "bibliotheques.example",
    "WAGTAILADMIN_BASE_URL": "https://bibliotheques.example",
}


def manage(*args, **env):
    """`manage.py` in a fresh interpreter under `env`: settings are read once per process."""
    return run([sys.executable, "manage.py", *args], env)


def python(code, **env):
    """`code` in a fresh interpreter under `env`, for what reads the settings alone: without
    `manage.py`'s loading of every app, two seconds less a run."""
    return run([sys.executable, "-c", code], env)


def run(command, env):
    return subprocess.run(  # noqa: S603
        command,
        cwd=settings.BASE_DIR,
        env={**BASE_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_SETTINGS_MODULE="portal.settings.production")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable." in result.stderr


def test_production_refuses_to_start_without_the_sites_address():
    result = manage("check", **{**PRODUCTION, "WAGTAILADMIN_BASE_URL": ""})
    assert result.returncode != 0
    assert "Set the WAGTAILADMIN_BASE_URL environment variable" in result.stderr


def test_production_passes_the_deployment_checklist():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_passes_the_deployment_checklist_with_hsts_for_subdomains_and_preload():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        SECURE_HSTS_INCLUDE_SUBDOMAINS="1",
        SECURE_HSTS_PRELOAD="1",
    )
    assert result.returncode == 0, result.stdout + result.stderr


HSTS_HEADER = (
    "from django.http import HttpResponse; from django.middleware.security import SecurityMiddleware;"
    " from django.test import RequestFactory;"
    " response = SecurityMiddleware(lambda request: HttpResponse())(RequestFactory().get('/', secure=True));"
    " print(response['Strict-Transport-Security'])"
)


def test_hsts_covers_only_the_sites_own_host_unless_asked():
    result = python(HSTS_HEADER, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "max-age=31536000"


def test_hsts_subdomains_and_preload_are_opt_in():
    both = python(HSTS_HEADER, **PRODUCTION, SECURE_HSTS_INCLUDE_SUBDOMAINS="1", SECURE_HSTS_PRELOAD="1")
    assert both.stdout.splitlines()[-1] == "max-age=31536000; includeSubDomains; preload", both.stderr
    subdomains = python(HSTS_HEADER, **PRODUCTION, SECURE_HSTS_INCLUDE_SUBDOMAINS="true")
    assert subdomains.stdout.splitlines()[-1] == "max-age=31536000; includeSubDomains", subdomains.stderr


def test_base_settings_are_safe_by_default():
    from portal.settings import base

    assert base.DEBUG is False
    assert base.LANGUAGE_CODE == "fr"
    assert [code for code, _name in base.LANGUAGES] == ["fr", "en", "es", "pt", "ar", "tr", "uk", "zh-hans"]


def test_elasticsearch_url_switches_the_search_backend():
    # No cluster can run here: building the backend and its client is as far as it goes.
    result = manage(
        "shell",
        "-c",
        "from wagtail.search.backends import get_search_backend; print(type(get_search_backend()).__name__)",
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        ELASTICSEARCH_URL="http://127.0.0.1:9200",
    )
    assert result.returncode == 0, result.stderr
    assert "Elasticsearch9SearchBackend" in result.stdout


def test_redis_url_switches_the_cache():
    result = python(
        "from django.core.cache import caches; c = caches['default']; c.set('bibo-test', 'ok', 5);"
        " print(type(c).__name__, c.get('bibo-test'), sorted(c._options.items()))",
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert "RedisCache ok" in result.stdout
    # A Redis that does not answer costs at most half a second, not a hung worker.
    assert "('socket_connect_timeout', 0.5), ('socket_timeout', 0.5)" in result.stdout


REDIS_AWAY = {
    alias: {
        "BACKEND": "portal.cache.ForgivingRedisCache",
        # Nothing listens on port 1: every connection is refused.
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    for alias in ("default", "renditions")
}


def test_pages_are_served_when_redis_goes_away(client, home_page, settings, caplog):
    settings.CACHES = REDIS_AWAY
    from home.factories import StandardPageFactory

    page = StandardPageFactory(parent=home_page, title="Tarifs", slug="tarifs")

    home = client.get("/fr/")
    standard = client.get(page.url)

    assert home.status_code == 200
    assert standard.status_code == 200
    assert "Tarifs" in standard.content.decode()
    assert "Redis cache unreachable (ConnectionError): serving without it." in caplog.text


def test_the_cache_answers_misses_when_redis_goes_away(settings):
    settings.CACHES = REDIS_AWAY
    from django.core.cache import caches

    cache = caches["default"]
    assert cache.get("anything", "missing") == "missing"
    assert cache.add("anything", 1) is False
    assert cache.get_or_set("anything", "computed") == "computed"
    assert cache.get_many(["a", "b"]) == {}
    cache.set("anything", 1)
    cache.delete("anything")


def test_the_readmes_cron_line_loads_the_production_settings(tmp_path):
    """The night's line of the README, with the `production.env` it shows, starts the production
    settings (which refuse to start without the site's address): `check --deploy` stands in for
    `nightly`, which would also need the database it names."""
    readme = (settings.BASE_DIR / "README.md").read_text(encoding="utf-8")
    cron_line = re.search(r"```cron\n(.*)\n\s*```", readme).group(1)
    command = cron_line.split(None, 5)[5]  # after the five time fields
    environment = re.search(r"`production.env` holds.*?```sh\n(.*?)\n\s*```", readme, re.DOTALL).group(1)
    environment = re.sub(r"(?m)^\s*SECRET_KEY=.*$", f"SECRET_KEY={PRODUCTION['SECRET_KEY']}", environment)
    (tmp_path / "production.env").write_text(environment + "\n")
    command = (
        command.replace("cd /srv/bibo", f"cd {settings.BASE_DIR}")
        .replace("./production.env", str(tmp_path / "production.env"))
        .replace(".venv/bin/python", sys.executable)
        .replace("manage.py nightly", "manage.py check --deploy --fail-level WARNING")
    )
    assert "manage.py check --deploy" in command

    result = run(["sh", "-c", command], {})

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
