"""The portal's own demo content, and the helpers every app's demo module uses.

`manage.py load_demo` calls `load(stdout=...)` in each installed app's `demo` module, in the
order of INSTALLED_APPS: the portal first (languages, the site, its settings with the library's
name and tagline in every language, the accounts, an alert), then the apps, each with its own
pages. Every `load` is safe to run again: it creates only what is missing.

Demo pages are translated through wagtail-localize, as a translator would in the admin
(`translate_pages`): a page is translated into a language only when every one of its strings
has a translation in the app's catalogue; otherwise it stays untranslated, and visitors see the
"not translated yet" notice rather than French text under another language's address.
"""

import datetime
import json
from pathlib import Path
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress

from django.conf import settings
from django.utils import timezone

from wagtail.models import Locale, Page, Site
from wagtail.users.models import UserProfile
from wagtail_localize.models import (
    MissingRelatedObjectError,
    StringSegment,
    StringTranslation,
    TranslationSource,
)

from portal.factories import AlertFactory, UserFactory
from portal.models import Alert, BrandingSettings, IdentityWords, SocialLinks, User
from portal.staff import EDITORS, setup_groups

ADMIN_EMAIL = "admin@bibo.example"
ADMIN_PASSWORD = "bibo-admin-demo"  # noqa: S105  (a demo account on a laptop)
EDITOR_EMAIL = "redaction@bibo.example"
PATRON_EMAILS = ["lea.martin@example.org", "karim.benali@example.org", "oksana.kovalenko@example.org"]
DEMO_PASSWORD = "bibo-demo-2026"  # noqa: S105
# The library's name and tagline in the other languages.
TRANSLATIONS_FILE = Path(__file__).with_name("demo_translations.json")


def load(*, stdout):
    locales()
    site = default_site()
    ensure_settings(site)
    translate_identity(stdout)
    ensure_alert()
    ensure_accounts()
    stdout.write(f"  Admin: http://127.0.0.1:8000/admin/  {ADMIN_EMAIL} / {ADMIN_PASSWORD}")
    stdout.write(f"  Editor: {EDITOR_EMAIL} / {DEMO_PASSWORD}")
    stdout.write(f"  Patrons: {', '.join(PATRON_EMAILS)} / {DEMO_PASSWORD}")


# The site --------------------------------------------------------------------------------


def locales():
    """Every language of the site, by code."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


def root_page():
    # The tree's root comes from Wagtail's migrations; `manage.py flush` removes it.
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def default_site():
    """The default site; an app's demo that builds a home page points it there (`set_site_root`)."""
    hostname, port = site_address()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname=hostname, port=port, root_page=root_page(), is_default_site=True, site_name="Bibo"
        )
    elif (site.hostname, site.port) == ("localhost", 80) and (hostname, port) != ("localhost", 80):
        # The site Wagtail's migrations create: it takes the address the demo is served at.
        site.hostname, site.port = hostname, port
        site.save()
    return site


def site_address():
    """The hostname and port of WAGTAILADMIN_BASE_URL: absolute links (hreflang, API, iCalendar)
    then lead to the address the site is really served at, not to http://localhost/."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    default_port = 443 if address.scheme == "https" else 80
    return address.hostname or "localhost", address.port or default_port


def set_site_root(home):
    """Make `home` the default site's root, and remove Wagtail's "Welcome" installation page."""
    site = default_site()
    if site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    # Wagtail's installation page, "Welcome to your new Wagtail site!", makes way.
    for page in home.get_parent().get_children().exclude(content_type=home.content_type):
        page.delete()
    return site


def ensure_settings(site):
    branding = BrandingSettings.for_site(site)
    if branding.library_name != "Bibliothèques de Bellerive":
        branding.library_name = "Bibliothèques de Bellerive"
        branding.tagline = "Lire, jouer, se retrouver"
        branding.save()
    social = SocialLinks.for_site(site)
    if not social.facebook:
        social.facebook = "https://www.facebook.com/bibliotheques.bellerive.example"
        social.save()


def translate_identity(stdout):
    """The library's name and tagline in every language, translated as a translator would in the admin.

    Without them, pages in other languages show the French words, marked as French.
    """
    source = IdentityWords.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("pk").first()
    if source is None:
        return
    catalogues = load_translations(TRANSLATIONS_FILE)
    made = 0
    for code, locale in locales().items():
        if code != settings.LANGUAGE_CODE and not source.has_translation(locale):
            made += translate_page(source, locale, catalogues.get(code, {}))
    if made:
        stdout.write(f"{made} translations of the library's name and tagline made.")


# The demo's alert follows the season of the day it is loaded on: no heat wave in December.
SEASONAL_ALERTS = {
    "winter": (
        "Grand froid : venez vous réchauffer",
        "Pendant l'épisode de grand froid, les bibliothèques vous accueillent au chaud à leurs horaires "
        "habituels ; une boisson chaude vous attend à la médiathèque centrale.",
        Alert.Level.INFO,
    ),
    "summer": (
        "Canicule : des salles au frais",
        "Pendant l'alerte canicule, les salles climatisées de la médiathèque centrale vous accueillent "
        "à leurs horaires habituels, avec de l'eau fraîche.",
        Alert.Level.WARNING,
    ),
    "spring_autumn": (
        "Ascenseur en réparation à la médiathèque centrale",
        "L'ascenseur de la médiathèque centrale est en réparation pendant deux semaines : "
        "à l'accueil du rez-de-chaussée, on vous apporte les documents des étages.",
        Alert.Level.WARNING,
    ),
}


def seasonal_alert(day):
    """(title, message, level) of the demo's alert on `day`."""
    if day.month in (12, 1, 2):
        return SEASONAL_ALERTS["winter"]
    if day.month in (6, 7, 8):
        return SEASONAL_ALERTS["summer"]
    return SEASONAL_ALERTS["spring_autumn"]


