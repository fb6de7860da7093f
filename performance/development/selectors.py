"""Reads of development plans, each in a fixed number of queries whatever the number of goals, actions or people."""

from __future__ import annotations

from collections import defaultdict

from django.db import models
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import get_language

from performance import rules as perf_rules
from performance.models import Assessment, CompetencyRating, Employee, StandardRating
from portal import dates

from . import reads, rules
from .models import ActionEvidence, CourseAssignment, DevelopmentPlan, PlanAction, PlanGoal

DONE = (Assessment.Status.SUBMITTED, Assessment.Status.ACKNOWLEDGED)
OPEN_STATUSES = (DevelopmentPlan.Status.DRAFT, DevelopmentPlan.Status.ACTIVE)


def _rating_label(value) -> str:
    return str(perf_rules.RATING_LABELS[perf_rules.Rating(value)]) if value else ""


def visible_plans(employees: QuerySet[Employee]) -> QuerySet[DevelopmentPlan]:
    """Plans of the employees a user may see (pass `performance.access.visible_employees(user)`)."""
    return DevelopmentPlan.objects.filter(employee__in=employees)


def _actions_state(actions: list[PlanAction], user_id: int | None, today) -> None:
    """Annotate actions with percent, done, due state and their latest evidence (evidence must be prefetched)."""
    progress = reads.course_progress(
        [(user_id, a.course_id) for a in actions if a.course_id], courses=[a.course for a in actions if a.course_id]
    )
    for a in actions:
        evidence = list(a.evidence.all())
        a.latest_evidence = evidence[-1] if evidence else None
        a.history = evidence
        if a.kind == PlanAction.Kind.COURSE:
            p = progress.get((user_id, a.course_id), {"percent": 0, "done": False, "enrolled": False})
            a.course_percent, a.course_done, a.enrolled = p["percent"], p["done"], p["enrolled"]
            a.done = p["done"]
        else:
            a.course_percent, a.course_done, a.enrolled = None, False, False
            a.done = a.accepted_at is not None
        a.percent = rules.action_percent(
            kind=a.kind, course_percent=a.course_percent, accepted=a.accepted_at is not None, course_done=a.course_done
        )
        a.due_state = rules.due_state(a.due_date, today, done=a.done)
        a.due_text = dates.format_date(a.due_date, get_language() or "id")
        a.awaiting_review = bool(a.latest_evidence and a.latest_evidence.status == ActionEvidence.Status.PENDING)
        a.may_submit = a.kind != PlanAction.Kind.COURSE and not a.done and not a.awaiting_review


def _ratings_before_after(plan: DevelopmentPlan) -> tuple[list[StandardRating], Assessment | None, dict[str, int]]:
    """The standard ratings of the assessment the plan was made from, the first assessment submitted after it
    (a later period) and that one's ratings, in one query."""
    source = plan.source_assessment
    later = Q(assessment__employee_id=plan.employee_id, assessment__is_current=True, assessment__status__in=DONE)
    if source is not None:
        condition = Q(assessment_id=source.pk) | (later & Q(assessment__period__end_date__gt=source.period.end_date))
    else:
        condition = later & Q(assessment__period__end_date__gte=plan.period.end_date)
    before, first, after = [], None, {}
    for rating in (
        StandardRating.objects.filter(condition)
        .select_related("assessment__period")
        .order_by("assessment__period__end_date", "assessment_id", "id")
    ):
        if source is not None and rating.assessment_id == source.pk:
            before.append(rating)
            continue
        if first is None:
            first = rating.assessment
        if rating.assessment_id == first.pk:
            after[rating.standard_code] = rating.rating
    return before, first, after


def plan_detail(plan_id: int, plans: QuerySet[DevelopmentPlan]) -> DevelopmentPlan | None:
    """A plan with goals, actions (progress from learning records), evidence and "did it work" per goal."""
    plan = (
        plans.select_related(
            "employee", "employee__unit", "employee__supervisor", "period", "author", "source_assessment__period"
        )
        .prefetch_related(
            Prefetch(
                "goals",
                queryset=PlanGoal.objects.prefetch_related(
                    Prefetch(
                        "actions",
                        queryset=PlanAction.objects.select_related("course").prefetch_related(
                            Prefetch("evidence", queryset=ActionEvidence.objects.order_by("submitted_at", "id"))
                        ),
                    )
                ),
            ),
        )
        .filter(pk=plan_id)
        .first()
    )
    if plan is None:
        return None
    today = dates.today()
    goals = list(plan.goals.all())
    actions = [a for g in goals for a in g.actions.all()]
    _actions_state(actions, plan.employee.user_id, today)
    plan.source_ratings, after, after_ratings = _ratings_before_after(plan)
    for g in goals:
        g.action_list = list(g.actions.all())
        g.percent = rules.plan_percent([a.percent for a in g.action_list])
        g.baseline_label = _rating_label(g.baseline_rating)
        g.after_rating = after_ratings.get(g.standard_code)
        g.after_label = _rating_label(g.after_rating)
        g.outcome = rules.outcome(g.baseline_rating, g.after_rating) if after else rules.Outcome.PENDING
        g.outcome_label = rules.OUTCOME_LABELS[g.outcome]
        g.outcome_tone = rules.OUTCOME_TONE[g.outcome]
    plan.goal_list = goals
    plan.percent = rules.plan_percent([a.percent for a in actions])
    plan.next_assessment = after
    plan.overdue = sum(1 for a in actions if a.due_state == "overdue")
    plan.actions_total = len(actions)
    return plan


