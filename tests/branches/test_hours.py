import datetime

import pytest

from wagtail import blocks

from branches import hours
from branches.blocks import DayRangesBlock, TimeRangeBlock, WeekHoursBlock
from branches.factories import tuesday_to_saturday
from branches.hours import PARIS, Stop, Timetable, branch_status, mobile_status, week_hours


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def utc(*args):
    return datetime.datetime(*args, tzinfo=datetime.UTC)


def weekly(*openings):
    return [{"weekday": str(day), "opens": opens, "closes": closes} for day, opens, closes in openings]


@pytest.fixture
def usual():
    """Tuesday to Saturday, with a lunch break on Saturday; closed on Sunday and Monday."""
    return Timetable.from_values(weekly=[value for _type, value in tuesday_to_saturday()])


# 2026-12-05 is a Saturday, 2026-12-06 a Sunday, 2026-12-08 a Tuesday.


def test_open_until_the_lunch_break(usual):
    status = branch_status(usual, paris(2026, 12, 5, 11, 0))

    assert status.is_open
    assert status.closes_at == paris(2026, 12, 5, 12, 30)
    assert status.closes_when == "today"


def test_closed_for_lunch_opens_again_today(usual):
    status = branch_status(usual, paris(2026, 12, 5, 13, 0))

    assert not status.is_open
    assert status.opens_at == paris(2026, 12, 5, 14, 0)
    assert status.opens_when == "today"


def test_closing_time_itself_is_closed(usual):
    assert not branch_status(usual, paris(2026, 12, 5, 17, 0)).is_open


def test_sunday_looks_ahead_to_tuesday(usual):
    status = branch_status(usual, paris(2026, 12, 6, 12, 0))

    assert not status.is_open
    assert status.opens_at == paris(2026, 12, 8, 10, 0)
    assert status.opens_when == "week"


def test_monday_opens_tomorrow(usual):
    status = branch_status(usual, paris(2026, 12, 7, 18, 0))

    assert status.opens_at == paris(2026, 12, 8, 10, 0)
    assert status.opens_when == "tomorrow"


def test_now_in_another_time_zone_is_read_in_paris(usual):
    # 10:30 in UTC is 11:30 in Paris in December: the Saturday morning opening.
    status = branch_status(usual, utc(2026, 12, 5, 10, 30))

    assert status.is_open
    assert status.closes_at.utcoffset() == datetime.timedelta(hours=1)


def test_overnight_opening_runs_into_the_next_day():
    timetable = Timetable.from_values(weekly=weekly((4, "20:00", "02:00"), (5, "10:00", "12:00")))

    friday_night = branch_status(timetable, paris(2026, 12, 4, 23, 0))
    after_midnight = branch_status(timetable, paris(2026, 12, 5, 1, 0))
    early_morning = branch_status(timetable, paris(2026, 12, 5, 3, 0))

    assert friday_night.is_open
    assert friday_night.closes_at == paris(2026, 12, 5, 2, 0)
    assert friday_night.closes_when == "tomorrow"
    assert after_midnight.is_open
    assert after_midnight.closes_at == paris(2026, 12, 5, 2, 0)
    assert not early_morning.is_open
    assert early_morning.opens_at == paris(2026, 12, 5, 10, 0)


def test_openings_that_follow_on_across_midnight_close_at_the_last_one():
    timetable = Timetable.from_values(weekly=weekly((4, "18:00", "00:00"), (5, "00:00", "02:00")))

    status = branch_status(timetable, paris(2026, 12, 4, 23, 0))

    assert status.closes_at == paris(2026, 12, 5, 2, 0)


def test_season_replaces_the_usual_week():
    timetable = Timetable.from_values(
        weekly=weekly((1, "10:00", "18:00")),
        seasons=[
            {
                "name": "Horaires d'été",
                "start_date": datetime.date(2026, 7, 1),
                "end_date": datetime.date(2026, 8, 31),
                "hours": weekly((1, "14:00", "18:00")),
            }
        ],
    )

    in_season = branch_status(timetable, paris(2026, 7, 7, 11, 0))
    before_season = branch_status(timetable, paris(2026, 6, 30, 11, 0))

    assert not in_season.is_open
    assert in_season.opens_at == paris(2026, 7, 7, 14, 0)
    assert before_season.is_open
    assert week_hours(timetable, datetime.date(2026, 7, 7), 1)[0].season == "Horaires d'été"