def ensure_alert():
    if Alert.objects.exists():
        return
    title, message, level = seasonal_alert(timezone.localdate())
    AlertFactory(
        title=title,
        message=message,
        level=level,
        starts_at=timezone.now() - datetime.timedelta(hours=1),
        ends_at=timezone.now() + datetime.timedelta(days=14),
    )


# Accounts --------------------------------------------------------------------------------


def ensure_accounts():
    admin = User.objects.filter(email=ADMIN_EMAIL).first()
    if admin is None:
        admin = User.objects.create_superuser(
            username="admin", email=ADMIN_EMAIL, password=ADMIN_PASSWORD, display_name="Admin"
        )
    # The groups and their rights are defined once, in portal.staff.
    editors = next(group for group in setup_groups() if group.name == EDITORS)
    editor = UserFactory(email=EDITOR_EMAIL, display_name="Camille, rédaction", password=DEMO_PASSWORD)
    editor.groups.add(editors)
    for staff in (admin, editor):
        # The admin follows each person's choice, else their browser: the demo's staff work in French.
        profile = UserProfile.get_for_user(staff)
        if profile.preferred_language != "fr":
            profile.preferred_language = "fr"
            profile.save()
    for user in [
        admin,
        editor,
        *[UserFactory(email=email, password=DEMO_PASSWORD) for email in PATRON_EMAILS],
    ]:
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )


# Translations ----------------------------------------------------------------------------


def load_translations(path):
    """An app's demo catalogue: {language code: {French string: translation}}."""
    path = Path(path)
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def source_strings(page):
    source, _created = TranslationSource.update_or_create_from_instance(page)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    return source, list(segments)


def translate_page(page, locale, catalogue):
    """Returns True when the page now exists, fully translated, in `locale`."""
    source, segments = source_strings(page)
    texts = {}
    for segment in segments:
        text = catalogue.get(segment.string.data)
        if not text:
            return False
        texts[segment] = text
    for segment, text in texts.items():
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    try:
        source.create_or_update_translation(locale, publish=True)
    except MissingRelatedObjectError:
        # A link points to a page not translated yet: keep the French link for now;
        # the second pass, once every page exists, points it to the translation.
        source.create_or_update_translation(locale, publish=True, fallback=True)
    return True


def translate_pages(pages, catalogues, *, stdout):
    """Translate the French `pages` into every language their strings are all translated into."""
    targets = [
        (page.pk, locale)
        for page in pages
        for code, locale in locales().items()
        if code != settings.LANGUAGE_CODE and not page.has_translation(locale)
    ]
    translated = set()
    # Twice: the first pass creates the pages, the second points their links to translations.
    for _pass in range(2):
        for page_pk, locale in targets:
            page = Page.objects.get(pk=page_pk).specific
            if translate_page(page, locale, catalogues.get(locale.language_code, {})):
                translated.add((page_pk, locale.pk))
    if translated:
        stdout.write(f"{len(translated)} page translations made.")


def export_strings(pages, path):
    """Write the pages' French strings to `path` (JSON), for translators."""
    strings = []
    for page in pages:
        _source, segments = source_strings(page)
        strings.extend(segment.string.data for segment in segments)
    unique = list(dict.fromkeys(strings))
    Path(path).write_text(json.dumps(unique, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(unique)
