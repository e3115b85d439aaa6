"""The main menu, the footer's practical links and the search box, on every page."""

import re
from html import unescape
from http import HTTPStatus

import pytest

from wagtail.models import PageViewRestriction

from home.factories import (
    AccessibilityStatementPageFactory,
    BranchIndexPageFactory,
    ContactPageFactory,
    LegalNoticePageFactory,
    PrivacyPageFactory,
    StandardPageFactory,
)
from tests.queries import queries_for


def menu_of(html):
    menu = re.search(r'<ul class="main-nav__list" id="main-menu">(.*?)</ul>', html, re.S)
    return [unescape(title) for title in re.findall(r"<a [^>]*>([^<]+)</a>", menu.group(1))] if menu else []


def footer_of(html):
    footer = re.search(r'<ul class="site-footer__links">(.*?)</ul>', html, re.S)
    links = re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', footer.group(1)) if footer else []
    return [(url, unescape(title)) for url, title in links]


@pytest.fixture
def menu_pages(home_page):
    pages = {
        title: StandardPageFactory(parent=home_page, title=title, show_in_menus=shown)
        for title, shown in [("S'inscrire", True), ("Tarifs", False), ("Emprunter", True)]
    }
    return pages


def test_menu_lists_the_pages_marked_show_in_menus_in_the_tree_order(client, menu_pages):
    html = client.get("/fr/").content.decode()
    assert menu_of(html) == ["S'inscrire", "Emprunter"]


def test_reordering_pages_reorders_the_menu(client, menu_pages):
    menu_pages["Emprunter"].move(menu_pages["S'inscrire"], pos="left")
    assert menu_of(client.get("/fr/").content.decode()) == ["Emprunter", "S'inscrire"]


def test_menu_marks_the_current_page_and_its_section(client, menu_pages):
    register = menu_pages["S'inscrire"]
    child = StandardPageFactory(parent=register, title="Pour les enfants")
    html = client.get(register.url).content.decode()
    assert re.search(r'<a href="[^"]+" aria-current="page">S&#x27;inscrire</a>', html)
    html = client.get(child.url).content.decode()
    assert re.search(r'<a href="[^"]+" aria-current="true">S&#x27;inscrire</a>', html)
    assert 'aria-current="page">Emprunter' not in html


def test_menu_is_in_the_visitors_language(client, menu_pages, locales, home_page):
    arabic_home = home_page.copy_for_translation(locales["ar"])
    arabic_home.save_revision().publish()
    translation = menu_pages["S'inscrire"].copy_for_translation(locales["ar"])
    translation.title = "التسجيل"
    translation.save_revision().publish()
    html = client.get("/ar/").content.decode()
    assert menu_of(html) == ["التسجيل"]


def test_private_and_draft_pages_stay_out_of_the_menu(client, menu_pages, home_page):
    PageViewRestriction.objects.create(page=menu_pages["Emprunter"], restriction_type="login")
    draft = StandardPageFactory(parent=home_page, title="Brouillon", show_in_menus=True)
    draft.unpublish()
    assert menu_of(client.get("/fr/").content.decode()) == ["S'inscrire"]


def test_footer_links_the_practical_pages_and_the_contact_page_is_reachable(client, home_page):
    branches = BranchIndexPageFactory(parent=home_page, title="Nos bibliothèques")
    contact = ContactPageFactory(parent=home_page, title="Nous écrire")
    legal = LegalNoticePageFactory(parent=home_page)
    accessibility = AccessibilityStatementPageFactory(parent=home_page)
    privacy = PrivacyPageFactory(parent=home_page)
    html = client.get("/fr/").content.decode()
    assert footer_of(html) == [
        (branches.url, "Nos bibliothèques"),
        (contact.url, "Nous écrire"),
        (legal.url, "Mentions légales"),
        (accessibility.url, "Déclaration d'accessibilité"),
        (privacy.url, "Données personnelles"),
    ]
    assert client.get(contact.url).status_code == HTTPStatus.OK


def test_every_page_has_a_search_box_leading_to_the_search_page(client, home_page):
    page = StandardPageFactory(parent=home_page)
    for url in ("/fr/", page.url, "/fr/compte/login/"):
        html = client.get(url).content.decode()
        assert re.search(
            r'<form class="site-search" role="search" action="/fr/recherche/" method="get">', html
        )
        assert 'name="q"' in html
    html = client.get("/ar/compte/login/").content.decode()
    assert 'action="/ar/recherche/"' in html


def test_menu_costs_no_query_of_its_own(client, menu_pages):
    without_menu = queries_for(client, "/fr/compte/login/")
    for page in menu_pages.values():
        page.show_in_menus = False
        page.save_revision().publish()
    assert queries_for(client, "/fr/compte/login/") == without_menu