def plan_progress(plan: DevelopmentPlan) -> int:
    """A plan's progress in percent (for the service that completes it)."""
    detail = plan_detail(plan.pk, DevelopmentPlan.objects.all())
    return detail.percent if detail else 0


def plans_of(employee: Employee) -> list[DevelopmentPlan]:
    return list(
        DevelopmentPlan.objects.filter(employee=employee).select_related("period").order_by("-period__end_date", "-pk")
    )


def suggestions(employee: Employee, plan: DevelopmentPlan | None = None, catalogue=None) -> dict:
    """From the latest submitted assessment (the plan's source, when it has one): each standard rated Di bawah
    ekspektasi with the published courses that target it, and each competency rated 1–2 after coaching.
    Standards already in the plan are marked. Pass a plan from `plan_detail` to reuse what it loaded."""
    source = plan.source_assessment if plan is not None and plan.source_assessment_id else None
    if source is not None:
        ratings = getattr(plan, "source_ratings", None)
        if ratings is None:
            ratings = list(source.standard_ratings.all())
        weak = [s for s in ratings if s.rating == perf_rules.Rating.DI_BAWAH]
    else:
        source = (
            Assessment.objects.filter(employee=employee, is_current=True, status__in=DONE)
            .select_related("period")
            .order_by("-period__end_date", "-revision")
            .first()
        )
        if source is None:
            return {"assessment": None, "standards": [], "competencies": []}
        weak = list(StandardRating.objects.filter(assessment=source, rating=perf_rules.Rating.DI_BAWAH).order_by("id"))
    courses = reads.published_courses_for_standards([s.standard_code for s in weak], catalogue) if weak else {}
    goals = getattr(plan, "goal_list", None) if plan is not None else None
    if goals is None and plan is not None:
        goals = list(plan.goals.all())
    in_plan = {g.standard_code: {a.course_id for a in g.actions.all()} for g in goals or []}
    competencies = list(CompetencyRating.objects.filter(assessment=source, score__lte=2).order_by("score", "id"))
    rows = []
    for s in weak:
        offered = courses.get(s.standard_code, [])
        taken = in_plan.get(s.standard_code)
        rows.append(
            {
                "code": s.standard_code,
                "title": s.standard_title,
                "rating_label": s.get_rating_display(),
                "courses": offered,
                "in_plan": taken is not None,
                "complete": taken is not None and all(c.pk in taken for c in offered),
            }
        )
    return {"assessment": source, "standards": rows, "competencies": competencies}


