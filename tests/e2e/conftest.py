"""A real browser (Chromium, through Playwright) against pytest-django's live server.

The demo site is built once per session by the demo's builder, then restored before every
test: `live_server` makes each test transactional, and a transactional test empties the
database when it ends.
"""

import io
import os
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright
from wagtail_factories import DocumentFactory, ImageFactory

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.test import override_settings

from wagtail.models import Locale, Site

from home.factories import StandardPageFactory
from home.models import (
    AccessibilityStatementPage,
    BranchPage,
    ContactPage,
    HomePage,
    LegalNoticePage,
    MobileBranchPage,
    PrivacyPage,
)
from portal.management.commands.load_demo import build_demo
from portal.models import BrandingSettings, IdentityWords

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail the test, not its teardown, when the browser reported an error."""
    result = yield
    log = getattr(item, "browser_log", None)
    if log is not None and log.errors:
        pytest.fail("The browser reported errors:\n" + "\n".join(log.errors), pytrace=False)
    return result


# The site --------------------------------------------------------------------------------


@dataclass
class DemoSite:
    """The paths of the pages built for the browser tests, by kind and language."""

    paths: dict = field(default_factory=dict)
    branch_title: str = ""
    site_name: str = ""
    arabic_site_name: str = ""
    arabic_home_title: str = ""

    def path(self, kind, language):
        return self.paths[kind][language]


def translate(page, locale, title):
    translation = page.copy_for_translation(locale)
    translation.title = title
    translation.save_revision().publish()
    return type(translation).objects.get(pk=translation.pk)


def standard_page_body(image, document, target):
    """One block of every type the body offers."""
    return [
        {
            "type": "text",
            "value": (
                "<h2>S'inscrire</h2><p>L'inscription est gratuite pour toutes et tous. "
                'Lisez <a href="/fr/">la page d\'accueil</a> pour en savoir plus.</p>'
                "<ul><li>une pièce d'identité ;</li><li>un justificatif de domicile.</li></ul>"
            ),
        },
        {
            "type": "figure",
            "value": {
                "image": {"image": image.pk, "decorative": False, "alt_text": "La salle de lecture"},
                "caption": "La médiathèque centrale un samedi matin",
            },
        },
        {
            "type": "quote",
            "value": {
                "quote": "Une bibliothèque, c'est le carrefour de tous les rêves.",
                "attribution": "Julien Green",
            },
        },
        {"type": "call_to_action", "value": {"text": "S'inscrire", "target": {"page": target.pk, "url": ""}}},
        {
            "type": "accordion",
            "value": {
                "items": [
                    {"title": "Combien de documents puis-je emprunter ?", "body": "<p>Jusqu'à vingt.</p>"},
                    {"title": "Pour combien de temps ?", "body": "<p>Quatre semaines.</p>"},
                ]
            },
        },
        {
            "type": "table",
            "value": {
                "data": [["Abonnement", "Tarif"], ["Moins de 18 ans", "Gratuit"], ["Adulte", "15 €"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Tarifs de l'abonnement",
                "cell": [],
                "mergedCells": [],
            },
        },
        {"type": "document", "value": {"document": document.pk, "label": "Le règlement intérieur"}},
    ]


MIGRATION_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("wagtail_localize", "translation", "submit_translation", "Can submit translations"),
]


def build_site():
    """The demo site, as `manage.py load_demo` builds it, plus what the demo has no page for.

    The additions: a logo and a photo, a page with a block of every type (and its Arabic
    translation), and a page left untranslated in English and Arabic, for the notice.
    """
    call_command("flush", interactive=False, verbosity=0)
    # What the flush removed and no model declares: permissions Wagtail's migrations create.
    for app_label, model, codename, name in MIGRATION_PERMISSIONS:
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
    build_demo(io.StringIO())
    arabic = Locale.objects.get(language_code="ar")
    home = HomePage.objects.get(locale__language_code="fr")
    site = Site.objects.get(is_default_site=True)

    logo = ImageFactory(
        title="Logo",
        file__width=240,
        file__height=64,
        file__color="#1d4f91",
        file__format="PNG",
        file__filename="logo.png",
    )
    branding = BrandingSettings.for_site(site)
    branding.logo = logo
    branding.save()
    photo = ImageFactory(
        title="Salle de lecture",
        default_alt_text="La salle de lecture, des tables et des étagères",
        file__width=320,
        file__height=200,
        file__color="#2a7a4b",
        file__format="PNG",
        file__filename="salle.png",
    )
    document = DocumentFactory(
        title="Règlement intérieur",
        file__filename="reglement.txt",
        file__data="Règlement intérieur des bibliothèques.\n".encode(),
    )

    contact = ContactPage.objects.get(locale=home.locale)
    every_block = StandardPageFactory(
        parent=home,
        title="Bien démarrer",
        slug="bien-demarrer",
        body=standard_page_body(photo, document, contact),
    )
    ar_every_block = translate(every_block, arabic, "البداية")
    prices = StandardPageFactory(parent=home, title="Tarifs", slug="tarifs")

    central = BranchPage.objects.get(locale=home.locale, slug="mediatheque-centrale")
    for branch in (central, central.get_translation(arabic)):
        branch.photo = photo
        branch.save_revision().publish()
    bus = MobileBranchPage.objects.get(locale=home.locale, slug="bibliobus")
    branches = central.get_parent()

    def paths(page):
        return {"fr": page.get_url(), "ar": page.get_translation(arabic).get_url()}

    return DemoSite(
        paths={
            "home": paths(home),
            "standard page": {"fr": every_block.get_url(), "ar": ar_every_block.get_url()},
            "contact form": paths(contact),
            "branch list": paths(branches),
            "branch": paths(central),
            "mobile branch": paths(bus),
            # French has no notice: a French page always exists. English stands in for it.
            "not translated": {
                "en": prices.get_url().replace("/fr/", "/en/", 1),
                "ar": prices.get_url().replace("/fr/", "/ar/", 1),
            },
            "404": {"fr": "/fr/cette-page-n-existe-pas/", "ar": "/ar/cette-page-n-existe-pas/"},
            "login": {"fr": "/fr/compte/login/", "ar": "/ar/compte/login/"},
            "sign-up": {"fr": "/fr/compte/signup/", "ar": "/ar/compte/signup/"},
            "legal notices": paths(LegalNoticePage.objects.get(locale=home.locale)),
            "accessibility statement": paths(AccessibilityStatementPage.objects.get(locale=home.locale)),
            "privacy": paths(PrivacyPage.objects.get(locale=home.locale)),
            "search": {
                "fr": "/fr/recherche/?q=biblioth%C3%A8que",
                "ar": "/ar/recherche/?q=%D9%85%D9%83%D8%AA%D8%A8%D8%A9",
            },
        },
        branch_title=central.title,
        site_name=IdentityWords.objects.for_language("fr").name,
        arabic_site_name=IdentityWords.objects.for_language("ar").name,
        arabic_home_title=home.get_translation(arabic).title,
    )


def reset_caches():
    ContentType.objects.clear_cache()
    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture(scope="session")
def site_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site, built once, and the database serialized to restore it quickly."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        with django_db_blocker.unblock():
            demo = build_site()
            snapshot = connection.creation.serialize_db_to_string()
        yield demo, snapshot


@pytest.fixture
def demo_site(site_snapshot, transactional_db, live_server):
    demo, snapshot = site_snapshot
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(snapshot)
    restart_sequences()
    reset_caches()
    return demo


def restart_sequences():
    """Move PostgreSQL's id sequences past the rows restored with their own ids.

    `flush` restarts every sequence at 1 and the snapshot brings its ids back, so the next
    row a test creates would reuse one (SQLite takes the highest id by itself).
    """
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


# The browser -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM} (set CHROMIUM_PATH)")
    # Playwright's sync API runs an event loop in the main thread, where the tests also use
    # the ORM; Django would otherwise refuse those calls as "async unsafe".
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setitem(os.environ, "DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class BrowserLog:
    """Console errors and uncaught exceptions, minus the failures a test expects."""

    def __init__(self, ignored_hosts):
        self.errors = []
        self.expected_failures = set()
        self.ignored_hosts = ignored_hosts

    def on_console(self, message):
        if message.type != "error":
            return
        url = (message.location or {}).get("url", "")
        if message.text.startswith("Failed to load resource"):
            if url in self.expected_failures or any(host in url for host in self.ignored_hosts):
                return
            # Chromium asks for /favicon.ico by itself when a page names no icon.
            if urlsplit(url).path == "/favicon.ico":
                return
        self.errors.append(f"console: {message.text} ({url})")

    def on_page_error(self, error):
        self.errors.append(f"page error: {error}")


@pytest.fixture
def open_page(request, browser, demo_site, live_server):
    """Open a page in a fresh browser context: `open_page(width=320, language="ar")`."""
    # The map tiles are unreachable in tests, on purpose: the list must stand without them.
    log = BrowserLog(ignored_hosts=[urlsplit(settings.MAP_TILE_URL).netloc])
    request.node.browser_log = log
    contexts = []

    def open_(width=1280, height=800, language="fr-FR", bypass_csp=False):
        context = browser.new_context(
            base_url=live_server.url,
            bypass_csp=bypass_csp,
            viewport={"width": width, "height": height},
            locale=language,
            extra_http_headers={"Accept-Language": language},
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("console", log.on_console)
        page.on("pageerror", log.on_page_error)
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page):
    return open_page()


@pytest.fixture
def visit(request, live_server):
    """Go to a path and check its status; an expected error status is no console error."""

    def visit_(page, path, status=HTTPStatus.OK):
        if status >= HTTPStatus.BAD_REQUEST:
            # Chromium reports the error status while the page loads, before goto() returns.
            request.node.browser_log.expected_failures.add(live_server.url + path)
        response = page.goto(path)
        assert response is not None, f"no response for {path}"
        assert response.status == status, f"{path} answered {response.status}, expected {status}"
        if status >= HTTPStatus.BAD_REQUEST:
            request.node.browser_log.expected_failures.add(response.url)
        return response

    return visit_
