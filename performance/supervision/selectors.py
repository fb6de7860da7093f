"""Reads of dialogues, meetings and appreciation, each in a fixed number of queries."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Max, Prefetch, Q, QuerySet, Subquery

from performance.access import leadership_unit_ids, own_employee, visible_employees
from performance.models import Employee

from .models import AgreedAction, Appreciation, Dialogue, MeetingDecision, PreparationNote, TeamMeeting


def visible_dialogues(user) -> QuerySet[Dialogue]:
    return Dialogue.objects.filter(employee__in=visible_employees(user))


def dialogue_detail(pk: int, dialogues: QuerySet[Dialogue]) -> Dialogue | None:
    return (
        dialogues.select_related("employee", "employee__unit", "supervisor")
        .prefetch_related("actions", "closed_actions__dialogue")
        .filter(pk=pk)
        .first()
    )


def dialogues_of(employee: Employee, limit: int = 20) -> list[Dialogue]:
    return list(
        Dialogue.objects.filter(employee=employee)
        .select_related("supervisor")
        .prefetch_related("actions")
        .order_by("-held_on", "-pk")[:limit]
    )


def preparation_note(*, author, employee: Employee) -> str:
    """The author's own preparation notes for this employee ("" when none): nobody else's, ever."""
    return PreparationNote.objects.filter(author=author, employee=employee).values_list("text", flat=True).first() or ""


def open_actions_of(employee: Employee) -> list[AgreedAction]:
    return list(
        AgreedAction.objects.filter(dialogue__employee=employee, done_at__isnull=True)
        .select_related("dialogue")
        .order_by("due_date", "id")
    )


def last_dialogue_dates(employee_ids: list[int]) -> dict[int, dt.date]:
    """The date of the latest dialogue per employee, in one query."""
    return dict(
        Dialogue.objects.filter(employee_id__in=employee_ids)
        .values("employee_id")
        .annotate(last=Max("held_on"))
        .values_list("employee_id", "last")
    )


def visible_meetings(user) -> QuerySet[TeamMeeting]:
    """Meetings the user organised or attended, those of the units a leader oversees, and all for HR."""
    unit_ids = leadership_unit_ids(user)
    if unit_ids is None:
        return TeamMeeting.objects.all()
    me = own_employee(user)
    condition = Q(unit_id__in=unit_ids) if unit_ids else Q(pk__in=[])
    if me is not None:
        condition |= Q(organiser=me) | Q(attendees=me)
    return TeamMeeting.objects.filter(condition).distinct()


def meeting_detail(pk: int, meetings: QuerySet[TeamMeeting]) -> TeamMeeting | None:
    return (
        meetings.select_related("unit", "organiser")
        .prefetch_related(
            "attendees",
            Prefetch("decisions", queryset=MeetingDecision.objects.select_related("owner")),
            Prefetch("closed_decisions", queryset=MeetingDecision.objects.select_related("owner")),
        )
        .filter(pk=pk)
        .first()
    )


def meetings_list(meetings: QuerySet[TeamMeeting], limit: int = 30) -> list[TeamMeeting]:
    return list(meetings.select_related("unit", "organiser").order_by("-held_on", "-pk")[:limit])


def open_decisions_of_unit(unit_id: int) -> list[MeetingDecision]:
    return list(
        MeetingDecision.objects.filter(meeting__unit_id=unit_id, done_at__isnull=True)
        .select_related("owner", "meeting")
        .order_by("due_date", "id")
    )


def meetings_per_unit(*, start: dt.date, end: dt.date, unit_ids: list[int] | None = None) -> dict[int, int]:
    """Meetings held per unit between two dates (for the leadership dashboard), in one query."""
    qs = TeamMeeting.objects.filter(held_on__gte=start, held_on__lte=end)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return dict(qs.values("unit_id").annotate(n=Count("id")).values_list("unit_id", "n"))


def appreciations_of(employee: Employee, limit: int = 10) -> list[Appreciation]:
    return list(Appreciation.objects.filter(employee=employee).order_by("-created_at", "-pk")[:limit])


def team_appreciations(employee_ids: list[int], limit: int = 5) -> list[Appreciation]:
    """The latest appreciations the givers chose to show on the team view."""
    return list(
        Appreciation.objects.filter(employee_id__in=employee_ids, show_on_team=True)
        .select_related("employee")
        .order_by("-created_at", "-pk")[:limit]
    )


def objection_context(assessment, user) -> dict:
    """What the assessment page shows of an objection: the objection itself, or whether the employee may object."""
    from .models import AssessmentObjection

    objection = AssessmentObjection.objects.filter(assessment=assessment).select_related("decider").first()
    is_employee = assessment.employee.user_id == user.pk
    may_object = (
        objection is None and is_employee and assessment.is_current and assessment.status == assessment.Status.SUBMITTED
    )
    return {"objection": objection, "may_object": may_object, "assessment_pk": assessment.pk}


def profile_sections(employee: Employee, user) -> dict:
    """The profile's dialogue and appreciation sections (two queries)."""
    from performance.access import can_assess

    from .forms import AppreciationForm
    from .services import may_appreciate

    own = employee.user_id == user.pk
    # The count of open follow-ups rides on every dialogue row (one query for both); no dialogue, no follow-up.
    open_total = (
        AgreedAction.objects.filter(dialogue__employee=employee, done_at__isnull=True)
        .values("dialogue__employee")
        .annotate(n=Count("id"))
        .values("n")
    )
    dialogues = list(
        Dialogue.objects.filter(employee=employee)
        .only("id", "held_on", "topics", "responded_at")
        .annotate(open_total=Subquery(open_total[:1]))[:3]
    )
    return {
        "dialogues": dialogues,
        "open_actions": (dialogues[0].open_total or 0) if dialogues else 0,
        "appreciations": appreciations_of(employee),
        "may_dialogue": not own and can_assess(user, employee),
        "appreciation_form": AppreciationForm() if not own and may_appreciate(user, employee) else None,
    }
