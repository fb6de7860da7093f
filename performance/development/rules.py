"""Pure rules of development plans: flow, progress, "did it work", evidence limits. No database access."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

#: Evidence uploads: at most this many bytes, of these types (by extension and the sniffed start of the file).
EVIDENCE_MAX_BYTES = 5 * 1024 * 1024
EVIDENCE_TYPES = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}

#: Days before a due date the "due soon" notice goes out.
DUE_SOON_DAYS = 7


class PlanStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    COMPLETED = "completed"
    CLOSED = "closed"


#: Which status may follow which (the supervisor activates, completes or closes; the employee only acknowledges).
TRANSITIONS: dict[str, frozenset[str]] = {
    PlanStatus.DRAFT: frozenset({PlanStatus.ACTIVE, PlanStatus.CLOSED}),
    PlanStatus.ACTIVE: frozenset({PlanStatus.COMPLETED, PlanStatus.CLOSED}),
    PlanStatus.COMPLETED: frozenset(),
    PlanStatus.CLOSED: frozenset(),
}


def may_transition(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def action_percent(*, kind: str, course_percent: int | None, accepted: bool, course_done: bool = False) -> int:
    """A course action counts its learning progress; the other kinds count once their evidence is accepted."""
    if kind == "course":
        if course_done:
            return 100
        return max(0, min(100, course_percent or 0))
    return 100 if accepted else 0


def plan_percent(action_percents: list[int]) -> int:
    """A plan's progress: the mean of its actions (0 without actions)."""
    if not action_percents:
        return 0
    return round(sum(action_percents) / len(action_percents))


class Outcome(StrEnum):
    IMPROVED = "improved"
    SAME = "same"
    LOWER = "lower"
    PENDING = "pending"


OUTCOME_LABELS = {
    Outcome.IMPROVED: _("Membaik"),
    Outcome.SAME: _("Tetap"),
    Outcome.LOWER: _("Menurun"),
    Outcome.PENDING: _("Menunggu penilaian berikutnya"),
}
OUTCOME_TONE = {Outcome.IMPROVED: "ok", Outcome.SAME: "", Outcome.LOWER: "warn", Outcome.PENDING: ""}


def outcome(before: int | None, after: int | None) -> Outcome:
    """Compare a standard's rating before and after (BKN codes: 1 Di atas, 2 Sesuai, 3 Di bawah; lower is better)."""
    if before is None or after is None:
        return Outcome.PENDING
    if after < before:
        return Outcome.IMPROVED
    if after > before:
        return Outcome.LOWER
    return Outcome.SAME


def due_date_problem(due: dt.date | None, *, today: dt.date, period_end: dt.date) -> str:
    """Why a due date is not acceptable ('' when it is): not in the past, not after the plan's period."""
    if due is None:
        return str(_("Tenggat wajib diisi."))
    if due < today:
        return str(_("Tenggat tidak boleh di masa lalu."))
    if due > period_end:
        return str(_("Tenggat tidak boleh melewati akhir periode (%(d)s).") % {"d": period_end.isoformat()})
    return ""


def evidence_problem(*, name: str, size: int, head: bytes) -> str:
    """Why an evidence file is refused ('' when it is fine): size first, then the type by extension and content."""
    if size > EVIDENCE_MAX_BYTES:
        return str(_("Berkas terlalu besar (maksimal %(mb)s MB).") % {"mb": EVIDENCE_MAX_BYTES // (1024 * 1024)})
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    signatures = EVIDENCE_TYPES.get(ext)
    if not signatures or not any(head.startswith(sig) for sig in signatures):
        return str(_("Jenis berkas tidak diizinkan (hanya PDF, JPG atau PNG)."))
    return ""


def due_state(due: dt.date | None, today: dt.date, *, done: bool = False) -> str:
    """'overdue', 'soon' (within DUE_SOON_DAYS), 'later', or '' (done or no date)."""
    if done or due is None:
        return ""
    if due < today:
        return "overdue"
    if due <= today + dt.timedelta(days=DUE_SOON_DAYS):
        return "soon"
    return "later"
