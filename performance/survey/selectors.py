"""Every read of the survey. IKM is aggregated in SQL (one Sum per element, one query per unit and period);
no selector loops over responses in Python, so the query count never grows with the data."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from django.db.models import Avg, Case, Count, Max, Q, QuerySet, Subquery, Sum, Value, When
from django.utils.translation import gettext_lazy as _

from . import rules
from .models import ServiceUnit, SurveyPeriod, SurveyResponse, UnitPopulation

PROFILE_FIELDS = ("gender", "age_band", "education", "occupation")
_CHOICES = {
    "gender": SurveyResponse.Gender,
    "age_band": SurveyResponse.AgeBand,
    "education": SurveyResponse.Education,
    "occupation": SurveyResponse.Occupation,
}
PROFILE_LABELS = {
    "gender": SurveyResponse._meta.get_field("gender").verbose_name,
    "age_band": SurveyResponse._meta.get_field("age_band").verbose_name,
    "education": SurveyResponse._meta.get_field("education").verbose_name,
    "occupation": SurveyResponse._meta.get_field("occupation").verbose_name,
}


def _sums() -> dict:
    return {f"s_{f}": Sum(f) for f in rules.ELEMENT_FIELDS}


@dataclass
class ElementResult:
    number: int
    name: str
    total: int
    nrr: Fraction | None

    @property
    def weighted(self) -> Fraction | None:
        return None if self.nrr is None else self.nrr * rules.EQUAL_WEIGHTS[self.number - 1]

    @property
    def nrr_display(self):
        return rules.rounded(self.nrr, 2)

    @property
    def weighted_display(self):
        return rules.rounded(self.weighted, 3)

    @property
    def converted_display(self):
        return rules.rounded(None if self.nrr is None else self.nrr * rules.IKM_CONVERSION, 2)


@dataclass
class UnitFigures:
    """IKM of one unit in one period, from per-element sums."""

    service_unit_id: int
    period_id: int | None
    responses: int
    totals: list[int]
    population: int | None = None

    @property
    def elements(self) -> list[ElementResult]:
        out = []
        for (number, name, _q, _a), total in zip(rules.ELEMENTS, self.totals, strict=True):
            out.append(ElementResult(number, name, total, rules.nrr(total, self.responses) if self.responses else None))
        return out

    @property
    def ikm(self) -> Fraction | None:
        return rules.ikm_from_totals(self.totals, self.responses)

    @property
    def ikm_display(self):
        return rules.rounded(self.ikm, 2)

    @property
    def ikm_raw_display(self):
        """The unconverted IKM (mean NRR, 1–4)."""
        value = self.ikm
        return rules.rounded(None if value is None else value / rules.IKM_CONVERSION, 3)

    @property
    def band(self) -> rules.Band | None:
        return rules.band(self.ikm)

    @property
    def adequacy(self) -> rules.Adequacy | None:
        return rules.sample_adequacy(self.population, self.responses)

    @property
    def weakest(self) -> list[ElementResult]:
        by_number = {e.number: e for e in self.elements}
        return [by_number[n] for n in rules.weakest([e.nrr for e in self.elements], 3)]


def _figures(row: dict, *, service_unit_id: int, period_id: int | None, population: int | None) -> UnitFigures:
    n = row.get("n") or 0
    totals = [int(row.get(f"s_{f}") or 0) for f in rules.ELEMENT_FIELDS]
    return UnitFigures(service_unit_id, period_id, n, totals, population)


@dataclass
class UnitReport:
    service_unit: ServiceUnit
    period: SurveyPeriod
    figures: UnitFigures
    profile: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    service_kinds: list[tuple[str, int]] = field(default_factory=list)
    comments: int = 0
    hidden_comments: int = 0
    complaints: int = 0
    complaints_followed_up: int = 0
    with_officer: int = 0

    @property
    def profile_sections(self) -> list[tuple[str, list[tuple[str, int]]]]:
        return [(str(PROFILE_LABELS[name]).capitalize(), items) for name, items in self.profile.items()]


def unit_report(service_unit: ServiceUnit, period: SurveyPeriod) -> UnitReport:
    """Everything the unit/period report shows, in four queries whatever the number of responses: the element sums,
    the profile per kind of service, the comment counts (each answered from its covering index), the population."""
    base = SurveyResponse.objects.filter(service_unit=service_unit, period=period)
    sums = base.aggregate(n=Count("pk"), **_sums())
    profile_counts = {}
    for name, choices in _CHOICES.items():
        for value, _label in choices.choices:
            profile_counts[f"p_{name}_{value}"] = Count("pk", filter=Q(**{name: value}))
        profile_counts[f"p_{name}_"] = Count("pk", filter=Q(**{name: ""}))
    # One row per kind of service (a handful), so the profile is summed over kinds, never over responses.
    per_kind = list(
        base.values("service_kind_id")
        .annotate(n=Count("pk"), with_officer=Count("officer_id"), **profile_counts)
        .order_by()
    )
    notes = base.exclude(comment="").aggregate(
        comments=Count("pk"),
        hidden=Count("pk", filter=Q(comment_hidden=True)),
        complaints=Count("pk", filter=Q(is_complaint=True)),
        followed=Count("pk", filter=Q(is_complaint=True, followed_up_at__isnull=False)),
    )
    population = (
        UnitPopulation.objects.filter(service_unit=service_unit, period=period)
        .values_list("population", flat=True)
        .first()
    )
    kind_names = {k.pk: k.name for k in service_unit.kinds.all()} if per_kind else {}
    profile = {}
    for name, choices in _CHOICES.items():
        items = [(str(label), sum(r[f"p_{name}_{value}"] for r in per_kind)) for value, label in choices.choices]
        items.append((str(_("Tidak diisi")), sum(r[f"p_{name}_"] for r in per_kind)))
        profile[name] = items
    kinds = sorted(
        ((kind_names.get(r["service_kind_id"], "?"), r["n"]) for r in per_kind), key=lambda item: (-item[1], item[0])
    )
    return UnitReport(
        service_unit=service_unit,
        period=period,
        figures=_figures(sums, service_unit_id=service_unit.pk, period_id=period.pk, population=population),
        profile=profile,
        service_kinds=kinds,
        comments=notes["comments"],
        hidden_comments=notes["hidden"],
        complaints=notes["complaints"],
        complaints_followed_up=notes["followed"],
        with_officer=sum(r["with_officer"] for r in per_kind),
    )


def unit_trend(service_unit: ServiceUnit, *, limit: int = 8) -> list[tuple[SurveyPeriod, UnitFigures]]:
    """IKM per period for one unit, oldest first (periods without responses included), in two queries."""
    periods = list(SurveyPeriod.objects.order_by("-start_date")[:limit])
    rows = {
        r["period_id"]: r
        for r in SurveyResponse.objects.filter(service_unit=service_unit, period__in=periods)
        .values("period_id")
        .annotate(n=Count("pk"), **_sums())
        .order_by()
    }
    pops = dict(
        UnitPopulation.objects.filter(service_unit=service_unit, period__in=periods).values_list(
            "period_id", "population"
        )
    )
    return [
        (p, _figures(rows.get(p.pk, {}), service_unit_id=service_unit.pk, period_id=p.pk, population=pops.get(p.pk)))
        for p in reversed(periods)
    ]


def overview(service_units: QuerySet[ServiceUnit], period: SurveyPeriod) -> list[tuple[ServiceUnit, UnitFigures]]:
    """Every visible unit's IKM for one period, in three queries whatever the number of units and responses."""
    units = list(service_units.select_related("unit").order_by("name"))
    ids = [u.pk for u in units]
    rows = {
        r["service_unit_id"]: r
        for r in SurveyResponse.objects.filter(period=period, service_unit_id__in=ids)
        .values("service_unit_id")
        .annotate(n=Count("pk"), **_sums())
        .order_by()
    }
    pops = dict(
        UnitPopulation.objects.filter(period=period, service_unit_id__in=ids).values_list(
            "service_unit_id", "population"
        )
    )
    return [
        (u, _figures(rows.get(u.pk, {}), service_unit_id=u.pk, period_id=period.pk, population=pops.get(u.pk)))
        for u in units
    ]


