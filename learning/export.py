"""Writes learning records for HR as CSV or XLSX (pandas; openpyxl for XLSX)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from portal.exports import CONTENT_TYPES, FORMATS  # noqa: F401  (re-exported for the learning export's callers)

EXPORT_COLUMNS = ["NIP", "Nama", "Unit", "Kursus", "JP", "Tanggal selesai", "Nilai"]


def export_frame(rows: Iterable[dict]) -> pd.DataFrame:
    """Rows (dicts keyed by EXPORT_COLUMNS) as a frame; NIP stays text so its 18 digits survive spreadsheets."""
    frame = pd.DataFrame(list(rows), columns=EXPORT_COLUMNS)
    frame["NIP"] = frame["NIP"].astype("string").fillna("")
    return frame


def write_export(rows: Iterable[dict], fmt: str, target) -> int:
    """Write rows to a path or binary file object; returns the number of data rows."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use csv or xlsx")
    frame = export_frame(rows)
    if fmt == "csv":
        # utf-8-sig: Excel on Windows opens it with the right encoding.
        if hasattr(target, "write"):
            target.write(frame.to_csv(index=False).encode("utf-8-sig"))
        else:
            frame.to_csv(target, index=False, encoding="utf-8-sig")
    else:
        with pd.ExcelWriter(target, engine="openpyxl") as writer:
            frame.to_excel(writer, index=False, sheet_name="Rekam belajar")
            sheet = writer.sheets["Rekam belajar"]
            for column, width in zip("ABCDEFG", (20, 28, 28, 40, 8, 16, 8), strict=True):
                sheet.column_dimensions[column].width = width
            for cell in sheet["A"][1:]:
                cell.number_format = "@"
    return len(frame)
