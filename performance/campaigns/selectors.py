"""Reads of campaigns: who a campaign targets, progress per unit. Constant query count whatever the size.

Learning records are read only through `learning.selectors.summary` (subquery expressions, aggregated here)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from django.db.models import F, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from learning.selectors.summary import assignment_covered_user_ids, enrollment_counts, learning_annotations
from performance.access import leadership_unit_ids, unit_and_subunit_ids_sql
from performance.models import Employee, OrgUnit
from portal import dates
from portal.models import BackgroundJob

from .models import Campaign

#: Enrollment source of a campaign in learning (`Enrollment.Source.CAMPAIGN`).
SOURCE = "campaign"
#: From a learning record's user to the employee's unit: a join (Employee.user is one-to-one), which PostgreSQL
#: hashes once, where a correlated subquery would run per enrollment.
EMPLOYEE_UNIT = "user__employee__unit_id"
#: BackgroundJob kind of a campaign's enrolment (its progress shows on the campaign page).
ENROL_JOB_KIND = "campaign-enrol"


def campaign_employees(campaign: Campaign) -> QuerySet[Employee]:
    """Active employees with an account in the campaign's unit (and subunits), optionally of one jabatan kind."""
    qs = Employee.objects.filter(active=True, user__isnull=False)
    if campaign.include_subunits:
        qs = qs.filter(unit_id__in=unit_and_subunit_ids_sql(campaign.unit_id))
    else:
        qs = qs.filter(unit_id=campaign.unit_id)
    if campaign.jabatan_kind:
        qs = qs.filter(jabatan_kind=campaign.jabatan_kind)
    return qs


def with_learning(qs: QuerySet[Employee], campaign: Campaign, today=None) -> QuerySet[Employee]:
    today = today or dates.today()
    return qs.annotate(**learning_annotations(course_id=campaign.course_id, year=today.year, today=today))


def users_to_enrol(campaign: Campaign) -> QuerySet:
    """User ids the campaign still has to enrol (nobody once it ran: idempotent)."""
    return (
        campaign_employees(campaign)
        .exclude(user_id__in=assignment_covered_user_ids(course_id=campaign.course_id))
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )


def campaigns_for(user) -> QuerySet[Campaign]:
    """Campaigns whose own unit a leader (on their units) or HR (all) manages."""
    unit_ids = leadership_unit_ids(user)
    qs = Campaign.objects.select_related("unit", "course")
    if unit_ids is None:
        return qs
    return qs.filter(unit_id__in=unit_ids)


def can_manage_unit(user, unit: OrgUnit) -> bool:
    unit_ids = leadership_unit_ids(user)
    return unit_ids is None or unit.pk in unit_ids


# --- The campaign pages: scope, the list with its figures, progress per unit with drill-down ---------------------


@dataclass
class Tree:
    """Every unit (id -> parent, code, name) and the ones a user may see (None = all: HR)."""

    units: dict[int, tuple[int | None, str, str]]
    scope: set[int] | None

    @classmethod
    def load(cls, user) -> Tree:
        """Two queries at most: the user's scope (leaders) and every unit. A user without a scope is a 404."""
        scope = leadership_unit_ids(user)
        if scope == []:
            raise Http404
        units = {
            pk: (parent, code, name)
            for pk, parent, code, name in OrgUnit.objects.order_by("code").values_list(
                "pk", "parent_id", "code", "name"
            )
        }
        return cls(units=units, scope=None if scope is None else set(scope))

    @cached_property
    def kids(self) -> dict[int | None, list[int]]:
        kids: dict[int | None, list[int]] = defaultdict(list)
        for pk, (parent, _code, _name) in self.units.items():  # already in code order
            kids[parent].append(pk)
        return kids

    def below(self, root: int) -> list[int]:
        """The unit and all its subunits."""
        kids, out, todo = self.kids, [], [root]
        while todo:
            pk = todo.pop()
            out.append(pk)
            todo.extend(kids.get(pk, []))
        return out

    def covered(self, campaign: Campaign) -> set[int]:
        """The units of the campaign this user sees: its unit (with subunits) within the user's scope."""
        units = set(self.below(campaign.unit_id)) if campaign.include_subunits else {campaign.unit_id}
        return units if self.scope is None else units & self.scope

    def allowed(self, unit_id: int) -> bool:
        return unit_id in self.units and (self.scope is None or unit_id in self.scope)


