"""Opening hours: is a branch open now, when does it open next, what are this week's hours.

Pure logic on plain values, without database access: `Timetable.from_values()` reads the
stored values of a `Branch`'s weekly hours, seasons and exceptions, `Stop` a vehicle's stop. Every result is an
aware datetime in Europe/Paris; templates turn it into words in the visitor's language.

Python compares and subtracts two datetimes of the same time zone by their wall-clock
values, which is wrong around the changes of time; so this module compares instants in UTC
(`instant()`), and `Interval.duration` is the real duration.

Wall-clock times are read the way the staff read the clock on the wall:

- a closing time earlier than (or equal to) the opening time runs past midnight, and the
  opening belongs to the day it starts on;
- a time that does not exist (the hour skipped on the last Sunday of March) is read with the
  winter offset, as calendar software reads it (RFC 5545): 02:30 is the instant the clocks
  show 03:30, so 02:00–03:00 disappears that night and 02:00–04:00 lasts one hour;
- a time that happens twice (the hour repeated on the last Sunday of October) means its first
  occurrence, so 02:00–03:00 lasts two hours that night.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal
from zoneinfo import ZoneInfo

from django.utils import timezone

PARIS = ZoneInfo("Europe/Paris")
LOOKAHEAD_DAYS = 366

RelativeDay = Literal["today", "tomorrow", "week", "later"]


def current_time() -> datetime.datetime:
    """Now, in Paris. Callers go through this function so tests can freeze it."""
    return timezone.now().astimezone(PARIS)


def local_datetime(day: datetime.date, at: datetime.time) -> datetime.datetime:
    """The real instant at which the clocks of Paris show `at` on `day`."""
    aware = datetime.datetime.combine(day, at.replace(tzinfo=None, fold=0), tzinfo=PARIS)
    # fold=0 picks the first of two repeated times, and reads a skipped time with the offset
    # before the gap; the round trip through UTC gives the offset the clocks really have.
    return aware.astimezone(datetime.UTC).astimezone(PARIS)


def instant(moment: datetime.datetime) -> datetime.datetime:
    """The same moment in UTC, safe to compare with and subtract from any other."""
    return moment.astimezone(datetime.UTC)


def relative_day(now: datetime.datetime, when: datetime.datetime) -> RelativeDay:
    """How to name the day of `when` seen from `now`: today, tomorrow, a weekday or a date."""
    days = (when.astimezone(PARIS).date() - now.astimezone(PARIS).date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days < 7:
        return "week"
    return "later"


@dataclass(frozen=True)
class TimeRange:
    opens: datetime.time
    closes: datetime.time

    @property
    def overnight(self) -> bool:
        return self.closes <= self.opens

    def on(self, day: datetime.date) -> Interval | None:
        """The real interval on `day`; None when it falls in the hour skipped in spring."""
        end_day = day + datetime.timedelta(days=1) if self.overnight else day
        interval = Interval(local_datetime(day, self.opens), local_datetime(end_day, self.closes))
        return interval if interval.duration > datetime.timedelta(0) else None


@dataclass(frozen=True)
class Opening(TimeRange):
    weekday: int  # Monday is 0, as in datetime.date.weekday()


@dataclass(frozen=True)
class Season:
    name: str
    start_date: datetime.date
    end_date: datetime.date
    hours: tuple[Opening, ...]

    def covers(self, day: datetime.date) -> bool:
        return self.start_date <= day <= self.end_date


@dataclass(frozen=True)
class HoursException:
    """A holiday, a closure (no hours) or a late opening (other hours), on one day or more."""

    start_date: datetime.date
    end_date: datetime.date | None
    reason: str
    hours: tuple[TimeRange, ...]

    def covers(self, day: datetime.date) -> bool:
        return self.start_date <= day <= (self.end_date or self.start_date)


@dataclass(frozen=True)
class Interval:
    start: datetime.datetime
    end: datetime.datetime

    def __contains__(self, moment: datetime.datetime) -> bool:
        return instant(self.start) <= instant(moment) < instant(self.end)

    @property
    def duration(self) -> datetime.timedelta:
        return instant(self.end) - instant(self.start)


@dataclass(frozen=True)
class DayHours:
    """One day of a timetable, as shown in the week's table."""

    date: datetime.date
    intervals: tuple[Interval, ...]
    reason: str = ""  # the exception's reason, when one applies
    season: str = ""  # the season's name, when one applies

    @property
    def is_closed(self) -> bool:
        return not self.intervals


@dataclass(frozen=True)
class BranchStatus:
    now: datetime.datetime
    is_open: bool
    closes_at: datetime.datetime | None = None
    opens_at: datetime.datetime | None = None
    reason: str = ""  # today's exception, such as a public holiday

    kind = "branch"

    @property
    def closes_when(self) -> RelativeDay | None:
        return relative_day(self.now, self.closes_at) if self.closes_at else None

    @property
    def opens_when(self) -> RelativeDay | None:
        return relative_day(self.now, self.opens_at) if self.opens_at else None

    def as_json(self) -> dict[str, Any]:
        return {
            "is_open": self.is_open,
            "closes_at": _iso(self.closes_at),
            "opens_at": _iso(self.opens_at),
            "reason": self.reason,
        }


