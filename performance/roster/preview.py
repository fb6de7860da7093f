"""The preview of a roster import: the parsed rows checked against the database (supervisors, loops, accounts)
and sorted into what would be created, updated, left alone or deactivated.

The preview reads the database in a fixed number of queries whatever the file size.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

import pandas as pd

from ..models import Employee, OrgUnit
from .parsing import ALL_COLUMNS, Problem, RosterFileError, RosterRow, missing_columns, parse_row, read_table

#: Fields compared to decide whether an existing employee changes.
COMPARED_FIELDS = ("full_name", "employment_type", "jabatan", "jabatan_kind", "golongan", "unit_id", "email", "active")


@dataclass
class RosterPreview:
    rows: list[RosterRow] = field(default_factory=list)
    to_create: list[RosterRow] = field(default_factory=list)
    to_update: list[tuple[RosterRow, dict]] = field(default_factory=list)
    unchanged: list[RosterRow] = field(default_factory=list)
    to_deactivate: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Filled for apply: existing employees by NIP, users by email.
    existing: dict[str, dict] = field(default_factory=dict, repr=False)
    users_by_email: dict[str, int] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def counts(self) -> dict[str, int]:
        return {
            "create": len(self.to_create),
            "update": len(self.to_update),
            "unchanged": len(self.unchanged),
            "deactivate": len(self.to_deactivate),
            "problems": len(self.problems),
        }


def _find_loops(graph: dict[str, str], start_nodes) -> list[list[str]]:
    """Cycles in a NIP → supervisor NIP graph reachable from the start nodes (each cycle once)."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    loops: list[list[str]] = []
    for start in start_nodes:
        if state.get(start):
            continue
        path: list[str] = []
        node = start
        while node and not state.get(node):
            state[node] = 1
            path.append(node)
            node = graph.get(node, "")
        if node and state.get(node) == 1:
            loops.append(path[path.index(node) :])
        for visited in path:
            state[visited] = 2
    return loops


def build_preview(rows: list[dict[str, str]], *, deactivate_missing: bool = False) -> RosterPreview:
    """Check every row and compare with the database: what would be created, updated, left, deactivated."""
    preview = RosterPreview()
    units = dict(OrgUnit.objects.values_list("code", "id"))
    existing_rows = list(
        Employee.objects.values(
            "id", "nip", "supervisor_id", "user_id", *[f for f in COMPARED_FIELDS if f != "unit_id"], "unit_id"
        )
    )
    preview.existing = {e["nip"]: e for e in existing_rows}
    nip_by_id = {e["id"]: e["nip"] for e in existing_rows}

    _parse_rows(preview, rows, units)
    _check_supervisors(preview, nip_by_id)
    _check_accounts(preview, existing_rows)
    _sort_rows(preview, nip_by_id)
    if deactivate_missing:
        file_nips = {r.nip for r in preview.rows}
        preview.to_deactivate = [
            {"id": e["id"], "nip": e["nip"], "full_name": e["full_name"]}
            for nip, e in preview.existing.items()
            if e["active"] and nip not in file_nips
        ]
    preview.problems.sort(key=_problem_order)
    return preview


def _problem_order(p: Problem) -> tuple[int, int]:
    return (p.row, ALL_COLUMNS.index(p.column) if p.column in ALL_COLUMNS else 99)


def _parse_rows(preview: RosterPreview, rows: list[dict[str, str]], units: dict[str, int]) -> None:
    """Each row checked on its own; a NIP or an email twice in the file is refused at its second row."""
    problems = preview.problems
    seen: dict[str, int] = {}
    seen_email: dict[str, int] = {}
    for raw in rows:
        parsed = parse_row(raw, units, problems)
        if parsed.nip:
            if parsed.nip in seen:
                problems.append(
                    Problem(
                        parsed.row,
                        "nip",
                        _("NIP %(nip)s sudah muncul di baris %(first)s.")
                        % {"nip": parsed.nip, "first": seen[parsed.nip]},
                    )
                )
                continue
            seen[parsed.nip] = parsed.row
        if parsed.email:
            if parsed.email in seen_email:
                problems.append(
                    Problem(
                        parsed.row,
                        "email",
                        _("Email %(e)s sudah dipakai di baris %(first)s.")
                        % {"e": parsed.email, "first": seen_email[parsed.email]},
                    )
                )
            else:
                seen_email[parsed.email] = parsed.row
        preview.rows.append(parsed)


