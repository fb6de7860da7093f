"""Dates and times as the district counts them: WIT (UTC+09:00, `Asia/Jayapura`, no DST).

Years, quarters, due dates and "today" are all WIT. Every app reads them from here (the survey and the pulse must
not import learning). Pure functions apart from `today()`/`now()`.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

WIT = ZoneInfo("Asia/Jayapura")

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def wit_date(moment: dt.datetime) -> dt.date:
    """The calendar date in WIT of an aware timestamp."""
    if moment.tzinfo is None:
        raise ValueError("an aware datetime is required")
    return moment.astimezone(WIT).date()


def wit_year(moment: dt.datetime) -> int:
    """The year in WIT: 1 January 05:00 WIT is the new year although it is still 31 December in UTC."""
    return wit_date(moment).year


def now() -> dt.datetime:
    return timezone.now()


def today() -> dt.date:
    """Today in WIT."""
    return wit_date(timezone.now())


def quarter_of(day: dt.date) -> int:
    """1–4."""
    return (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First and last day of a quarter."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError("quarter must be 1–4")
    start = dt.date(year, 3 * quarter - 2, 1)
    end = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return start, end - dt.timedelta(days=1)


def start_of_day(day: dt.date) -> dt.datetime:
    """Midnight WIT of a date, as an aware timestamp (for range filters on DateTimeFields)."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=WIT)


def week_start(day: dt.date) -> dt.date:
    """The Monday of the ISO week a date falls in."""
    return day - dt.timedelta(days=day.weekday())


def format_date(day: dt.date | dt.datetime, language: str = "id") -> str:
    """A date written out in the interface language: 28 November 2026 / 3 Desember 2026 (timestamps in WIT)."""
    if isinstance(day, dt.datetime):
        day = wit_date(day)
    months = MONTHS_EN if (language or "id").startswith("en") else MONTHS_ID
    return f"{day.day} {months[day.month - 1]} {day.year}"


def format_date_id(day: dt.date | dt.datetime) -> str:
    """A date as Indonesians write it (certificates, exports, mails): 28 November 2026, read in WIT."""
    return format_date(day, "id")
