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

ROOT = "WLS"
UNITS = [
    # code, name, kind, parent
    (ROOT, "Distrik Walesi", OrgUnit.Kind.DISTRIK, None),
    ("WLS.SEK", "Sekretariat Distrik", OrgUnit.Kind.SEKRETARIAT, ROOT),
    ("WLS.SEK.UMUM", "Subbagian Umum dan Kepegawaian", OrgUnit.Kind.SUBBAGIAN, "WLS.SEK"),
    ("WLS.SEK.KEU", "Subbagian Keuangan dan Perencanaan", OrgUnit.Kind.SUBBAGIAN, "WLS.SEK"),
    ("WLS.PEM", "Seksi Pemerintahan", OrgUnit.Kind.SEKSI, ROOT),
    ("WLS.PEL", "Seksi Pelayanan Umum", OrgUnit.Kind.SEKSI, ROOT),
    ("WLS.PMK", "Seksi Pemberdayaan Masyarakat Kampung", OrgUnit.Kind.SEKSI, ROOT),
    ("WLS.TRANTIB", "Seksi Ketenteraman dan Ketertiban Umum", OrgUnit.Kind.SEKSI, ROOT),
    ("WLS.KESOS", "Seksi Kesejahteraan Sosial", OrgUnit.Kind.SEKSI, ROOT),
] + [
    (f"WLS.K.{name.upper()}", f"Kantor Kampung {name}", OrgUnit.Kind.KAMPUNG, ROOT)
    for name in ("Welesi", "Yagara", "Asojelipele", "Lantipo", "Pawekama", "Apenas", "Tulima")
]

FIRST = [
    ("Yakobus", 1),
    ("Maria", 2),
    ("Petrus", 1),
    ("Martha", 2),
    ("Yohanes", 1),
    ("Debora", 2),
    ("Simon", 1),
    ("Naomi", 2),
    ("Paulus", 1),
    ("Ester", 2),
    ("Lukas", 1),
    ("Rahel", 2),
    ("Matius", 1),
    ("Sara", 2),
    ("Obeth", 1),
    ("Hana", 2),
    ("Yunus", 1),
    ("Lea", 2),
    ("Titus", 1),
    ("Selfina", 2),
    ("Frans", 1),
    ("Yuliana", 2),
    ("Natan", 1),
    ("Dorkas", 2),
    ("Amos", 1),
    ("Rut", 2),
    ("Silas", 1),
    ("Priska", 2),
]
LAST = [
    "Kogoya",
    "Tabuni",
    "Wanimbo",
    "Yikwa",
    "Murib",
    "Elopere",
    "Matuan",
    "Siep",
    "Hisage",
    "Walilo",
    "Logo",
    "Mabel",
    "Wuka",
    "Himan",
    "Lani",
    "Alua",
    "Doga",
    "Huby",
]

# Demo accounts and the posts they hold: email → (nip index, unit, jabatan, kind, golongan, supervisor key).
STAFF_JOBS = {
    "WLS.SEK.UMUM": ("Pengadministrasi Umum", "pelaksana"),
    "WLS.SEK.KEU": ("Bendahara Pengeluaran", "pelaksana"),
    "WLS.PEM": ("Analis Pemerintahan", "fungsional_keahlian"),
    "WLS.PEL": ("Pengadministrasi Layanan Kependudukan", "pelaksana"),
    "WLS.PMK": ("Fasilitator Pemberdayaan Masyarakat", "pelaksana"),
    "WLS.TRANTIB": ("Pengelola Ketenteraman dan Ketertiban", "pelaksana"),
    "WLS.KESOS": ("Pengelola Kesejahteraan Sosial", "pelaksana"),
}
GOLONGAN_CYCLE = ["II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c"]


def _nip(i: int, gender: int, *, pppk: bool = False) -> str:
    birth = dt.date(1968 + (i * 7) % 30, 1 + (i * 5) % 12, 1 + (i * 11) % 28)
    if pppk:
        return rules.make_ni_pppk(birth, 2022 + i % 3, 1 + i % 9, gender, 1 + i)
    tmt_year = min(birth.year + 22 + i % 6, 2024)
    return rules.make_nip(birth, tmt_year, 1 + (i * 3) % 12, gender, 1 + i)


