"""The one place performance test data is built (factory-boy and wagtail-factories).

The small functions at the end keep the call sites short: `f.employee(unit, supervisor=boss)`.
"""

import datetime as dt
import importlib
import json
import uuid

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from home.models import StandardIndexPage, StandardPage
from performance import rules
from performance.models import Assessment, Employee, OrgUnit, PerformancePeriod, StandardRating

#: The three published standards of the brief, as `home`'s demo publishes them (slug, code, title).
STANDARDS = [
    ("disiplin-kerja", "DK", "Disiplin Kerja"),
    ("kualitas-pelayanan-publik", "KPP", "Kualitas Pelayanan Publik"),
    ("inovasi", "INO", "Inovasi"),
]
QUARTER_START = {"TRIWULAN_I": 1, "TRIWULAN_II": 4, "TRIWULAN_III": 7, "TRIWULAN_IV": 10, "TAHUNAN": 1}


def make_nip(i: int, gender: int = 1) -> str:
    """A valid, distinct NIP for each i."""
    birth = dt.date(1970 + i % 25, 1 + i % 12, 1 + i % 28)
    return rules.make_nip(birth, birth.year + 24, 1 + i % 12, gender, 1 + i % 999)


class OrgUnitFactory(DjangoModelFactory):
    class Meta:
        model = OrgUnit

    code = factory.Sequence(lambda n: f"U{n}")
    name = factory.LazyAttribute(lambda o: f"Unit {o.code}")
    kind = OrgUnit.Kind.SEKSI
    parent = None


class EmployeeFactory(DjangoModelFactory):
    """An employee checked by `full_clean()` (NIP, golongan, supervisor rules) before it is saved."""

    class Meta:
        model = Employee

    nip = factory.Sequence(lambda n: make_nip(n + 1))
    full_name = "Pegawai Uji"
    employment_type = "PNS"
    jabatan = "Pelaksana"
    jabatan_kind = "pelaksana"
    golongan = "II/a"
    unit = factory.SubFactory(OrgUnitFactory)
    supervisor = None
    user = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        obj = model_class(*args, **kwargs)
        obj.full_clean()
        obj.save()
        return obj


class PerformancePeriodFactory(DjangoModelFactory):
    class Meta:
        model = PerformancePeriod

    year = 2026
    kind = PerformancePeriod.Kind.TRIWULAN_IV
    status = PerformancePeriod.Status.OPEN
    start_date = factory.LazyAttribute(lambda o: dt.date(o.year, QUARTER_START[o.kind], 1))
    end_date = factory.LazyAttribute(
        lambda o: (
            dt.date(o.year, 12, 31)
            if o.kind in ("TRIWULAN_IV", "TAHUNAN")
            else dt.date(o.year, QUARTER_START[o.kind] + 3, 1) - dt.timedelta(days=1)
        )
    )


class AssessmentFactory(DjangoModelFactory):
    """A submitted assessment (predikat from the matrix), rated on the given standards."""

    class Meta:
        model = Assessment
        skip_postgeneration_save = True

    employee = factory.SubFactory(EmployeeFactory)
    period = factory.SubFactory(PerformancePeriodFactory)
    assessor = None
    status = Assessment.Status.SUBMITTED
    hasil_kerja = 2
    perilaku_kerja = 2
    predikat = factory.LazyAttribute(lambda o: int(rules.predikat(o.hasil_kerja, o.perilaku_kerja)))
    submitted_at = factory.LazyAttribute(lambda o: f"{o.period.start_date.isoformat()}T10:00:00+09:00")

    @factory.post_generation
    def standards(obj, create, extracted, **kwargs):
        """`standards=[(code, title), ...]` rates each of them Sesuai."""
        if create and extracted:
            StandardRating.objects.bulk_create(
                [StandardRating(assessment=obj, standard_code=c, standard_title=t, rating=2) for c, t in extracted]
            )


class StandardIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardIndexPage

    title = "Standar Kinerja"
    slug = "standar-kinerja"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Standar {n}")
    slug = factory.Sequence(lambda n: f"standar-{n}")
    code = factory.Sequence(lambda n: f"S{n}")
    summary = factory.LazyAttribute(lambda o: f"Ringkasan {o.title}")
    why_it_matters = "<p>Karena penting.</p>"
    indicators = factory.LazyFunction(
        lambda: json.dumps([{"type": "indicator", "value": "Indikator satu", "id": str(uuid.uuid4())}])
    )


def core_values() -> None:
    """The seven BerAKHLAK values exactly as home's migration seeds them; again after a transactional test's
    flush has emptied the table (idempotent)."""
    from django.apps import apps

    importlib.import_module("home.migrations.0003_seed_core_values").seed(apps, None)


def published_standards(home) -> list[tuple[str, str]]:
    """The BerAKHLAK values and the three standards of the brief published under `home` (once); returns the
    standards as (code, title)."""
    core_values()
    index = StandardIndexPage.objects.child_of(home).first() or StandardIndexPageFactory(parent=home)
    existing = set(StandardPage.objects.values_list("code", flat=True))
    for slug, code, title in STANDARDS:
        if code not in existing:
            StandardPageFactory(parent=index, slug=slug, code=code, title=title)
    return [(code, title) for _slug, code, title in STANDARDS]


# --- Short forms used across the tests -------------------------------------------------------------------


def unit(code="U1", name=None, parent=None, kind=OrgUnit.Kind.SEKSI) -> OrgUnit:
    return OrgUnitFactory(code=code, name=name or f"Unit {code}", kind=kind, parent=parent)


def employee(unit, *, supervisor=None, user=None, name=None, **extra) -> Employee:
    return EmployeeFactory(unit=unit, supervisor=supervisor, user=user, full_name=name or "Pegawai Uji", **extra)


def period(kind=PerformancePeriod.Kind.TRIWULAN_IV, year=2026, status="open") -> PerformancePeriod:
    return PerformancePeriodFactory(kind=kind, year=year, status=status)


def grow_demo_org(demo_org, *, extra_members: int, extra_periods: int) -> None:
    """More team members for atasan@, and more assessed periods (on the published standards) for pegawai@."""
    from home.selectors import standard_choices

    boss = demo_org["employees"]["kasi_pel"]
    for _ in range(extra_members):
        employee(boss.unit, supervisor=boss, name="Anggota Tambahan")
    pegawai = demo_org["employees"]["pegawai"]
    standards = standard_choices()
    for year in range(2010, 2010 + extra_periods):
        AssessmentFactory(
            employee=pegawai,
            assessor=boss,
            period=period(kind="TAHUNAN", year=year, status="closed"),
            standards=standards,
        )
