import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from branches.models import Branch, HoursException, Place, Reason, Season, Stop, StopPattern
from portal.locales import default_locale


def opening(weekday, opens, closes):
    """One line of weekly hours: `opening(5, "10:00", "12:30")` is Saturday morning."""
    return (
        "opening",
        {
            "weekday": str(weekday),
            "opens": datetime.time.fromisoformat(opens),
            "closes": datetime.time.fromisoformat(closes),
        },
    )


def tuesday_to_saturday():
    """A common pattern for a neighbourhood library, with a lunch break on Saturday."""
    return [
        opening(1, "10:00", "18:00"),
        opening(2, "10:00", "18:00"),
        opening(3, "14:00", "19:00"),
        opening(4, "10:00", "18:00"),
        opening(5, "10:00", "12:30"),
        opening(5, "14:00", "17:00"),
    ]


def time_ranges(pairs):
    """The hours of an exception, as ("10:00", "23:00") pairs."""
    return [
        (
            "opening",
            {"opens": datetime.time.fromisoformat(opens), "closes": datetime.time.fromisoformat(closes)},
        )
        for opens, closes in pairs
    ]


class ReasonFactory(DjangoModelFactory):
    text = factory.Sequence(lambda n: f"Fermeture {n}")
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Reason
        django_get_or_create = ("text", "locale")


class PlaceFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Place du Marché {n}")
    address = "Place du Marché, Nantes"
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Place


class BranchFactory(DjangoModelFactory):
    code = factory.Sequence(lambda n: f"bibliotheque-{n}")
    name = factory.Sequence(lambda n: f"Bibliothèque {n}")
    street = factory.Sequence(lambda n: f"{n + 1} rue des Lilas")
    postcode = "44000"
    city = "Nantes"
    latitude = factory.Sequence(lambda n: Decimal("47.210000") + Decimal("0.004") * n)
    longitude = factory.Sequence(lambda n: Decimal("-1.550000") + Decimal("0.004") * n)
    phone = "02 40 00 00 00"
    email = "bibliotheque@example.org"
    weekly_hours = factory.LazyFunction(tuesday_to_saturday)

    class Meta:
        model = Branch
        django_get_or_create = ("code",)


class VehicleFactory(BranchFactory):
    code = factory.Sequence(lambda n: f"bibliobus-{n}")
    name = "Bibliobus"
    kind = Branch.Kind.BUS
    street = postcode = city = ""
    latitude = longitude = None
    weekly_hours = factory.LazyFunction(list)


class SeasonFactory(DjangoModelFactory):
    branch = factory.SubFactory(BranchFactory)
    name = factory.SubFactory(ReasonFactory, text="Horaires d'été")
    start_date = datetime.date(2026, 7, 1)
    end_date = datetime.date(2026, 8, 31)
    hours = factory.LazyFunction(lambda: [opening(2, "10:00", "13:00")])

    class Meta:
        model = Season


class HoursExceptionFactory(DjangoModelFactory):
    """A closed day by default; `hours=time_ranges([...])` for a late opening."""

    branch = factory.SubFactory(BranchFactory)
    start_date = factory.LazyFunction(timezone.localdate)
    end_date = None
    reason = factory.SubFactory(ReasonFactory)
    hours = factory.LazyFunction(list)

    class Meta:
        model = HoursException


class StopFactory(DjangoModelFactory):
    branch = factory.SubFactory(VehicleFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=1))
    starts_at = datetime.time(10, 0)
    ends_at = datetime.time(12, 0)
    place = factory.SubFactory(PlaceFactory)

    class Meta:
        model = Stop


class StopPatternFactory(DjangoModelFactory):
    branch = factory.SubFactory(VehicleFactory)
    weekday = 1
    starts_at = datetime.time(9, 30)
    ends_at = datetime.time(12, 0)
    place = factory.SubFactory(PlaceFactory)
    first_date = factory.LazyFunction(timezone.localdate)
    last_date = factory.LazyAttribute(lambda pattern: pattern.first_date + datetime.timedelta(weeks=12))

    class Meta:
        model = StopPattern
