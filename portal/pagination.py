"""One way to cut a listing into pages: `paginate(request, items, per_page)`.

Built on Django's `Paginator.get_page()`, which turns a missing, non-numeric or
out-of-range `?page=` into the first or last page: a hand-typed address never gives a 404
or a 500. The template `components/pagination.html` shows the links, keeping the other
parameters of the address (filters, a search query).
"""

from django.core.paginator import Paginator

PAGE_PARAMETER = "page"


def paginate(request, items, per_page):
    """The page of `items` the request asks for (`?page=`), a Django `Page`."""
    return Paginator(items, per_page).get_page(request.GET.get(PAGE_PARAMETER))
