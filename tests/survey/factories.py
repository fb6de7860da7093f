"""Small builders for survey tests (plain functions: the models are few and the tests want exact numbers)."""

from __future__ import annotations

import datetime as dt
import itertools

from performance.models import OrgUnit
from performance.survey.models import ServiceKind, ServiceUnit, SurveyPeriod, SurveyResponse
from portal import dates

_seq = itertools.count(1)


def service_unit(*, code: str | None = None, org: OrgUnit | None = None, kinds=("Surat keterangan",)) -> ServiceUnit:
    n = next(_seq)
    org = org or OrgUnit.objects.create(code=f"T.{n}", name=f"Unit Uji {n}", kind=OrgUnit.Kind.SEKSI)
    unit = ServiceUnit.objects.create(unit=org, code=code or f"uji-{n}", name=f"Layanan Uji {n}")
    for i, name in enumerate(kinds):
        ServiceKind.objects.create(service_unit=unit, name=name, position=i)
    return unit


def open_period() -> SurveyPeriod:
    today = dates.today()
    start, end = dates.quarter_bounds(today.year, dates.quarter_of(today))
    period, _ = SurveyPeriod.objects.update_or_create(
        start_date=start, end_date=end, defaults={"name": "Periode uji", "status": SurveyPeriod.Status.OPEN}
    )
    return period


def closed_period(year: int = 2020, quarter: int = 1) -> SurveyPeriod:
    start, end = dates.quarter_bounds(year, quarter)
    period, _ = SurveyPeriod.objects.get_or_create(
        start_date=start, end_date=end, defaults={"name": f"T{quarter} {year}", "status": SurveyPeriod.Status.CLOSED}
    )
    return period


def responses(unit: ServiceUnit, period: SurveyPeriod, rows: list[list[int]], **extra) -> list[SurveyResponse]:
    """One response per list of nine scores."""
    kind = unit.kinds.first()
    objs = [
        SurveyResponse(
            service_unit=unit,
            period=period,
            service_kind=kind,
            created_at=dates.start_of_day(period.start_date) + dt.timedelta(hours=9),
            **{f"u{i + 1}": s for i, s in enumerate(scores)},
            **extra,
        )
        for scores in rows
    ]
    return SurveyResponse.objects.bulk_create(objs)
