import datetime
from decimal import Decimal
from http import HTTPStatus

import icalendar
import pytest

from wagtail.models import Locale, PageViewRestriction

from branches import hours
from branches.models import Reason
from home.factories import (
    BranchIndexPageFactory,
    BranchPageFactory,
    MobileBranchPageFactory,
    MobileStopFactory,
    hours_exception,
)
from tests.queries import BRANCH_ANSWERS, queries_for

# Saturday 5 December 2026, 11:00 in Paris.
NOW = datetime.datetime(2026, 12, 5, 11, 0, tzinfo=hours.PARIS)


@pytest.fixture(autouse=True)
def frozen(monkeypatch):
    monkeypatch.setattr(hours, "current_time", lambda: NOW)


@pytest.fixture
def index(home_page):
    return BranchIndexPageFactory(parent=home_page)


@pytest.fixture
def branch(index):
    return BranchPageFactory(
        parent=index,
        title="Médiathèque Jacques Demy",
        slug="jacques-demy",
        exceptions=[hours_exception(datetime.date(2026, 12, 8), "Fête des lumières")],
    )


@pytest.fixture
def bus(index):
    bus = MobileBranchPageFactory(parent=index, title="Bibliobus", slug="bibliobus")
    MobileStopFactory(
        page=bus,
        date=datetime.date(2026, 12, 5),
        place="Place du Commerce",
        address="Place du Commerce, 44000 Nantes",
        latitude=Decimal("47.213"),
        longitude=Decimal("-1.558"),
    )
    MobileStopFactory(page=bus, date=datetime.date(2026, 12, 10), place="Trentemoult")
    MobileStopFactory(page=bus, date=datetime.date(2027, 3, 1), place="Plus tard")
    return bus


def test_branch_json_gives_status_and_the_next_seven_days(client, branch):
    response = client.get("/api/branches/jacques-demy.json")
    data = response.json()

    assert response.status_code == HTTPStatus.OK
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "max-age=300" in response["Cache-Control"]
    assert data["title"] == "Médiathèque Jacques Demy"
    assert data["url"] == "http://localhost/fr/bibliotheques/jacques-demy/"
    assert data["address"] == {"street": branch.branch.street, "postcode": "44000", "city": "Nantes"}
    assert data["position"] == {
        "latitude": float(branch.branch.latitude),
        "longitude": float(branch.branch.longitude),
    }
    assert data["status"] == {
        "is_open": True,
        "closes_at": "2026-12-05T12:30:00+01:00",
        "opens_at": None,
        "reason": "",
    }
    assert [day["date"] for day in data["days"]][:2] == ["2026-12-05", "2026-12-06"]
    assert len(data["days"]) == 7
    assert data["days"][0]["intervals"] == [
        {"opens": "2026-12-05T10:00:00+01:00", "closes": "2026-12-05T12:30:00+01:00"},
        {"opens": "2026-12-05T14:00:00+01:00", "closes": "2026-12-05T17:00:00+01:00"},
    ]
    assert data["days"][3] == {"date": "2026-12-08", "intervals": [], "reason": "Fête des lumières"}
    assert data["links"]["ics"] == "http://testserver/api/branches/jacques-demy.ics"


def test_mobile_branch_json_gives_the_stops_of_the_week(client, bus):
    data = client.get("/api/branches/bibliobus.json").json()

    assert data["type"] == "mobile"
    assert data["status"] == {
        "is_open": True,
        "closes_at": "2026-12-05T12:00:00+01:00",
        "opens_at": None,
        "place": "Place du Commerce",
    }
    assert data["position"] == {"latitude": 47.213, "longitude": -1.558}
    assert [stop["place"] for stop in data["stops"]] == ["Place du Commerce", "Trentemoult"]
    assert data["stops"][1]["starts_at"] == "2026-12-10T10:00:00+01:00"


def test_branch_list_has_every_live_branch(client, branch, bus, index):
    BranchPageFactory(parent=index, title="Brouillon", live=False)

    response = client.get("/api/branches/")
    data = response.json()

    assert response["Access-Control-Allow-Origin"] == "*"
    assert [item["title"] for item in data["branches"]] == ["Médiathèque Jacques Demy", "Bibliobus"]
    assert data["generated_at"] == "2026-12-05T11:00:00+01:00"


