from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from portal.locales import active_locale
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


def route_for_request(request, path):
    """Wagtail's `Page.route_for_request`, in two queries for a page's own address.

    Wagtail walks the tree from the root page's translation, a query or two per level, and
    looks the active locale up on every request. Here the locale comes from memory, and a
    page whose address is its `url_path` (every page but a routable page's sub-routes) is
    found in one query, then asked to route itself with no path left, as Wagtail would have
    asked it; other addresses take Wagtail's walk. The route is stored where Wagtail's own
    lookups (its `serve` view) find it.
    """
    if not hasattr(request, "_wagtail_route_for_request"):
        route = None
        site = Site.find_for_request(request)
        if site is not None:
            root = site.root_page
            locale = active_locale()
            if root.locale_id != locale.pk:
                # As Wagtail's `localized`: the live translation, else the root page itself.
                translated = root.get_translation_or_none(locale)
                if translated is not None and translated.live:
                    root = translated
            parts = [part for part in path.split("/") if part]
            page = (
                Page.objects.filter(url_path=root.url_path + "".join(f"{part}/" for part in parts))
                .descendant_of(root)
                .specific()
                .first()
                if parts
                else root.specific
            )
            try:
                route = page.route(request, []) if page is not None else root.specific.route(request, parts)
            except Http404:
                route = None
        request._wagtail_route_for_request = route
    return request._wagtail_route_for_request


def serve_page(request, path):
    """Wagtail's page view, with a notice for pages not translated yet."""
    try:
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