def _iso(moment: datetime.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _time(value: Any) -> datetime.time:
    return value if isinstance(value, datetime.time) else datetime.time.fromisoformat(value)


def _date(value: Any) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


RANGE_KEYS = ("opens", "closes")
OPENING_KEYS = (*RANGE_KEYS, "weekday")


def _given(value: Any, *keys: str) -> bool:
    """Whether a line has all of `keys` filled in: a draft may hold half-filled lines."""
    return isinstance(value, Mapping) and all(value.get(key) not in (None, "") for key in keys)


def _opening(value: Mapping[str, Any]) -> Opening:
    return Opening(opens=_time(value["opens"]), closes=_time(value["closes"]), weekday=int(value["weekday"]))


def _range(value: Mapping[str, Any]) -> TimeRange:
    return TimeRange(opens=_time(value["opens"]), closes=_time(value["closes"]))


@dataclass(frozen=True)
class Timetable:
    """A branch's hours: exceptions win over seasons, which win over the usual week."""

    weekly: tuple[Opening, ...] = ()
    seasons: tuple[Season, ...] = ()
    exceptions: tuple[HoursException, ...] = ()

    @classmethod
    def from_values(
        cls,
        weekly: Iterable[Mapping[str, Any]] = (),
        seasons: Iterable[Mapping[str, Any]] = (),
        exceptions: Iterable[Mapping[str, Any]] = (),
    ) -> Timetable:
        """Build from block values (StructValues or dicts, times as `time` or "HH:MM").

        Lines without their times, day or dates are left out: drafts are saved (and previewed)
        without the checks that make them required.
        """
        return cls(
            weekly=tuple(_opening(value) for value in weekly if _given(value, *OPENING_KEYS)),
            seasons=tuple(
                Season(
                    name=value.get("name") or "",
                    start_date=_date(value["start_date"]),
                    end_date=_date(value["end_date"]),
                    hours=tuple(
                        _opening(hours) for hours in value.get("hours") or () if _given(hours, *OPENING_KEYS)
                    ),
                )
                for value in seasons
                if _given(value, "start_date", "end_date")
            ),
            exceptions=tuple(
                HoursException(
                    start_date=_date(value["start_date"]),
                    end_date=_date(value["end_date"]) if value.get("end_date") else None,
                    reason=value.get("reason") or "",
                    hours=tuple(
                        _range(hours) for hours in value.get("hours") or () if _given(hours, *RANGE_KEYS)
                    ),
                )
                for value in exceptions
                if _given(value, "start_date")
            ),
        )

    def day(self, date: datetime.date) -> DayHours:
        ranges: Iterable[TimeRange]
        reason = season_name = ""
        exception = next((exception for exception in self.exceptions if exception.covers(date)), None)
        season = next((season for season in self.seasons if season.covers(date)), None)
        if exception:
            ranges, reason = exception.hours, exception.reason
        elif season:
            ranges = (opening for opening in season.hours if opening.weekday == date.weekday())
            season_name = season.name
        else:
            ranges = (opening for opening in self.weekly if opening.weekday == date.weekday())
        intervals = sorted(
            (interval for interval in (r.on(date) for r in ranges) if interval),
            key=lambda interval: instant(interval.start),
        )
        return DayHours(date=date, intervals=tuple(intervals), reason=reason, season=season_name)

    def intervals(self, first_day: datetime.date, days: int) -> Iterator[Interval]:
        """Every opening starting on `first_day` or the `days - 1` days after it, in order.

        A closure of several days (works, summer) is stepped over at once, not day by day, and
        without usual weekly hours nothing is looked for past the last season or exception.
        """
        last_day = first_day + datetime.timedelta(days=days - 1)
        if not self.weekly:
            last_day = min(last_day, self._last_dated_day())
        date = first_day
        while date <= last_day:
            closure = next(
                (
                    exception
                    for exception in self.exceptions
                    if not exception.hours and exception.end_date and exception.covers(date)
                ),
                None,
            )
            if closure is not None:
                date = closure.end_date + datetime.timedelta(days=1)
                continue
            yield from self.day(date).intervals
            date += datetime.timedelta(days=1)

    def _last_dated_day(self) -> datetime.date:
        """The last day that a season or an exception with hours gives hours to (`date.min`: none)."""
        ends = [season.end_date for season in self.seasons if season.hours]
        ends += [
            exception.end_date or exception.start_date for exception in self.exceptions if exception.hours
        ]
        # An overnight opening of the last day starts on that day: it is found with it.
        return max(ends, default=datetime.date.min)


def branch_status(timetable: Timetable, now: datetime.datetime) -> BranchStatus:
    """Open now and until when, or closed and when it opens next (None after a year without)."""
    now = now.astimezone(PARIS)
    today = now.date()
    reason = timetable.day(today).reason
    # Start the day before: an opening from last night may still be running.
    upcoming = timetable.intervals(today - datetime.timedelta(days=1), LOOKAHEAD_DAYS + 2)
    for interval in upcoming:
        if now in interval:
            closes_at = interval.end
            # Openings that follow on without a gap (22:00–00:00, then 00:00–02:00) are one.
            for following in upcoming:
                if instant(following.start) > instant(closes_at):
                    break
                closes_at = max(closes_at, following.end, key=instant)
            return BranchStatus(now=now, is_open=True, closes_at=closes_at, reason=reason)
        if instant(interval.start) > instant(now):
            return BranchStatus(now=now, is_open=False, opens_at=interval.start, reason=reason)
    return BranchStatus(now=now, is_open=False, reason=reason)


def week_hours(timetable: Timetable, first_day: datetime.date, days: int = 7) -> list[DayHours]:
    """The hours of `days` days from `first_day`, for the week's table."""
    return [timetable.day(first_day + datetime.timedelta(days=offset)) for offset in range(days)]


@dataclass(frozen=True)
class Stop:
    """A stop of the library boat or bus."""

    date: datetime.date
    starts_at: datetime.time
    ends_at: datetime.time
    place: str
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    id: int | None = None

    @classmethod
    def from_stop(cls, stop: Any) -> Stop:
        """From a `MobileStop` or anything with the same attributes."""
        return cls(
            date=stop.date,
            starts_at=stop.starts_at,
            ends_at=stop.ends_at,
            place=stop.place,
            address=stop.address,
            latitude=float(stop.latitude) if stop.latitude is not None else None,
            longitude=float(stop.longitude) if stop.longitude is not None else None,
            id=stop.pk,
        )

    @property
    def start(self) -> datetime.datetime:
        return local_datetime(self.date, self.starts_at)

    @property
    def end(self) -> datetime.datetime:
        return local_datetime(self.date, self.ends_at)

    @property
    def has_position(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class MobileStatus:
    now: datetime.datetime
    is_here: bool
    stop: Stop | None = None  # where it is now, else where it goes next; None: no stop planned

    kind = "mobile"

    @property
    def is_open(self) -> bool:
        return self.is_here

    @property
    def closes_at(self) -> datetime.datetime | None:
        return self.stop.end if self.stop and self.is_here else None

    @property
    def opens_at(self) -> datetime.datetime | None:
        return self.stop.start if self.stop and not self.is_here else None

    @property
    def opens_when(self) -> RelativeDay | None:
        return relative_day(self.now, self.opens_at) if self.opens_at else None

    def as_json(self) -> dict[str, Any]:
        return {
            "is_open": self.is_here,
            "closes_at": _iso(self.closes_at),
            "opens_at": _iso(self.opens_at),
            "place": self.stop.place if self.stop else None,
        }


def upcoming_stops(stops: Iterable[Stop], now: datetime.datetime) -> list[Stop]:
    """The stops not over yet, in order: the current one first.

    A stop ends on its day: only today's need the time worked out. Paris clock times of one
    day come in the order of the instants they stand for (`local_datetime`).
    """
    today = now.astimezone(PARIS).date()
    return sorted(
        (
            stop
            for stop in stops
            if stop.date > today or (stop.date == today and instant(stop.end) > instant(now))
        ),
        key=lambda stop: (stop.date, stop.starts_at),
    )


def mobile_status(stops: Iterable[Stop], now: datetime.datetime) -> MobileStatus:
    """Here now at a stop and until when, or the next stop, or nothing planned."""
    now = now.astimezone(PARIS)
    for stop in upcoming_stops(stops, now):
        return MobileStatus(now=now, is_here=instant(stop.start) <= instant(now), stop=stop)
    return MobileStatus(now=now, is_here=False)


@dataclass(frozen=True)
class StopWeek:
    """The stops of one week, Monday first, for a vehicle's timetable."""

    monday: datetime.date
    stops: tuple[Stop, ...]

    @property
    def sunday(self) -> datetime.date:
        return self.monday + datetime.timedelta(days=6)


def stops_by_week(stops: Iterable[Stop], weeks: int) -> list[StopWeek]:
    """The upcoming `stops` (in order) of `weeks` weeks from the first one's, by week; empty weeks left out.

    Out of season (the boat in winter), the list starts with the next season's first week.
    """
    stops = list(stops)
    if not stops:
        return []
    first_monday = stops[0].date - datetime.timedelta(days=stops[0].date.weekday())
    grouped: dict[datetime.date, list[Stop]] = {}
    for stop in stops:
        monday = stop.date - datetime.timedelta(days=stop.date.weekday())
        if (monday - first_monday).days >= weeks * 7:
            break
        grouped.setdefault(monday, []).append(stop)
    return [StopWeek(monday=monday, stops=tuple(found)) for monday, found in grouped.items()]