def comments(service_unit: ServiceUnit, period: SurveyPeriod, *, complaints_only: bool = False) -> QuerySet:
    """Responses with a comment, newest first (paginate in the view)."""
    qs = (
        SurveyResponse.objects.filter(service_unit=service_unit, period=period)
        .exclude(comment="")
        .select_related("service_kind", "followed_up_by")
        .only(
            "pk",
            "created_at",
            "comment",
            "is_complaint",
            "comment_hidden",
            "followed_up_at",
            "follow_up_note",
            "service_kind__name",
            "followed_up_by__email",
        )
        .order_by("-created_at", "-pk")
    )
    if complaints_only:
        qs = qs.filter(is_complaint=True)
    return qs


def latest_period() -> SurveyPeriod | None:
    """The open period if any, else the most recent one (one query)."""
    open_first = Case(When(status=SurveyPeriod.Status.OPEN, then=Value(0)), default=Value(1))
    return SurveyPeriod.objects.order_by(open_first, "-start_date").first()


def officer_figures(*, employee_ids, period: SurveyPeriod | None) -> dict[int, dict]:
    """For each officer named by at least OFFICER_MIN_RESPONSES responses in the period: the count and the mean
    of elements 6 (competence) and 7 (behaviour). Fewer responses: the officer is absent. One query; never the
    individual answers or comments."""
    if period is None:
        return {}
    rows = (
        SurveyResponse.objects.filter(period=period, officer_id__in=list(employee_ids))
        .values("officer_id")
        .annotate(n=Count("pk"), mean6=Avg("u6"), mean7=Avg("u7"))
        .filter(n__gte=rules.OFFICER_MIN_RESPONSES)
        .order_by()
    )
    return {
        r["officer_id"]: {
            "period": period,
            "count": r["n"],
            "u6": rules.rounded(Fraction(str(r["mean6"])), 2),
            "u7": rules.rounded(Fraction(str(r["mean7"])), 2),
        }
        for r in rows
    }