def _check_supervisors(preview: RosterPreview, nip_by_id: dict[int, str]) -> None:
    """Supervisors: in the file or already on the roster; the resulting chain must not loop."""
    existing, problems = preview.existing, preview.problems
    file_nips = {r.nip for r in preview.rows}
    graph = {nip: nip_by_id.get(e["supervisor_id"], "") for nip, e in existing.items()}
    for r in preview.rows:
        graph[r.nip] = r.supervisor_nip
        if r.supervisor_nip and r.supervisor_nip not in file_nips and r.supervisor_nip not in existing:
            problems.append(
                Problem(
                    r.row,
                    "nip_atasan",
                    _("NIP atasan %(nip)s tidak ditemukan di berkas maupun di data pegawai.")
                    % {"nip": r.supervisor_nip},
                )
            )
    row_by_nip = {r.nip: r for r in preview.rows}
    for loop in _find_loops(graph, [r.nip for r in preview.rows]):
        chain = " → ".join([*loop, loop[0]])
        for nip in loop:
            if nip in row_by_nip:
                problems.append(
                    Problem(
                        row_by_nip[nip].row, "nip_atasan", _("Rantai atasan berputar: %(chain)s.") % {"chain": chain}
                    )
                )


def _check_accounts(preview: RosterPreview, existing_rows: list[dict]) -> None:
    """An email already used by another employee's account cannot be given to this one."""
    User = get_user_model()
    wanted_emails = [r.email for r in preview.rows if r.email]
    users = dict(User.objects.filter(email__in=wanted_emails).values_list("email", "id")) if wanted_emails else {}
    preview.users_by_email = users
    user_owner = {e["user_id"]: e["nip"] for e in existing_rows if e["user_id"]}
    for r in preview.rows:
        uid = users.get(r.email)
        if uid and user_owner.get(uid, r.nip) != r.nip:
            preview.problems.append(
                Problem(
                    r.row,
                    "email",
                    _("Email %(e)s sudah menjadi akun pegawai lain (NIP %(nip)s).")
                    % {"e": r.email, "nip": user_owner[uid]},
                )
            )


def _sort_rows(preview: RosterPreview, nip_by_id: dict[int, str]) -> None:
    """New, changed (with the changes, old and new) or unchanged, compared with the employee on record."""
    for r in preview.rows:
        current = preview.existing.get(r.nip)
        if current is None:
            preview.to_create.append(r)
            continue
        wanted = {
            "full_name": r.full_name,
            "employment_type": r.employment_type,
            "jabatan": r.jabatan,
            "jabatan_kind": r.jabatan_kind,
            "golongan": r.golongan,
            "unit_id": r.unit_id,
            "email": r.email,
            "active": True,
        }
        changes = {key: [current[key], value] for key, value in wanted.items() if current[key] != value}
        old_sup = nip_by_id.get(current["supervisor_id"], "")
        if old_sup != r.supervisor_nip:
            changes["nip_atasan"] = [old_sup, r.supervisor_nip]
        if r.email and not current["user_id"]:
            changes["akun"] = ["", r.email]
        if changes:
            preview.to_update.append((r, changes))
        else:
            preview.unchanged.append(r)


def preview_file(data: bytes, filename: str, *, deactivate_missing: bool = False) -> RosterPreview:
    """Read a file and build its preview; unreadable files and missing columns become problems on row 1."""
    try:
        rows, file_problems = read_table(data, filename)
    except RosterFileError as exc:
        return RosterPreview(problems=[Problem(1, "", str(exc))])
    header = [k for k in (rows[0].keys() if rows else [])]
    if not rows:
        # Read the header alone to tell "no rows" from "wrong columns".
        try:
            if data[:4] == b"PK\x03\x04" or filename.lower().endswith(".xlsx"):
                header = list(pd.read_excel(io.BytesIO(data), nrows=0, engine="openpyxl").columns)
            else:
                first = data.decode("utf-8-sig", errors="replace").split("\n", 1)[0]
                header = re.split(r"[;,]", first)
        except Exception:
            header = []
    missing = missing_columns(header)
    if missing:
        return RosterPreview(
            problems=[
                Problem(
                    1,
                    ", ".join(missing),
                    _("Kolom wajib tidak ada: %(missing)s. Kolom yang diharapkan: %(expected)s.")
                    % {"missing": ", ".join(missing), "expected": ", ".join(ALL_COLUMNS)},
                )
            ]
        )
    if not rows:
        return RosterPreview(problems=[Problem(2, "", _("Berkas tidak berisi baris pegawai."))])
    preview = build_preview(rows, deactivate_missing=deactivate_missing)
    if file_problems:
        # A damaged NIP cell is reported once, with the clearer message about number cells.
        damaged = {(p.row, p.column) for p in file_problems}
        preview.problems = sorted(
            file_problems + [p for p in preview.problems if (p.row, p.column) not in damaged],
            key=_problem_order,
        )
    return preview
