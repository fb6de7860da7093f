"""Bench cases of the SKM for `make bench`: the public form (weight), a submit (p95 ≤ 50 ms), the unit report on the
busiest scale unit (p95 ≤ 300 ms, same queries at every size), the overview, the PDF and the public results."""

from __future__ import annotations

from bench.cases import BenchCase, Request

HR = "admin@walesi.test"
DEMO_UNIT = "distrik-walesi"


def _answers(ctx) -> dict:
    from performance.survey.models import ServiceUnit

    unit = ServiceUnit.objects.get(code=DEMO_UNIT)
    ctx["survey_demo_unit"] = unit
    ctx["survey_kind"] = unit.kinds.order_by("position").first().pk
    return ctx


def _setup_submit(ctx):
    from django.conf import settings

    # The bench posts from one address far more often than a citizen could: lift the limit for it only.
    settings.SURVEY_RATE_LIMIT_PER_HOUR = 10**9
    _answers(ctx)


def _submit(ctx) -> Request:
    from performance.survey import services

    unit = ctx["survey_demo_unit"]
    period = services.open_period_for()
    data = {f"u{i}": str(1 + (i % 4)) for i in range(1, 10)}
    data.update(
        service_kind=str(ctx["survey_kind"]),
        token=services.form_token_issue(service_unit=unit, period=period),
        gender="P",
        comment="Uji beban",
    )
    return Request("POST", f"/survei/{DEMO_UNIT}/", data, expect=(302,))


def _setup_busiest(ctx):
    from performance.survey.devdata.scale import busiest
    from performance.survey.models import SurveyResponse

    unit, period, n = busiest()
    ctx["survey_busy"] = (unit.code, period.pk)
    print(
        f"    survey: busiest unit {unit.code} has {n} responses in {period.name}; "
        f"{SurveyResponse.objects.count()} responses in all",
        flush=True,
    )


BENCH_CASES = [
    BenchCase("survey.form", lambda ctx: Request("GET", f"/survei/{DEMO_UNIT}/"), login=None, same_queries=True),
    BenchCase("survey.submit", _submit, login=None, same_queries=True, p95_ms=50, setup=_setup_submit),
    BenchCase(
        "survey.unit_report",
        lambda ctx: Request("GET", f"/skm/{ctx['survey_busy'][0]}/?periode={ctx['survey_busy'][1]}"),
        login=HR,
        same_queries=True,
        p95_ms=300,
        setup=_setup_busiest,
    ),
    BenchCase(
        "survey.overview",
        lambda ctx: Request("GET", f"/skm/?periode={ctx['survey_busy'][1]}"),
        login=HR,
        same_queries=True,
        p95_ms=300,
        setup=_setup_busiest,
    ),
    BenchCase(
        "survey.report_pdf",
        lambda ctx: Request("GET", f"/skm/{ctx['survey_busy'][0]}/periode/{ctx['survey_busy'][1]}/laporan.pdf"),
        login=HR,
        same_queries=True,
        setup=_setup_busiest,
    ),
    BenchCase(
        "survey.public_results",
        lambda ctx: Request("GET", f"/survei/{ctx['survey_busy'][0]}/hasil/"),
        login=None,
        same_queries=True,
        setup=_setup_busiest,
    ),
]
