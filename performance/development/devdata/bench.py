"""Bench cases of development plans (see `performance/bench.py` for the case format): the plan page of a
scale-data supervisor's report, with a course action, an on-the-job action and evidence."""

from __future__ import annotations


def supervisor_and_member(context) -> None:
    """A supervisor of the scale organisation (or the demo one) with the Atasan role, and one of their reports."""
    from django.contrib.auth.models import Group

    from performance.models import Employee
    from portal.roles import Role

    if context.get("dev_supervisor"):
        return
    base = Employee.objects.filter(direct_reports__user__isnull=False, user__isnull=False).distinct().order_by("pk")
    sup = base.filter(unit__code__startswith="SKL.").first() or base.first()
    sup.user.groups.add(Group.objects.get(name=Role.ATASAN))
    context["dev_supervisor"] = sup
    context["dev_member"] = sup.direct_reports.filter(user__isnull=False).order_by("pk").first()


def _plan(context):
    from performance.development import reads, services
    from performance.development.models import DevelopmentPlan
    from performance.selectors import open_period

    supervisor_and_member(context)
    if context.get("dev_plan"):
        return
    actor, member, period = context["dev_supervisor"].user, context["dev_member"], open_period()
    plan = DevelopmentPlan.objects.filter(employee=member, period=period).first()
    if plan is None:
        plan = services.plan_create(actor=actor, employee=member, period=period)
        for code, _title in reads.standards()[:2]:
            goal = services.goal_add(actor=actor, plan=plan, standard_code=code, target="Naik satu tingkat")
            for course in reads.live_courses()[:2]:
                services.action_add(
                    actor=actor, goal=goal, kind="course", course_id=course.pk, due_date=period.end_date
                )
            services.action_add(
                actor=actor, goal=goal, kind="on_the_job", title="Tugas loket", due_date=period.end_date
            )
        services.plan_activate(actor=actor, plan=plan)
    context["dev_plan"] = plan


def plan_url(context) -> str:
    from django.urls import reverse

    return reverse("development:plan", args=[context["dev_plan"].pk])


def team_url(context) -> str:
    from django.urls import reverse

    return reverse("dashboard:team")


BENCH_CASES = [
    {
        "name": "development.plan",
        "kind": "page",
        "setup": _plan,
        "user": lambda context: context["dev_supervisor"].user,
        "url": plan_url,
    },
    {
        "name": "development.team",
        "kind": "page",
        "setup": _plan,
        "user": lambda context: context["dev_supervisor"].user,
        "url": team_url,
    },
]
