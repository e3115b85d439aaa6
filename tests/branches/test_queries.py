""" "Open on D?" and "next open day after D" for many branches at once (due dates will use them)."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from branches.factories import (
    BranchFactory,
    HoursExceptionFactory,
    SeasonFactory,
    StopFactory,
    VehicleFactory,
    opening,
    time_ranges,
)
from branches.models import Branch

pytestmark = pytest.mark.django_db

SATURDAY = datetime.date(2026, 12, 5)
SUNDAY = datetime.date(2026, 12, 6)
TUESDAY = datetime.date(2026, 12, 8)


def test_open_on_a_day_reads_weekly_hours_seasons_exceptions_and_stops(locales):
    usual = BranchFactory()  # Tuesday to Saturday
    holiday = BranchFactory()
    HoursExceptionFactory(branch=holiday, start_date=SATURDAY)
    winter = BranchFactory()
    SeasonFactory(
        branch=winter,
        start_date=datetime.date(2026, 12, 1),
        end_date=datetime.date(2027, 2, 28),
        hours=[opening(6, "14:00", "18:00")],
    )
    bus = VehicleFactory()
    StopFactory(branch=bus, date=SATURDAY)
    idle_bus = VehicleFactory()

    on_saturday = Branch.objects.open_on(SATURDAY)
    on_sunday = Branch.objects.open_on(SUNDAY)

    assert on_saturday == {
        usual.pk: True,
        holiday.pk: False,
        winter.pk: False,
        bus.pk: True,
        idle_bus.pk: False,
    }
    assert on_sunday == {
        usual.pk: False,
        holiday.pk: False,
        winter.pk: True,
        bus.pk: False,
        idle_bus.pk: False,
    }


def test_an_opening_after_midnight_belongs_to_the_day_it_starts(locales):
    night = BranchFactory(weekly_hours=[opening(4, "20:00", "02:00")])  # Friday night

    assert Branch.objects.open_on(datetime.date(2026, 12, 4)) == {night.pk: True}
    assert Branch.objects.open_on(SATURDAY) == {night.pk: False}
    # A late opening on a closed Monday opens that Monday.
    HoursExceptionFactory(
        branch=night, start_date=datetime.date(2026, 12, 7), hours=time_ranges([("18:00", "00:30")])
    )
    assert Branch.objects.open_on(datetime.date(2026, 12, 7)) == {night.pk: True}


def test_next_open_day_skips_closed_days_exceptions_and_idle_vehicles(locales):
    usual = BranchFactory()
    works = BranchFactory()
    HoursExceptionFactory(branch=works, start_date=SUNDAY, end_date=datetime.date(2027, 1, 10))
    never = BranchFactory(weekly_hours=[])
    bus = VehicleFactory()
    StopFactory(branch=bus, date=SATURDAY)
    StopFactory(branch=bus, date=datetime.date(2026, 12, 15))

    assert Branch.objects.next_open_day(SATURDAY) == {
        usual.pk: TUESDAY,
        works.pk: datetime.date(2027, 1, 12),
        never.pk: None,
        bus.pk: datetime.date(2026, 12, 15),
    }


def make_branches(count):
    for _number in range(count):
        branch = BranchFactory()
        HoursExceptionFactory(branch=branch, start_date=TUESDAY)
        SeasonFactory(branch=branch)
        StopFactory(branch=VehicleFactory(), date=TUESDAY)


def queries(callable_):
    with CaptureQueriesContext(connection) as context:
        result = callable_()
    return len(context), result


# Budget: the branches, their seasons, their exceptions, the vehicles' stops.
OPEN_DAY_QUERIES = 4


def test_open_day_queries_do_not_grow_with_branches(locales):
    make_branches(1)
    small, _result = queries(lambda: Branch.objects.next_open_day(SATURDAY))
    small_open, _result = queries(lambda: Branch.objects.open_on(TUESDAY))
    make_branches(6)
    large, result = queries(lambda: Branch.objects.next_open_day(SATURDAY))
    large_open, open_on = queries(lambda: Branch.objects.open_on(TUESDAY))

    assert small == large <= OPEN_DAY_QUERIES
    assert small_open == large_open <= OPEN_DAY_QUERIES
    assert len(result) == 14
    # The buildings are closed on Tuesday 8 December, the buses there.
    assert sorted(open_on.values()) == [False] * 7 + [True] * 7
