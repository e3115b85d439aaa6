import re
from dataclasses import dataclass, replace

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.formats import date_format, time_format
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import pgettext

from wagtail.models import Locale, Page, Site

from portal import accounts, renditions
from portal.locales import active_locale
from portal.models import Alert
from portal.models.pages import open_graph_locale
from portal.models.site_settings import BrandingSettings
from portal.navigation import navigation
from portal.registry import site_search_url as registered_search_url
from portal.tree import remembered

register = template.Library()


@dataclass(frozen=True)
class Translation:
    """A live translation of a page: its id and its address (Wagtail's URL parts)."""

    pk: int
    site_id: int | None
    root_url: str | None
    path: str | None


def _page_translations(page, request=None):
    """Live translations of a page by language code, with their addresses.

    Read while the tree stays the same (portal.tree) and kept on the request: the language
    links, the hreflang links and the Open Graph data all ask.
    """
    cache = getattr(request, "_bibo_translations", None)
    if cache is not None and cache[0] == page.pk:
        return cache[1]
    site = Site.find_for_request(request) if request is not None else None
    key = ("translations", page.translation_key, site.pk if site is not None else None)
    translations = remembered(key, lambda: _live_translations(page, request))
    if request is not None:
        request._bibo_translations = (page.pk, translations)
    return translations


def _live_translations(page, request):
    # No .public() here: a restricted translation still asks for its password itself.
    siblings = (
        Page.objects.live()
        .filter(translation_key=page.translation_key)
        .select_related("locale")
        .only("id", "url_path", "locale__language_code", "translation_key", "depth", "path")
    )
    translations = {}
    for sibling in siblings:
        site_id, root_url, path = sibling.get_url_parts(request=request) or (None, None, None)
        translations[sibling.locale.language_code] = Translation(sibling.pk, site_id, root_url, path)
    return translations


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language, to the page's translation when it exists.

    Where the page is not translated yet, the link leads to the same address in that
    language, which explains that the page is not translated and offers the French one.
    """
    request = context.get("request")
    page = context.get("page") or context.get("self")
    current = translation.get_language()
    source_page = context.get("source_page")
    if source_page is not None:
        page = source_page
    translations = _page_translations(page, request) if isinstance(page, Page) and page.pk else {}
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = _relative_url(target, request)
        elif source_page is not None:
            url = _same_path_in(code, source_page, request)
        elif request is not None:
            url = _same_site(translate_url(request.get_full_path(), code), code)
        else:
            url = f"/{code}/"
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "translated": target is not None,
            }
        )
    return links


def _relative_url(target, request):
    """As `Page.get_url`: the path alone on the visitor's site, with the host on another."""
    if target.path is None:
        return None
    site = Site.find_for_request(request) if request is not None else None
    return (
        target.path if site is not None and site.id == target.site_id else f"{target.root_url}{target.path}"
    )


def _same_site(url, code):
    """`url` when it stays on this site, else the language's home page.

    A typed address such as `//evil.example/` must not become a link off the site.
    """
    if url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts=None):
        return url
    return f"/{code}/"


def _same_path_in(code, source_page, request):
    french_url = source_page.get_url(request=request) or "/"
    prefix = f"/{settings.LANGUAGE_CODE}/"
    if french_url.startswith(prefix):
        return f"/{code}/{french_url[len(prefix) :]}"
    return french_url


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """The <link rel=alternate hreflang> set: only real translations, never stand-ins."""
    request = context.get("request")
    page = context.get("page") or context.get("self")
    if not isinstance(page, Page) or not page.pk:
        return []
    links = []
    for code, target in _page_translations(page, request).items():
        url = f"{target.root_url}{target.path}" if target.path is not None else None
        if url:
            links.append({"code": code, "url": url, "default": code == settings.LANGUAGE_CODE})
    return links


@register.simple_tag
def current_alerts():
    try:
        locale = active_locale()
    except Locale.DoesNotExist:
        return []
    return Alert.objects.current(locale)


def _localized_date(value, format_):
    """Django's `date_format`, with the French ordinal for the first of the month: "1er mai"."""
    if translation.get_language() == "fr" and value.day == 1:
        # "j" (day of the month) not escaped by a backslash gains a literal "er".
        format_ = re.sub(r"(?<!\\)j", r"j\\e\\r", format_)
    return date_format(value, format_)


@register.filter
def long_day(value):
    """A weekday and date the way the active language writes them: "mardi 1er décembre", "12月3日"."""
    if not value:
        return ""
    # Translators: a date format (https://docs.djangoproject.com/en/5.2/ref/templates/builtins/#date),
    # weekday and day of the month in the order the language writes them, without the year.
    return _localized_date(value, pgettext("weekday and date", "l j F"))


