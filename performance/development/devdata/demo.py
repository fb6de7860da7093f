"""Demo development data: pegawai@ has an active plan from her weak standard (Kualitas Pelayanan Publik, rated
Di bawah ekspektasi in Triwulan III) whose course actions come from the learning records (the onboarding course is
in progress); pegawai2@ has none, so the empty states show. Idempotent."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from performance.models import Employee, PerformancePeriod

from .. import services
from ..models import DevelopmentPlan

WEAK_STANDARD = "KPP"


@transaction.atomic
def seed(stdout=None) -> DevelopmentPlan | None:
    User = get_user_model()
    atasan = User.objects.filter(email="atasan@walesi.test").first()
    pegawai = Employee.objects.filter(email="pegawai@walesi.test").select_related("user").first()
    period = PerformancePeriod.objects.filter(status=PerformancePeriod.Status.OPEN).order_by("end_date").first()
    if atasan is None or pegawai is None or period is None:
        return None
    plan = DevelopmentPlan.objects.filter(employee=pegawai, period=period).first()
    if plan is None:
        plan = services.plan_create(
            actor=atasan, employee=pegawai, period=period, note="Fokus triwulan ini: pelayanan di loket kependudukan."
        )
        services.suggestion_apply(actor=atasan, plan=plan, standard_code=WEAK_STANDARD)
        goal = plan.goals.first()
        if goal is not None:
            services.action_add(
                actor=atasan,
                goal=goal,
                kind="on_the_job",
                title="Mendampingi petugas senior di loket selama dua minggu",
                description="Catat tiga keluhan warga dan cara menyelesaikannya.",
                due_date=period.end_date,
            )
            services.plan_activate(actor=atasan, plan=plan)
    return plan


def counts() -> dict[str, int]:
    """What the demo holds, for seed_demo's summary line."""
    return {"development plans": DevelopmentPlan.objects.count()}
