"""Scale data of the adoption dashboard: sign-in history (`last_login`, what "reached" counts) for most scale
learners over the past weeks, and the nightly snapshots of those past weeks, so the trend has history to read."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from performance.devdata.scale import SCALE_PREFIX
from performance.models import Employee
from portal import dates

from .. import rules
from ..models import UnitSnapshot
from ..services import snapshots_take

REACHED_SHARE = 0.8  # four in five scale learners signed in at least once
WEEKS = 8  # sign-ins spread over the last eight weeks; one snapshot per past week
CHUNK = 2000


def _sign_ins(user_ids: list[int], rng: random.Random) -> int:
    """`last_login` for REACHED_SHARE of the learners who never signed in, spread over WEEKS weeks: one UPDATE per
    (week, chunk), never overwriting a real sign-in."""
    User = get_user_model()
    never = list(User.objects.filter(pk__in=user_ids, last_login__isnull=True).values_list("pk", flat=True))
    # chosen by id, not by draw: a second run (a larger size) leaves the same people never signed in
    chosen = [uid for uid in never if (uid * 2_654_435_761) % 1000 < REACHED_SHARE * 1000]
    now = timezone.now()
    by_week: dict[int, list[int]] = {}
    for uid in chosen:
        # more sign-ins in later weeks: adoption grows
        by_week.setdefault(min(WEEKS - 1, int(rng.triangular(0, WEEKS, 0))), []).append(uid)
    for weeks_ago, ids in by_week.items():
        moment = now - dt.timedelta(weeks=weeks_ago, hours=rng.randint(1, 100))
        for start in range(0, len(ids), CHUNK):
            User.objects.filter(pk__in=ids[start : start + CHUNK]).update(last_login=moment)
    return len(chosen)


def _past_snapshots(today: dt.date) -> int:
    """For the last day of each of the past WEEKS weeks, a copy of today's snapshot rows with "reached" as it stood
    that day (from the sign-in dates, one grouped query) and the course figures scaled in the same proportion.
    Existing rows are kept (a unique key per unit, day and course): idempotent."""
    this_week = rules.week_start(today)
    days = [this_week - dt.timedelta(days=1 + 7 * k) for k in range(WEEKS)]  # Sundays before this week
    ends = {day: timezone.make_aware(dt.datetime.combine(day, dt.time.max)) for day in days}
    reached = {
        row["unit_id"]: row
        for row in Employee.objects.filter(active=True)
        .values("unit_id")
        .annotate(**{f"r{i}": Count("pk", filter=Q(user__last_login__lte=ends[day])) for i, day in enumerate(days)})
        .order_by()
    }
    rows = []
    for snap in UnitSnapshot.objects.filter(day=today):
        then = reached.get(snap.unit_id)
        if then is None:
            continue
        for i, day in enumerate(days):
            r = then[f"r{i}"]
            share = (r / snap.reached) if snap.reached else 1.0
            rows.append(
                UnitSnapshot(
                    unit_id=snap.unit_id,
                    day=day,
                    course_key=snap.course_key,
                    headcount=snap.headcount,
                    reached=r,
                    enrolled=round(snap.enrolled * share),
                    started=round(snap.started * share),
                    completed=round(snap.completed * share),
                    jp_total=snap.jp_total,
                    jp_met=snap.jp_met,
                    assessed=snap.assessed,
                )
            )
    UnitSnapshot.objects.bulk_create(rows, batch_size=CHUNK, ignore_conflicts=True)
    return len(rows)


def build_scale_adoption(user_ids: list[int], *, seed: int = 1) -> dict:
    """Sign-ins, then today's snapshot of the scale units and those of the past weeks, rebuilt on every run so
    they match the current size."""
    rng = random.Random(seed * 104_729)
    today = dates.today()
    with transaction.atomic():
        signed_in = _sign_ins(user_ids, rng)
        UnitSnapshot.objects.filter(unit__code__startswith=SCALE_PREFIX).delete()
    today_rows = snapshots_take(day=today)
    with transaction.atomic():
        past = _past_snapshots(today)
    return {"sign-ins": signed_in, "snapshots today": today_rows, "snapshots past weeks": past}
