"""Demo SKM: the public-service section of the Distrik office and the Kampung Welesi office, with their kinds of
service, officers, the population served, two closed quarters of responses (so the trend shows) and the current
quarter open, so that a citizen can answer in `make demo`. Idempotent."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from performance.models import Employee, OrgUnit
from portal import dates

from .. import rules
from ..models import ServiceKind, ServiceUnit, SurveyOfficer, SurveyPeriod, SurveyResponse, UnitPopulation
from ..services import survey_period_for_quarter

UNITS = [
    {
        "org": "WLS.PEL",
        "code": "distrik-walesi",
        "name": "Pelayanan Umum Kantor Distrik Walesi",
        "address": "Kantor Distrik Walesi, Jayawijaya",
        "kinds": [
            "Rekomendasi KTP-el dan Kartu Keluarga",
            "Surat keterangan (domisili, tidak mampu, usaha)",
            "Surat pengantar pindah dan nikah",
            "Legalisasi dokumen",
        ],
        "officer_prefix": "PEL",
        # per period (oldest first): responses, population served, mean score per element
        "periods": [
            (46, 420, (3.0, 2.9, 2.5, 3.4, 3.0, 3.0, 3.2, 2.4, 2.7)),
            (61, 450, (3.1, 3.0, 2.8, 3.5, 3.1, 3.2, 3.4, 2.7, 2.8)),
            (16, 480, (3.2, 3.1, 2.9, 3.5, 3.2, 3.3, 3.5, 2.9, 2.9)),
        ],
    },
    {
        "org": "WLS.K.WELESI",
        "code": "kampung-welesi",
        "name": "Kantor Kampung Welesi",
        "address": "Kampung Welesi, Distrik Walesi",
        "kinds": ["Surat pengantar kampung", "Pendataan penduduk", "Penyaluran bantuan dana kampung"],
        "officer_prefix": "WLS",
        "periods": [
            (18, 110, (2.8, 2.7, 2.6, 3.6, 2.8, 2.8, 3.1, 2.2, 2.3)),
            (24, 120, (2.9, 2.9, 2.7, 3.6, 2.9, 3.0, 3.2, 2.4, 2.4)),
            (5, 125, (3.0, 3.0, 2.8, 3.6, 3.0, 3.0, 3.3, 2.5, 2.5)),
        ],
    },
]

COMMENTS = [
    ("Petugas ramah, tapi antrean pagi terlalu lama.", False),
    ("Mohon papan informasi persyaratan dipasang di depan loket.", False),
    ("Surat keterangan saya belum selesai setelah dua minggu.", True),
    ("Tidak ada kotak pengaduan, saya bingung harus melapor ke mana.", True),
    ("Ruang tunggu kurang kursi untuk mama-mama yang membawa anak.", False),
    ("Petugas bodoh semua!!!", False),  # abusive: hidden by the moderator in the demo
    ("Terima kasih, pelayanan cepat dan gratis.", False),
]


def _quarters(count: int) -> list[tuple[int, int]]:
    """The current quarter and the `count - 1` before it, oldest first."""
    today = dates.today()
    year, quarter = today.year, dates.quarter_of(today)
    out = []
    for _i in range(count):
        out.append((year, quarter))
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return list(reversed(out))


def _score(rng: random.Random, mean: float) -> int:
    return max(1, min(4, round(rng.gauss(mean, 0.65))))


def counts() -> dict[str, int]:
    """What the demo holds, for seed_demo's summary line (the public form is at /survei/distrik-walesi/)."""
    return {
        "survey units": ServiceUnit.objects.count(),
        "survey responses": SurveyResponse.objects.count(),
    }


