"""Writes of campaigns: create, enrol (idempotent, through learning's services), sweep later joiners, remind."""

from __future__ import annotations

import datetime as dt
import logging
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learning.services import enrollment_create, enrollments_assign_many
from performance.models import Employee, OrgUnit
from portal import dates
from portal.links import absolute
from portal.models import BackgroundJob
from portal.tasks import enqueue_on_commit

from . import rules
from .models import Campaign, CampaignReminder
from .selectors import ENROL_JOB_KIND, SOURCE, campaign_employees, can_manage_unit, users_to_enrol, with_learning

logger = logging.getLogger(__name__)

JOB_KIND = ENROL_JOB_KIND
BATCH = 500


@transaction.atomic
def campaign_create(
    *,
    actor,
    name: str,
    course,
    unit: OrgUnit,
    due_date: dt.date,
    message: str = "",
    jabatan_kind: str = "",
    include_subunits: bool = True,
    form_token: uuid.UUID | None = None,
    today: dt.date | None = None,
) -> tuple[Campaign, BackgroundJob]:
    """A campaign in a unit the actor manages; its enrolment runs as a background job with progress.

    `form_token` makes a double-clicked form idempotent: the second submit gets the campaign (and job) the first
    one made, even when both arrive at once (the token is unique in the database)."""
    if not can_manage_unit(actor, unit):
        raise PermissionDenied
    if form_token is not None:
        found = _by_token(form_token, actor)
        if found is not None:
            return found
    if not course.live:
        raise ValidationError(_("Kursus ini belum terbit."))
    if due_date < (today or dates.today()):
        raise ValidationError({"due_date": _("Tenggat tidak boleh sebelum hari ini.")})
    campaign = Campaign(
        name=name,
        course=course,
        unit=unit,
        due_date=due_date,
        message=message,
        jabatan_kind=jabatan_kind,
        include_subunits=include_subunits,
        created_by=actor,
        form_token=form_token,
    )
    campaign.full_clean(exclude=["form_token"])
    try:
        with transaction.atomic():
            campaign.save()
    except IntegrityError:
        found = _by_token(form_token, actor) if form_token is not None else None
        if found is None:
            raise
        return found
    job = BackgroundJob.objects.create(kind=JOB_KIND, owner=actor, params={"campaign_id": campaign.pk})
    from .tasks import campaign_enrol_task

    enqueue_on_commit(campaign_enrol_task, campaign.pk, job.pk)
    return campaign, job


def _by_token(token: uuid.UUID, actor) -> tuple[Campaign, BackgroundJob] | None:
    campaign = Campaign.objects.filter(form_token=token, created_by=actor).first()
    if campaign is None:
        if Campaign.objects.filter(form_token=token).exists():
            raise PermissionDenied  # someone else's token: never hand their campaign over
        return None
    job = BackgroundJob.objects.filter(kind=JOB_KIND, params__campaign_id=campaign.pk).order_by("pk").first()
    return campaign, job


def campaign_enrol(*, campaign_id: int, job_id: int | None = None) -> int:
    """Enrol everyone the campaign covers and is not yet enrolled; returns how many enrollments were made.

    Idempotent: a second run finds nobody to enrol. Batches commit separately, so a large unit shows progress
    and a crash resumes where it stopped.
    """
    campaign = Campaign.objects.select_related("course", "created_by").get(pk=campaign_id)
    job = BackgroundJob.objects.filter(pk=job_id).first() if job_id else None
    if job:
        job.status = BackgroundJob.Status.RUNNING
        job.save(update_fields=["status"])
    course = campaign.course.specific
    todo = list(users_to_enrol(campaign))
    made = 0
    for start in range(0, len(todo), BATCH):
        made += enrollments_assign_many(
            user_ids=todo[start : start + BATCH],
            course=course,
            source=SOURCE,
            due_date=campaign.due_date,
            assigned_by=campaign.created_by_id,
        )
        if job:
            BackgroundJob.objects.filter(pk=job.pk).update(progress=min(99, round(100 * (start + BATCH) / len(todo))))
    if job:
        BackgroundJob.objects.filter(pk=job.pk).update(
            status=BackgroundJob.Status.DONE,
            progress=100,
            finished_at=timezone.now(),
            message=_("%(n)s pegawai didaftarkan.") % {"n": made},
        )
    return made