@register.filter
def long_date(value):
    """A date with its year, in the active language: "1er janvier 2027", "January 1, 2027"."""
    if not value:
        return ""
    # Translators: a date format (https://docs.djangoproject.com/en/5.2/ref/templates/builtins/#date),
    # day, month written in full and year, in the order the language writes them.
    return _localized_date(value, pgettext("date with year", "F j, Y"))


@register.filter(expects_localtime=True)
def time_of_day(value):
    """A time the way the active language writes it: "10 h", "10 h 30" in French, "10 a.m." in English.

    French typography (Imprimerie nationale) writes hours with "h" between non-breaking
    spaces and drops ":00"; other languages follow Django's own format for them.
    """
    if value is None or value == "":
        return ""
    if translation.get_language() == "fr":
        if value.minute:
            return f"{value.hour}\u00a0h\u00a0{value.minute:02d}"
        return f"{value.hour}\u00a0h"
    return time_format(value, "TIME_FORMAT")


@register.simple_tag(takes_context=True)
def account_page_title(context):
    """The title and heading of the account (allauth) page shown, in the portal's words."""
    match = getattr(context.get("request"), "resolver_match", None)
    return accounts.page_title(match.url_name if match else None, token_fail=bool(context.get("token_fail")))


@register.simple_tag
def source_lang():
    """` lang="fr"` for text kept in French (the site settings) on a page in another language."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return ""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE)


@register.filter
def localized(page):
    """Wagtail's `Page.localized`: the page's live translation in the visitor's language, else itself.

    wagtail-localize keeps pages chosen in blocks and alerts as they were in French; in
    templates, `{% pageurl value.page|localized %}` follows them to the translation.
    `Page.localized` itself asks the database for the active Locale on every call, a query
    per link; the locale here comes from portal.locales' memory.
    """
    if page is None:
        return None
    locale = active_locale()
    if page.locale_id == locale.pk:
        return page
    translation_ = page.get_translation_or_none(locale)
    return translation_ if translation_ is not None and translation_.live else page


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """The page's ancestors from the home page down, as titles and addresses.

    Read while the tree stays the same (portal.tree); a page not saved yet (a preview) asks
    the tree itself.
    """
    page = context.get("page") or context.get("self")
    if not isinstance(page, Page):
        return []
    request = context.get("request")

    def crumbs():
        return [
            Crumb(ancestor.title, ancestor.get_url(request=request)) for ancestor in page.get_ancestors()[1:]
        ]

    if not page.pk:
        return crumbs()
    site = Site.find_for_request(request) if request is not None else None
    return remembered(("breadcrumbs", site.pk if site is not None else None, page.path), crumbs)


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """`menu` and `footer` links; the menu entry of the page shown, or of its section, is current."""
    links = navigation(context.get("request"))
    page = context.get("page") or context.get("self")
    path = page.path if isinstance(page, Page) and page.pk else None
    menu = []
    for link in links["menu"]:
        current = ""
        if path == link.path:
            current = "page"
        elif path is not None and path.startswith(link.path):
            current = "true"
        menu.append(replace(link, current=current))
    footer = [replace(link, current="page" if path == link.path else "") for link in links["footer"]]
    return {"menu": menu, "footer": footer}


@register.simple_tag
def site_search_url():
    """Where the header's search box sends its words: the page an app offers (portal.registry)."""
    return registered_search_url()


@register.simple_tag(takes_context=True)
def site_identity(context):
    """The library's name and its site's address in the visitor's language, for e-mails."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    name = BrandingSettings.for_site(site).library_name if site is not None else ""
    url = f"{site.root_url}/{translation.get_language()}/" if site is not None else ""
    return {"name": name, "url": url}


@register.simple_tag
def rendition(image, name, **attrs):
    """`{% rendition image "card" class="card__image" loading="lazy" %}`: an `<img>` of a named size.

    Decorative (empty alt) unless an `alt` is given; the sizes are in portal/renditions.py.
    """
    if not image:
        return ""
    return image.get_rendition(renditions.spec(name)).img_tag({"alt": "", **attrs})


@register.simple_tag(takes_context=True)
def open_graph(context):
    """The page's Open Graph data (BasePage.get_open_graph), with its translations and picture."""
    page = context.get("page") or context.get("self")
    if not isinstance(page, Page) or not page.pk or not hasattr(page, "get_open_graph"):
        return None
    request = context.get("request")
    # Real translations only, from the query the hreflang links already made.
    translations = _page_translations(page, request)
    language = next((code for code, translation_ in translations.items() if translation_.pk == page.pk), None)
    data = page.get_open_graph(request, language=language)
    data["alternate_locales"] = [
        open_graph_locale(code) for code, translation_ in translations.items() if translation_.pk != page.pk
    ]
    image = data.pop("image", None)
    if image:
        picture = image.get_rendition(renditions.spec("social"))
        data["image"] = {
            "url": picture.full_url,
            "width": picture.width,
            "height": picture.height,
            "alt": image.default_alt_text,
        }
    return data
