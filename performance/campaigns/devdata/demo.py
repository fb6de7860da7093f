"""Demo: the onboarding campaign for the whole district, so every demo ASN sees the course as assigned."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from learning.selectors.summary import onboarding_course
from performance.models import OrgUnit
from portal import dates

from ..models import Campaign
from ..services import campaign_enrol

NAME = "Sosialisasi standar kinerja: orientasi portal"


def seed(stdout=None) -> Campaign | None:
    course = onboarding_course()
    root = OrgUnit.objects.filter(parent__isnull=True).order_by("code").first()
    if course is None or root is None:
        return None
    creator = get_user_model().objects.filter(email="admin@walesi.test").first()
    campaign, _ = Campaign.objects.get_or_create(
        name=NAME,
        defaults={
            "course_id": course.id,
            "unit": root,
            "due_date": dates.today() + dt.timedelta(days=30),
            "message": "Selesaikan kursus orientasi dalam 30 hari.",
            "created_by": creator,
        },
    )
    made = campaign_enrol(campaign_id=campaign.pk)
    if stdout:
        stdout.write(f"  campaigns: '{campaign.name}' for {root.name}, {made} new enrolments\n")
    return campaign


def counts() -> dict[str, int]:
    """What the demo holds, for seed_demo's summary line."""
    return {"campaigns": Campaign.objects.count()}