def test_exception_closes_a_usual_day(usual):
    timetable = Timetable(
        weekly=usual.weekly,
        exceptions=Timetable.from_values(
            exceptions=[{"start_date": datetime.date(2026, 12, 25), "reason": "Noël", "hours": []}]
        ).exceptions,
    )

    status = branch_status(timetable, paris(2026, 12, 25, 11, 0))
    christmas = week_hours(timetable, datetime.date(2026, 12, 25), 2)

    assert not status.is_open
    assert status.reason == "Noël"
    assert status.opens_at == paris(2026, 12, 26, 10, 0)
    assert christmas[0].is_closed
    assert christmas[0].reason == "Noël"
    assert not christmas[1].is_closed


def test_exception_over_several_days_wins_over_the_season():
    timetable = Timetable.from_values(
        weekly=weekly(*((day, "10:00", "18:00") for day in range(7))),
        seasons=[
            {
                "name": "Été",
                "start_date": datetime.date(2026, 7, 1),
                "end_date": datetime.date(2026, 8, 31),
                "hours": weekly(*((day, "14:00", "18:00") for day in range(7))),
            }
        ],
        exceptions=[
            {
                "start_date": datetime.date(2026, 8, 10),
                "end_date": datetime.date(2026, 8, 16),
                "reason": "Inventaire",
                "hours": [],
            }
        ],
    )

    status = branch_status(timetable, paris(2026, 8, 12, 15, 0))

    assert not status.is_open
    assert status.opens_at == paris(2026, 8, 17, 14, 0)
    assert status.opens_when == "week"


def test_exception_with_a_late_opening():
    timetable = Timetable.from_values(
        weekly=weekly((5, "10:00", "18:00")),
        exceptions=[
            {
                "start_date": datetime.date(2027, 1, 23),
                "end_date": None,
                "reason": "Nuit de la lecture",
                "hours": [{"opens": "10:00", "closes": "23:00"}],
            }
        ],
    )

    status = branch_status(timetable, paris(2027, 1, 23, 20, 0))

    assert status.is_open
    assert status.closes_at == paris(2027, 1, 23, 23, 0)
    assert status.reason == "Nuit de la lecture"


# Clocks go forward on Sunday 2026-03-29 (02:00 → 03:00) and back on Sunday 2026-10-25 (03:00 → 02:00).


def test_spring_forward_night_opening_loses_the_skipped_hour():
    timetable = Timetable.from_values(weekly=weekly((6, "01:30", "03:30"), (6, "10:00", "18:00")))

    night = week_hours(timetable, datetime.date(2026, 3, 29), 1)[0].intervals[0]
    status = branch_status(timetable, utc(2026, 3, 29, 0, 45))  # 01:45 in Paris, winter time

    assert night.start == utc(2026, 3, 29, 0, 30)
    assert night.end == utc(2026, 3, 29, 1, 30)  # 03:30 summer time
    assert night.duration == datetime.timedelta(hours=1)
    assert status.is_open
    assert status.closes_at.strftime("%H:%M %z") == "03:30 +0200"


def test_spring_forward_day_opening_is_in_summer_time():
    timetable = Timetable.from_values(weekly=weekly((6, "01:30", "03:30"), (6, "10:00", "18:00")))

    status = branch_status(timetable, utc(2026, 3, 29, 2, 0))  # 04:00 in Paris, summer time
    day = week_hours(timetable, datetime.date(2026, 3, 29), 1)[0].intervals[1]

    assert status.opens_at == utc(2026, 3, 29, 8, 0)
    assert status.opens_at.strftime("%H:%M %z") == "10:00 +0200"
    assert day.duration == datetime.timedelta(hours=8)


def test_spring_forward_opening_inside_the_skipped_hour_does_not_happen():
    timetable = Timetable.from_values(weekly=weekly((6, "02:00", "03:00"), (6, "02:30", "05:00")))

    (interval,) = week_hours(timetable, datetime.date(2026, 3, 29), 1)[0].intervals

    # 02:30 does not exist that night; read with the winter offset, as calendars do (RFC 5545),
    # it is the instant the clocks show 03:30.
    assert interval.start.strftime("%H:%M %z") == "03:30 +0200"
    assert interval.end.strftime("%H:%M %z") == "05:00 +0200"


