"""Scale data of campaigns: one campaign for the whole scale district, enrolled through the same service as a
real one (batches of `enrollments_assign_many`), so the progress page and the dashboard meet real volumes."""

from __future__ import annotations

from learning.selectors.summary import published_courses
from performance.devdata.scale import SCALE_PREFIX
from performance.models import OrgUnit
from portal import dates

from ..models import Campaign
from ..services import campaign_enrol

NAME = "Kampanye skala: kursus skala 01 untuk seluruh kabupaten"
COURSE_SLUG = "skala-01"


def build_scale_campaign(user_ids: list[int], *, seed: int = 1) -> dict:
    """The district's campaign on the first scale course (most learners already took it by themselves, so the
    campaign meets every state: new, started, completed, overdue); idempotent: a second run enrols only the new."""
    root = OrgUnit.objects.filter(code=SCALE_PREFIX).first()
    course = next((c for c in published_courses() if c.slug == COURSE_SLUG), None)
    if root is None or course is None:
        return {"campaign enrolments": 0}
    import datetime as dt

    campaign, _ = Campaign.objects.get_or_create(
        name=NAME,
        defaults={
            "course_id": course.pk,
            "unit": root,
            "due_date": dates.today() + dt.timedelta(days=30),
            "message": "Selesaikan kursus ini dalam 30 hari.",
        },
    )
    return {"campaign enrolments": campaign_enrol(campaign_id=campaign.pk)}
