import datetime

import pytest

from django.template import Context, Template
from django.utils import translation

UTC = datetime.UTC


def time_of_day(value, language_code):
    """The filter as a template applies it, with the time zone conversion templates make."""
    with translation.override(language_code):
        return Template("{% load portal_tags %}{{ value|time_of_day }}").render(Context({"value": value}))


@pytest.mark.parametrize(
    ("value", "language_code", "expected"),
    [
        # French typography: "h" between non-breaking spaces, no ":00".
        (datetime.time(10), "fr", "10\u00a0h"),
        (datetime.time(10, 30), "fr", "10\u00a0h\u00a030"),
        (datetime.time(9, 5), "fr", "9\u00a0h\u00a005"),
        (datetime.time(0, 30), "fr", "0\u00a0h\u00a030"),
        (datetime.time(10), "en", "10 a.m."),
        (datetime.time(12, 30), "en", "12:30 p.m."),
        (datetime.time(12), "en", "noon"),
        (datetime.time(19), "es", "19:00"),
        (None, "fr", ""),
    ],
)
def test_time_of_day_is_written_the_way_the_language_writes_it(value, language_code, expected):
    assert time_of_day(value, language_code) == expected


@pytest.mark.parametrize(
    ("value", "language_code", "expected"),
    [
        # 9:30 UTC in December is 10:30 in Paris; 8:00 UTC in July is 10:00 (summer time).
        (datetime.datetime(2026, 12, 5, 9, 30, tzinfo=UTC), "fr", "10\u00a0h\u00a030"),
        (datetime.datetime(2026, 7, 1, 8, 0, tzinfo=UTC), "fr", "10\u00a0h"),
        (datetime.datetime(2026, 12, 5, 11, 0, tzinfo=UTC), "en", "noon"),
    ],
)
def test_time_of_day_shows_an_aware_moment_at_paris_time(value, language_code, expected):
    assert time_of_day(value, language_code) == expected
