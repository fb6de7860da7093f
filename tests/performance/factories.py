"""Small builders for performance tests (plain functions: the models are simple)."""

import datetime as dt
import itertools

from performance import rules
from performance.models import Employee, OrgUnit, PerformancePeriod

_seq = itertools.count(1)


def nip(i: int | None = None, gender: int = 1) -> str:
    i = next(_seq) if i is None else i
    birth = dt.date(1970 + i % 25, 1 + i % 12, 1 + i % 28)
    return rules.make_nip(birth, birth.year + 24, 1 + i % 12, gender, 1 + i % 999)


def unit(code="U1", name=None, parent=None, kind=OrgUnit.Kind.SEKSI) -> OrgUnit:
    return OrgUnit.objects.create(code=code, name=name or f"Unit {code}", kind=kind, parent=parent)


def employee(unit, *, supervisor=None, user=None, name=None, **extra) -> Employee:
    e = Employee(
        nip=extra.pop("nip", None) or nip(),
        full_name=name or "Pegawai Uji",
        employment_type=extra.pop("employment_type", "PNS"),
        jabatan=extra.pop("jabatan", "Pelaksana"),
        jabatan_kind=extra.pop("jabatan_kind", "pelaksana"),
        golongan=extra.pop("golongan", "II/a"),
        unit=unit,
        supervisor=supervisor,
        user=user,
        **extra,
    )
    e.full_clean()
    e.save()
    return e


def period(kind=PerformancePeriod.Kind.TRIWULAN_IV, year=2026, status="open") -> PerformancePeriod:
    starts = {"TRIWULAN_I": 1, "TRIWULAN_II": 4, "TRIWULAN_III": 7, "TRIWULAN_IV": 10, "TAHUNAN": 1}
    start = dt.date(year, starts[kind], 1)
    end = (
        dt.date(year, 12, 31)
        if kind in ("TRIWULAN_IV", "TAHUNAN")
        else dt.date(year, starts[kind] + 3, 1) - dt.timedelta(days=1)
    )
    return PerformancePeriod.objects.create(year=year, kind=kind, start_date=start, end_date=end, status=status)