def _covered_counts(campaigns: list[Campaign], today: dt.date) -> dict[tuple[int, int, str], dict]:
    """(course id, unit id, jabatan kind) -> enrolled, started, completed, overdue of active employees: one
    grouped query for every campaign of a list, whatever their number."""
    if not campaigns:
        return {}
    rows = enrollment_counts(
        course_ids={c.course_id for c in campaigns},
        user_ids=Employee.objects.filter(active=True, user__isnull=False).values("user_id"),
        group_by={"g_unit": F(EMPLOYEE_UNIT), "g_kind": F("user__employee__jabatan_kind")},
        today=today,
    )
    return {(r["course_id"], r["g_unit"], r["g_kind"]): r for r in rows}


FIGURES = ("enrolled", "started", "completed", "overdue")


def _figures(rows) -> dict:
    """Sums of rows of counts, with the percents the pages show (of the enrolled, i.e. assigned)."""
    total = {k: 0 for k in FIGURES}
    for row in rows:
        for k in FIGURES:
            total[k] += row.get(k, 0) or 0
    n = total["enrolled"]
    total["assigned"] = n
    for k in ("started", "completed", "overdue"):
        total[f"{k}_percent"] = round(100 * total[k] / n) if n else 0
    total["not_started"] = n - total["started"]
    return total


def campaign_list(user, *, today: dt.date | None = None) -> list[dict]:
    """Campaigns covering units the user sees, newest first, each with assigned / started / completed / overdue
    counted over those units only. Four queries at most, whatever the number of campaigns and units."""
    today = today or dates.today()
    tree = Tree.load(user)
    campaigns = list(Campaign.objects.select_related("course", "unit").order_by("-created_at", "-pk"))
    visible = [(c, tree.covered(c)) for c in campaigns]
    visible = [(c, units) for c, units in visible if units]
    counts = _covered_counts([c for c, _u in visible], today)
    out = []
    for campaign, units in visible:
        rows = [
            row
            for (course_id, unit_id, kind), row in counts.items()
            if course_id == campaign.course_id
            and unit_id in units
            and (not campaign.jabatan_kind or kind == campaign.jabatan_kind)
        ]
        out.append({"campaign": campaign, "figures": _figures(rows), "overdue_now": campaign.due_date < today})
    return out


def visible_campaign(user, pk: int) -> tuple[Campaign, Tree]:
    """The campaign if it covers a unit the user sees, with the user's unit tree; otherwise a 404."""
    tree = Tree.load(user)
    campaign = Campaign.objects.select_related("course", "unit", "created_by").filter(pk=pk).first()
    if campaign is None or not tree.covered(campaign):
        raise Http404
    return campaign, tree


def _counts_per_unit(campaign: Campaign, units: set[int] | None, today: dt.date) -> dict[int, dict]:
    """Unit id -> the campaign's counts among that unit's own employees (of `units`, default every unit the
    campaign covers): ONE grouped query."""
    people = campaign_employees(campaign)
    if units is not None:
        people = people.filter(unit_id__in=sorted(units))
    rows = enrollment_counts(
        course_ids=[campaign.course_id],
        user_ids=people.values("user_id"),
        group_by={"g_unit": F(EMPLOYEE_UNIT)},
        today=today,
    )
    return {r["g_unit"]: r for r in rows}


def campaign_progress(campaign: Campaign, today=None, *, units: set[int] | None = None) -> list[dict]:
    """Per unit of the campaign (or of `units`): assigned, started, completed, overdue among its own employees;
    two queries (the counts grouped by unit, the units' names)."""
    today = today or dates.today()
    counts = _counts_per_unit(campaign, units, today)
    names = {
        pk: (code, name)
        for pk, code, name in OrgUnit.objects.filter(pk__in=list(counts)).values_list("pk", "code", "name")
    }
    rows = []
    for unit_id, r in counts.items():
        code, name = names.get(unit_id, ("", ""))
        rows.append({"unit_id": unit_id, "code": code, "name": name, **_figures([r])})
    return sorted(rows, key=lambda r: r["code"])


