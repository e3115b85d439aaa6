"""Apps add to the portal through its registration points, and the portal names no app."""

import ast
import importlib
import re
import subprocess
import sys
from http import HTTPStatus
from pathlib import Path

import pytest

from django.conf import settings
from django.core.management import find_commands
from django.http import JsonResponse
from django.urls import URLResolver, clear_url_caches, get_resolver, path

from wagtail import hooks

import portal
from portal.apps import project_apps
from portal.registry import API_URLS, EVERYDAY_TASKS, HOME_SECTIONS, EverydayTask, HomeSection

PORTAL_DIR = Path(portal.__file__).parent


def imported_modules(source):
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


def test_the_portal_imports_no_app():
    apps = {app.name for app in project_apps()} - {"portal", "tests"}
    assert "home" in apps
    offending = []
    for source in PORTAL_DIR.rglob("*.py"):
        for module in imported_modules(source.read_text(encoding="utf-8")):
            if module.split(".")[0] in apps:
                offending.append(f"{source.relative_to(PORTAL_DIR)}: {module}")
    assert offending == []


def string_constants(source):
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def url_names_by_module(patterns, namespace=""):
    """Every named route of the site, with the module of the view that answers it."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names_by_module(pattern.url_patterns, inner)
        elif pattern.name:
            view = getattr(pattern.callback, "view_class", pattern.callback)
            yield f"{namespace}{pattern.name}", view.__module__


def test_the_portal_names_no_app():
    """Nor does it reach an app by name: its URLs, permissions, commands, templates or routes."""
    apps = {app.label: app for app in project_apps()}
    apps.pop("portal")
    apps.pop("tests", None)
    commands = {
        name: label for label, app in apps.items() for name in find_commands(f"{app.path}/management")
    }
    assert "purge_contact_messages" in commands
    routes = {
        name: module.split(".")[0]
        for name, module in url_names_by_module(get_resolver().url_patterns)
        if module.split(".")[0] in apps
    }
    assert routes["search"] == "search"
    offending = []
    settings_dir = PORTAL_DIR / "settings"  # where the apps are installed, by name
    for source in PORTAL_DIR.rglob("*.py"):
        if settings_dir in source.parents:
            continue
        for text in string_constants(source.read_text(encoding="utf-8")):
            label = text.split(".")[0].split("/")[0].split(":")[0]
            if (label in apps and text != label) or text in commands or text in routes:
                offending.append(f"{source.relative_to(PORTAL_DIR)}: {text!r}")
    for source in (PORTAL_DIR / "templates").rglob("*.html"):
        for name in re.findall(r"{%\s*url\s+['\"]([^'\"]+)['\"]", source.read_text(encoding="utf-8")):
            if name in routes:
                offending.append(f"{source.relative_to(PORTAL_DIR)}: {{% url {name!r} %}}")
    assert offending == []


def test_an_app_adds_a_section_to_the_home_page(client, home_page, tmp_path, settings):
    (tmp_path / "events.html").write_text(
        '<ul>{% for event in section.items %}<li class="fake-event">{{ event }}</li>{% endfor %}</ul>'
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]

    def upcoming_events(page, request):
        return HomeSection("events", "Prochains rendez-vous", "events.html", ["Heure du conte"], order=30)

    with hooks.register_temporarily(HOME_SECTIONS, upcoming_events):
        html = client.get(home_page.url).content.decode()

    assert '<section class="home-section" aria-labelledby="events-title">' in html
    assert '<h2 id="events-title">Prochains rendez-vous</h2>' in html
    assert '<li class="fake-event">Heure du conte</li>' in html


def test_a_section_with_nothing_to_show_is_left_out(client, home_page):
    with hooks.register_temporarily(HOME_SECTIONS, lambda page, request: None):
        response = client.get(home_page.url)

    assert response.status_code == HTTPStatus.OK
    assert 'class="home-section"' not in response.content.decode()


def test_an_app_adds_an_everyday_task_to_the_admin_front_page(admin_client, home_page):
    def tasks(request):
        return [
            EverydayTask("Publier un rendez-vous", "/admin/fake-events/", "Dans l'agenda.", order=15),
            EverydayTask("Rien à faire", None, "Sans adresse, la tâche n'est pas montrée."),
        ]

    with hooks.register_temporarily(EVERYDAY_TASKS, tasks):
        html = admin_client.get("/admin/").content.decode()

    assert '<a href="/admin/fake-events/"><strong>Publier un rendez-vous</strong></a>' in html
    assert "Rien à faire" not in html
    # In the order given: after the alerts (10), before the branch hours (20).
    assert html.index("/admin/snippets/portal/alert/add/") < html.index("/admin/fake-events/")


@pytest.fixture
def reload_urls():
    """Routes are read when the URLconf is imported: import it again, and again after the test."""
    import portal.urls

    def reload():
        importlib.reload(portal.urls)
        clear_url_caches()

    yield reload
    reload()


def test_an_app_adds_routes_under_the_one_api_prefix(client, db, reload_urls):
    def api_urls():
        return [path("events/", lambda request: JsonResponse({"events": []}), name="fake_events_json")]

    with hooks.register_temporarily(API_URLS, api_urls):
        reload_urls()
        response = client.get("/api/events/")

    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"events": []}
    # The home app's routes came through the same hook.
    assert client.get("/api/branches/").status_code == HTTPStatus.OK


def test_ruff_sorts_every_app_of_the_project_as_first_party():
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        pytest.skip("ruff is not installed next to this Python")
    for app in project_apps():
        # Third party, then Django, then the project: ruff's order when it knows the app is ours.
        source = (
            f"import pytest\n\nfrom django.conf import settings\n\nimport {app.name}\n\n"
            f"print(pytest, settings, {app.name})\n"
        )
        result = subprocess.run(  # noqa: S603  (our own linter, on a string we wrote)
            [ruff, "check", "--select", "I", "--stdin-filename", "check.py", "-"],
            input=source,
            capture_output=True,
            text=True,
            cwd=Path(settings.BASE_DIR),
            check=False,
        )
        assert result.returncode == 0, f"ruff does not see {app.name} as first-party:\n{result.stdout}"


# Whatever a process remembers (portal.memory) is forgotten before each test (tests/conftest.py).


def test_a_memory_kept_by_one_test_1():
    from portal.memory import memory

    memory("tests.example")["answer"] = 42


def test_is_forgotten_before_the_next_2():
    from portal.memory import memory

    assert memory("tests.example") == {}
