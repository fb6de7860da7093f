"""Scale data for the SKM: responses with a realistic spread over the scale organisation's units and four
quarters — one busy front office, a long tail, and a few units with too few answers to trust. Bulk inserts only;
ANALYZE on PostgreSQL afterwards so the planner sees the new table sizes."""

from __future__ import annotations

import datetime as dt
import random

from django.db import connection, transaction
from django.db.models import Count

from performance.models import Employee, OrgUnit
from portal import dates
from portal.db import insert_objects

from .. import rules
from ..models import ServiceKind, ServiceUnit, SurveyOfficer, SurveyPeriod, SurveyResponse, UnitPopulation

RESPONSES_PER_LEARNER = 20  # 5,000 learners → 100,000 responses
SCALE_UNITS = 20
TOO_FEW = 4  # the last units get a handful of responses per period
SCALE_QUARTERS = [(2025, 1), (2025, 2), (2025, 3), (2025, 4)]
PERIOD_SHARE = (0.15, 0.2, 0.25, 0.4)  # the survey catches on
KINDS = ["Surat keterangan", "Rekomendasi", "Perizinan sederhana", "Pengaduan layanan"]
BATCH = 5000


def _periods() -> list[SurveyPeriod]:
    out = []
    for year, quarter in SCALE_QUARTERS:
        start, end = dates.quarter_bounds(year, quarter)
        period, _ = SurveyPeriod.objects.get_or_create(
            start_date=start,
            end_date=end,
            defaults={"name": f"Triwulan {'I II III IV'.split()[quarter - 1]} {year}", "status": "closed"},
        )
        out.append(period)
    return out


def _units() -> list[ServiceUnit]:
    org_units = list(OrgUnit.objects.filter(code__startswith="SKL.").order_by("code")[:SCALE_UNITS])
    units = []
    for i, org in enumerate(org_units):
        unit, created = ServiceUnit.objects.get_or_create(
            unit=org, defaults={"code": f"skala-{i + 1:02d}", "name": f"Layanan {org.name}"}
        )
        if created:
            ServiceKind.objects.bulk_create(
                [ServiceKind(service_unit=unit, name=k, position=p) for p, k in enumerate(KINDS)]
            )
            staff = list(Employee.objects.filter(unit=org).order_by("pk").values_list("pk", flat=True)[:6])
            SurveyOfficer.objects.bulk_create(
                [
                    SurveyOfficer(service_unit=unit, employee_id=e, code=f"S{i + 1:02d}-{n + 1:02d}")
                    for n, e in enumerate(staff)
                ]
            )
        units.append(unit)
    return units


def _note(rng: random.Random) -> dict:
    """One response in twenty leaves a comment; one comment in five is a complaint."""
    if rng.random() >= 0.05:
        return {"comment": "", "is_complaint": False}
    complaint = rng.random() < 0.2
    return {
        "comment": "Antrean terlalu lama." if complaint else "Pelayanan perlu lebih cepat.",
        "is_complaint": complaint,
    }


def build_scale_survey(user_ids: list[int], *, seed: int = 1) -> dict:
    """Add responses up to RESPONSES_PER_LEARNER × learners (idempotent: only the missing ones are added)."""
    rng = random.Random(seed * 7919)
    with transaction.atomic():
        periods = _periods()
        units = _units()
    if not units:
        return {"responses": 0}
    target = RESPONSES_PER_LEARNER * len(user_ids)
    existing = SurveyResponse.objects.filter(service_unit__in=units).count()
    missing = target - existing
    if missing <= 0:
        return {"responses": existing}
    busy = units[: len(units) - TOO_FEW]
    few = units[len(units) - TOO_FEW :]
    # Zipf-like weights: the first unit (a busy front office) gets about a third of everything.
    weights = [1 / (k + 1) ** 1.1 for k in range(len(busy))]
    kinds = {u.pk: list(u.kinds.values_list("pk", flat=True)) for u in units}
    officers = {u.pk: list(u.officers.values_list("employee_id", flat=True)) for u in units}
    quality = {u.pk: [rng.uniform(2.4, 3.6) for _e in rules.ELEMENT_FIELDS] for u in units}
    genders, ages = ["L", "P", ""], [c for c, _l in SurveyResponse.AgeBand.choices] + [""]
    educations = [c for c, _l in SurveyResponse.Education.choices] + [""]
    jobs = [c for c, _l in SurveyResponse.Occupation.choices] + [""]

    def make(unit, period):
        q = quality[unit.pk]
        day = period.start_date + dt.timedelta(days=rng.randrange((period.end_date - period.start_date).days + 1))
        staff = officers[unit.pk]
        return SurveyResponse(
            service_unit_id=unit.pk,
            period_id=period.pk,
            service_kind_id=rng.choice(kinds[unit.pk]),
            officer_id=rng.choice(staff) if staff and rng.random() < 0.35 else None,
            gender=rng.choice(genders),
            age_band=rng.choice(ages),
            education=rng.choice(educations),
            occupation=rng.choice(jobs),
            **_note(rng),
            created_at=dates.start_of_day(day) + dt.timedelta(hours=8 + rng.randrange(8)),
            **{f: max(1, min(4, round(rng.gauss(q[i], 0.7)))) for i, f in enumerate(rules.ELEMENT_FIELDS)},
        )

    created, batch = 0, []
    with transaction.atomic():
        if not existing:  # the too-few units: 2–9 responses per period, once
            for unit in few:
                for period in periods:
                    batch.extend(make(unit, period) for _k in range(rng.randint(2, 9)))
        while created + len(batch) < missing:
            unit = rng.choices(busy, weights)[0]
            period = rng.choices(periods, PERIOD_SHARE)[0]
            batch.append(make(unit, period))
            if len(batch) >= BATCH:
                insert_objects(SurveyResponse, batch)
                created += len(batch)
                batch = []
        if batch:
            insert_objects(SurveyResponse, batch)
            created += len(batch)
        # Population served: about 3–20 times the responses (so most units fall short of the sample).
        counts = {
            (r["service_unit_id"], r["period_id"]): r["n"]
            for r in SurveyResponse.objects.filter(service_unit__in=units)
            .values("service_unit_id", "period_id")
            .annotate(n=Count("pk"))
            .order_by()
        }
        UnitPopulation.objects.filter(service_unit__in=units, period__in=periods).delete()
        UnitPopulation.objects.bulk_create(
            [
                UnitPopulation(service_unit_id=u, period_id=p, population=max(20, n * rng.randint(1, 20)))
                for (u, p), n in counts.items()
            ]
        )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            # VACUUM sets the visibility map, so the covering indexes give index-only scans at once.
            cursor.execute(f"VACUUM (ANALYZE) {SurveyResponse._meta.db_table}")
        elif connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {SurveyResponse._meta.db_table}")
        elif connection.vendor == "sqlite":
            cursor.execute(f"ANALYZE {SurveyResponse._meta.db_table}")
    return {"responses": existing + created, "units": len(units), "periods": len(periods)}


def busiest(period_index: int = -1) -> tuple[ServiceUnit, SurveyPeriod, int]:
    """The scale unit and period with the most responses (what the bench reports on)."""
    periods = _periods()
    period = periods[period_index]
    row = (
        SurveyResponse.objects.filter(period=period, service_unit__code__startswith="skala-")
        .values("service_unit_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    return ServiceUnit.objects.get(pk=row["service_unit_id"]), period, row["n"]