def campaigns_sweep() -> int:
    """Later joiners (roster import, HR edit): enrol them in every active campaign that now covers them."""
    made = 0
    for pk in Campaign.objects.filter(active=True, due_date__gte=dates.today() - dt.timedelta(days=365)).values_list(
        "pk", flat=True
    ):
        made += campaign_enrol(campaign_id=pk)
    return made


def campaigns_enrol_employee(*, employee: Employee) -> int:
    """Enrol one employee in every active campaign covering them now (HR moved them or created them)."""
    if not employee.active or employee.user_id is None:
        return 0
    made = 0
    for campaign in Campaign.objects.filter(active=True).select_related("course", "created_by"):
        if not users_to_enrol(campaign).filter(pk=employee.pk).exists():
            continue
        enrollment_create(
            user=employee.user,
            course=campaign.course.specific,
            source=SOURCE,
            due_date=campaign.due_date,
            assigned_by=campaign.created_by,
        )
        made += 1
    return made


# --- Reminders -------------------------------------------------------------------------------------------------

REMINDER_TITLES = {
    "before": gettext_lazy("Tenggat kursus %(course)s tinggal 7 hari"),
    "due": gettext_lazy("Hari ini tenggat kursus %(course)s"),
    "overdue": gettext_lazy("Kursus %(course)s melewati tenggat"),
}
SUPERVISOR_TITLE = gettext_lazy("%(name)s belum menyelesaikan kursus %(course)s (lewat tenggat)")


def _deliver(*, recipient, kind: str, event_key: str, title, params: dict, link: str, body="") -> None:
    """One notice through `portal.notifications` (once per event key; mailed per the recipient's preferences)."""
    from portal.notifications.services import notify

    notify(recipient=recipient, kind=kind, event_key=event_key, title=title, body=body, link=link, params=params)


def campaign_reminders_send(*, today: dt.date | None = None) -> int:
    """7 days before, on the due date, and once overdue (then the supervisor too): each event once per learner."""
    today = today or dates.today()
    sent = 0
    campaigns = Campaign.objects.filter(active=True, due_date__gte=today - dt.timedelta(days=60)).select_related(
        "course"
    )
    for campaign in campaigns:
        kind = rules.reminder_kind(due_date=campaign.due_date, today=today)
        if kind is None:
            continue
        done = CampaignReminder.objects.filter(campaign=campaign, kind=kind).values("user_id")
        pending = (
            with_learning(campaign_employees(campaign), campaign, today)
            .filter(lr_assigned=True, lr_completed=False)
            .exclude(user_id__in=done)
            .select_related("user", "supervisor__user")
        )
        link = absolute(campaign.course.url or "/")
        for emp in pending:
            with transaction.atomic():
                _, created = CampaignReminder.objects.get_or_create(campaign=campaign, user=emp.user, kind=kind)
                if not created:
                    continue
                params = {"course": campaign.course.title}
                _deliver(
                    recipient=emp.user,
                    kind="campaign-reminder",
                    event_key=f"campaign:{campaign.pk}:{kind}:{emp.user_id}",
                    title=REMINDER_TITLES[kind],
                    body=campaign.message,
                    params=params,
                    link=link,
                )
                if kind == "overdue" and emp.supervisor and emp.supervisor.user:
                    _deliver(
                        recipient=emp.supervisor.user,
                        kind="campaign-overdue-member",
                        event_key=f"campaign:{campaign.pk}:overdue-sup:{emp.user_id}",
                        title=SUPERVISOR_TITLE,
                        params={**params, "name": emp.full_name},
                        link=link,
                    )
                sent += 1
    return sent
