"""What the database refuses, and the checks editors see before it comes to that."""

import datetime
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext

from branches.factories import (
    BranchFactory,
    HoursExceptionFactory,
    PlaceFactory,
    SeasonFactory,
    StopFactory,
    StopPatternFactory,
    VehicleFactory,
)
from branches.holidays import public_holidays
from branches.models import Branch, HoursException, Place, Season, Stop

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="exclusion constraints exist on PostgreSQL only"
)


def refused(callable_):
    with pytest.raises(IntegrityError), transaction.atomic():
        callable_()


def test_season_ending_before_it_starts_is_refused(locales):
    branch = BranchFactory()
    backwards = Season(
        branch=branch, start_date=datetime.date(2026, 8, 31), end_date=datetime.date(2026, 7, 1)
    )

    with pytest.raises(ValidationError) as error:
        backwards.full_clean()
    assert "end_date" in error.value.message_dict
    refused(backwards.save)
    refused(lambda: Season.objects.bulk_create([backwards]))


def test_exception_ending_before_it_starts_is_refused(locales):
    branch = BranchFactory()
    backwards = HoursException(
        branch=branch, start_date=datetime.date(2026, 12, 8), end_date=datetime.date(2026, 12, 1)
    )

    with pytest.raises(ValidationError) as error:
        backwards.full_clean()
    assert "end_date" in error.value.message_dict
    refused(backwards.save)
    # A single day has no end date.
    HoursExceptionFactory(branch=branch, start_date=datetime.date(2026, 12, 8), end_date=None)


@pytest.mark.parametrize("model", [Branch, Place])
def test_latitude_without_longitude_is_refused(locales, model):
    row = (
        BranchFactory(latitude=Decimal("47.2"), longitude=Decimal("-1.5"))
        if model is Branch
        else PlaceFactory()
    )
    row.latitude, row.longitude = Decimal("47.2"), None

    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "longitude" in error.value.message_dict
    refused(row.save)
    row.latitude = None
    row.save()  # neither is fine: the branch is not on the map


def overlapping_seasons(branch):
    SeasonFactory(branch=branch, start_date=datetime.date(2026, 7, 1), end_date=datetime.date(2026, 8, 31))
    return Season(branch=branch, start_date=datetime.date(2026, 8, 31), end_date=datetime.date(2026, 9, 15))


def test_overlapping_seasons_of_a_branch_are_refused(locales):
    branch = BranchFactory()
    second = overlapping_seasons(branch)

    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert error.value.messages == [gettext("This season overlaps another season of the branch.")]
    refused(second.save)
    # The next day, or the same dates at another branch, are fine.
    SeasonFactory(branch=branch, start_date=datetime.date(2026, 9, 1), end_date=datetime.date(2026, 9, 15))
    SeasonFactory(start_date=datetime.date(2026, 8, 31), end_date=datetime.date(2026, 9, 15))


@postgres_only
def test_the_database_itself_refuses_overlapping_seasons(locales):
    second = overlapping_seasons(BranchFactory())

    refused(lambda: Season.objects.bulk_create([second]))


def test_a_vehicle_at_two_stops_at_once_is_refused(locales):
    bus = VehicleFactory()
    day = datetime.date(2026, 12, 8)
    StopFactory(branch=bus, date=day, starts_at=datetime.time(9, 30), ends_at=datetime.time(12))
    clash = Stop(
        branch=bus, date=day, starts_at=datetime.time(11), ends_at=datetime.time(13), place=PlaceFactory()
    )

    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert error.value.messages == [gettext("The vehicle is already at another stop at that time.")]
    refused(clash.save)
    # Leaving at noon and arriving elsewhere at noon is fine; so is another vehicle at that time.
    StopFactory(branch=bus, date=day, starts_at=datetime.time(12), ends_at=datetime.time(13))
    StopFactory(date=day, starts_at=datetime.time(11), ends_at=datetime.time(13))


@postgres_only
def test_the_database_itself_refuses_a_vehicle_at_two_stops_at_once(locales):
    bus = VehicleFactory()
    day = datetime.date(2026, 12, 8)
    StopFactory(branch=bus, date=day)
    clash = Stop(
        branch=bus, date=day, starts_at=datetime.time(11), ends_at=datetime.time(13), place=PlaceFactory()
    )

    refused(lambda: Stop.objects.bulk_create([clash]))


def test_stop_leaving_before_it_arrives_is_refused(locales):
    stop = StopFactory.build(branch=VehicleFactory(), place=PlaceFactory(), ends_at=datetime.time(9))

    with pytest.raises(ValidationError) as error:
        stop.full_clean()
    assert "ends_at" in error.value.message_dict
    refused(stop.save)


def test_public_holidays_follow_easter():
    holidays = dict(public_holidays(2027))

    # Easter Sunday 2027 is 28 March.
    assert holidays[datetime.date(2027, 3, 29)] == "Lundi de Pâques"
    assert holidays[datetime.date(2027, 5, 6)] == "Ascension"
    assert holidays[datetime.date(2027, 5, 17)] == "Lundi de Pentecôte"
    assert holidays[datetime.date(2027, 12, 25)] == "Noël"
    assert len(holidays) == 11


def test_repeating_stop_makes_a_stop_every_week_but_on_public_holidays(locales):
    # Fridays from 4 December 2026 to 1 January 2027: 25 December and 1 January are holidays.
    pattern = StopPatternFactory(
        weekday=4, first_date=datetime.date(2026, 12, 1), last_date=datetime.date(2027, 1, 1)
    )

    dates = list(pattern.stops.order_by("date").values_list("date", flat=True))

    assert dates == [datetime.date(2026, 12, 4), datetime.date(2026, 12, 11), datetime.date(2026, 12, 18)]


def test_saving_a_repeating_stop_again_keeps_its_stops(locales):
    pattern = StopPatternFactory(
        weekday=1, first_date=datetime.date(2026, 12, 1), last_date=datetime.date(2026, 12, 22)
    )
    ids = set(pattern.stops.values_list("pk", flat=True))

    pattern.save()
    assert set(pattern.stops.values_list("pk", flat=True)) == ids
    # A week shorter: the last stop goes, the others stay as they were.
    pattern.last_date = datetime.date(2026, 12, 15)
    pattern.save()
    assert set(pattern.stops.values_list("pk", flat=True)) < ids
    assert pattern.stops.count() == 3


def test_repeating_stop_leaves_out_a_day_the_vehicle_is_elsewhere(locales):
    bus = VehicleFactory()
    elsewhere = StopFactory(branch=bus, date=datetime.date(2026, 12, 8), starts_at=datetime.time(9))

    pattern = StopPatternFactory(
        branch=bus, weekday=1, first_date=datetime.date(2026, 12, 1), last_date=datetime.date(2026, 12, 15)
    )

    assert list(pattern.stops.values_list("date", flat=True)) == [
        datetime.date(2026, 12, 1),
        datetime.date(2026, 12, 15),
    ]
    assert Stop.objects.filter(branch=bus, date=datetime.date(2026, 12, 8)).get() == elsewhere
