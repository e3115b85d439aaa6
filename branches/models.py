"""Branches as library entities: what does not depend on the language.

A `Branch` is a library building or vehicle with a stable `code` (the one catalogue exports and
other systems use), its address, position, contact details, accessibility facts and hours:
the usual week, seasons and dated exceptions; vehicles have dated stops. Pages of `home`
present a branch in each language and point at it.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from branches import hours
from branches.blocks import WEEK_HELP, WEEKDAYS, DayRangesBlock, WeekHoursBlock
from branches.constraints import DateRange, PostgresExclusionConstraint, TimestampRange, at
from branches.holidays import public_holidays
from branches.words import annotate_words, wording
from portal.memory import memory


def latitude_field(help_text):
    return models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=help_text,
    )


def longitude_field(help_text):
    return models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=help_text,
    )


def both_or_neither(name):
    """The database refuses a latitude without a longitude, and the other way round."""
    return models.CheckConstraint(
        condition=models.Q(latitude__isnull=True, longitude__isnull=True)
        | models.Q(latitude__isnull=False, longitude__isnull=False),
        name=name,
    )


def check_position(instance):
    if (instance.latitude is None) != (instance.longitude is None):
        raise ValidationError({"longitude": _("Give both the latitude and the longitude, or neither.")})


def _day(date):
    """A date as the admin shows it to staff: the day of the week and the date, in their language."""
    return date_format(date, "l j F Y") if date else ""


def _raw_values(stream, block_type="opening"):
    """The stored values of a StreamField's blocks: listings skip StreamField's block conversion."""
    return [child["value"] for child in stream.raw_data if child["type"] == block_type]


class Reason(TranslatableMixin, models.Model):
    """Words shown beside hours: a public holiday, a closure's reason, a season's name."""

    text = models.CharField(
        _("text"), max_length=120, help_text=_("Shown to visitors, for example “Lundi de Pâques”.")
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("reason")
        verbose_name_plural = _("reasons and season names")
        ordering = ["text"]

    def __str__(self):
        return self.text


class Place(TranslatableMixin, index.Indexed, models.Model):
    """Where the library bus or boat stops: its name and directions are words, its position a fact."""

    name = models.CharField(
        _("place"), max_length=120, help_text=_("The name people know, for example “Quai de la Fosse”.")
    )
    address = models.CharField(
        _("address"),
        max_length=200,
        blank=True,
        help_text=_("Where exactly to find the vehicle at this place."),
    )
    latitude = latitude_field(
        _("Optional: puts the stop on the map and in calendars, for example 47.213500.")
    )
    longitude = longitude_field(_("For example -1.556100."))

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("stop place")
        verbose_name_plural = _("stop places")
        ordering = ["name"]
        constraints = [both_or_neither("place_latitude_and_longitude")]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        check_position(self)


class BranchQuerySet(models.QuerySet):
    def with_hours(self, locale=None, since=None):
        """Seasons and exceptions fetched with the branches, their words in `locale`: two more queries.

        `since`: only the hours from that day on (see `hours_prefetches`).
        """
        return self.prefetch_related(*hours_prefetches(locale, since=since))

    def with_upcoming_stops(self, now, locale=None):
        """For vehicles: their stops from the day of `now` on, in one query for all of them."""
        return self.prefetch_related(upcoming_stops_prefetch(now, locale))

    def open_on(self, day):
        """{branch pk: whether it opens on `day`} for every branch of the queryset, in three queries.

        A building opens on a day when its hours give it an opening that starts that day; a
        vehicle when it has a stop that day.
        """
        return {branch.pk: branch.is_open_on(day) for branch in self._with_days(day)}

    def next_open_day(self, after):
        """{branch pk: the first day after `after` it opens (None within a year)}, in three queries.

        What circulation needs to move a due date off the days a branch is closed.
        """
        return {branch.pk: branch.next_open_day(after) for branch in self._with_days(after)}

    def _with_days(self, day):
        stops = Stop.objects.filter(
            date__gte=day, date__lte=day + datetime.timedelta(days=hours.LOOKAHEAD_DAYS)
        )
        return self.prefetch_related(
            *hours_prefetches(None, since=day),
            models.Prefetch("stops", queryset=stops.order_by("date"), to_attr="stop_list"),
        )


def hours_prefetches(locale, through="", since=None):
    """Seasons and exceptions with their words in `locale`; `through="branch__"` from the pages.

    With `since` (a date), only those that can still shape the hours of `since` and the days
    after, which come out the same: a listing does not read years of past holidays.
    """
    seasons, exceptions = _hours_querysets(locale, since)
    return [
        models.Prefetch(f"{through}seasons", queryset=seasons, to_attr="season_list"),
        models.Prefetch(f"{through}exceptions", queryset=exceptions, to_attr="exception_list"),
    ]


# The querysets of the hours and the stops, built once per language and day: building their
# subqueries for the words cost more than running them. Kept unevaluated: each prefetch
# filters a copy. They hold no rows, only the question asked.
_querysets = memory("branches.hours_querysets")
KEPT_QUERYSETS = 64


def _kept(key, build):
    if key not in _querysets:
        if len(_querysets) >= KEPT_QUERYSETS:
            _querysets.clear()
        _querysets[key] = build()
    return _querysets[key]


def _hours_querysets(locale, since):
    return _kept(
        ("hours", getattr(locale, "pk", locale), since), lambda: _build_hours_querysets(locale, since)
    )


def _build_hours_querysets(locale, since):
    seasons = Season.objects.order_by("start_date")
    exceptions = HoursException.objects.order_by("start_date")
    if since is not None:
        # From the day before: an opening past midnight belongs to the day it starts.
        since -= datetime.timedelta(days=1)
        seasons = seasons.filter(end_date__gte=since)
        exceptions = exceptions.filter(
            models.Q(end_date__gte=since) | models.Q(end_date__isnull=True, start_date__gte=since)
        )
    return (
        annotate_words(seasons, "name", Reason, ["text"], locale),
        annotate_words(exceptions, "reason", Reason, ["text"], locale),
    )


def upcoming_stops_prefetch(now, locale=None, through=""):
    """Each vehicle's stops from the day of `now` on."""
    today = now.date()
    key = ("stops", getattr(locale, "pk", locale), today)
    stops = _kept(key, lambda: Stop.objects.upcoming(today).with_words(locale))
    return models.Prefetch(f"{through}stops", queryset=stops, to_attr="upcoming_stop_list")


