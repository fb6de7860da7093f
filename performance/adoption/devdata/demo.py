"""Demo: today's unit snapshots (history accrues nightly from here; past days are never invented)."""

from __future__ import annotations

from ..services import snapshots_take


def seed(stdout=None) -> int:
    made = snapshots_take()
    if stdout:
        stdout.write(f"  adoption: {made} unit snapshots for today\n")
    return made


def counts() -> dict[str, int]:
    """What the demo holds, for seed_demo's summary line."""
    from ..models import UnitSnapshot

    return {"unit snapshots": UnitSnapshot.objects.count()}
