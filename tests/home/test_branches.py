import datetime
import json
from decimal import Decimal
from http import HTTPStatus

import pytest
import wagtail_factories

from django.test import override_settings
from django.utils import translation
from django.utils.html import escape

from wagtail.models import Locale, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from home import hours
from home.factories import (
    BranchIndexPageFactory,
    BranchPageFactory,
    MobileBranchPageFactory,
    MobileStopFactory,
    hours_exception,
    opening,
    season,
)
from home.models import BranchIndexPage, BranchPage, HomePage, MobileBranchPage, StandardPage
from tests.queries import queries_for

# Saturday 5 December 2026, 11:00 in Paris: the usual branch is open until the lunch break.
SATURDAY_MORNING = datetime.datetime(2026, 12, 5, 11, 0, tzinfo=hours.PARIS)
SUNDAY_NOON = datetime.datetime(2026, 12, 6, 12, 0, tzinfo=hours.PARIS)


@pytest.fixture
def freeze(monkeypatch):
    def freeze(moment):
        monkeypatch.setattr(hours, "current_time", lambda: moment)

    freeze(SATURDAY_MORNING)
    return freeze


@pytest.fixture
def index(home_page):
    return BranchIndexPageFactory(parent=home_page)


def translate(page, language_code, **fields):
    translated = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def fr(message, **values):
    """What a French visitor reads for an interface string, as it appears in the HTML."""
    with translation.override("fr"):
        translated = translation.gettext(message) % values if values else translation.gettext(message)
    return " ".join(escape(translated).split())


def text(response):
    assert response.status_code == HTTPStatus.OK
    return " ".join(response.content.decode().split())


def test_page_tree_rules(index):
    page_tests = WagtailPageTestCase()
    page_tests.assertCanCreateAt(HomePage, BranchIndexPage)
    page_tests.assertCanCreateAt(BranchIndexPage, BranchPage)
    page_tests.assertCanCreateAt(BranchIndexPage, MobileBranchPage)
    page_tests.assertCanNotCreateAt(StandardPage, BranchIndexPage)
    page_tests.assertCanNotCreateAt(HomePage, MobileBranchPage)
    page_tests.assertCanNotCreateAt(BranchPage, StandardPage)
    page_tests.assertCanNotCreateAt(MobileBranchPage, BranchPage)
    assert BranchPage.can_create_at(index)
    assert not BranchIndexPage.can_create_at(index.get_parent())


def test_branch_page_shows_status_address_and_hours(client, index, freeze):
    branch = BranchPageFactory(
        parent=index,
        title="Médiathèque Jacques Demy",
        slug="jacques-demy",
        street="24 quai de la Fosse",
        postcode="44000",
        city="Nantes",
        phone="02 40 41 95 95",
        email="demy@bibliotheque.example",
        step_free_access=True,
        induction_loop=True,
        exceptions=[hours_exception(datetime.date(2026, 12, 8), "Fête des lumières")],
    )

    html = text(client.get(branch.url))

    assert "<h1>Médiathèque Jacques Demy</h1>" in html
    assert fr("Open now, closes at %(time)s", time="12:30") in html
    assert "<address>" in html
    assert "24 quai de la Fosse<br>44000 Nantes" in html
    assert 'href="tel:+33240419595"' in html
    assert 'href="mailto:demy@bibliotheque.example"' in html
    assert f"<caption>{fr('Opening hours for the next seven days')}</caption>" in html
    span = "%(opens)s to %(closes)s"
    assert f"{fr(span, opens='10:00', closes='12:30')}, {fr(span, opens='14:00', closes='17:00')}" in html
    # Tuesday 8 December is closed for the exception, and says why.
    assert "Fête des lumières" in html
    assert html.count(f">{fr('Closed')}<") == 3  # Sunday, Monday and the holiday
    assert f"<li>{fr('Step-free access')}</li>" in html
    assert f"<li>{fr('Induction loop')}</li>" in html
    assert 'href="/api/branches/jacques-demy.ics"' in html
    assert 'href="/api/branches/jacques-demy.json?lang=fr"' in html


