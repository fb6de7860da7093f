"""WIT dates (moved here from learning's rules when the helpers moved to portal/dates.py)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from portal import dates

UTC = dt.UTC
WIT = ZoneInfo("Asia/Jayapura")


@pytest.mark.parametrize(
    "moment, year",
    [
        (dt.datetime(2025, 12, 31, 20, 0, tzinfo=UTC), 2026),  # 05:00 on 1 January WIT
        (dt.datetime(2025, 12, 31, 14, 59, 59, tzinfo=UTC), 2025),  # 23:59:59 on 31 December WIT
        (dt.datetime(2025, 12, 31, 15, 0, tzinfo=UTC), 2026),  # midnight WIT
        (dt.datetime(2026, 1, 1, 5, 0, tzinfo=WIT), 2026),
        (dt.datetime(2026, 12, 31, 23, 59, tzinfo=WIT), 2026),
        (dt.datetime(2026, 6, 1, 0, 0, tzinfo=UTC), 2026),
    ],
)
def test_wit_year_boundary(moment, year):
    assert dates.wit_year(moment) == year


def test_wit_year_needs_aware_datetime():
    with pytest.raises(ValueError):
        dates.wit_year(dt.datetime(2026, 1, 1))


@pytest.mark.parametrize(
    "value, text",
    [
        (dt.date(2026, 11, 28), "28 November 2026"),
        (dt.date(2026, 1, 1), "1 Januari 2026"),
        (dt.date(2026, 8, 17), "17 Agustus 2026"),
        (dt.datetime(2025, 12, 31, 20, 0, tzinfo=UTC), "1 Januari 2026"),
    ],
)
def test_format_date_id(value, text):
    assert dates.format_date_id(value) == text


@pytest.mark.parametrize(
    ("day", "language", "text"),
    [
        (dt.date(2026, 12, 3), "id", "3 Desember 2026"),
        (dt.date(2026, 12, 3), "en", "3 December 2026"),
        (dt.datetime(2025, 12, 31, 20, 0, tzinfo=UTC), "en", "1 January 2026"),  # read in WIT
    ],
)
def test_dates_follow_the_interface_language(day, language, text):
    assert dates.format_date(day, language) == text
