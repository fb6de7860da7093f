"""Reads of the pulse. Only aggregates leave this module, and only for groups the rules let through.

Query counts are constant: a report reads the pulse units (1), the grouped answers of every pulse it shows (1),
the open answers of the groups allowed to show them (≤ 1) and adoption per unit (1), whatever the data size.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from performance.access import leadership_unit_ids, own_employee
from performance.models import Employee
from portal import dates

from . import rules
from .models import Pulse, PulseAnswer, PulseParticipation, PulseUnit

STATEMENTS = range(1, rules.STATEMENT_COUNT + 1)
TREND_PULSES = 6
_shuffle = random.SystemRandom().shuffle


def open_pulses_for(user) -> list[dict]:
    """The pulses a person may answer today, with whether they already did (3 queries)."""
    me = own_employee(user)
    if me is None or not me.active:
        return []
    today = dates.today()
    pulses = list(
        Pulse.objects.filter(
            status=Pulse.Status.OPEN, opens_on__lte=today, closes_on__gte=today, pulse_units__unit_id=me.unit_id
        ).order_by("closes_on", "pk")
    )
    done = set(PulseParticipation.objects.filter(user=user, pulse__in=pulses).values_list("pulse_id", flat=True))
    return [{"pulse": p, "answered": p.pk in done} for p in pulses]


def is_member(user, pulse: Pulse) -> bool:
    """Whether the person's unit is in the pulse's scope (fixed when it opened)."""
    me = own_employee(user)
    return bool(me and me.active and PulseUnit.objects.filter(pulse=pulse, unit_id=me.unit_id).exists())


def has_answered(user, pulse: Pulse) -> bool:
    return PulseParticipation.objects.filter(user=user, pulse=pulse).exists()


#: Reads for a background job (the nightly dashboard snapshot): every unit, as HR sees them, with nobody's
#: account behind the read; only the aggregates the rules show leave this module, as for any reader.
EVERY_UNIT = object()


def _scope(user) -> list[int] | None:
    return None if user is EVERY_UNIT else leadership_unit_ids(user)


def results_pulses(user) -> list[Pulse]:
    """Pulses whose report the user may open: HR all, leaders those touching a unit in their scope."""
    scope = _scope(user)
    pulses = Pulse.objects.all()
    if scope is not None:
        pulses = pulses.filter(pulse_units__unit_id__in=scope).distinct()
    return list(pulses)


def _score_aggregates():
    aggregates = {"n": Count("id"), "n_open": Count("id", filter=~Q(open_answer=""))}
    for i in STATEMENTS:
        for v in rules.SCALE:
            aggregates[f"s{i}_{v}"] = Count("id", filter=Q(**{f"score_{i}": v}))
    return aggregates


@dataclass
class _PulseTree:
    parents: dict[int, int | None] = field(default_factory=dict)
    units: dict[int, object] = field(default_factory=dict)
    headcount: dict[int, int] = field(default_factory=dict)
    storage: dict[int, int] = field(default_factory=dict)
    counts: dict[int, dict] = field(default_factory=dict)  # storage unit -> aggregate row


def _trees(pulse_ids: list[int]) -> dict[int, _PulseTree]:
    """Units and grouped answers of several pulses: two queries however many pulses and answers."""
    trees: dict[int, _PulseTree] = defaultdict(_PulseTree)
    for pu in PulseUnit.objects.filter(pulse_id__in=pulse_ids).select_related("unit"):
        tree = trees[pu.pulse_id]
        tree.parents[pu.unit_id] = pu.parent_id
        tree.units[pu.unit_id] = pu.unit
        tree.headcount[pu.unit_id] = pu.headcount
        tree.storage[pu.unit_id] = pu.storage_unit_id
    rows = (
        PulseAnswer.objects.filter(pulse_id__in=pulse_ids)
        .values("pulse_id", "unit_id")
        .annotate(**_score_aggregates())
        .order_by()
    )
    for row in rows:
        trees[row["pulse_id"]].counts[row["unit_id"]] = row
    return trees


def _subtree_rows(tree: _PulseTree) -> dict[int, dict]:
    """Each unit's aggregate over its subtree (sums of the grouped counts)."""
    keys = ["n", "n_open"] + [f"s{i}_{v}" for i in STATEMENTS for v in rules.SCALE]
    totals = {unit: dict.fromkeys(keys, 0) for unit in tree.parents}
    for unit, row in tree.counts.items():
        current, seen = unit, set()
        while current in tree.parents and current not in seen:
            seen.add(current)
            for key in keys:
                totals[current][key] += row[key]
            current = tree.parents[current]
    return totals


