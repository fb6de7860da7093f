"""The notices of development plans and course assignments, each sent once per event (its `event_key`).

Called inside the writer's transaction (or by the daily task); `notify()` ignores a second call with the same key.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

KINDS = {
    "development.plan_acknowledge": _("Rencana pengembangan menunggu konfirmasi Anda"),
    "development.evidence_review": _("Bukti pelaksanaan menunggu tinjauan"),
    "development.evidence_returned": _("Bukti pelaksanaan dikembalikan"),
    "development.course_assigned": _("Kursus ditugaskan kepada Anda"),
    "development.due_soon": _("Tenggat dalam 7 hari"),
    "development.overdue": _("Tenggat terlewat"),
}


def _send(**kwargs):
    from portal.notifications.services import notify

    return notify(**kwargs)


def _plan_to_read(plan, *, event_key: str, title, body):
    """Ask the employee to read (and confirm) their plan."""
    user = plan.employee.user
    if user is None:
        return None
    return _send(
        recipient=user,
        kind="development.plan_acknowledge",
        event_key=event_key,
        title=title,
        body=body,
        link=reverse("development:my_plan", args=[plan.pk]),
        params={"period": str(plan.period)},
    )


def plan_to_acknowledge(plan):
    return _plan_to_read(
        plan,
        event_key=f"plan-ack:{plan.pk}",
        title=_("Rencana pengembangan %(period)s siap Anda baca"),
        body=_("Atasan Anda mengaktifkan rencana pengembangan. Bacalah dan konfirmasi, boleh dengan komentar."),
    )


def plan_changed(plan):
    """The supervisor changed (or reopened) an active plan the employee had confirmed: read it again. One notice per
    change (the key carries the moment of the change)."""
    return _plan_to_read(
        plan,
        event_key=f"plan-changed:{plan.pk}:{plan.updated_at.isoformat()}",
        title=_("Rencana pengembangan %(period)s diubah atasan Anda"),
        body=_("Atasan Anda mengubah rencana pengembangan Anda. Bacalah lagi dan konfirmasi."),
    )


def evidence_to_review(evidence):
    plan = evidence.action.goal.plan
    supervisor = plan.employee.supervisor
    if supervisor is None or supervisor.user is None:
        return None
    return _send(
        recipient=supervisor.user,
        kind="development.evidence_review",
        event_key=f"evidence-review:{evidence.pk}",
        title=_("%(name)s mengirim bukti: %(action)s"),
        body=_("Terima bukti ini atau kembalikan dengan komentar."),
        link=reverse("development:plan", args=[plan.pk]) + f"#aksi-{evidence.action_id}",
        params={"name": plan.employee.full_name, "action": evidence.action.title},
    )


def evidence_returned(evidence):
    plan = evidence.action.goal.plan
    user = plan.employee.user
    if user is None:
        return None
    return _send(
        recipient=user,
        kind="development.evidence_returned",
        event_key=f"evidence-returned:{evidence.pk}",
        title=_("Bukti dikembalikan: %(action)s"),
        body=_("Komentar atasan: %(comment)s"),
        link=reverse("development:my_plan", args=[plan.pk]) + f"#aksi-{evidence.action_id}",
        params={"action": evidence.action.title, "comment": evidence.review_comment},
    )


def course_assigned(assignment, enrollment):
    user = assignment.employee.user
    if user is None:
        return None
    return _send(
        recipient=user,
        kind="development.course_assigned",
        event_key=f"course-assigned:{assignment.pk}",
        title=_("Kursus ditugaskan: %(course)s"),
        body=_("Tenggat: %(due)s. %(note)s"),
        link=assignment.course.url or "",
        params={
            "course": assignment.course.title,
            "due": (enrollment.due_date or assignment.due_date).isoformat(),
            "note": assignment.note,
        },
    )


def due(*, user, what: str, key: str, title: str, due_date, link: str, overdue: bool):
    """A due-soon or overdue notice for one action or assigned course; the key includes the due date, so a moved
    date is announced again and a task run twice announces nothing twice."""
    return _send(
        recipient=user,
        kind="development.overdue" if overdue else "development.due_soon",
        event_key=f"{'overdue' if overdue else 'due-soon'}:{what}:{key}:{due_date.isoformat()}",
        title=_("Tenggat terlewat: %(title)s") if overdue else _("Tenggat %(due)s: %(title)s"),
        body="",
        link=link,
        params={"title": title, "due": due_date.isoformat()},
    )
