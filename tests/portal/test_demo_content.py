"""The demo does not contradict itself or the day it is loaded on."""

import datetime
import re

import pytest

from home.demo import PRACTICAL_PAGES
from portal.demo import seasonal_alert, site_address


@pytest.mark.parametrize("month", [12, 1, 2])
def test_no_heat_wave_in_winter(month):
    title, message, _level = seasonal_alert(datetime.date(2026, month, 15))
    assert "canicule" not in (title + message).lower()


def test_heat_wave_alert_in_summer_only():
    title, _message, _level = seasonal_alert(datetime.date(2027, 7, 14))
    assert "Canicule" in title
    for month in (3, 4, 5, 9, 10, 11):
        assert "Canicule" not in seasonal_alert(datetime.date(2027, month, 1))[0]


def test_loan_limit_in_the_text_is_the_sum_of_the_table():
    page = next(page for page in PRACTICAL_PAGES if page["slug"] == "emprunter-et-rendre")
    text = next(value for kind, value in page["body"] if kind == "text")
    table = next(value for kind, value in page["body"] if kind == "table")
    limit = int(re.search(r"jusqu'à (\d+) documents", text).group(1))
    assert sum(int(row[1]) for row in table["data"][1:]) == limit


def test_demo_site_takes_the_address_it_is_served_at(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://bibliotheques.bellerive.example"
    assert site_address() == ("bibliotheques.bellerive.example", 443)
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    assert site_address() == ("127.0.0.1", 8000)
