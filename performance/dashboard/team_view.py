"""The team view (/tim/): per member what a supervisor acts on, in a fixed number of queries for 5 or 500 people.

Direct reports for a supervisor; a leader may switch to every employee of their units. Sorting and filtering
happen on the server from plain GET parameters, so the page works on a phone without JavaScript.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Max, OuterRef, QuerySet, Subquery, Value, When
from django.utils.translation import gettext_lazy as _

from learning.selectors.summary import LearningSummary, learning_summaries
from performance import rules
from performance.development import reads as development_reads
from performance.development import rules as development_rules
from performance.development.models import DevelopmentPlan, PlanAction
from performance.models import Assessment, Employee, PerformancePeriod
from performance.selectors import DONE
from performance.supervision.models import Appreciation, Dialogue
from portal import dates

#: A leader's "all my units" view lists at most this many people; more asks them to pick a unit.
LEADER_LIMIT = 300
#: Members shown per page: sorting and filtering see the whole team, the page renders this many (a head with
#: hundreds of direct reports got a 1.5 MB page that took seconds to render).
PAGE_SIZE = 50

SORTS = {
    "nama": _("Nama"),
    "jp": _("JP terendah"),
    "predikat": _("Predikat terendah"),
    "rencana": _("Kemajuan rencana terendah"),
    "terlambat": _("Paling banyak terlambat"),
    "dialog": _("Dialog terlama"),
}
FILTERS = {
    "": _("Semua anggota"),
    "terlambat": _("Ada yang terlambat"),
    "tanpa-rencana": _("Belum punya rencana aktif"),
    "jp-kurang": _("JP belum 20"),
    "belum-dinilai": _("Belum dinilai periode ini"),
    "tanpa-dialog": _("Tanpa dialog dalam 90 hari"),
}
DIALOGUE_STALE_DAYS = 90
OPEN = (DevelopmentPlan.Status.DRAFT, DevelopmentPlan.Status.ACTIVE)


def predikat_label(value) -> str:
    return str(rules.PREDIKAT_LABELS[rules.Predikat(value)]) if value else ""


@dataclass(frozen=True)
class _Course:
    pk: int
    path: str
    depth: int


@dataclass
class TeamRow:
    employee: Employee
    learning: LearningSummary | None
    predikat_label: str = ""
    predikat_tone: str = ""
    period_status: str = ""
    period_status_label: str = ""
    plan_id: int | None = None
    plan_status: str = ""
    plan_status_label: str = ""
    plan_percent: int | None = None
    overdue: int = 0
    last_dialogue: dt.date | None = None
    appreciations: list = field(default_factory=list)
    direct: bool = False


def _members_queryset(base: QuerySet[Employee], period: PerformancePeriod | None) -> QuerySet[Employee]:
    latest_plan = DevelopmentPlan.objects.filter(employee=OuterRef("pk")).order_by(
        Case(When(status__in=OPEN, then=Value(0)), default=Value(1), output_field=IntegerField()),
        "-period__end_date",
        "-pk",
    )
    members = base.select_related("unit", "supervisor").annotate(
        latest_predikat=Subquery(
            Assessment.objects.filter(employee=OuterRef("pk"), status__in=DONE)
            .order_by("-period__end_date", "-revision")
            .values("predikat")[:1],
            output_field=IntegerField(),
        ),
        last_dialogue=Subquery(
            Dialogue.objects.filter(employee=OuterRef("pk"))
            .values("employee")
            .annotate(m=Max("held_on"))
            .values("m")[:1]
        ),
        plan_id=Subquery(latest_plan.values("pk")[:1]),
        plan_status=Subquery(latest_plan.values("status")[:1]),
    )
    if period is not None:
        members = members.annotate(
            period_status=Subquery(
                Assessment.objects.filter(employee=OuterRef("pk"), period=period, is_current=True).values("status")[:1]
            )
        )
    return members.order_by("full_name", "pk")


def team_rows(
    base: QuerySet[Employee], period: PerformancePeriod | None, *, limit: int | None = None, start: int = 0
) -> list[TeamRow]:
    """One row per member, in name order, from `start` up to `limit` (an index, not a length). Queries: members
    (1), learning summaries (5), plan actions (1), course progress of the course actions (3), appreciations shown
    on the team (1)."""
    today = dates.today()
    members = list(_members_queryset(base, period)[start:limit])
    summaries = learning_summaries(user_ids=[m.user_id for m in members if m.user_id], year=today.year, today=today)
    plan_ids = [m.plan_id for m in members if m.plan_id]
    rows_ = (
        PlanAction.objects.filter(goal__plan_id__in=plan_ids).values_list(
            "goal__plan_id", "kind", "due_date", "accepted_at", "course_id", "course__path", "course__depth"
        )
        if plan_ids
        else []
    )
    actions, courses = [], {}
    for plan_id, kind, due, accepted, course_id, path, depth in rows_:
        actions.append((plan_id, kind, due, accepted, course_id))
        if course_id:
            courses[course_id] = _Course(course_id, path, depth)
    by_plan: dict[int, list] = {}
    for row in actions:
        by_plan.setdefault(row[0], []).append(row)
    user_of_plan = {m.plan_id: m.user_id for m in members if m.plan_id}
    progress = development_reads.course_progress(
        [(user_of_plan.get(plan_id), course_id) for plan_id, _k, _d, _a, course_id in actions if course_id],
        courses=list(courses.values()),
    )
    shown: dict[int, list] = {}
    for a in (
        Appreciation.objects.filter(employee_id__in=[m.pk for m in members], show_on_team=True)
        .order_by("-created_at", "-pk")
        .only("employee_id", "value_name", "message", "giver_name", "created_at")[: 5 * max(1, len(members))]
    ):
        if len(shown.setdefault(a.employee_id, [])) < 1:
            shown[a.employee_id].append(a)
    rows = []
    for m in members:
        summary = summaries.get(m.user_id) if m.user_id else None
        row = TeamRow(
            employee=m,
            learning=summary,
            predikat_label=predikat_label(m.latest_predikat),
            predikat_tone=rules.PREDIKAT_TONE.get(m.latest_predikat, ""),
            period_status=getattr(m, "period_status", None) or "",
            last_dialogue=m.last_dialogue,
            plan_id=m.plan_id,
            plan_status=m.plan_status or "",
            appreciations=shown.get(m.pk, []),
            overdue=summary.overdue if summary else 0,  # assigned and plan courses past their due date
        )
        row.period_status_label = str(Assessment.Status(row.period_status).label) if row.period_status else ""
        if m.plan_id:
            row.plan_status_label = str(DevelopmentPlan.Status(m.plan_status).label)
            percents = []
            for _plan, kind, due, accepted, course_id in by_plan.get(m.plan_id, []):
                p = progress.get((m.user_id, course_id)) if course_id else None
                percents.append(
                    development_rules.action_percent(
                        kind=kind,
                        course_percent=p["percent"] if p else None,
                        accepted=accepted is not None,
                        course_done=bool(p and p["done"]),
                    )
                )
                if not course_id and m.plan_status == DevelopmentPlan.Status.ACTIVE:
                    if development_rules.due_state(due, today, done=accepted is not None) == "overdue":
                        row.overdue += 1
            row.plan_percent = development_rules.plan_percent(percents)
        rows.append(row)
    return rows


class NameOrderedTeam:
    """The team in its default order (by name, nothing filtered) as a paginator sees it: counted in the database,
    and only the rows of the page asked for are built (a leader's view of 300 people builds 50)."""

    def __init__(self, base: QuerySet[Employee], period: PerformancePeriod | None, *, limit: int | None = None):
        self.base, self.period, self.limit = base, period, limit

    def count(self) -> int:
        total = self.base.count()
        return min(total, self.limit) if self.limit is not None else total

    def __getitem__(self, index: slice) -> list[TeamRow]:
        stop = index.stop if self.limit is None else min(index.stop, self.limit)
        return team_rows(self.base, self.period, start=index.start or 0, limit=stop)


def is_default_order(sort: str, what: str) -> bool:
    """Whether the page shows the team in name order, unfiltered (the rows' own figures play no part)."""
    return (sort if sort in SORTS else "nama") == "nama" and (what if what in FILTERS else "") == ""


def _sort_key(sort: str):
    far = dt.date(1900, 1, 1)
    keys = {
        "jp": lambda r: (r.learning.jp_year if r.learning else -1, r.employee.full_name),
        # BKN kuadran codes: 1 Sangat Baik … 5 Sangat Kurang; the weakest first, the unassessed last.
        "predikat": lambda r: (-(r.employee.latest_predikat or 0), r.employee.full_name),
        "rencana": lambda r: (r.plan_percent if r.plan_percent is not None else -1, r.employee.full_name),
        "terlambat": lambda r: (-r.overdue, r.employee.full_name),
        "dialog": lambda r: (r.last_dialogue or far, r.employee.full_name),
    }
    return keys.get(sort, lambda r: (r.employee.full_name, r.employee.pk))


def _keep(row: TeamRow, what: str, today: dt.date) -> bool:
    if what == "terlambat":
        return row.overdue > 0
    if what == "tanpa-rencana":
        return row.plan_status != DevelopmentPlan.Status.ACTIVE
    if what == "jp-kurang":
        return not (row.learning and row.learning.jp_met)
    if what == "belum-dinilai":
        return row.period_status not in (Assessment.Status.SUBMITTED, Assessment.Status.ACKNOWLEDGED)
    if what == "tanpa-dialog":
        return row.last_dialogue is None or row.last_dialogue < today - dt.timedelta(days=DIALOGUE_STALE_DAYS)
    return True


def sort_and_filter(rows: list[TeamRow], *, sort: str, what: str) -> list[TeamRow]:
    today = dates.today()
    sort = sort if sort in SORTS else "nama"
    what = what if what in FILTERS else ""
    return sorted((r for r in rows if _keep(r, what, today)), key=_sort_key(sort))


def direct_reports(me: Employee) -> QuerySet[Employee]:
    return Employee.objects.filter(supervisor=me, active=True)


def unit_members(unit_ids: list[int] | None) -> QuerySet[Employee]:
    qs = Employee.objects.filter(active=True)
    return qs if unit_ids is None else qs.filter(unit_id__in=unit_ids)


def direct_reports_of_user(user) -> QuerySet[Employee]:
    """Direct reports of the user's own employee record, without loading that record first."""
    return Employee.objects.filter(supervisor__user=user, supervisor__active=True, active=True)


__all__ = [
    "FILTERS",
    "LEADER_LIMIT",
    "NameOrderedTeam",
    "PAGE_SIZE",
    "SORTS",
    "TeamRow",
    "direct_reports_of_user",
    "is_default_order",
    "sort_and_filter",
    "team_rows",
]