def test_branch_list_in_another_language_uses_the_translations(client, branch, bus):
    english = Locale.objects.get(language_code="en")
    for page in (branch.get_parent().get_parent(), branch.get_parent(), branch):
        translated = page.copy_for_translation(english)
        if page.pk == branch.pk:
            translated.title = "Jacques Demy library"
        translated.save_revision().publish()

    data = client.get("/api/branches/?lang=en").json()

    assert [item["title"] for item in data["branches"]] == ["Jacques Demy library", "Bibliobus"]
    assert data["branches"][0]["url"] == "http://localhost/en/bibliotheques/jacques-demy/"
    assert data["branches"][0]["slug"] == "jacques-demy"


def translate(page, language_code="en", **fields):
    translated = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def test_branch_list_in_another_language_has_the_reasons_the_translated_pages_show(client, branch):
    translate(branch.get_parent().get_parent())
    translate(branch.get_parent())
    translate(branch, title="Jacques Demy library")
    reason = Reason.objects.get(text="Fête des lumières")
    english_reason = reason.copy_for_translation(Locale.objects.get(language_code="en"))
    english_reason.text = "Festival of Lights"
    english_reason.save()

    english_data = client.get("/api/branches/?lang=en").json()["branches"][0]
    french_data = client.get("/api/branches/").json()["branches"][0]

    assert english_data["days"][3] == {"date": "2026-12-08", "intervals": [], "reason": "Festival of Lights"}
    assert french_data["days"][3]["reason"] == "Fête des lumières"
    assert "Festival of Lights" in client.get("/en/bibliotheques/jacques-demy/").content.decode()


def test_private_translation_is_not_in_the_api(client, branch):
    translate(branch.get_parent().get_parent())
    translate(branch.get_parent())
    english = translate(branch, title="Réservé au personnel")
    PageViewRestriction.objects.create(page=english, restriction_type=PageViewRestriction.LOGIN)

    listed = client.get("/api/branches/?lang=en").json()["branches"][0]
    alone = client.get("/api/branches/jacques-demy.json?lang=en").json()
    calendar = icalendar.Calendar.from_ical(client.get("/api/branches/jacques-demy.ics?lang=en").content)

    assert listed["title"] == alone["title"] == "Médiathèque Jacques Demy"
    assert listed["url"] == alone["url"] == "http://localhost/fr/bibliotheques/jacques-demy/"
    assert "Réservé" not in str(calendar["NAME"])


def make_branches(index, count, offset=0, language_code=None):
    for number in range(offset, offset + count):
        branch = BranchPageFactory(parent=index, slug=f"bibliotheque-{number}")
        bus = MobileBranchPageFactory(parent=index, title=f"Bibliobus {number}", slug=f"bibliobus-{number}")
        MobileStopFactory.create_batch(3, page=bus, date=datetime.date(2026, 12, 6))
        if language_code:
            translate(branch, language_code)
            translate(bus, language_code)


# Budgets: measured, then pinned (the seasons and the exceptions of the branches: one query each,
# 4 → 5). With `?lang=`: the translations of each page type, and the
# view restrictions that keep private translations out. Each counts the read of the tree's
# version (portal.tree), which tells whether any page is private.
BRANCH_LIST_QUERIES = 6
TRANSLATED_BRANCH_LIST_QUERIES = 8


def test_branch_list_query_count_does_not_grow_with_branches(client, index):
    make_branches(index, 1)
    small = queries_for(client, "/api/branches/", forgetting=BRANCH_ANSWERS)
    make_branches(index, 4, offset=1)
    large = queries_for(client, "/api/branches/", forgetting=BRANCH_ANSWERS)

    assert small == large
    assert large <= BRANCH_LIST_QUERIES
    assert len(client.get("/api/branches/").json()["branches"]) == 10


