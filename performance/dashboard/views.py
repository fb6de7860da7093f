"""The profile and team pages: check access, read through selectors, render. Nothing is written here. The
leadership dashboard /pimpinan/ is `performance.adoption`."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from performance.access import can_assess, leadership_unit_ids, own_employee, visible_employees
from performance.models import Assessment, Employee
from performance.panels import profile_panels
from performance.selectors import open_period, profile_employee
from performance.survey import selectors as survey_selectors
from portal.roles import Role, is_leadership, may_see_performance_data, own_page, role_required

from . import selectors, team_view

# --- Profile --------------------------------------------------------------------------------------------


@login_required
@own_page
def my_profile(request):
    me = own_employee(request.user)
    if me is None:
        if not may_see_performance_data(request.user):
            raise PermissionDenied
        return render(request, "dashboard/no_employee.html")
    return _render_profile(request, me)


@login_required
def profile(request, nip: str):
    employee = profile_employee(visible_employees(request.user), nip)
    if employee is None:
        raise Http404
    return _render_profile(request, employee)


def _render_profile(request, employee: Employee):
    periods = selectors.profile_assessments(employee)
    is_self = employee.user_id == request.user.pk
    pending = []
    if is_self:
        pending = [p["assessment"] for p in periods if p["assessment"].status == Assessment.Status.SUBMITTED]
    may_assess = can_assess(request.user, employee)
    context = {
        "employee": employee,
        "periods": periods,
        "pending": pending,
        "is_self": is_self,
        "can_assess": may_assess,
        "open_period": open_period() if may_assess else None,
        # What the person has learned (the dashboard reads learning, never the other way round). A record
        # without an account has no learning history.
        "learning": selectors.profile_learning(employee.user_id, is_self=is_self) if employee.user_id else None,
        # Citizens' survey: the unit's IKM and, from 5 naming responses, the officer's own figures (1 query).
        # The page is already limited to the person, their supervisors, leadership and HR.
        "survey": survey_selectors.profile_figures(employee=employee),
        # Sections of the upper apps: the plan (development), dialogues and appreciation (supervision).
        "panels": profile_panels(request, employee, assessments=[p["assessment"] for p in periods]),
    }
    return render(request, "dashboard/profile.html", context)


# --- Team -------------------------------------------------------------------------------------------------


@role_required(Role.ATASAN, Role.PIMPINAN)
def team(request):
    leader = is_leadership(request.user)
    scope = "unit" if leader and request.GET.get("lingkup") == "unit" else "direct"
    period = open_period()
    if scope == "unit":
        base, limit = team_view.unit_members(leadership_unit_ids(request.user)), team_view.LEADER_LIMIT
    else:
        base, limit = team_view.direct_reports_of_user(request.user), None
    sort, what = request.GET.get("urut", "nama"), request.GET.get("saring", "")
    if team_view.is_default_order(sort, what):
        # Name order, unfiltered: counted in the database, only this page's rows built.
        page = Paginator(team_view.NameOrderedTeam(base, period, limit=limit), team_view.PAGE_SIZE).get_page(
            request.GET.get("hal")
        )
        all_count = shown_count = page.paginator.count
    else:
        # Sorted or filtered by the rows' own figures: every row is built, then one page shown.
        rows = team_view.team_rows(base, period, limit=limit)
        shown = team_view.sort_and_filter(rows, sort=sort, what=what)
        page = Paginator(shown, team_view.PAGE_SIZE).get_page(request.GET.get("hal"))
        all_count, shown_count = len(rows), len(shown)
    for row in page.object_list:  # row actions only for direct reports (the supervisor came with the row)
        supervisor = row.employee.supervisor
        row.direct = supervisor is not None and supervisor.user_id == request.user.pk
    kept = {k: v for k, v in (("lingkup", "unit" if scope == "unit" else ""), ("urut", sort), ("saring", what)) if v}
    return render(
        request,
        "dashboard/team.html",
        {
            # Whether the account has an employee record matters only when nobody is listed (no extra query).
            "me": True if all_count else own_employee(request.user),
            "rows": page.object_list,
            "page": page,
            "page_query": urlencode(kept),
            "shown_count": shown_count,
            "all_count": all_count,
            "period": period,
            "scope": scope,
            "is_leader": leader,
            "sort": sort if sort in team_view.SORTS else "nama",
            "what": what if what in team_view.FILTERS else "",
            "sorts": list(team_view.SORTS.items()),
            "filters": list(team_view.FILTERS.items()),
            "truncated": limit is not None and all_count >= limit,
            "limit": limit,
            # the assignment page is for one's own direct reports
            "may_assign": bool(all_count) if scope == "direct" else any(r.direct for r in page.object_list),
        },
    )
