"""HR creates performance periods and opens or closes them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import PerformancePeriod


@transaction.atomic
def period_set_status(*, period: PerformancePeriod, status: str) -> PerformancePeriod:
    """HR opens or closes a period."""
    period = PerformancePeriod.objects.select_for_update().get(pk=period.pk)
    if status not in PerformancePeriod.Status.values:
        raise ValidationError(_("Status periode tidak dikenal."))
    period.status = status
    period.full_clean()
    period.save(update_fields=["status"])
    return period


@transaction.atomic
def period_create(*, year: int, kind: str, start_date, end_date, status: str = "closed") -> PerformancePeriod:
    period = PerformancePeriod(year=year, kind=kind, start_date=start_date, end_date=end_date, status=status)
    period.full_clean()
    period.save()
    return period