def test_branch_page_shows_seasonal_hours_with_the_seasons_name(client, index, freeze):
    branch = BranchPageFactory(
        parent=index,
        seasons=[
            season(
                "Horaires d'hiver",
                datetime.date(2026, 12, 1),
                datetime.date(2027, 2, 28),
                [opening(5, "09:00", "13:00")],
            )
        ],
    )

    html = text(client.get(branch.url))

    assert fr("Open now, closes at %(time)s", time="13:00") in html
    assert (
        f"<td>{fr('%(opens)s to %(closes)s', opens='09:00', closes='13:00')}</td> <td>Horaires d&#x27;hiver</td>"
        in html
    )


def test_branch_page_photo_has_its_alternative_text(client, index, freeze):
    photo = wagtail_factories.ImageFactory(default_alt_text="La façade vitrée sur la Loire")
    branch = BranchPageFactory(parent=index, photo=photo)

    assert 'alt="La façade vitrée sur la Loire"' in text(client.get(branch.url))


def test_closed_branch_names_the_day_it_opens_in_the_visitors_language(client, index, freeze):
    freeze(SUNDAY_NOON)
    branch = BranchPageFactory(parent=index, slug="bellevue")
    translate(index.get_parent(), "en", title="City libraries")
    english_index = translate(index, "en", title="Our libraries")
    translate(branch, "en", title="Bellevue library")

    french = text(client.get(branch.url))
    english = text(client.get("/en/bibliotheques/bellevue/"))

    # The day names are Django's own, in each visitor's language.
    assert fr("Closed, opens %(day)s at %(time)s", day="mardi", time="10:00") in french
    assert "Closed, opens Tuesday at 10:00" in english
    assert "Bellevue library" in english
    assert english_index.locale.language_code == "en"


def test_branch_with_no_hours_ahead_is_closed_until_further_notice(client, index, freeze):
    branch = BranchPageFactory(
        parent=index,
        weekly_hours=[opening(1, "10:00", "18:00")],
        exceptions=[
            hours_exception(datetime.date(2026, 11, 1), "Travaux", end_date=datetime.date(2028, 1, 1)),
        ],
    )

    html = text(client.get(branch.url))

    assert fr("Closed until further notice") in html
    assert "(Travaux)" in html


def test_mobile_branch_page_lists_upcoming_stops(client, index, freeze):
    bus = MobileBranchPageFactory(parent=index, title="Bibliobus", slug="bibliobus")
    MobileStopFactory(page=bus, date=datetime.date(2026, 12, 4), place="Hier")
    MobileStopFactory(
        page=bus,
        date=datetime.date(2026, 12, 5),
        starts_at=datetime.time(10),
        ends_at=datetime.time(12),
        place="Place du Commerce",
        address="Place du Commerce, Nantes",
        latitude=Decimal("47.213"),
        longitude=Decimal("-1.558"),
    )
    MobileStopFactory(page=bus, date=datetime.date(2026, 12, 8), place="Île de Nantes")

    html = text(client.get(bus.url))

    assert fr("Here now at %(place)s until %(time)s", place="Place du Commerce", time="12:00") in html
    assert "Hier" not in html
    assert "Place du Commerce, Nantes" in html
    assert "mardi 8 décembre" in html
    assert "Île de Nantes" in html


def test_mobile_branch_status_names_the_next_stop(client, index, freeze):
    freeze(SUNDAY_NOON)
    bus = MobileBranchPageFactory(parent=index, slug="bibliobus")
    MobileStopFactory(page=bus, date=datetime.date(2026, 12, 15), place="Trentemoult")

    assert fr(
        "Next stop: %(place)s, %(day)s at %(time)s",
        place="Trentemoult",
        day="mardi 15 décembre",
        time="10:00",
    ) in text(client.get(bus.url))


def make_branches(index, count, offset=0):
    for number in range(offset, offset + count):
        photo = wagtail_factories.ImageFactory()
        BranchPageFactory(
            parent=index, title=f"Bibliothèque {number}", slug=f"bibliotheque-{number}", photo=photo
        )
        bus = MobileBranchPageFactory(parent=index, title=f"Bibliobus {number}", slug=f"bibliobus-{number}")
        MobileStopFactory.create_batch(
            2, page=bus, date=datetime.date(2026, 12, 5), latitude=Decimal("47.2"), longitude=Decimal("-1.5")
        )