class Branch(index.Indexed, ClusterableModel):
    """A library building or vehicle: address, contact, accessibility and hours, in no language."""

    class Kind(models.TextChoices):
        BUILDING = "building", _("Library building")
        BUS = "bus", _("Library bus")
        BOAT = "boat", _("Library boat")

    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_(
            "A short code that never changes, the one the catalogue uses for this branch, for example "
            "“centrale”. It is also the address of its hours for other sites."
        ),
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The name staff know it by. Its pages give the name in each language."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=Kind.choices,
        default=Kind.BUILDING,
        help_text=_("Changes the icon and the words used for this branch on the site."),
    )
    street = models.CharField(
        _("street address"),
        max_length=200,
        blank=True,
        help_text=_("Number and street, for example “24 quai de la Fosse”."),
    )
    postcode = models.CharField(_("postcode"), max_length=10, blank=True, help_text=_("For example 44000."))
    city = models.CharField(_("city"), max_length=100, blank=True)
    latitude = latitude_field(
        _("Position on the map, for example 48.856613. Right-click the place on a map to copy it.")
    )
    longitude = longitude_field(_("For example 2.352222."))
    phone = models.CharField(
        _("phone"),
        max_length=30,
        blank=True,
        help_text=_("As dialled in France, for example 01 23 45 67 89."),
    )
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("The branch's own address, shown to visitors. Leave empty if there is none."),
    )
    step_free_access = models.BooleanField(
        _("step-free access"),
        default=False,
        help_text=_("Tick if a wheelchair user can enter and reach the public areas without steps."),
    )
    induction_loop = models.BooleanField(
        _("induction loop"),
        default=False,
        help_text=_("Tick if the desk has a hearing loop for people with hearing aids."),
    )
    accessible_toilets = models.BooleanField(
        _("accessible toilets"),
        default=False,
        help_text=_("Tick if the public toilets are wheelchair accessible."),
    )
    adapted_collections = models.BooleanField(
        _("adapted collections"),
        default=False,
        help_text=_("Large print, audio books, easy-to-read (FALC) books, DAISY…"),
    )
    weekly_hours = StreamField(
        WeekHoursBlock(), blank=True, verbose_name=_("usual weekly hours"), help_text=WEEK_HELP
    )

    objects = BranchQuerySet.as_manager()

    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("code")]

    class Meta:
        verbose_name = _("branch")
        verbose_name_plural = _("branches")
        ordering = ["name"]
        constraints = [both_or_neither("branch_latitude_and_longitude")]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        check_position(self)
        if self.kind == self.Kind.BUILDING and not self.street:
            raise ValidationError({"street": _("A library building needs its street address.")})

    @property
    def is_vehicle(self):
        return self.kind != self.Kind.BUILDING

    @property
    def status_kind(self):
        return "mobile" if self.is_vehicle else "branch"

    @property
    def phone_href(self):
        """The phone number for a tel: link, international when it is a French number."""
        digits = re.sub(r"[^0-9+]", "", self.phone)
        if re.fullmatch(r"0[1-9][0-9]{8}", digits):
            return "+33" + digits[1:]
        return digits

    def accessibility_features(self):
        return [
            label
            for field, label in (
                ("step_free_access", _("Step-free access")),
                ("induction_loop", _("Induction loop")),
                ("accessible_toilets", _("Accessible toilets")),
                ("adapted_collections", _("Adapted collections")),
            )
            if getattr(self, field)
        ]

    # Hours ---------------------------------------------------------------------------------

    def _seasons(self):
        if hasattr(self, "season_list"):
            return self.season_list
        return list(annotate_words(self.seasons.order_by("start_date"), "name", Reason, ["text"], None))

    def _exceptions(self):
        if hasattr(self, "exception_list"):
            return self.exception_list
        return list(annotate_words(self.exceptions.order_by("start_date"), "reason", Reason, ["text"], None))

    def timetable(self):
        """The branch's hours, names of seasons and reasons in the language they were fetched for."""
        if not hasattr(self, "_timetable"):
            self._timetable = hours.Timetable.from_values(
                weekly=_raw_values(self.weekly_hours),
                seasons=[season.as_value() for season in self._seasons()],
                exceptions=[exception.as_value() for exception in self._exceptions()],
            )
        return self._timetable

    def upcoming_stops(self, now=None):
        """The stops not over at `now`, as `hours.Stop`s; uses `with_upcoming_stops()` when prefetched.

        A listing asks for the status and the position of each branch: the answer for the last
        moment asked is kept (one, not one per moment: a listing's branches may be kept by the
        process, `home.models.branches.listed_branches`).
        """
        now = now or hours.current_time()
        moment, stops = self.__dict__.get("_upcoming_stops", (None, None))
        if moment != now:
            stops = hours.upcoming_stops(self._stops_from(now.date()), now)
            self._upcoming_stops = (now, stops)
        return stops

    def _stops_from(self, today):
        """The stops from `today` on, as `hours.Stop`s, in order: worked out once per day."""
        day, stops = self.__dict__.get("_stops_from_day", (None, None))
        if day != today:
            found = getattr(self, "upcoming_stop_list", None)
            if found is None:
                found = Stop.objects.upcoming(today).with_words(None).filter(branch=self)
            stops = tuple(stop.as_stop() for stop in found)
            self._stops_from_day = (today, stops)
        return stops

    def status(self, now=None):
        now = now or hours.current_time()
        moment, status = self.__dict__.get("_status", (None, None))
        if moment != now:
            if self.is_vehicle:
                status = hours.mobile_status(self.upcoming_stops(now), now)
            else:
                status = hours.branch_status(self.timetable(), now)
            self._status = (now, status)
        return status

    def week(self, now=None):
        """The hours of the next seven days, today first."""
        return hours.week_hours(self.timetable(), (now or hours.current_time()).date())

    def position(self, now=None):
        """Where the branch is; for a vehicle, where it is now, else where it goes next."""
        if self.is_vehicle:
            stop = self.status(now).stop
            if stop is None or not stop.has_position:
                return None
            return {"latitude": stop.latitude, "longitude": stop.longitude}
        if self.latitude is None or self.longitude is None:
            return None
        return {"latitude": float(self.latitude), "longitude": float(self.longitude)}

    def is_open_on(self, day):
        if self.is_vehicle:
            return any(stop.date == day for stop in self._stop_list())
        return any(interval.start.date() == day for interval in self.timetable().day(day).intervals)

    def next_open_day(self, after):
        """The first day after `after` on which the branch opens; None within a year."""
        if self.is_vehicle:
            return next((stop.date for stop in self._stop_list() if stop.date > after), None)
        timetable = self.timetable()
        for offset in range(1, hours.LOOKAHEAD_DAYS + 1):
            day = after + datetime.timedelta(days=offset)
            if timetable.day(day).intervals:
                return day
        return None

    def _stop_list(self):
        if hasattr(self, "stop_list"):
            return self.stop_list
        return list(self.stops.order_by("date"))