@transaction.atomic
def seed(stdout=None) -> dict:
    quarters = _quarters(3)
    periods = []
    for i, (year, quarter) in enumerate(quarters):
        open_now = i == len(quarters) - 1
        period = survey_period_for_quarter(
            year=year, quarter=quarter, status=SurveyPeriod.Status.OPEN if open_now else SurveyPeriod.Status.CLOSED
        )
        periods.append(period)
    units, created = {}, 0
    org_units = {u.code: u for u in OrgUnit.objects.filter(code__in=[spec["org"] for spec in UNITS])}
    for spec in UNITS:
        org = org_units.get(spec["org"])
        if org is None:  # the performance demo has not run
            continue
        unit, _ = ServiceUnit.objects.update_or_create(
            unit=org, defaults={"code": spec["code"], "name": spec["name"], "address": spec["address"]}
        )
        units[spec["code"]] = unit
        kinds = []
        for position, name in enumerate(spec["kinds"]):
            kind, _ = ServiceKind.objects.get_or_create(service_unit=unit, name=name, defaults={"position": position})
            kinds.append(kind)
        staff = list(Employee.objects.filter(unit=org, active=True).exclude(pk=org.head_id).order_by("nip"))
        # The demo account pegawai@ serves at the distrik counter: put her first so she is named most.
        staff.sort(key=lambda e: (e.email != "pegawai@walesi.test", e.nip))
        officers = []
        for n, employee in enumerate(staff, start=1):
            officer, _ = SurveyOfficer.objects.get_or_create(
                service_unit=unit, employee=employee, defaults={"code": f"{spec['officer_prefix']}-{n:02d}"}
            )
            officers.append(officer)
        for period, (count, population, means) in zip(periods, spec["periods"], strict=True):
            UnitPopulation.objects.update_or_create(
                service_unit=unit, period=period, defaults={"population": population}
            )
            if SurveyResponse.objects.filter(service_unit=unit, period=period).exists():
                continue
            rng = random.Random(f"{spec['code']}:{period.start_date}")
            last_day = min(period.end_date, dates.today())
            span = max(1, (last_day - period.start_date).days)
            rows = []
            for k in range(count):
                comment, complaint = ("", False)
                if k % 6 == 2:
                    comment, complaint = COMMENTS[(k // 6 + len(rows)) % len(COMMENTS)]
                # The first officer is named in three responses of eight (≥ 5 at the distrik in every period).
                officer = None
                if officers and k % 2 == 0 and k % 8 != 6:
                    officer = officers[0]
                elif len(officers) > 1 and rng.random() < 0.3:
                    officer = officers[1 + k % (len(officers) - 1)]
                day = period.start_date + dt.timedelta(days=rng.randrange(span))
                rows.append(
                    SurveyResponse(
                        service_unit=unit,
                        period=period,
                        service_kind=kinds[rng.randrange(len(kinds))],
                        officer_id=officer.employee_id if officer else None,
                        gender=rng.choice(["L", "P", "P", "L", ""]),
                        age_band=rng.choice(["20-29", "30-39", "40-49", "50+", "<20", ""]),
                        education=rng.choice(["sd", "smp", "sma", "sma", "diploma", "s1", "none", ""]),
                        occupation=rng.choice(["petani", "petani", "wiraswasta", "pns", "rumah_tangga", "pelajar", ""]),
                        comment=comment,
                        is_complaint=complaint,
                        comment_hidden=comment.startswith("Petugas bodoh"),
                        created_at=dates.start_of_day(day) + dt.timedelta(hours=8 + rng.randrange(8)),
                        **{f: _score(rng, means[i]) for i, f in enumerate(rules.ELEMENT_FIELDS)},
                    )
                )
            for r in rows:
                r.full_clean(exclude=["service_unit", "period", "service_kind", "officer"])
            SurveyResponse.objects.bulk_create(rows)
            created += len(rows)
            first_complaint = (
                SurveyResponse.objects.filter(service_unit=unit, period=period, is_complaint=True)
                .order_by("pk")
                .first()
            )
            if first_complaint and not period.is_open:
                first_complaint.follow_up_note = "Petugas menghubungi warga; surat selesai dalam tiga hari."
                first_complaint.followed_up_at = dates.start_of_day(period.end_date)
                first_complaint.save(update_fields=["follow_up_note", "followed_up_at"])
    if stdout is not None:
        stdout.write(
            f"Survey: {len(units)} service units, {len(periods)} periods, {created} new responses; "
            "citizens answer at /survei/distrik-walesi/ and /survei/kampung-welesi/."
        )
    return {"units": units, "periods": periods}