def _depths(parents) -> dict[int, int]:
    depth = {}
    for unit in parents:
        d, current, seen = 0, parents.get(unit), set()
        while current in parents and current not in seen:
            seen.add(current)
            d, current = d + 1, parents.get(current)
        depth[unit] = d
    return depth


def _tree_order(parents, units) -> list[int]:
    children = defaultdict(list)
    roots = []
    for unit, parent in parents.items():
        (children[parent] if parent in parents else roots).append(unit)
    order, stack = [], sorted(roots, key=lambda u: units[u].code, reverse=True)
    while stack:
        unit = stack.pop()
        order.append(unit)
        stack.extend(sorted(children[unit], key=lambda u: units[u].code, reverse=True))
    return order


def pulse_report(user, pulse: Pulse) -> dict:
    """The report of one pulse for the units the user oversees, with the trend over the last pulses.

    Scores only for groups the rules show, open answers only for groups with enough answers (shuffled), and
    nothing but the response rate while the pulse is still open (live figures would let anyone watch the mean
    move after a colleague answers).
    """
    scope = _scope(user)
    recent = list(
        Pulse.objects.filter(opens_on__lte=pulse.opens_on, status=Pulse.Status.CLOSED)
        .exclude(pk=pulse.pk)
        .order_by("-opens_on", "-pk")
        .values_list("pk", "title")[: TREND_PULSES - 1]
    )[::-1]
    trend_pulses = [*recent, (pulse.pk, pulse.title)]
    trees = _trees([pk for pk, _title in trend_pulses])
    tree = trees[pulse.pk]
    closed = pulse.status == Pulse.Status.CLOSED or pulse.closes_on < dates.today()

    decisions = rules.report_groups(tree.parents, {u: r["n"] for u, r in tree.counts.items()})
    open_decisions = rules.report_groups(tree.parents, {u: r["n"] for u, r in tree.counts.items()}, rules.MIN_OPEN)
    totals = _subtree_rows(tree)
    headcount = rules.subtree_totals(tree.parents, tree.headcount)
    depth = _depths(tree.parents)

    trend_index = {}
    for pk, _title in trend_pulses:
        other = trees.get(pk)
        if other is None or (pk == pulse.pk and not closed):
            continue
        other_decisions = rules.report_groups(other.parents, {u: r["n"] for u, r in other.counts.items()})
        other_totals = _subtree_rows(other)
        for unit, decision in other_decisions.items():
            if decision.shown:
                row = other_totals[unit]
                means = [rules.distribution({v: row[f"s{i}_{v}"] for v in rules.SCALE})["mean"] for i in STATEMENTS]
                trend_index[(pk, unit)] = rules.readiness_index(means)

    ordered = _tree_order(tree.parents, tree.units)
    if scope is not None:
        allowed = set(scope)
        ordered = [u for u in ordered if u in allowed]
    visible = [u for u in ordered if tree.storage[u] == u]
    folded = [(tree.units[u], tree.units[tree.storage[u]]) for u in ordered if tree.storage[u] != u]

    comments: dict[int, list[str]] = {}
    comment_units = [u for u in visible if closed and open_decisions[u].shown and decisions[u].shown]
    if comment_units and pulse.open_question:
        below = defaultdict(set)
        for unit in tree.parents:
            current, seen = unit, set()
            while current in tree.parents and current not in seen:
                seen.add(current)
                below[current].add(unit)
                current = tree.parents[current]
        wanted = set().union(*(below[u] for u in comment_units))
        texts = defaultdict(list)
        for unit_id, text in (
            PulseAnswer.objects.filter(pulse=pulse, unit_id__in=wanted)
            .exclude(open_answer="")
            .values_list("unit_id", "open_answer")
        ):
            texts[unit_id].append(text)
        for unit in comment_units:
            found = [t for sub in below[unit] for t in texts.get(sub, [])]
            _shuffle(found)
            comments[unit] = found

    reached = _reached(visible, tree) if visible else {}
    rows = []
    for unit in visible:
        decision, total = decisions[unit], totals[unit]
        statements = []
        if closed and decision.shown:
            for i, text in enumerate(pulse.statements, start=1):
                dist = rules.distribution({v: total[f"s{i}_{v}"] for v in rules.SCALE})
                statements.append({"text": text, **dist, "bars": _bars(dist)})
        rows.append(
            {
                "unit": tree.units[unit],
                "depth": depth[unit],
                "headcount": headcount[unit],
                "response_rate": rules.response_rate(total["n"], headcount[unit]),
                "visibility": decision.visibility,
                "shown": closed and decision.shown,
                "statements": statements,
                "index": rules.readiness_index([s["mean"] for s in statements]) if statements else None,
                "comments": comments.get(unit),
                "reached": reached.get(unit),
                "trend": [{"title": title, "index": trend_index.get((pk, unit))} for pk, title in trend_pulses],
            }
        )
    return {
        "pulse": pulse,
        "closed": closed,
        "rows": rows,
        "folded": folded,
        "trend_pulses": trend_pulses,
        "scale": list(rules.SCALE_LABELS.items()),
    }


