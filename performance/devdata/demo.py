"""Demo organisation of Distrik Walesi: units, 47 employees with valid NIPs, supervisor chains, two assessed
quarters and an open one, connected to the demo accounts. Idempotent: running it again changes nothing."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from home.selectors import core_value_choices, standard_choices

from .. import rules
from ..models import (
    Assessment,
    AssessmentAuditEntry,
    Employee,
    LeadershipScope,
    OrgUnit,
    PerformancePeriod,
    StandardRating,
)
from .people import ROOT, UNIT_HEADS, UNITS, demo_people

PERIODS = [
    (
        2026,
        PerformancePeriod.Kind.TRIWULAN_II,
        dt.date(2026, 4, 1),
        dt.date(2026, 6, 30),
        PerformancePeriod.Status.CLOSED,
    ),
    (
        2026,
        PerformancePeriod.Kind.TRIWULAN_III,
        dt.date(2026, 7, 1),
        dt.date(2026, 9, 30),
        PerformancePeriod.Status.CLOSED,
    ),
    (
        2026,
        PerformancePeriod.Kind.TRIWULAN_IV,
        dt.date(2026, 10, 1),
        dt.date(2026, 12, 31),
        PerformancePeriod.Status.OPEN,
    ),
]


def _pick(seed: str, n: int) -> int:
    return int(hashlib.sha256(seed.encode()).hexdigest()[:8], 16) % n


#: Fixed ratings for the people the demo accounts look at first (the rest is spread deterministically).
FIXED_RATINGS = {("pegawai", "TRIWULAN_II"): (2, 2), ("pegawai", "TRIWULAN_III"): (1, 1)}


def _ratings(nip: str, period_kind: str, key: str = "") -> tuple[int, int]:
    if (key, period_kind) in FIXED_RATINGS:
        return FIXED_RATINGS[(key, period_kind)]
    # Mostly "Sesuai", some above and some below: a believable spread.
    spread = [2, 2, 2, 2, 2, 1, 1, 3]
    return spread[_pick(nip + period_kind + "h", len(spread))], spread[_pick(nip + period_kind + "p", len(spread))]


def counts() -> dict[str, int]:
    """What the demo holds, for seed_demo's summary line."""
    return {
        "units": OrgUnit.objects.count(),
        "employees": Employee.objects.count(),
        "assessments": Assessment.objects.count(),
    }


@transaction.atomic
def seed(stdout=None) -> dict:
    User = get_user_model()
    units: dict[str, OrgUnit] = {}
    for code, name, kind, parent in UNITS:
        unit, _ = OrgUnit.objects.update_or_create(
            code=code, defaults={"name": name, "kind": kind, "parent": units.get(parent) if parent else None}
        )
        units[code] = unit

    people = demo_people()
    users = {u.email: u for u in User.objects.filter(email__in=[p["email"] for p in people if p["email"]])}
    by_key: dict[str, Employee] = {}
    for p in people:
        employee, _ = Employee.objects.update_or_create(
            nip=p["nip"],
            defaults={
                "full_name": p["full_name"],
                "employment_type": p["employment_type"],
                "jabatan": p["jabatan"],
                "jabatan_kind": p["jabatan_kind"],
                "golongan": p["golongan"],
                "unit": units[p["unit"]],
                "email": p["email"],
                "user": users.get(p["email"]),
                "active": True,
            },
        )
        by_key[p["key"]] = employee
    for p in people:
        employee = by_key[p["key"]]
        supervisor = by_key.get(p["supervisor"]) if p["supervisor"] else None
        if employee.supervisor_id != (supervisor.pk if supervisor else None):
            employee.supervisor = supervisor
            employee.save(update_fields=["supervisor"])
    for code, key in UNIT_HEADS.items():
        OrgUnit.objects.filter(pk=units[code].pk).update(head=by_key[key])

    leader = users.get("pimpinan@walesi.test")
    if leader:
        LeadershipScope.objects.get_or_create(user=leader, unit=units[ROOT])

    periods = []
    for year, kind, start, end, status in PERIODS:
        period, _ = PerformancePeriod.objects.get_or_create(
            year=year, kind=kind, defaults={"start_date": start, "end_date": end, "status": status}
        )
        periods.append(period)

    # The published standards and BerAKHLAK values (home's seeder runs first); assessments refer to them by code.
    standards = standard_choices()
    value_codes = [code for code, _name in core_value_choices()]
    created = 0
    done = set(Assessment.objects.filter(period__in=periods[:2]).values_list("employee_id", "period_id"))
    for period in periods[:2]:
        for p in people:
            employee = by_key[p["key"]]
            if not employee.supervisor_id or (employee.pk, period.pk) in done:
                continue
            hasil, perilaku = _ratings(employee.nip, period.kind, p["key"])
            submitted = timezone.make_aware(dt.datetime.combine(period.end_date, dt.time(10, 0)))
            acknowledged = period.kind == PerformancePeriod.Kind.TRIWULAN_II or _pick(employee.nip, 2) == 0
            a = Assessment.objects.create(
                employee=employee,
                period=period,
                assessor_id=employee.supervisor_id,
                status=Assessment.Status.ACKNOWLEDGED if acknowledged else Assessment.Status.SUBMITTED,
                hasil_kerja=hasil,
                perilaku_kerja=perilaku,
                predikat=int(rules.predikat(hasil, perilaku)),
                berakhlak=[c for c in value_codes if _pick(employee.nip + c, 3)],
                summary="Target layanan triwulan tercapai; pertahankan ketepatan waktu.",
                submitted_at=submitted,
                acknowledged_at=submitted + dt.timedelta(days=3) if acknowledged else None,
                employee_response="Terima kasih atas bimbingannya."
                if acknowledged and _pick(employee.nip, 3) == 0
                else "",
            )
            StandardRating.objects.bulk_create(
                [
                    StandardRating(
                        assessment=a,
                        standard_code=code,
                        standard_title=title,
                        rating=[hasil, perilaku, 2][i % 3],
                        evidence="Catatan kehadiran dan laporan kegiatan." if i == 0 else "",
                    )
                    for i, (code, title) in enumerate(standards)
                ]
            )
            AssessmentAuditEntry.objects.create(
                assessment=a, actor=None, action="submitted", changes={"sumber": [None, "data demo"]}
            )
            created += 1
    if stdout is not None:
        stdout.write(
            f"Performance: {len(units)} units, {len(people)} employees, {len(periods)} periods, {created} new assessments."
        )
    return {"units": units, "employees": by_key, "periods": periods}