def campaign_drilldown(campaign: Campaign, tree: Tree, *, unit_id: int | None = None, today=None) -> dict:
    """The campaign's progress for the units the user sees: the totals of the chosen unit (default: everything
    covered) and one row per subunit, each summing its subtree, plus the unit's own staff. One grouped query."""
    today = today or dates.today()
    covered = visible = tree.covered(campaign)
    if unit_id is not None and unit_id not in covered:
        raise Http404
    if unit_id is not None:  # a drill-down counts only the chosen unit's subtree
        covered = {u for u in tree.below(unit_id) if u in covered}
        counts = _counts_per_unit(campaign, covered, today)
    else:
        counts = _counts_per_unit(campaign, covered if tree.scope is not None else None, today)
    kids = tree.kids

    def subtree(pk):
        return [u for u in tree.below(pk) if u in covered]

    if unit_id is not None:
        roots = [unit_id]
        row_ids = [k for k in kids.get(unit_id, []) if k in covered]
    else:
        # the covered units whose parent is not covered: the campaign's unit, or the leader's own units in it
        roots = [u for u in tree.units if u in covered and tree.units[u][0] not in covered]
        row_ids = roots if len(roots) > 1 else [k for k in kids.get(roots[0], []) if k in covered]
    rows = []
    own_of = roots[0] if len(roots) == 1 else None
    if own_of is not None and counts.get(own_of):
        rows.append(
            {
                "unit_id": own_of,
                "name": tree.units[own_of][2],
                "own_staff": True,
                "has_children": False,
                **_figures([counts[own_of]]),
            }
        )
    for pk in row_ids:
        below = subtree(pk)
        rows.append(
            {
                "unit_id": pk,
                "name": tree.units[pk][2],
                "code": tree.units[pk][1],
                "own_staff": False,
                "has_children": len(below) > 1,
                **_figures([counts[u] for u in below if u in counts]),
            }
        )
    # units where nobody is assigned (no staff with an account, or none of the jabatan kind) are counted, not listed
    empty = sum(1 for r in rows if not r["assigned"])
    rows = [r for r in rows if r["assigned"]]
    every = [u for root in roots for u in subtree(root)]
    summary = _figures([counts[u] for u in every if u in counts])
    trail = []
    if unit_id is not None:
        pk = unit_id
        while pk is not None and pk in visible:
            trail.append((pk, tree.units[pk][2]))
            pk = tree.units[pk][0]
        trail.reverse()
    return {
        "summary": summary,
        "rows": rows,
        "empty_units": empty,
        "unit": (unit_id, tree.units[unit_id][2]) if unit_id is not None else None,
        "trail": trail[:-1],
        "every": sorted(every, key=lambda u: tree.units[u][1]),
        "counts": counts,
    }


def export_rows(campaign: Campaign, tree: Tree, today=None) -> list[dict]:
    """The whole covered total, then every covered unit (in code order) with the figures of its subtree."""
    today = today or dates.today()
    data = campaign_drilldown(campaign, tree, today=today)
    covered = set(data["every"])
    counts = data["counts"]
    out = [{"unit_code": "", "unit": str(_("Seluruh cakupan")), "scope": str(_("total")), **_export(data["summary"])}]
    for pk in data["every"]:
        below = [u for u in tree.below(pk) if u in covered]
        _parent, code, name = tree.units[pk]
        out.append(
            {
                "unit_code": code,
                "unit": name,
                "scope": str(_("unit dan subunit")),
                **_export(_figures([counts[u] for u in below if u in counts])),
            }
        )
    return out


def _export(f: dict) -> dict:
    return {k: f[k] for k in ("assigned", "started", "completed", "overdue", "completed_percent")}


def latest_enrol_job(campaign: Campaign):
    """The campaign's latest enrolment job (its progress shows on the campaign page)."""
    return BackgroundJob.objects.filter(kind=ENROL_JOB_KIND, params__campaign_id=campaign.pk).order_by("-pk").first()
