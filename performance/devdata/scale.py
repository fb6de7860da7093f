"""Bulk data for scale runs and benchmarks: an organisation of ~40 units, an employee with a valid NIP for each
learner, supervisor chains and two periods of assessments. Bulk writes only: a few queries per thousand rows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random

from django.db import transaction
from django.utils import timezone

from home.selectors import standard_choices

from .. import rules
from ..models import Assessment, Employee, OrgUnit, PerformancePeriod, StandardRating

SCALE_PREFIX = "SKL"
BRANCHES = 7  # dinas/badan under the root
LEAVES_PER_BRANCH = 5  # bidang/seksi under each: 1 + 7 + 35 = 43 units
SCALE_PERIODS = [
    (2025, PerformancePeriod.Kind.TRIWULAN_III, dt.date(2025, 7, 1), dt.date(2025, 9, 30)),
    (2025, PerformancePeriod.Kind.TRIWULAN_IV, dt.date(2025, 10, 1), dt.date(2025, 12, 31)),
]


def scale_nip(i: int) -> str:
    """The i-th generated NIP: unique for i < 11,760 × 999 and always valid (age at TMT ≥ 18)."""
    birth = dt.date(1965 + i % 35, 1 + (i // 35) % 12, 1 + (i // 420) % 28)
    return rules.make_nip(birth, birth.year + 23, 1 + i % 12, 1 + i % 2, 1 + (i // 11760) % 999)


def _units() -> list[OrgUnit]:
    root, _ = OrgUnit.objects.get_or_create(
        code=SCALE_PREFIX, defaults={"name": "Pemerintah Kabupaten (skala)", "kind": OrgUnit.Kind.BADAN}
    )
    wanted = []
    for b in range(1, BRANCHES + 1):
        wanted.append((f"{SCALE_PREFIX}.{b}", f"Dinas Skala {b}", OrgUnit.Kind.DINAS, SCALE_PREFIX))
        for s in range(1, LEAVES_PER_BRANCH + 1):
            wanted.append(
                (f"{SCALE_PREFIX}.{b}.{s}", f"Bidang {s} Dinas Skala {b}", OrgUnit.Kind.BIDANG, f"{SCALE_PREFIX}.{b}")
            )
    existing = set(OrgUnit.objects.filter(code__startswith=f"{SCALE_PREFIX}.").values_list("code", flat=True))
    by_code = {root.code: root}
    for code, name, kind, parent in wanted:  # parents come before children
        if code in existing:
            continue
        parent_unit = by_code.get(parent) or OrgUnit.objects.get(code=parent)
        by_code[code] = OrgUnit.objects.create(code=code, name=name, kind=kind, parent=parent_unit)
    units = {u.code: u for u in OrgUnit.objects.filter(code__startswith=SCALE_PREFIX)}
    return [units[SCALE_PREFIX]] + [units[c] for c, *_ in wanted]


@transaction.atomic
def build_scale_org(user_ids: list[int], *, seed: int = 1) -> dict:
    """Create (or extend) the scale organisation: one employee per user id not yet on the roster.

    The first users head the units (root, then branches, then leaves); everyone else joins a leaf unit and reports
    to its head. Two closed periods get a submitted assessment for everyone with a supervisor.
    """
    rng = random.Random(seed)
    units = _units()
    already = set(Employee.objects.filter(user_id__in=user_ids).values_list("user_id", flat=True))
    todo = [uid for uid in user_ids if uid not in already]
    taken = set(Employee.objects.values_list("nip", flat=True))
    nips: list[str] = []
    i = 0
    while len(nips) < len(todo):
        nip = scale_nip(i + seed * 100_003)
        i += 1
        if nip not in taken:
            taken.add(nip)
            nips.append(nip)
    # the bidang/seksi (units lists each dinas before its own leaves, so a slice would mix dinas in)
    leaves = [u for u in units if u.code.count(".") == 2]
    employees = []
    for n, (uid, nip) in enumerate(zip(todo, nips, strict=True)):
        unit = units[n] if n < len(units) else leaves[n % len(leaves)]
        head = n < len(units)
        employees.append(
            Employee(
                nip=nip,
                full_name=f"Pegawai Skala {nip[-6:]}",
                employment_type=Employee.EmploymentType.PNS,
                jabatan="Kepala Unit" if head else "Pelaksana",
                jabatan_kind="pengawas" if head else "pelaksana",
                golongan="III/c" if head else rng.choice(["II/a", "II/c", "III/a", "III/b"]),
                unit=unit,
                user_id=uid,
            )
        )
    Employee.objects.bulk_create(employees, batch_size=2000)
    # Heads: the unit's head employee; a unit without one (small runs) borrows its parent's.
    created = {e.nip: e for e in Employee.objects.filter(nip__in=nips).only("id", "nip", "unit_id", "jabatan")}
    heads = {u.pk: u.head_id for u in units}
    for e in created.values():
        if e.jabatan == "Kepala Unit" and not heads.get(e.unit_id):
            heads[e.unit_id] = e.pk
    OrgUnit.objects.bulk_update(
        [OrgUnit(pk=uid, head_id=hid) for uid, hid in heads.items() if hid], ["head_id"], batch_size=500
    )
    parent_of = {u.pk: u.parent_id for u in units}

    def head_above(unit_id):
        unit_id = parent_of.get(unit_id)
        while unit_id and not heads.get(unit_id):
            unit_id = parent_of.get(unit_id)
        return heads.get(unit_id) if unit_id else None

    updates = []
    for e in created.values():
        sup = head_above(e.unit_id) if heads.get(e.unit_id) == e.pk else heads.get(e.unit_id) or head_above(e.unit_id)
        if sup and sup != e.pk:
            e.supervisor_id = sup
            updates.append(e)
    Employee.objects.bulk_update(updates, ["supervisor_id"], batch_size=2000)

    periods = []
    for year, kind, start, end in SCALE_PERIODS:
        period, _ = PerformancePeriod.objects.get_or_create(
            year=year,
            kind=kind,
            defaults={"start_date": start, "end_date": end, "status": PerformancePeriod.Status.CLOSED},
        )
        periods.append(period)
    assessments = []
    for period in periods:
        submitted = timezone.make_aware(dt.datetime.combine(period.end_date, dt.time(10)))
        for e in updates:
            hasil, perilaku = rng.choice([1, 2, 2, 2, 3]), rng.choice([1, 2, 2, 2, 3])
            assessments.append(
                Assessment(
                    employee_id=e.pk,
                    period=period,
                    assessor_id=e.supervisor_id,
                    status=Assessment.Status.SUBMITTED,
                    hasil_kerja=hasil,
                    perilaku_kerja=perilaku,
                    predikat=int(rules.predikat(hasil, perilaku)),
                    submitted_at=submitted,
                )
            )
    Assessment.objects.bulk_create(assessments, batch_size=2000)
    if assessments and assessments[0].pk is None:
        assessments = list(Assessment.objects.filter(employee_id__in=[e.pk for e in updates], period__in=periods))
    standards = standard_choices()
    StandardRating.objects.bulk_create(
        [
            StandardRating(
                assessment_id=a.pk, standard_code=code, standard_title=title, rating=rng.choice([1, 2, 2, 3])
            )
            for a in assessments
            for code, title in standards
        ],
        batch_size=5000,
    )
    return {"units": len(units), "employees": len(employees), "assessments": len(assessments)}


def roster_csv(n: int, *, unit_codes: list[str], start: int = 0, sep: str = ",") -> bytes:
    """A roster file of n valid rows (every tenth person heads the next nine), for import benchmarks."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
    writer.writerow(
        ["nip", "nama", "jenis_kepegawaian", "jabatan", "jenis_jabatan", "kode_unit", "golongan", "nip_atasan", "email"]
    )
    for k in range(n):
        i = start + k
        nip = scale_nip(i)
        boss = "" if k % 10 == 0 else scale_nip(start + k - k % 10)
        writer.writerow(
            [
                nip,
                f"Pegawai Impor {i}",
                "PNS",
                "Kepala Seksi" if not boss else "Pelaksana",
                "pengawas" if not boss else "pelaksana",
                unit_codes[(k // 10) % len(unit_codes)],
                "III/c" if not boss else "II/b",
                boss,
                f"impor{i}@walesi.test",
            ]
        )
    return out.getvalue().encode("utf-8-sig")
