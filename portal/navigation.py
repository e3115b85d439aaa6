"""The main menu and the footer's practical links, in the visitor's language.

The menu is what editors mark "show in menus" directly under the home page of the
language, in the tree's order. The footer links are not chosen page by page: a page type
that sets `footer_order` (the contact form, the legal pages, the branch list) is linked
from every footer, whichever app defines it, so that `portal` names no app.
"""

from copy import copy
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wagtail.models import Page, Site, get_page_models

from portal.locales import active_locale
from portal.restrictions import private_q
from portal.tree import remembered


@dataclass
class Link:
    title: str
    url: str
    lang: str  # the page's language where it differs from the visitor's, else ""
    path: str
    current: str = ""  # aria-current: "page" on the page itself, "true" on its section


def footer_models():
    """Page types linked from every footer, in their `footer_order`."""
    models = [model for model in get_page_models() if getattr(model, "footer_order", None) is not None]
    return sorted(models, key=lambda model: model.footer_order)


def home_for(request, locale):
    """The home page of the visitor's language (its path and depth), else the site's root page."""
    site = Site.find_for_request(request) if request is not None else None
    root = site.root_page if site is not None else None
    if root is None:
        return None
    if root.locale_id == locale.pk:
        return root
    home = remembered(("home", root.pk, locale.pk), lambda: _translated_home(root, locale))
    # A language without a home page yet: its visitors get the French menu, marked as French.
    return copy(home) if home is not None else root


def _translated_home(root, locale):
    return (
        Page.objects.filter(translation_key=root.translation_key, locale=locale)
        .select_related("locale")
        .only("path", "depth", "url_path", "locale__language_code")
        .first()
    )


def navigation(request):
    """The menu and footer links, from one query while the tree stays the same (portal.tree).

    Kept on the request too: the header and the footer both ask.
    """
    cached = getattr(request, "_bibo_navigation", None)
    if cached is not None:
        return cached
    locale = active_locale()
    site = Site.find_for_request(request) if request is not None else None
    key = ("navigation", site.pk if site is not None else None, locale.pk)
    result = remembered(key, lambda: _navigation(request, locale))
    if request is not None:
        request._bibo_navigation = result
    return result


def _navigation(request, locale):
    result = {"menu": [], "footer": []}
    home = home_for(request, locale)
    if home is not None:
        models = footer_models()
        content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
        order = {content_types[model].pk: position for position, model in enumerate(models)}
        rows = (
            Page.objects.live()
            .filter(path__startswith=home.path, depth__gt=home.depth)
            .filter(Q(depth=home.depth + 1, show_in_menus=True) | Q(content_type__in=order.keys()))
            .exclude(private_q())
            .order_by("path")
            .values_list("title", "url_path", "path", "depth", "show_in_menus", "content_type")
        )
        # Every link is under the home page: its address is the home page's plus its own path,
        # and its language the home page's (French where a language has no home page yet).
        home_url = home.get_url(request=request) or "/"
        lang = "" if home.locale_id == locale.pk else home.locale.language_code
        footer = {}
        for title, url_path, path, depth, show_in_menus, content_type in rows:
            link = Link(
                title=title, url=home_url + url_path.removeprefix(home.url_path), lang=lang, path=path
            )
            if depth == home.depth + 1 and show_in_menus:
                result["menu"].append(link)
            if content_type in order:
                footer.setdefault(order[content_type], link)
        result["footer"] = [footer[position] for position in sorted(footer)]
    return result
