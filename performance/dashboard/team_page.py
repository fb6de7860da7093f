"""The team view (/tim/): thin view over `team_view`."""

from __future__ import annotations

from django.shortcuts import render

from performance.access import leadership_unit_ids
from performance.selectors import open_period
from portal.roles import Role, is_leadership, role_required

from . import team_view

#: PRE-MERGE: becomes "dashboard/team.html" when the dashboard app lands.
TEMPLATE = "performance/team.html"


@role_required(Role.ATASAN, Role.PIMPINAN)
def team(request):
    leader = is_leadership(request.user)
    scope = "unit" if leader and request.GET.get("lingkup") == "unit" else "direct"
    period = open_period()
    if scope == "unit":
        base, limit = team_view.unit_members(leadership_unit_ids(request.user)), team_view.LEADER_LIMIT
    else:
        base, limit = team_view.direct_reports_of_user(request.user), None
    rows = team_view.team_rows(base, period, limit=limit)
    for row in rows:  # row actions only for direct reports (the supervisor came with the row)
        supervisor = row.employee.supervisor
        row.direct = supervisor is not None and supervisor.user_id == request.user.pk
    sort, what = request.GET.get("urut", "nama"), request.GET.get("saring", "")
    shown = team_view.sort_and_filter(rows, sort=sort, what=what)
    return render(
        request,
        TEMPLATE,
        {
            "rows": shown,
            "all_count": len(rows),
            "period": period,
            "scope": scope,
            "is_leader": leader,
            "sort": sort if sort in team_view.SORTS else "nama",
            "what": what if what in team_view.FILTERS else "",
            "sorts": list(team_view.SORTS.items()),
            "filters": list(team_view.FILTERS.items()),
            "truncated": limit is not None and len(rows) >= limit,
            "limit": limit,
            "may_assign": any(r.direct for r in rows),
        },
    )
