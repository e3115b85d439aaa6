"""The shared parts every app uses: pagination, page header, card, named image sizes."""

import re

import wagtail_factories

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from home.factories import StandardPageFactory
from portal import renditions
from portal.models import CustomImage
from portal.pagination import paginate


def pager(query):
    request = RequestFactory().get("/fr/recherche/", query)
    page_obj = paginate(request, list(range(25)), 10)
    with translation.override("en"):
        html = render_to_string("components/pagination.html", {"page_obj": page_obj}, request=request)
    return page_obj, html


def test_pagination_links_keep_the_other_parameters():
    page_obj, html = pager({"q": "livre", "page": "2"})

    assert page_obj.number == 2
    assert list(page_obj) == list(range(10, 20))
    assert '<a rel="prev" href="?q=livre&amp;page=1">Previous page</a>' in html
    assert '<a rel="next" href="?q=livre&amp;page=3">Next page</a>' in html
    assert '<li aria-current="page">Page 2 of 3</li>' in html


def test_pagination_turns_a_bad_page_number_into_a_real_page():
    assert pager({"page": "abc"})[0].number == 1
    assert pager({"page": "-4"})[0].number == 3  # Django's get_page: out of range is the last page
    assert pager({"page": "999"})[0].number == 3
    assert pager({})[0].number == 1


def test_a_single_page_needs_no_pagination():
    request = RequestFactory().get("/")
    html = render_to_string("components/pagination.html", {"page_obj": paginate(request, [1, 2], 10)})
    assert html.strip() == ""


def test_page_header_has_breadcrumbs_then_the_one_h1(client, home_page):
    parent = StandardPageFactory(parent=home_page, title="Infos pratiques", slug="infos")
    page = StandardPageFactory(parent=parent, title="Tarifs", slug="tarifs")

    html = client.get(page.url).content.decode()

    assert html.count("<h1") == 1
    breadcrumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert f'<a href="{parent.url}">Infos pratiques</a>' in breadcrumbs
    assert html.index('class="breadcrumbs"') < html.index("<h1>Tarifs</h1>")


def test_breadcrumbs_follow_a_section_renamed_after_a_visit(client, home_page):
    parent = StandardPageFactory(parent=home_page, title="Infos pratiques", slug="infos")
    page = StandardPageFactory(parent=parent, title="Tarifs", slug="tarifs")
    assert ">Infos pratiques</a>" in client.get(page.url).content.decode()

    parent.title = "Bon à savoir"
    parent.save_revision().publish()

    breadcrumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', client.get(page.url).content.decode(), re.S)
    assert ">Bon à savoir</a>" in breadcrumbs.group(0)
    assert "Infos pratiques" not in breadcrumbs.group(0)


def test_card_shows_a_named_size_of_its_picture(db):
    image = wagtail_factories.ImageFactory(file__width=960, file__height=540)
    html = render_to_string(
        "components/card.html",
        {"title": "Tarifs", "url": "/fr/tarifs/", "image": image, "text": "Gratuit", "lang": "fr"},
    )

    assert '<li class="card" lang="fr">' in html
    assert '<h3 class="card__title"><a href="/fr/tarifs/">Tarifs</a></h3>' in html
    assert 'width="480"' in html and 'height="270"' in html and 'alt=""' in html
    assert image.renditions.get().filter_spec == renditions.spec("card")


def test_renditions_are_prefetched_by_name(db, django_assert_num_queries):
    for _ in range(3):
        wagtail_factories.ImageFactory().get_rendition(renditions.spec("card"))

    images = list(renditions.prefetch(CustomImage.objects.all(), "card"))
    with django_assert_num_queries(0):
        for image in images:
            image.get_rendition(renditions.spec("card"))