def test_translated_branch_list_query_count_does_not_grow_with_branches(client, index):
    translate(index.get_parent())
    translate(index)
    make_branches(index, 1, language_code="en")
    small = queries_for(client, "/api/branches/?lang=en", forgetting=BRANCH_ANSWERS)
    make_branches(index, 4, offset=1, language_code="en")
    large = queries_for(client, "/api/branches/?lang=en", forgetting=BRANCH_ANSWERS)

    branches = client.get("/api/branches/?lang=en").json()["branches"]
    assert small == large
    assert large <= TRANSLATED_BRANCH_LIST_QUERIES
    assert len(branches) == 10
    assert all("/en/" in branch["url"] for branch in branches)


@pytest.mark.parametrize("url", ["/api/branches/nowhere.json", "/api/branches/nowhere.ics"])
def test_unknown_slug_is_a_json_404(client, branch, url):
    response = client.get(url)

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"] == "not_found"


def test_unpublished_branch_is_not_in_the_api(client, index):
    BranchPageFactory(parent=index, slug="brouillon", live=False)

    assert client.get("/api/branches/brouillon.json").status_code == HTTPStatus.NOT_FOUND


def test_api_refuses_to_write(client, branch):
    assert client.post("/api/branches/").status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_branch_calendar_has_one_event_per_opening_for_eight_weeks(client, branch):
    response = client.get("/api/branches/jacques-demy.ics")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.events

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "max-age=300" in response["Cache-Control"]
    assert [timezone.tz_name for timezone in calendar.timezones] == ["Europe/Paris"]
    # Tuesday to Saturday, two openings on Saturdays: 6 a week, minus the closed holiday.
    assert len(events) == 8 * 6 - 1
    first = events[0]
    assert first.get("DTSTART").params["TZID"] == "Europe/Paris"
    assert first.start == datetime.datetime(2026, 12, 5, 10, 0, tzinfo=hours.PARIS)
    assert first.end == datetime.datetime(2026, 12, 5, 12, 30, tzinfo=hours.PARIS)
    assert "Médiathèque Jacques Demy" in str(first["SUMMARY"])
    assert first["GEO"].latitude == float(branch.branch.latitude)
    assert "DTSTART;TZID=Europe/Paris:20261205T100000" in response.content.decode()
    assert not [event for event in events if event.start.date() == datetime.date(2026, 12, 8)]


def test_branch_calendar_uids_are_stable(client, branch):
    first = icalendar.Calendar.from_ical(client.get("/api/branches/jacques-demy.ics").content)
    second = icalendar.Calendar.from_ical(client.get("/api/branches/jacques-demy.ics").content)

    uids = [str(event["UID"]) for event in first.events]
    assert uids == [str(event["UID"]) for event in second.events]
    assert len(set(uids)) == len(uids)


def test_calendar_across_the_change_of_time_keeps_local_opening_times(client, index, monkeypatch):
    monkeypatch.setattr(
        hours, "current_time", lambda: datetime.datetime(2026, 10, 20, 9, 0, tzinfo=hours.PARIS)
    )
    BranchPageFactory(parent=index, slug="chantenay")

    calendar = icalendar.Calendar.from_ical(client.get("/api/branches/chantenay.ics").content)
    starts = [event.start for event in calendar.events]

    # Tuesday 20 October is summer time, Tuesday 27 October winter time: both open at 10:00.
    assert starts[0].strftime("%Y-%m-%d %H:%M %z") == "2026-10-20 10:00 +0200"
    tuesday_after = next(start for start in starts if start.date() == datetime.date(2026, 10, 27))
    assert tuesday_after.strftime("%H:%M %z") == "10:00 +0100"


def test_mobile_branch_calendar_has_one_event_per_stop_with_its_place(client, bus):
    calendar = icalendar.Calendar.from_ical(client.get("/api/branches/bibliobus.ics").content)
    events = calendar.events

    # The stop in March is more than eight weeks away.
    assert len(events) == 2
    assert str(events[0]["LOCATION"]) == "Place du Commerce, Place du Commerce, 44000 Nantes"
    assert events[0]["GEO"].longitude == -1.558
    assert events[0].start == datetime.datetime(2026, 12, 5, 10, 0, tzinfo=hours.PARIS)
    assert str(events[0]["UID"]).startswith("stop-")
    assert "GEO" not in events[1]
