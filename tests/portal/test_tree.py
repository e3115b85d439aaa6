"""What the public pages remember of the page tree follows every change at the next request.

The menu, the addresses, the translations and the private sections are remembered by each
process while the tree's version stays the same (portal.tree); database triggers change the
version, so that a change made where this process hears of nothing (another worker, a script,
a bulk update) is seen as soon as one made in the admin.
"""

import pytest

from django.db import connection, transaction

from wagtail.models import Page, PageViewRestriction

from home.factories import StandardPageFactory
from tests.portal.test_navigation import menu_of

# The changes below are made with SQL, as another process would: no signal reaches this one.
silent = pytest.mark.usefixtures("triggers_at_once")


@pytest.fixture
def menu_pages(home_page):
    return {
        title: StandardPageFactory(parent=home_page, title=title, show_in_menus=shown)
        for title, shown in [("Emprunter", True), ("Tarifs", False)]
    }


def menu(client, url="/fr/"):
    response = client.get(url)
    assert response.status_code == 200
    return menu_of(response.content.decode())


@silent
def test_a_bulk_update_reaches_the_menu_at_the_next_request(client, menu_pages):
    assert menu(client) == ["Emprunter"]
    assert menu(client) == ["Emprunter"]  # remembered now

    Page.objects.filter(pk=menu_pages["Tarifs"].pk).update(show_in_menus=True, title="Nos tarifs")

    assert menu(client) == ["Emprunter", "Nos tarifs"]


@silent
def test_a_page_made_private_by_another_process_leaves_the_menu_and_is_refused(client, menu_pages):
    borrow = menu_pages["Emprunter"]
    assert menu(client) == ["Emprunter"]
    assert client.get(borrow.url).status_code == 200

    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {PageViewRestriction._meta.db_table} (page_id, restriction_type, password) "  # noqa: S608
            "VALUES (%s, %s, '')",
            [borrow.pk, PageViewRestriction.LOGIN],
        )

    assert menu(client) == []
    # Login-only: Wagtail sends the visitor to the login page instead of showing it.
    assert client.get(borrow.url).status_code == 302


@silent
def test_a_page_moved_away_by_another_process_is_no_longer_found_at_its_old_address(client, menu_pages):
    borrow = menu_pages["Emprunter"]
    old_address = borrow.url
    assert client.get(old_address).status_code == 200

    Page.objects.filter(pk=borrow.pk).update(
        slug="pret", url_path=borrow.url_path.replace("emprunter", "pret")
    )

    assert client.get(old_address).status_code == 404
    assert client.get(old_address.replace("emprunter", "pret")).status_code == 200


def test_a_page_rolled_back_leaves_nothing_behind(client, menu_pages, home_page):
    assert menu(client) == ["Emprunter"]
    with pytest.raises(RuntimeError), transaction.atomic():
        StandardPageFactory(parent=home_page, title="Éphémère", show_in_menus=True)
        assert menu(client) == ["Emprunter", "Éphémère"]
        raise RuntimeError("the editor's save failed")

    assert menu(client) == ["Emprunter"]