def test_fall_back_night_opening_gains_the_repeated_hour():
    timetable = Timetable.from_values(weekly=weekly((6, "02:00", "03:00"), (6, "10:00", "18:00")))

    night = week_hours(timetable, datetime.date(2026, 10, 25), 1)[0].intervals[0]
    first_half_past_two = branch_status(timetable, utc(2026, 10, 25, 0, 30))
    second_half_past_two = branch_status(timetable, utc(2026, 10, 25, 1, 30))

    assert night.start.strftime("%H:%M %z") == "02:00 +0200"
    assert night.end.strftime("%H:%M %z") == "03:00 +0100"
    assert night.duration == datetime.timedelta(hours=2)
    assert first_half_past_two.is_open
    assert second_half_past_two.is_open
    assert second_half_past_two.closes_at == utc(2026, 10, 25, 2, 0)


def test_fall_back_day_opening_is_in_winter_time():
    timetable = Timetable.from_values(weekly=weekly((6, "02:00", "03:00"), (6, "10:00", "18:00")))

    status = branch_status(timetable, utc(2026, 10, 25, 2, 30))  # 03:30 in Paris, winter time

    assert not status.is_open
    assert status.opens_at == utc(2026, 10, 25, 9, 0)
    assert status.opens_at.strftime("%H:%M %z") == "10:00 +0100"
    assert status.opens_when == "today"


def test_overnight_opening_across_the_spring_forward_night():
    timetable = Timetable.from_values(weekly=weekly((5, "22:00", "04:00")))

    status = branch_status(timetable, paris(2026, 3, 28, 23, 0))

    assert status.closes_at.strftime("%Y-%m-%d %H:%M %z") == "2026-03-29 04:00 +0200"
    assert hours.instant(status.closes_at) - hours.instant(paris(2026, 3, 28, 22, 0)) == datetime.timedelta(
        hours=5
    )


def test_nothing_for_a_year_is_closed_until_further_notice():
    timetable = Timetable.from_values(
        weekly=weekly((1, "10:00", "18:00")),
        exceptions=[
            {
                "start_date": datetime.date(2026, 1, 1),
                "end_date": datetime.date(2028, 1, 1),
                "reason": "Travaux",
                "hours": [],
            }
        ],
    )

    status = branch_status(timetable, paris(2026, 12, 5, 11, 0))

    assert not status.is_open
    assert status.opens_at is None
    assert status.reason == "Travaux"
    assert branch_status(Timetable(), paris(2026, 12, 5, 11, 0)).opens_at is None


def test_next_opening_more_than_a_week_ahead_is_named_by_its_date():
    timetable = Timetable.from_values(
        weekly=weekly((1, "10:00", "18:00")),
        exceptions=[
            {
                "start_date": datetime.date(2026, 12, 1),
                "end_date": datetime.date(2026, 12, 31),
                "reason": "Fermeture",
                "hours": [],
            }
        ],
    )

    status = branch_status(timetable, paris(2026, 12, 5, 11, 0))

    assert status.opens_at == paris(2027, 1, 5, 10, 0)
    assert status.opens_when == "later"


def test_week_hours_lists_seven_days_with_the_lunch_break(usual):
    week = week_hours(usual, datetime.date(2026, 12, 5))

    assert [day.date.weekday() for day in week] == [5, 6, 0, 1, 2, 3, 4]
    assert [(i.start.strftime("%H:%M"), i.end.strftime("%H:%M")) for i in week[0].intervals] == [
        ("10:00", "12:30"),
        ("14:00", "17:00"),
    ]
    assert week[1].is_closed
    assert week[2].is_closed


def test_status_as_json_has_times_with_their_offset(usual):
    data = branch_status(usual, paris(2026, 12, 6, 12, 0)).as_json()

    assert data == {
        "is_open": False,
        "closes_at": None,
        "opens_at": "2026-12-08T10:00:00+01:00",
        "reason": "",
    }


def stop(date, starts_at, ends_at, place, **kwargs):
    return Stop(
        date=date,
        starts_at=datetime.time.fromisoformat(starts_at),
        ends_at=datetime.time.fromisoformat(ends_at),
        place=place,
        **kwargs,
    )


@pytest.fixture
def stops():
    return [
        stop(datetime.date(2026, 12, 1), "10:00", "12:00", "Quai de la Fosse"),
        stop(
            datetime.date(2026, 12, 1), "14:00", "17:00", "Île de Versailles", latitude=47.22, longitude=-1.55
        ),
        stop(datetime.date(2026, 12, 3), "10:00", "12:00", "Trentemoult"),
    ]


