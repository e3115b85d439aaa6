from http import HTTPStatus

import pytest

from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory


@pytest.fixture
def pages(home_page, locales):
    shown = StandardPageFactory(
        parent=home_page, title="Emprunter des liseuses", summary="Des liseuses à prêter."
    )
    hidden = StandardPageFactory(parent=home_page, title="Liseuses réservées au personnel")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    draft = StandardPageFactory(parent=home_page, title="Liseuses en préparation")
    draft.unpublish()
    arabic_home = home_page.copy_for_translation(locales["ar"])
    arabic_home.save_revision().publish()
    arabic = shown.copy_for_translation(locales["ar"])
    arabic.title = "استعارة القارئات liseuses"
    arabic.save_revision().publish()
    return {"shown": shown, "hidden": hidden, "draft": draft, "arabic": arabic}


def test_search_finds_live_public_pages_of_the_visitors_language(client, pages):
    response = client.get("/fr/recherche/", {"q": "liseuses"})
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Emprunter des liseuses" in html
    assert "Des liseuses à prêter." in html
    assert "réservées au personnel" not in html
    assert "en préparation" not in html
    assert "استعارة" not in html
    assert "1 résultat pour" in html


def test_search_in_arabic_finds_arabic_pages(client, pages):
    html = client.get("/ar/recherche/", {"q": "liseuses"}).content.decode()
    assert "استعارة القارئات" in html
    assert "Emprunter des liseuses" not in html


def test_search_pages_are_not_indexed_by_search_engines(client, pages):
    html = client.get("/fr/recherche/", {"q": "liseuses"}).content.decode()
    assert '<meta name="robots" content="noindex">' in html


def test_results_are_paginated(client, home_page):
    for number in range(12):
        StandardPageFactory(parent=home_page, title=f"Atelier numérique {number}")
    first = client.get("/fr/recherche/", {"q": "atelier"}).content.decode()
    assert first.count('class="search-result"') == 10
    assert "Page 1 sur 2" in first
    second = client.get("/fr/recherche/", {"q": "atelier", "page": "2"}).content.decode()
    assert second.count('class="search-result"') == 2


@pytest.mark.parametrize(
    "params",
    [
        {"q": "atelier", "page": "abc"},
        {"q": "atelier", "page": "999"},
        {"q": "a\x00b"},
        {"q": "x" * 5000},
        {},
    ],
)
def test_bad_input_gets_an_answer_not_an_error(client, home_page, params):
    assert client.get("/fr/recherche/", params).status_code == HTTPStatus.OK