def team_plan_summaries(employees: list[Employee], today=None) -> dict[int, dict]:
    """Per employee id: the open (else latest) plan's status and progress, and overdue items (plan actions and
    assigned courses). Five queries whatever the number of people."""
    today = today or dates.today()
    ids = [e.pk for e in employees]
    result: dict[int, dict] = {pk: {"plan": None, "percent": None, "overdue": 0} for pk in ids}
    if not ids:
        return result
    latest: dict[int, DevelopmentPlan] = {}
    for plan in (
        DevelopmentPlan.objects.filter(employee_id__in=ids)
        .select_related("period")
        .order_by("employee_id", "-period__end_date", "-pk")
    ):
        current = latest.get(plan.employee_id)
        if current is None or (current.status not in OPEN_STATUSES and plan.status in OPEN_STATUSES):
            latest[plan.employee_id] = plan
    plan_ids = [p.pk for p in latest.values()]
    actions = list(
        PlanAction.objects.filter(goal__plan_id__in=plan_ids).values(
            "id", "kind", "course_id", "due_date", "accepted_at", "goal__plan_id"
        )
    )
    user_by_employee = {e.pk: e.user_id for e in employees}
    plan_employee = {p.pk: p.employee_id for p in latest.values()}
    pairs = [(user_by_employee.get(plan_employee[a["goal__plan_id"]]), a["course_id"]) for a in actions]
    assignments = list(
        CourseAssignment.objects.filter(employee_id__in=ids).values("employee_id", "course_id", "due_date")
    )
    pairs += [(user_by_employee.get(a["employee_id"]), a["course_id"]) for a in assignments]
    progress = reads.course_progress(pairs)
    percents: dict[int, list[int]] = defaultdict(list)
    for a in actions:
        employee_id = plan_employee[a["goal__plan_id"]]
        p = progress.get((user_by_employee.get(employee_id), a["course_id"])) if a["course_id"] else None
        done = p["done"] if p else a["accepted_at"] is not None
        percents[a["goal__plan_id"]].append(
            rules.action_percent(
                kind=a["kind"],
                course_percent=p["percent"] if p else None,
                accepted=a["accepted_at"] is not None,
                course_done=bool(p and p["done"]),
            )
        )
        if latest[plan_employee[a["goal__plan_id"]]].status == DevelopmentPlan.Status.ACTIVE:
            if rules.due_state(a["due_date"], today, done=done) == "overdue":
                result[employee_id]["overdue"] += 1
    for a in assignments:
        p = progress.get((user_by_employee.get(a["employee_id"]), a["course_id"]))
        if rules.due_state(a["due_date"], today, done=bool(p and p["done"])) == "overdue":
            result[a["employee_id"]]["overdue"] += 1
    for employee_id, plan in latest.items():
        result[employee_id]["plan"] = plan
        result[employee_id]["percent"] = rules.plan_percent(percents.get(plan.pk, []))
    return result


def assignments_of(employee: Employee) -> list[CourseAssignment]:
    return list(CourseAssignment.objects.filter(employee=employee).select_related("course").order_by("due_date"))


def _ratings_from(assessments, plan: DevelopmentPlan):
    """`_ratings_before_after` from assessments already read with their standard ratings (the profile's: the
    latest submitted revision of each period), or None when the plan's source assessment is not among them."""
    source = plan.source_assessment
    by_pk = {a.pk: a for a in assessments}
    if source is not None and source.pk not in by_pk:
        return None
    floor = source.period.end_date if source is not None else plan.period.end_date
    later = sorted(
        (
            a
            for a in assessments
            if a.is_current
            and a.status in DONE
            and (a.period.end_date > floor if source is not None else a.period.end_date >= floor)
        ),
        key=lambda a: (a.period.end_date, a.pk),
    )
    before = list(by_pk[source.pk].standard_ratings.all()) if source is not None else []
    first = later[0] if later else None
    after = {r.standard_code: r.rating for r in first.standard_ratings.all()} if first else {}
    return before, first, after


def profile_plan(employee: Employee, *, own: bool, assessments=None) -> DevelopmentPlan | None:
    """The plan the profile shows (the open one, else the latest; never a draft to the employee) with its goals in
    one query, and each goal's "did it work" — from `assessments` (read by the profile with their ratings) when
    given, else in one query more. Progress in percent lives on the plan page and the team view."""
    plans = DevelopmentPlan.objects.filter(employee=employee)
    if own:
        plans = plans.exclude(status=DevelopmentPlan.Status.DRAFT)
    chosen = plans.order_by(
        models.Case(models.When(status__in=OPEN_STATUSES, then=0), default=1),
        "-period__end_date",
        "-pk",
    ).values("pk")[:1]
    # One row per goal (or one row with no goal): the plan and its goals in a single query.
    rows = list(
        DevelopmentPlan.objects.filter(pk=models.Subquery(chosen))
        .select_related("period", "source_assessment__period")
        .annotate(
            g_id=models.F("goals__id"),
            g_code=models.F("goals__standard_code"),
            g_title=models.F("goals__standard_title"),
            g_baseline=models.F("goals__baseline_rating"),
        )
        .order_by("g_id")
    )
    if not rows:
        return None
    plan = rows[0]
    plan.goal_list = [
        PlanGoal(id=r.g_id, plan=plan, standard_code=r.g_code, standard_title=r.g_title, baseline_rating=r.g_baseline)
        for r in rows
        if r.g_id is not None
    ]
    found = _ratings_from(assessments, plan) if assessments is not None else None
    plan.source_ratings, after, after_ratings = found if found is not None else _ratings_before_after(plan)
    plan.next_assessment = after
    for g in plan.goal_list:
        g.baseline_label = _rating_label(g.baseline_rating)
        g.after_rating = after_ratings.get(g.standard_code)
        g.after_label = _rating_label(g.after_rating)
        g.outcome = rules.outcome(g.baseline_rating, g.after_rating) if after else rules.Outcome.PENDING
        g.outcome_label = rules.OUTCOME_LABELS[g.outcome]
        g.outcome_tone = rules.OUTCOME_TONE[g.outcome]
    return plan
