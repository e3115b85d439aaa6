import os
import subprocess
import sys

from django.conf import settings

BASE_ENV = {
    key: value
    for key, value in os.environ.items()
    if key not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
}


def manage(*args, **env):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
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


def test_production_passes_the_deployment_checklist():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="a-long-random-production-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="bibliotheques.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


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
    result = manage(
        "shell",
        "-c",
        "from django.core.cache import caches; c = caches['default']; c.set('bibo-test', 'ok', 5);"
        " print(type(c).__name__, c.get('bibo-test'))",
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert "RedisCache ok" in result.stdout