# Budgets: measured, then pinned. They must not depend on the amount of content.
BRANCH_LIST_QUERIES = 14
BRANCH_PAGE_QUERIES = 12
MOBILE_PAGE_QUERIES = 13


def test_branch_page_query_count_does_not_grow_with_exceptions_and_services(client, index, freeze):
    branch = BranchPageFactory(parent=index, photo=wagtail_factories.ImageFactory())
    small = queries_for(client, branch.url)
    branch.exceptions = [
        (
            "exception",
            {
                "start_date": datetime.date(2026, 12, day),
                "end_date": None,
                "reason": f"Fermé {day}",
                "hours": [],
            },
        )
        for day in range(1, 29)
    ]
    branch.services = [("service", {"name": f"Service {n}", "description": ""}) for n in range(12)]
    branch.save_revision().publish()
    large = queries_for(client, branch.url)
    assert small == large
    assert large <= BRANCH_PAGE_QUERIES


def test_mobile_page_query_count_does_not_grow_with_stops(client, index, freeze):
    bus = MobileBranchPageFactory(parent=index)
    MobileStopFactory(page=bus, date=datetime.date(2026, 12, 5))
    small = queries_for(client, bus.url)
    MobileStopFactory.create_batch(30, page=bus, date=datetime.date(2026, 12, 9))
    large = queries_for(client, bus.url)
    assert small == large
    assert large <= MOBILE_PAGE_QUERIES


def test_branch_list_query_count_does_not_grow_with_branches(client, index, freeze):
    make_branches(index, 1)
    small = queries_for(client, index.url)
    make_branches(index, 4, offset=1)
    large = queries_for(client, index.url)

    html = text(client.get(index.url))

    assert small == large
    assert large <= BRANCH_LIST_QUERIES
    assert html.count('class="card branch-card"') == 10


def test_branch_list_shows_each_status_and_embeds_the_map_data(client, index, freeze):
    branch = BranchPageFactory(parent=index, title="Bibliothèque Chantenay")
    bus = MobileBranchPageFactory(parent=index, title="Bibliobus")
    MobileStopFactory(
        page=bus, date=datetime.date(2026, 12, 8), place="Bouffay", latitude=47.2, longitude=-1.5
    )
    BranchPageFactory(parent=index, title="Brouillon", live=False)

    response = client.get(index.url)
    html = text(response)
    data = json.loads(
        response.content.decode()
        .split('id="branch-map-data" type="application/json">')[1]
        .split("</script>")[0]
    )

    assert fr("Open now, closes at %(time)s", time="12:30") in html
    assert (
        fr("Next stop: %(place)s, %(day)s at %(time)s", place="Bouffay", day="mardi 8 décembre", time="10:00")
        in html
    )
    assert "Brouillon" not in html
    assert data["tileUrl"] == "http://127.0.0.1:9/{z}/{x}/{y}.png"
    assert [item["title"] for item in data["branches"]] == ["Bibliothèque Chantenay", "Bibliobus"]
    assert data["branches"][0]["latitude"] == float(branch.latitude)
    assert data["branches"][1]["url"] == bus.url
    # The map stays hidden until its tiles load; the list never depends on it.
    assert 'id="branch-map-section" aria-labelledby="map-title" hidden' in html


def test_branch_list_hides_private_branches(client, index, freeze):
    private = BranchPageFactory(parent=index, title="Réserve du personnel")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert "Réserve du personnel" not in text(client.get(index.url))


@override_settings(
    MAP_TILE_URL="https://tiles.example/{z}/{x}/{y}.png", MAP_TILE_ATTRIBUTION="© Contributeurs"
)
def test_map_tiles_come_from_the_settings(client, index, freeze):
    BranchPageFactory(parent=index)

    html = client.get(index.url).content.decode()

    assert '"tileUrl": "https://tiles.example/{z}/{x}/{y}.png"' in html
    assert '"tileAttribution": "\\u00a9 Contributeurs"' in html