def test_mobile_branch_here_now(stops):
    status = mobile_status(stops, paris(2026, 12, 1, 11, 0))

    assert status.is_here
    assert status.stop.place == "Quai de la Fosse"
    assert status.closes_at == paris(2026, 12, 1, 12, 0)


def test_mobile_branch_next_stop_later_today(stops):
    status = mobile_status(stops, paris(2026, 12, 1, 12, 0))

    assert not status.is_here
    assert status.stop.place == "Île de Versailles"
    assert status.opens_at == paris(2026, 12, 1, 14, 0)
    assert status.opens_when == "today"


def test_mobile_branch_next_stop_another_day(stops):
    status = mobile_status(reversed(stops), paris(2026, 12, 1, 18, 0))

    assert status.stop.place == "Trentemoult"
    assert status.opens_at == paris(2026, 12, 3, 10, 0)
    assert status.opens_when == "week"


def test_mobile_branch_without_stops_ahead(stops):
    status = mobile_status(stops, paris(2026, 12, 4, 9, 0))

    assert not status.is_here
    assert status.stop is None
    assert status.as_json() == {"is_open": False, "closes_at": None, "opens_at": None, "place": None}


def test_relative_days_count_calendar_days_in_paris():
    late_evening = paris(2026, 12, 5, 23, 30)

    assert hours.relative_day(late_evening, paris(2026, 12, 6, 0, 30)) == "tomorrow"
    assert hours.relative_day(late_evening, paris(2026, 12, 11, 10, 0)) == "week"
    assert hours.relative_day(late_evening, paris(2026, 12, 12, 10, 0)) == "later"


# Drafts: Wagtail saves them without the checks that make values required.


def test_half_filled_lines_of_a_draft_are_left_out():
    draft = Timetable.from_values(
        weekly=[
            *(value for _type, value in tuesday_to_saturday()),
            {"weekday": "6", "opens": None, "closes": None},
            {"weekday": "", "opens": "10:00", "closes": "12:00"},
            {"weekday": "0", "opens": "10:00", "closes": ""},
        ],
        seasons=[
            {"name": "", "start_date": None, "end_date": "2026-12-31", "hours": []},
            {
                "name": "Hiver",
                "start_date": "2026-12-01",
                "end_date": None,
                "hours": [{"weekday": "5", "opens": "09:00", "closes": "13:00"}],
            },
        ],
        exceptions=[
            {"start_date": None, "end_date": None, "reason": "", "hours": []},
            {
                "start_date": "2026-12-08",
                "end_date": None,
                "reason": None,
                "hours": [{"opens": "10:00", "closes": None}, {"opens": "20:00", "closes": "23:00"}],
            },
        ],
    )

    assert not draft.seasons
    assert [(day.date.day, len(day.intervals)) for day in week_hours(draft, datetime.date(2026, 12, 6))] == [
        (6, 0),
        (7, 0),
        (8, 1),
        (9, 1),
        (10, 1),
        (11, 1),
        (12, 2),
    ]
    assert draft.day(datetime.date(2026, 12, 8)).intervals[0].start == paris(2026, 12, 8, 20, 0)


def draft_clean(block, data):
    """What saving a draft does with a StreamField: `clean()` without the required checks."""
    return block.clean_deferred(block.to_python(data))


def test_draft_with_blank_dates_and_times_saves():
    hours_of_a_day = [{"type": "opening", "value": {"opens": None, "closes": None}}]
    weekly = [{"type": "opening", "value": {"weekday": "", "opens": None, "closes": None}}]

    assert len(draft_clean(DayRangesBlock(), hours_of_a_day)) == 1
    assert len(draft_clean(WeekHoursBlock(), weekly)) == 1


def test_publishing_still_checks_times():
    """Errors an editor sees beside the field, in drafts as when publishing.

    The dates of seasons and exceptions are rows now: tests/branches/test_models.py.
    """
    times = TimeRangeBlock()

    for clean in (times.clean, times.clean_deferred):
        with pytest.raises(blocks.StructBlockValidationError) as error:
            clean(times.to_python({"opens": "10:00", "closes": "10:00"}))
        assert "closes" in error.value.block_errors
    with pytest.raises(blocks.StreamBlockValidationError):
        WeekHoursBlock().clean(WeekHoursBlock().to_python(weekly_stream("", "10:00", "12:00")))


def weekly_stream(weekday, opens, closes):
    return [{"type": "opening", "value": {"weekday": weekday, "opens": opens, "closes": closes}}]
