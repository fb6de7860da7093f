"""Pure rules of campaigns: which reminder is due on a day."""

from __future__ import annotations

import datetime as dt

BEFORE_DAYS = 7


def reminder_kind(*, due_date: dt.date, today: dt.date) -> str | None:
    """The reminder event for a not-completed learner today: "before" (7 days ahead), "due" (the day) or
    "overdue" (any day after; sent once, so a missed day still sends it). None otherwise."""
    if today == due_date - dt.timedelta(days=BEFORE_DAYS):
        return "before"
    if today == due_date:
        return "due"
    if today > due_date:
        return "overdue"
    return None
