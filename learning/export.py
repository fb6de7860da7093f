"""Writes learning records for HR as CSV or XLSX, through the portal's one formula-safe writer."""

from __future__ import annotations

from collections.abc import Iterable

from portal.exports import CONTENT_TYPES, FORMATS, write_table  # noqa: F401  (re-exported for the export's callers)

EXPORT_COLUMNS = ["NIP", "Nama", "Unit", "Kursus", "JP", "Tanggal selesai", "Nilai"]
SHEET_NAME = "Rekam belajar"
WIDTHS = (20, 28, 28, 40, 8, 16, 8)


def write_export(rows: Iterable[dict], fmt: str, target) -> int:
    """Write rows (dicts keyed by EXPORT_COLUMNS) to a path or binary file object; returns the number of data rows.

    NIP stays text so its 18 digits survive spreadsheets; a name or course title that starts like a formula
    stays text (portal.exports.write_table).
    """
    return write_table(rows, EXPORT_COLUMNS, fmt, target, sheet_name=SHEET_NAME, text_columns=["NIP"], widths=WIDTHS)
