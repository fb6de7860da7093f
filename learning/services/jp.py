"""A learner's JP of a year kept beside the ledger (`JPYearTotal`): refreshed whenever a ledger entry is saved
or deleted, rebuilt from the ledger for bulk loads. The ledger is the record; a total is always its sum."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction
from django.db.models import OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from ..models import JPLedgerEntry, JPYearTotal

BATCH = 5000


def _ledger_sum():
    return Coalesce(
        Subquery(
            JPLedgerEntry.objects.filter(user_id=OuterRef("user_id"), year=OuterRef("year"))
            .order_by()
            .values("user_id")
            .annotate(s=Sum("jp"))
            .values("s")[:1]
        ),
        Value(Decimal("0")),
        output_field=JPYearTotal._meta.get_field("total"),
    )


def jp_total_refresh(user_id: int, year: int, *, create: bool = True) -> None:
    """Set the (user, year) total to the ledger's sum. The row is locked first, so two completions of one learner
    committing at the same time cannot both write a sum that lacks the other's entry (the second waits, then reads
    the first's committed entry). `create=False` only updates a row that exists (a user being deleted, whose
    totals go with them, must not get a new one)."""
    with transaction.atomic():
        if create:
            JPYearTotal.objects.get_or_create(user_id=user_id, year=year)
        rows = JPYearTotal.objects.select_for_update().filter(user_id=user_id, year=year)
        if rows.exists():
            rows.update(total=_ledger_sum())


def jp_totals_rebuild(user_ids: Iterable[int] | None = None) -> int:
    """Recompute the totals of these users (default: everyone) from the ledger: idempotent. Returns the rows."""
    with transaction.atomic():
        stale = JPYearTotal.objects.all()
        sums = JPLedgerEntry.objects.all()
        if user_ids is not None:
            ids = list(user_ids)
            stale, sums = stale.filter(user_id__in=ids), sums.filter(user_id__in=ids)
        stale.delete()
        rows = (
            sums.order_by().values("user_id", "year").annotate(total=Sum("jp")).values_list("user_id", "year", "total")
        )
        made = JPYearTotal.objects.bulk_create(
            (JPYearTotal(user_id=u, year=y, total=t) for u, y, t in rows.iterator()), batch_size=BATCH
        )
    return len(made)


def on_entry_saved(sender, instance: JPLedgerEntry, raw: bool = False, **kwargs) -> None:
    if not raw:  # fixtures load totals of their own
        jp_total_refresh(instance.user_id, instance.year)


def on_entry_deleted(sender, instance: JPLedgerEntry, **kwargs) -> None:
    jp_total_refresh(instance.user_id, instance.year, create=False)
