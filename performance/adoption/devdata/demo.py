"""Demo: eight weeks of the onboarding campaign, so leadership's dashboard has a funnel, a trend and a not-started
list worth reading, then today's unit snapshots.

The demo roster's people without an account get one, as the roster import gives every employee with an email
(an unusable password: an invitation not yet taken up), and the campaign enrols them. Then the weeks are replayed
in order: in each week some of them sign in for the first time and some work through the onboarding course
(through the learning services, as a learner would), and at the end of each week the nightly job takes its
snapshots, from the records as they stand then. So every past week's figure was computed, not guessed, and the
dashboard reads it as it reads real history. Deterministic (a person's fate depends on their NIP) and idempotent:
the replay runs only while no snapshot of a past day exists.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from learning.devdata.demo_cohort import learn
from learning.selectors.summary import onboarding_course
from performance.campaigns.devdata.demo import NAME as CAMPAIGN_NAME
from performance.campaigns.models import Campaign
from performance.campaigns.services import campaign_enrol
from performance.models import Employee
from portal import dates

from .. import rules
from ..models import UnitSnapshot
from ..services import snapshots_take

WEEKS = 8
EMAIL_DOMAIN = "walesi.test"
INVITED_PASSWORD = UNUSABLE_PASSWORD_PREFIX + "demo-invited"  # unusable: these people cannot sign in to the demo


def _draw(nip: str, what: str) -> float:
    """A number in [0, 1) fixed by the person and the question: the same demo on every machine."""
    return int(hashlib.sha256(f"{nip}:{what}".encode()).hexdigest()[:8], 16) / 0x1_0000_0000


def _fate(nip: str) -> tuple[int | None, int | None, float]:
    """(week of the first sign-in, counted from the campaign's start; None: never), (modules done; None: the
    whole course; -1: not started) and the ability for the final quiz. About four in five sign in, later weeks
    more than earlier ones (word spreads); of those about three in four start and half finish."""
    if _draw(nip, "reached") >= 0.8:
        return None, -1, 0.0
    week = min(WEEKS, int((WEEKS + 0.4) * _draw(nip, "week") ** 0.75))
    progress = _draw(nip, "progress")
    if progress < 0.25:
        modules = -1
    elif progress < 0.5:
        modules = 1 + int(3 * _draw(nip, "modules"))
    else:
        modules = None
    return week, modules, 0.55 + 0.4 * _draw(nip, "ability")


def _invite_roster() -> list[int]:
    """An account for every active employee without one (email from the name), as the roster import makes them;
    returns the employees' ids."""
    User = get_user_model()
    taken = set(User.objects.values_list("email", flat=True))
    invited = []
    for employee in Employee.objects.filter(active=True, user__isnull=True).order_by("nip"):
        email = employee.email or f"{slugify(employee.full_name).replace('-', '.')}@{EMAIL_DOMAIN}"
        if email in taken:
            email = f"{email.split('@')[0]}.{employee.nip[-4:]}@{EMAIL_DOMAIN}"
        taken.add(email)
        user = User.objects.create(
            email=email,
            first_name=employee.full_name[:150],
            password=INVITED_PASSWORD,
            language="id",
        )
        # update(), not save(): the campaign is enrolled once below, not by a task per person
        Employee.objects.filter(pk=employee.pk).update(email=email, user=user)
        invited.append(employee.pk)
    return invited


def _replay(campaign: Campaign, employee_ids: list[int], *, now: dt.datetime) -> dict:
    today = dates.wit_date(now)
    this_week = rules.week_start(today)
    start = this_week - dt.timedelta(weeks=WEEKS)  # the campaign's first Monday
    start_at = timezone.make_aware(dt.datetime.combine(start, dt.time(8)), dates.WIT)
    course = campaign.course.specific
    Campaign.objects.filter(pk=campaign.pk).update(created_at=start_at)
    course.enrollments.filter(user__employee__in=employee_ids).update(enrolled_at=start_at)
    people = list(Employee.objects.filter(pk__in=employee_ids).select_related("user").order_by("nip"))
    User = get_user_model()
    counts = {"signed in": 0, "started": 0, "completed": 0, "weekly snapshots": 0}
    for week in range(WEEKS + 1):  # the campaign's weeks; the last is this (unfinished) week
        monday = start + dt.timedelta(weeks=week)
        for n, person in enumerate(people, start=1):
            first_week, modules, ability = _fate(person.nip)
            if first_week != week:
                continue
            moment = timezone.make_aware(
                dt.datetime.combine(monday + dt.timedelta(days=n % 5), dt.time(9 + n % 6)), dates.WIT
            )
            moment = min(moment, now - dt.timedelta(minutes=n))
            User.objects.filter(pk=person.user_id).update(last_login=moment)
            counts["signed in"] += 1
            if modules == -1:
                continue
            enrollment = learn(person.user, course, modules_done=modules, ability=ability, learner=n)
            finished = min(moment + dt.timedelta(hours=3), now)
            done = course.enrollments.filter(pk=enrollment.pk, completed_at__isnull=False).exists()
            course.enrollments.filter(pk=enrollment.pk).update(
                started_at=moment + dt.timedelta(minutes=20),
                **({"completed_at": finished} if done else {}),
            )
            if done:
                course.completions.filter(user_id=person.user_id).update(completed_at=finished)
            counts["started"] += 1
            counts["completed"] += done
        if week < WEEKS:  # the night after the week's Sunday: what the dashboard reads for that week
            counts["weekly snapshots"] += snapshots_take(day=monday + dt.timedelta(days=6))
    return counts


def seed(stdout=None) -> int:
    campaign = Campaign.objects.filter(name=CAMPAIGN_NAME).select_related("course").first()
    replayed = {}
    if onboarding_course() and campaign and not UnitSnapshot.objects.filter(day__lt=dates.today()).exists():
        with transaction.atomic():
            # the night before the campaign's first Monday: the trend's first week has a week before it
            start = rules.week_start(dates.today()) - dt.timedelta(weeks=WEEKS)
            snapshots_take(day=start - dt.timedelta(days=1))
            invited = _invite_roster()
            campaign_enrol(campaign_id=campaign.pk)
            replayed = _replay(campaign, invited, now=timezone.now())
        if stdout:
            stdout.write(
                f"  adoption: {len(invited)} roster accounts, {WEEKS} weeks of the onboarding campaign replayed ("
                + ", ".join(f"{v} {k}" for k, v in replayed.items())
                + ")\n"
            )
    made = snapshots_take()
    if stdout:
        stdout.write(f"  adoption: {made} unit snapshots for today\n")
    return made


def counts() -> dict[str, int]:
    """What the demo holds, for seed_demo's summary line."""
    invited = get_user_model().objects.filter(password=INVITED_PASSWORD).count()
    return {"invited roster accounts": invited, "unit snapshots": UnitSnapshot.objects.count()}
