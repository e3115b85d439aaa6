from django.shortcuts import render
from django.views.decorators.http import require_safe

from wagtail.models import Page

from portal.locales import active_locale
from portal.navigation import home_for
from portal.pagination import paginate

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search_pages(request, query):
    """Live, public pages of the visitor's language on this site, best match first."""
    locale = active_locale()
    # Restrictions are mirrored onto translations, so Wagtail's own `.public()` covers every
    # language, in a form the search backends can filter on.
    pages = Page.objects.live().public().filter(locale=locale)
    home = home_for(request, locale)
    if home is not None and home.locale_id == locale.pk:
        pages = pages.filter(path__startswith=home.path)
    return pages.specific().search(query)


@require_safe
def search(request):
    # A NUL character cannot reach PostgreSQL; an endless query is cut, not refused.
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        results = paginate(request, search_pages(request, query), RESULTS_PER_PAGE)
    return render(request, "search/search.html", {"search_query": query, "results": results})