def _reached(units: list[int], tree: _PulseTree) -> dict[int, float | None]:
    """Adoption beside readiness: the share of today's active staff of a unit's subtree who have signed in at
    least once (one grouped query)."""
    counts = (
        Employee.objects.filter(active=True, unit_id__in=list(tree.parents))
        .values("unit_id")
        .annotate(n=Count("id"), reached=Count("id", filter=Q(user__last_login__isnull=False)))
        .order_by()
    )
    staff = {r["unit_id"]: r["n"] for r in counts}
    signed_in = {r["unit_id"]: r["reached"] for r in counts}
    staff_total = rules.subtree_totals(tree.parents, staff)
    reached_total = rules.subtree_totals(tree.parents, signed_in)
    return {u: (reached_total[u] / staff_total[u] if staff_total[u] else None) for u in units}


def _bars(dist: dict) -> list[dict]:
    """Stacked bar segments (percent of width) for the distribution of one statement."""
    x, bars = 0.0, []
    for v in rules.SCALE:
        w = round(dist["shares"][v] * 100, 2)
        bars.append({"value": v, "label": rules.SCALE_LABELS[v], "x": round(x, 2), "w": w, "pct": round(w)})
        x += w
    return bars


def readiness_by_unit(user) -> dict:
    """For the leadership dashboard: the latest closed pulse the user may see and, per unit shown, its readiness
    index and response rate (the same rules as the report; units below the threshold carry no index).
    `user` may be EVERY_UNIT for the nightly snapshot."""
    pulse = next(
        (p for p in results_pulses(user) if p.status == Pulse.Status.CLOSED or p.closes_on < dates.today()), None
    )
    if pulse is None:
        return {"pulse": None, "units": {}}
    report = pulse_report(user, pulse)
    return {
        "pulse": pulse,
        "units": {
            row["unit"].pk: {"index": row["index"], "response_rate": row["response_rate"], "shown": row["shown"]}
            for row in report["rows"]
        },
    }
