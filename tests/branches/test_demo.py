"""The demo's branches follow the dates they are loaded on and the hours they define."""

import datetime
import io

import pytest

from django.utils import timezone

from branches import demo
from branches.holidays import public_holidays
from branches.models import Branch, HoursException, Stop
from portal.demo import locales

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def loaded(module_db):
    """The branches' demo, loaded once for the module: each test undoes what it changes."""
    locales()
    demo.load(stdout=io.StringIO())


def holidays_around(today):
    return {day for year in (today.year, today.year + 1) for day, _name in public_holidays(year)}


def test_the_bus_and_the_boat_never_stop_on_a_public_holiday(loaded):
    today = timezone.localdate()
    stops = Stop.objects.all()

    assert stops.filter(branch__code="bibliobus").exists()
    assert not {stop.date for stop in stops} & holidays_around(today)


def test_the_boat_stops_from_april_to_october_only_as_its_page_says(loaded):
    dates = Stop.objects.filter(branch__code="peniche").values_list("date", flat=True)

    assert dates
    assert {date.month for date in dates} <= set(range(4, 11))


def test_the_bus_stops_over_the_next_twelve_weeks(loaded):
    today = timezone.localdate()
    dates = list(Stop.objects.filter(branch__code="bibliobus").values_list("date", flat=True))

    assert min(dates) >= today
    assert max(dates) <= today + datetime.timedelta(weeks=demo.BUS_WEEKS)


def test_every_branch_is_closed_on_the_next_christmas_day(loaded):
    today = timezone.localdate()
    christmas = datetime.date(today.year, 12, 25)
    christmas = christmas if christmas >= today else datetime.date(today.year + 1, 12, 25)

    assert Branch.objects.filter(kind=Branch.Kind.BUILDING).count() == 8
    assert HoursException.objects.filter(start_date=christmas, reason__text="Noël").count() == 8
    assert not any(Branch.objects.filter(kind=Branch.Kind.BUILDING).open_on(christmas).values())


def test_loading_again_changes_nothing(loaded):
    counts = [Branch.objects.count(), Stop.objects.count(), HoursException.objects.count()]

    demo.load(stdout=io.StringIO())

    assert [Branch.objects.count(), Stop.objects.count(), HoursException.objects.count()] == counts