def _people() -> list[dict]:
    """Every demo employee, deterministic: the posts, who holds them and whom they report to."""
    people: list[dict] = []

    def add(key, name, gender, unit, jabatan, kind, golongan, supervisor, email="", pppk=False):
        i = len(people) + 1
        people.append(
            {
                "key": key,
                "nip": _nip(i, gender, pppk=pppk),
                "full_name": name,
                "employment_type": "PPPK" if pppk else "PNS",
                "unit": unit,
                "jabatan": jabatan,
                "jabatan_kind": kind,
                "golongan": "" if pppk else golongan,
                "supervisor": supervisor,
                "email": email,
            }
        )

    add("kepala", "Elias Itlay", 1, ROOT, "Kepala Distrik", "administrator", "IV/a", None, "pimpinan@walesi.test")
    add("sekretaris", "Yakobus Kogoya", 1, "WLS.SEK", "Sekretaris Distrik", "pengawas", "III/d", "kepala")
    add(
        "kasubag_umum",
        "Martha Tabuni",
        2,
        "WLS.SEK.UMUM",
        "Kepala Subbagian Umum dan Kepegawaian",
        "pengawas",
        "III/c",
        "sekretaris",
    )
    add(
        "kasubag_keu",
        "Petrus Wanimbo",
        1,
        "WLS.SEK.KEU",
        "Kepala Subbagian Keuangan dan Perencanaan",
        "pengawas",
        "III/c",
        "sekretaris",
    )
    add("kasi_pem", "Simon Yikwa", 1, "WLS.PEM", "Kepala Seksi Pemerintahan", "pengawas", "III/d", "kepala")
    add(
        "kasi_pel",
        "Agustina Asso",
        2,
        "WLS.PEL",
        "Kepala Seksi Pelayanan Umum",
        "pengawas",
        "III/c",
        "kepala",
        "atasan@walesi.test",
    )
    add(
        "kasi_pmk",
        "Paulus Murib",
        1,
        "WLS.PMK",
        "Kepala Seksi Pemberdayaan Masyarakat Kampung",
        "pengawas",
        "III/c",
        "kepala",
    )
    add(
        "kasi_trantib",
        "Obeth Elopere",
        1,
        "WLS.TRANTIB",
        "Kepala Seksi Ketenteraman dan Ketertiban Umum",
        "pengawas",
        "III/c",
        "kepala",
    )
    add(
        "kasi_kesos",
        "Debora Matuan",
        2,
        "WLS.KESOS",
        "Kepala Seksi Kesejahteraan Sosial",
        "pengawas",
        "III/b",
        "kepala",
    )
    add(
        "pegawai",
        "Yosina Wenda",
        2,
        "WLS.PEL",
        "Pengadministrasi Layanan Kependudukan",
        "pelaksana",
        "II/c",
        "kasi_pel",
        "pegawai@walesi.test",
    )
    add(
        "pegawai2",
        "Markus Lokobal",
        1,
        "WLS.PMK",
        "Fasilitator Pemberdayaan Masyarakat",
        "pelaksana",
        "II/d",
        "kasi_pmk",
        "pegawai2@walesi.test",
    )

    heads = {
        "WLS.SEK.UMUM": "kasubag_umum",
        "WLS.SEK.KEU": "kasubag_keu",
        "WLS.PEM": "kasi_pem",
        "WLS.PEL": "kasi_pel",
        "WLS.PMK": "kasi_pmk",
        "WLS.TRANTIB": "kasi_trantib",
        "WLS.KESOS": "kasi_kesos",
    }
    n = 0
    for unit, count in [
        ("WLS.SEK.UMUM", 2),
        ("WLS.SEK.KEU", 2),
        ("WLS.PEM", 3),
        ("WLS.PEL", 3),
        ("WLS.PMK", 3),
        ("WLS.TRANTIB", 3),
        ("WLS.KESOS", 3),
    ]:
        jabatan, kind = STAFF_JOBS[unit]
        for _k in range(count):
            first, gender = FIRST[n % len(FIRST)]
            pppk = n % 6 == 5
            add(
                f"staff{n}",
                f"{first} {LAST[n % len(LAST)]}",
                gender,
                unit,
                jabatan,
                kind,
                GOLONGAN_CYCLE[n % len(GOLONGAN_CYCLE)],
                heads[unit],
                pppk=pppk,
            )
            n += 1
    for code, _name, kind, _parent in UNITS:
        if kind != OrgUnit.Kind.KAMPUNG:
            continue
        for jabatan in ("Pendamping Pemerintahan Kampung", "Pengadministrasi Kampung"):
            first, gender = FIRST[n % len(FIRST)]
            add(
                f"staff{n}",
                f"{first} {LAST[(n * 5) % len(LAST)]}",
                gender,
                code,
                jabatan,
                "pelaksana",
                GOLONGAN_CYCLE[n % len(GOLONGAN_CYCLE)],
                "kasi_pmk",
                pppk=n % 6 == 5,
            )
            n += 1
    return people


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


@transaction.atomic
def seed(stdout=None) -> dict:
    User = get_user_model()
    units: dict[str, OrgUnit] = {}
    for code, name, kind, parent in UNITS:
        unit, _ = OrgUnit.objects.update_or_create(
            code=code, defaults={"name": name, "kind": kind, "parent": units.get(parent) if parent else None}
        )
        units[code] = unit

    people = _people()
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
    heads = {
        ROOT: "kepala",
        "WLS.SEK": "sekretaris",
        "WLS.SEK.UMUM": "kasubag_umum",
        "WLS.SEK.KEU": "kasubag_keu",
        "WLS.PEM": "kasi_pem",
        "WLS.PEL": "kasi_pel",
        "WLS.PMK": "kasi_pmk",
        "WLS.TRANTIB": "kasi_trantib",
        "WLS.KESOS": "kasi_kesos",
    }
    for code, key in heads.items():
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
