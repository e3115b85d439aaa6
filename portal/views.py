from copy import copy

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.http.request import split_domain_port
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from portal.locales import active_locale
from portal.memory import memory
from portal.tree import remembered
from portal.untranslated import untranslated_response

SUPPORTED = {code for code, _name in settings.LANGUAGES}


def visitor_language(request):
    """The cookie's language, else the browser's Accept-Language, else French."""
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if cookie.lower() in SUPPORTED:
        return cookie.lower()
    return translation.get_language_from_request(request, check_path=False)


@require_safe
def language_redirect(request):
    language = visitor_language(request)
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response


def find_site(request):
    """Wagtail's `Site.find_for_request`, asked of the database once per tree version (portal.tree).

    Wagtail looks the site up with a query on each request and keeps it where its docstring
    says, on `request._wagtail_site`; the site found is kept there in the same way, so that
    Wagtail's own lookups (URLs, settings, serving) find it. Each request gets its own copy.
    """
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        key = ("site", hostname, request.get_port())
        request._wagtail_site = _copy_site(remembered(key, lambda: _site_for(*key[1:])))
    return request._wagtail_site


def _site_for(hostname, port):
    try:
        return get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None


def _copy_site(site):
    if site is None:
        return None
    site = copy(site)
    site.root_page = copy(site.root_page)
    return site


def route_for_request(request, path):
    """Wagtail's `Page.route_for_request`, in one query for a page's own address.

    Wagtail walks the tree from the root page's translation, a query or two per level. Here
    which page an address leads to (its id and type) is known while the tree stays the same
    (portal.tree), and the page itself is read with one query, then asked to route itself with
    no path left, as Wagtail would have asked it; other addresses (a routable page's
    sub-routes) take Wagtail's walk. The route is stored where Wagtail's own lookups (its
    `serve` view) find it.
    """
    if not hasattr(request, "_wagtail_route_for_request"):
        route = None
        site = find_site(request)
        if site is not None:
            locale = active_locale()
            root = remembered(
                ("root", site.root_page_id, locale.pk), lambda: _localized_root(site.root_page, locale)
            )
            parts = [part for part in path.split("/") if part]
            target = root
            if parts:
                url_path = root[2] + "".join(f"{part}/" for part in parts)
                target = remembered(("route", root[0], url_path), lambda: _page_at(root, url_path))
            page = _specific(target)
            try:
                if page is not None:
                    route = page.route(request, [])
                elif parts:
                    root_page = _specific(root)
                    route = root_page.route(request, parts) if root_page is not None else None
            except Http404:
                route = None
        request._wagtail_route_for_request = route
    return request._wagtail_route_for_request


def _localized_root(root, locale):
    """As Wagtail's `localized`: the root page's live translation, else the root page itself."""
    if root.locale_id != locale.pk:
        translated = root.get_translation_or_none(locale)
        if translated is not None and translated.live:
            root = translated
    return (root.pk, root.content_type_id, root.url_path, root.path)


def _page_at(root, url_path):
    """(id, content type, url_path, path) of the page at `url_path` under `root`, or None."""
    return (
        Page.objects.filter(url_path=url_path, path__startswith=root[3])
        .values_list("pk", "content_type_id", "url_path", "path")
        .first()
    )


def _specific(target):
    """The page of `target` (id and content type), read with its own model's fields, or None."""
    if target is None:
        return None
    model = ContentType.objects.get_for_id(target[1]).model_class()
    if model is None:
        return None
    return next(iter(model._default_manager.raw(_by_pk_sql(model), [target[0]])), None)


_by_pk = memory("portal.views.by_pk")


def _by_pk_sql(model):
    """The SQL Django writes for `model.objects.filter(pk=…)`, written once per page type.

    Compiling the query of a page type (Wagtail's forty columns and the type's own) cost more
    than running it; the SQL is the ORM's own, run with `Manager.raw`.
    """
    key = (model, connection.vendor)
    if key not in _by_pk:
        sql, params = model._default_manager.filter(pk=0).order_by().query.sql_with_params()
        assert params == (0,), params  # noqa: S101 (one parameter, the page's id)
        _by_pk[key] = sql
    return _by_pk[key]


def serve_page(request, path):
    """Wagtail's page view, with a notice for pages not translated yet."""
    try:
        find_site(request)
        route = route_for_request(request, path)
        # Wagtail falls back to the French tree when a language has no home page yet.
        if route is not None and route[0].locale_id != active_locale().pk:
            raise Http404
        return wagtail_views.serve(request, path)
    except Http404:
        response = untranslated_response(request, path)
        if response is None:
            raise
        return response


def bad_request(request, exception=None):
    """The request could not be read: say so, without reading its body again."""
    return render(request, "400.html", status=400)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /api/", "Disallow: /*/compte/"]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
