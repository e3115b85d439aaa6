"""What the search app adds to the portal: its page under each language, and the header's box."""

from django.urls import include, path, reverse

from wagtail import hooks

from portal.registry import PAGE_URLS, SITE_SEARCH


@hooks.register(PAGE_URLS)
def page_urls():
    return [path("recherche/", include("search.urls"))]


@hooks.register(SITE_SEARCH)
def search_page():
    return reverse("search")
