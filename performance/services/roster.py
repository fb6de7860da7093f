"""Roster import: HR uploads a spreadsheet, reads its preview, and applies it all-or-nothing.

The upload is stored with its digest; applying checks that the file is still the one previewed, and applies it
once (the upload row is locked while it is applied).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from enum import Enum

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from allauth.account.models import EmailAddress

from portal.db import analyze_tables
from portal.tasks import enqueue_on_commit

from ..models import Employee, RosterUpload
from ..roster import Problem, RosterPreview, RosterRow, file_digest, preview_file

INVITATION_BATCH = 500
EMPLOYEE_FIELDS = (
    "full_name",
    "employment_type",
    "jabatan",
    "jabatan_kind",
    "golongan",
    "unit_id",
    "email",
    "active",
    "supervisor_id",
    "user_id",
    "updated_at",
)


#: Rows written by one import from which the planner's statistics are refreshed afterwards (ANALYZE).
ANALYZE_AFTER_ROWS = 500


@dataclass
class RosterResult:
    preview: RosterPreview
    applied: bool
    created: int = 0
    updated: int = 0
    deactivated: int = 0
    invited_user_ids: tuple[int, ...] = ()


def roster_import(
    *, data: bytes, filename: str, dry_run: bool = False, deactivate_missing: bool = False
) -> RosterResult:
    """Check a roster file and, unless it has problems or this is a dry run, apply it all-or-nothing.

    Rows are validated by the same rules as `Employee.clean()` in `roster.build_preview` (bulk writes skip
    `full_clean()` for speed; the database constraints back the rules up). Re-importing a file changes nothing.
    """
    try:
        with transaction.atomic():
            preview = preview_file(data, filename, deactivate_missing=deactivate_missing)
            if dry_run or not preview.ok:
                return RosterResult(preview=preview, applied=False)
            return _roster_apply(preview)
    except IntegrityError:
        # Another import (or an admin edit) wrote the same NIP or email meanwhile: nothing was applied.
        preview = RosterPreview(
            problems=[
                Problem(1, "", _("Data pegawai berubah bersamaan dengan impor ini; tidak ada yang diubah. Coba lagi."))
            ]
        )
        return RosterResult(preview=preview, applied=False)


def _roster_apply(preview: RosterPreview) -> RosterResult:
    now = timezone.now()
    users_by_email = dict(preview.users_by_email)
    invited = _create_accounts(preview, users_by_email)
    id_by_nip = {nip: e["id"] for nip, e in preview.existing.items()}
    created = _create_employees(preview.to_create, id_by_nip, users_by_email)
    updated = _update_employees(preview, id_by_nip, users_by_email, now)
    deactivated = 0
    if preview.to_deactivate:
        deactivated = Employee.objects.filter(pk__in=[d["id"] for d in preview.to_deactivate], active=True).update(
            active=False, updated_at=now
        )
    _enqueue_invitations(invited)
    if created + updated + deactivated >= ANALYZE_AFTER_ROWS:
        # A large import changes the tables' shape: refresh the planner's statistics once it is committed
        # (issue 9, item 16), as the bulk loaders do.
        transaction.on_commit(lambda: analyze_tables(Employee, get_user_model(), EmailAddress))
    return RosterResult(
        preview=preview,
        applied=True,
        created=created,
        updated=updated,
        deactivated=deactivated,
        invited_user_ids=invited,
    )


def _create_accounts(preview: RosterPreview, users_by_email: dict[str, int]) -> tuple[int, ...]:
    """Accounts for every resulting employee with an email and no account yet; returns the new accounts' ids
    (`users_by_email` is extended with them)."""
    User = get_user_model()
    needs_account = [r for r in preview.to_create if r.email] + [
        r for r, changes in preview.to_update if "akun" in changes
    ]
    new_users = [
        User(
            email=r.email,
            first_name=r.full_name[:150],
            # What make_password(None) returns, without its slow per-character random choice.
            password=UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30),
            is_active=True,
        )
        for r in needs_account
        if r.email not in users_by_email
    ]
    if not new_users:
        return ()
    User.objects.bulk_create(new_users, batch_size=1000)
    if new_users[0].pk is None:  # backends that do not return ids
        users_by_email.update(User.objects.filter(email__in=[u.email for u in new_users]).values_list("email", "id"))
    else:
        users_by_email.update({u.email: u.pk for u in new_users})
    EmailAddress.objects.bulk_create(
        [EmailAddress(user_id=users_by_email[u.email], email=u.email, verified=False, primary=True) for u in new_users],
        batch_size=1000,
        ignore_conflicts=True,
    )
    return tuple(users_by_email[u.email] for u in new_users)


def _employee(r: RosterRow, **extra) -> Employee:
    """An (unsaved) active employee with the row's fields; `extra` adds the keys and links."""
    return Employee(
        full_name=r.full_name,
        employment_type=r.employment_type,
        jabatan=r.jabatan,
        jabatan_kind=r.jabatan_kind,
        golongan=r.golongan,
        unit_id=r.unit_id,
        email=r.email,
        active=True,
        **extra,
    )