class DatedHours(models.Model):
    """What seasons and exceptions share: dates, and checks that they follow one another."""

    start_date = models.DateField(_("from"))

    class Meta:
        abstract = True

    def _check_dates(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date must not come before the start date.")})


class Season(DatedHours):
    """Weekly hours that replace the usual ones between two dates, such as summer hours."""

    branch = ParentalKey(Branch, on_delete=models.CASCADE, related_name="seasons", verbose_name=_("branch"))
    name = models.ForeignKey(
        Reason,
        verbose_name=_("name"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For example “Horaires d'été”."),
    )
    end_date = models.DateField(_("until (included)"))
    hours = StreamField(
        WeekHoursBlock(), blank=True, verbose_name=_("weekly hours during this season"), help_text=WEEK_HELP
    )

    class Meta:
        verbose_name = _("season")
        verbose_name_plural = _("seasonal hours")
        ordering = ["start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="season_ends_after_it_starts"
            ),
            PostgresExclusionConstraint(
                name="seasons_of_a_branch_do_not_overlap",
                expressions=[("branch", "="), (DateRange("start_date", "end_date"), "&&")],
                violation_error_message=_("This season overlaps another season of the branch."),
            ),
        ]

    def __str__(self):
        return f"{self.name or _('Season')} ({_day(self.start_date)} – {_day(self.end_date)})"

    def save(self, *args, **kwargs):
        with transaction.atomic():
            # Where the database has no exclusion constraint, the check runs in the writing
            # transaction, the branch row locked (PostgreSQL's constraint does it there).
            Branch.objects.select_for_update().filter(pk=self.branch_id).first()
            if self.overlapping().exists():
                raise IntegrityError("seasons_of_a_branch_do_not_overlap")
            super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self._check_dates()
        if self.branch_id and self.start_date and self.end_date and self.overlapping().exists():
            raise ValidationError(_("This season overlaps another season of the branch."))

    def overlapping(self):
        return Season.objects.filter(
            branch_id=self.branch_id, start_date__lte=self.end_date, end_date__gte=self.start_date
        ).exclude(pk=self.pk)

    @property
    def label(self):
        return wording(self, "name", "text")

    def as_value(self):
        return {
            "name": self.label,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "hours": _raw_values(self.hours),
        }


class HoursException(DatedHours):
    """A public holiday, a closure (no hours) or a late opening (other hours), on one day or more."""

    branch = ParentalKey(
        Branch, on_delete=models.CASCADE, related_name="exceptions", verbose_name=_("branch")
    )
    end_date = models.DateField(
        _("until (included)"), null=True, blank=True, help_text=_("Leave empty for a single day.")
    )
    reason = models.ForeignKey(
        Reason,
        verbose_name=_("reason"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown to visitors, for example “Lundi de Pâques”."),
    )
    hours = StreamField(
        DayRangesBlock(),
        blank=True,
        verbose_name=_("exceptional hours"),
        help_text=_("Leave empty when the branch is closed on these days; otherwise give the hours."),
    )

    class Meta:
        verbose_name = _("exception")
        verbose_name_plural = _("exceptions")
        ordering = ["start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="exception_ends_after_it_starts",
            )
        ]

    def __str__(self):
        days = _day(self.start_date) + (f" – {_day(self.end_date)}" if self.end_date else "")
        return f"{days} {self.reason or _('closed')}"

    def clean(self):
        super().clean()
        self._check_dates()

    @property
    def label(self):
        return wording(self, "reason", "text")

    def as_value(self):
        return {
            "start_date": self.start_date,
            "end_date": self.end_date,
            "reason": self.label,
            "hours": _raw_values(self.hours),
        }


class StopTimes(models.Model):
    """A stop's times and place: what a stop and a repeating pattern of stops share."""

    starts_at = models.TimeField(
        _("arrives at"), help_text=_("When visitors can start borrowing, for example 09:30.")
    )
    ends_at = models.TimeField(_("leaves at"), help_text=_("When the vehicle leaves, for example 12:00."))
    place = models.ForeignKey(Place, verbose_name=_("place"), on_delete=models.PROTECT, related_name="+")

    class Meta:
        abstract = True

    def _check_times(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The departure time must come after the arrival time.")})


class StopPattern(StopTimes):
    """Stops that repeat every week between two dates, public holidays skipped."""

    branch = ParentalKey(
        Branch, on_delete=models.CASCADE, related_name="stop_patterns", verbose_name=_("branch")
    )
    weekday = models.PositiveSmallIntegerField(
        _("day"), choices=[(int(number), name) for number, name in WEEKDAYS]
    )
    first_date = models.DateField(_("from"))
    last_date = models.DateField(_("until (included)"))
    skip_public_holidays = models.BooleanField(
        _("skip public holidays"), default=True, help_text=_("No stop on a public holiday.")
    )

    class Meta:
        verbose_name = _("repeating stop")
        verbose_name_plural = _("repeating stops")
        ordering = ["weekday", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_date__gte=models.F("first_date")),
                name="stop_pattern_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="stop_pattern_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.starts_at:%H:%M}–{self.ends_at:%H:%M} {self.place}"

    def save(self, *args, **kwargs):
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.make_stops()

    def clean(self):
        super().clean()
        self._check_times()
        if self.first_date and self.last_date and self.last_date < self.first_date:
            raise ValidationError({"last_date": _("The end date must not come before the start date.")})

    def dates(self):
        """The days of the pattern, public holidays left out when asked."""
        holidays = set()
        if self.skip_public_holidays:
            for year in range(self.first_date.year, self.last_date.year + 1):
                holidays.update(day for day, _name in public_holidays(year))
        day = self.first_date + datetime.timedelta(days=(self.weekday - self.first_date.weekday()) % 7)
        while day <= self.last_date:
            if day not in holidays:
                yield day
            day += datetime.timedelta(weeks=1)

    def make_stops(self):
        """Bring the pattern's stops in line with it; a day the vehicle is already elsewhere is skipped."""
        wanted = set(self.dates())
        mine = Stop.objects.filter(pattern=self)
        mine.exclude(date__in=wanted).delete()
        mine.exclude(starts_at=self.starts_at, ends_at=self.ends_at, place=self.place).delete()
        kept = set(mine.values_list("date", flat=True))
        for day in sorted(wanted - kept):
            stop = Stop(
                branch_id=self.branch_id,
                pattern=self,
                date=day,
                starts_at=self.starts_at,
                ends_at=self.ends_at,
                place=self.place,
            )
            if not stop.overlapping().exists():
                stop.save()


class StopQuerySet(models.QuerySet):
    def upcoming(self, today):
        return self.filter(date__gte=today).order_by("date", "starts_at")

    def with_words(self, locale):
        """The place's name and directions in `locale`, in the same query."""
        return annotate_words(
            self, "place", Place, ["name", "address"], locale, extra=["latitude", "longitude"]
        )


class Stop(StopTimes):
    """One dated stop of the library bus or boat."""

    branch = models.ForeignKey(
        Branch, on_delete=models.CASCADE, related_name="stops", verbose_name=_("branch")
    )
    date = models.DateField(_("date"), help_text=_("One line per stop and per day."))
    pattern = models.ForeignKey(
        StopPattern,
        verbose_name=_("repeating stop"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="stops",
    )

    objects = StopQuerySet.as_manager()

    class Meta:
        verbose_name = _("stop")
        verbose_name_plural = _("stops")
        ordering = ["date", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="stop_ends_after_start"
            ),
            PostgresExclusionConstraint(
                name="vehicle_at_one_stop_at_a_time",
                expressions=[
                    ("branch", "="),
                    (TimestampRange(at("date", "starts_at"), at("date", "ends_at")), "&&"),
                ],
                violation_error_message=_("The vehicle is already at another stop at that time."),
            ),
        ]

    def __str__(self):
        return f"{_day(self.date)} {self.starts_at:%H:%M}–{self.ends_at:%H:%M} {self.place}"

    def save(self, *args, **kwargs):
        with transaction.atomic():
            # As for seasons: the database's constraint on PostgreSQL, this check elsewhere.
            Branch.objects.select_for_update().filter(pk=self.branch_id).first()
            if self.overlapping().exists():
                raise IntegrityError("vehicle_at_one_stop_at_a_time")
            super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self._check_times()
        if self.branch_id and self.date and self.starts_at and self.ends_at and self.overlapping().exists():
            raise ValidationError(_("The vehicle is already at another stop at that time."))

    def overlapping(self):
        return Stop.objects.filter(
            branch_id=self.branch_id, date=self.date, starts_at__lt=self.ends_at, ends_at__gt=self.starts_at
        ).exclude(pk=self.pk)

    def as_stop(self):
        # `with_words()` reads the place's position along; a stop fetched alone asks its place.
        if hasattr(self, "place_latitude"):
            latitude, longitude = self.place_latitude, self.place_longitude
        else:
            latitude, longitude = self.place.latitude, self.place.longitude
        return hours.Stop(
            date=self.date,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            place=wording(self, "place", "name"),
            address=wording(self, "place", "address"),
            latitude=float(latitude) if latitude is not None else None,
            longitude=float(longitude) if longitude is not None else None,
            id=self.pk,
        )