def unit_ikm(*, org_unit_ids, period: SurveyPeriod | None = None) -> dict[int, UnitFigures]:
    """The IKM of the service units of the given organisation units for a period (default: the latest), keyed by
    organisation unit id; two queries. For the profiles of the unit's staff and the dashboard."""
    period = period or latest_period()
    if period is None:
        return {}
    units = dict(ServiceUnit.objects.filter(unit_id__in=list(org_unit_ids), active=True).values_list("pk", "unit_id"))
    if not units:
        return {}
    rows = (
        SurveyResponse.objects.filter(period=period, service_unit_id__in=list(units))
        .values("service_unit_id")
        .annotate(n=Count("pk"), **_sums())
        .order_by()
    )
    found = {r["service_unit_id"]: r for r in rows}
    return {
        org_id: _figures(found.get(su_id, {}), service_unit_id=su_id, period_id=period.pk, population=None)
        for su_id, org_id in units.items()
    }


def public_units() -> QuerySet[ServiceUnit]:
    return ServiceUnit.objects.filter(active=True).order_by("name")


def active_kinds(service_unit: ServiceUnit):
    return list(service_unit.kinds.filter(active=True).order_by("position", "name"))


def active_officers(service_unit: ServiceUnit):
    return list(
        service_unit.officers.filter(active=True, employee__active=True)
        .select_related("employee")
        .order_by("employee__full_name")
    )


@dataclass
class ProfileFigures:
    """What a staff member's profile shows of the SKM: the unit's IKM and, from 5 naming responses, the officer's."""

    period: SurveyPeriod
    unit_name: str | None
    unit: UnitFigures | None
    officer: dict | None


def profile_figures(*, employee, period: SurveyPeriod | None = None) -> ProfileFigures | None:
    """For one employee's profile, in one conditional aggregate over the latest period's responses (the open
    period if any, else the most recent one, chosen in a subquery): the IKM of the service unit of their
    organisation unit, and their officer figures when at least OFFICER_MIN_RESPONSES responses of the period name
    them (never the answers or comments). None when there is no period or nothing to show."""
    if period is not None:
        in_period = Q(period=period)
    else:
        open_first = Case(When(status=SurveyPeriod.Status.OPEN, then=Value(0)), default=Value(1))
        in_period = Q(period_id=Subquery(SurveyPeriod.objects.order_by(open_first, "-start_date").values("pk")[:1]))
    in_unit = Q(service_unit__unit_id=employee.unit_id)
    named = Q(officer_id=employee.pk)
    row = SurveyResponse.objects.filter(in_period & (in_unit | named)).aggregate(
        n=Count("pk", filter=in_unit),
        **{f"s_{f}": Sum(f, filter=in_unit) for f in rules.ELEMENT_FIELDS},
        officer_n=Count("pk", filter=named),
        mean6=Avg("u6", filter=named),
        mean7=Avg("u7", filter=named),
        unit_name=Max("service_unit__name", filter=in_unit),
        period_pk=Max("period_id"),
        period_name=Max("period__name"),
        period_start=Max("period__start_date"),
        period_end=Max("period__end_date"),
        period_status=Max("period__status"),
    )
    if not row["n"] and not row["officer_n"]:
        return None
    if period is None:  # every response counted is of the one chosen period
        period = SurveyPeriod(
            pk=row["period_pk"],
            name=row["period_name"],
            start_date=row["period_start"],
            end_date=row["period_end"],
            status=row["period_status"],
        )
    officer = None
    if row["officer_n"] >= rules.OFFICER_MIN_RESPONSES:
        officer = {
            "period": period,
            "count": row["officer_n"],
            "u6": rules.rounded(Fraction(str(row["mean6"])), 2),
            "u7": rules.rounded(Fraction(str(row["mean7"])), 2),
        }
    unit = _figures(row, service_unit_id=0, period_id=period.pk, population=None) if row["n"] else None
    if unit is None and officer is None:
        return None
    return ProfileFigures(period=period, unit_name=row["unit_name"], unit=unit, officer=officer)