def supervisor_levels(rows: list[RosterRow]) -> dict[str, int]:
    """Depth of each new row in its chain of new supervisors (0: reports to nobody new), so that bosses can be
    inserted before their reports. Loops were refused by the preview."""
    new_by_nip = {r.nip: r for r in rows}
    level: dict[str, int] = {}
    for r in rows:
        chain, nip = [], r.nip
        while nip in new_by_nip and nip not in level:
            chain.append(nip)
            nip = new_by_nip[nip].supervisor_nip
        base = level.get(nip, -1) if nip in new_by_nip else -1
        for depth, item in enumerate(reversed(chain), start=base + 1):
            level[item] = depth
    return level


def _create_employees(rows: list[RosterRow], id_by_nip: dict[str, int], users_by_email: dict[str, int]) -> int:
    """New employees, level by level, so each row is inserted with its supervisor's id and no second pass over
    the new rows is needed (`id_by_nip` is extended with them)."""
    level = supervisor_levels(rows)
    created = 0
    for depth in sorted(set(level.values())):
        batch = [
            _employee(
                r,
                nip=r.nip,
                supervisor_id=id_by_nip[r.supervisor_nip] if r.supervisor_nip else None,
                user_id=users_by_email.get(r.email) if r.email else None,
            )
            for r in rows
            if level[r.nip] == depth
        ]
        Employee.objects.bulk_create(batch, batch_size=2000)
        if batch[0].pk is None:  # backends that do not return ids
            id_by_nip.update(Employee.objects.filter(nip__in=[e.nip for e in batch]).values_list("nip", "id"))
        else:
            id_by_nip.update({e.nip: e.pk for e in batch})
        created += len(batch)
    return created


def _update_employees(preview: RosterPreview, id_by_nip: dict[str, int], users_by_email: dict[str, int], now) -> int:
    """The changed fields of existing employees, in bulk."""
    updates: list[Employee] = []
    for r, _changes in preview.to_update:
        current = preview.existing[r.nip]
        updates.append(
            _employee(
                r,
                pk=current["id"],
                supervisor_id=id_by_nip.get(r.supervisor_nip) if r.supervisor_nip else None,
                user_id=current["user_id"] or (users_by_email.get(r.email) if r.email else None),
                updated_at=now,
            )
        )
    if updates:
        Employee.objects.bulk_update(updates, list(EMPLOYEE_FIELDS), batch_size=1000)
    return len(updates)


def _enqueue_invitations(user_ids: tuple[int, ...]) -> None:
    if not user_ids:
        return
    from ..tasks import send_invitations

    for start in range(0, len(user_ids), INVITATION_BATCH):
        enqueue_on_commit(send_invitations, list(user_ids[start : start + INVITATION_BATCH]))


# --- Upload, preview, apply (the HR screens) ----------------------------------------------------------------


@transaction.atomic
def roster_upload_create(*, actor, data: bytes, filename: str, deactivate_missing: bool = False) -> RosterUpload:
    """Store an uploaded roster file for its preview, under a random token only its uploader can open."""
    token = secrets.token_urlsafe(24)
    upload = RosterUpload(
        token=token,
        uploaded_by=actor,
        original_name=filename[:255],
        sha256=file_digest(data),
        deactivate_missing=deactivate_missing,
    )
    upload.file.save(f"{token}.bin", ContentFile(data), save=False)
    upload.full_clean()
    upload.save()
    return upload


def roster_upload_data(upload: RosterUpload) -> bytes:
    with upload.file.open("rb") as fh:
        return fh.read()


def roster_upload_preview(*, upload: RosterUpload) -> RosterPreview:
    """What applying the stored file would do (nothing is written)."""
    return preview_file(roster_upload_data(upload), upload.original_name, deactivate_missing=upload.deactivate_missing)


class ApplyOutcome(Enum):
    APPLIED = "applied"
    ALREADY_APPLIED = "already_applied"
    FILE_CHANGED = "file_changed"
    HAS_PROBLEMS = "has_problems"


@dataclass
class RosterApplyResult:
    outcome: ApplyOutcome
    result: RosterResult | None = None


@transaction.atomic
def roster_upload_apply(*, upload: RosterUpload, sha256: str) -> RosterApplyResult:
    """Apply a previewed upload once: the row is locked, the stored file must still be the one previewed
    (`sha256` as shown on the preview), and a file with problems changes nothing."""
    upload = RosterUpload.objects.select_for_update().get(pk=upload.pk)
    if upload.applied_at:
        return RosterApplyResult(ApplyOutcome.ALREADY_APPLIED)
    data = roster_upload_data(upload)
    if file_digest(data) != upload.sha256 or sha256 != upload.sha256:
        return RosterApplyResult(ApplyOutcome.FILE_CHANGED)
    result = roster_import(data=data, filename=upload.original_name, deactivate_missing=upload.deactivate_missing)
    if not result.applied:
        return RosterApplyResult(ApplyOutcome.HAS_PROBLEMS, result)
    upload.applied_at = timezone.now()
    upload.save(update_fields=["applied_at"])
    return RosterApplyResult(ApplyOutcome.APPLIED, result)
