"""The one writer every export goes through: CSV or XLSX, safe against spreadsheet formula injection.

A cell whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel and LibreOffice as a
formula. Text cells are written so that they stay text: in CSV prefixed with `'`, in XLSX as string cells (never a
formula) with the text number format. Numbers stay numbers. pandas only shapes the rows here; it never loads raw
records the database could have counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from numbers import Number

import pandas as pd

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(_FORMULA_STARTS)


def csv_safe(value):
    """A value as it may stand in a CSV cell: formula-like text gets a leading apostrophe."""
    if is_formula_like(value):
        return "'" + value
    return value


def write_table(
    rows: Iterable[dict],
    columns: Sequence[str],
    fmt: str,
    target,
    *,
    sheet_name: str = "Data",
    text_columns: Sequence[str] = (),
    widths: Sequence[int] | None = None,
) -> int:
    """Write rows (dicts keyed by `columns`) to a path or binary file object; returns the number of data rows.

    `text_columns` are kept as text even when they look like numbers (an 18-digit NIP must not become 1.97E+17).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use csv or xlsx")
    frame = _frame(rows, columns, text_columns)
    if fmt == "csv":
        safe = frame.map(csv_safe) if len(frame) else frame
        # utf-8-sig: Excel on Windows opens it with the right encoding.
        data = safe.to_csv(index=False).encode("utf-8-sig")
        if hasattr(target, "write"):
            target.write(data)
        else:
            with open(target, "wb") as handle:
                handle.write(data)
        return len(frame)
    _write_xlsx(frame, target, sheet_name=sheet_name[:31], text_columns=text_columns, widths=widths)
    return len(frame)


@dataclass(frozen=True)
class Sheet:
    """One sheet of a workbook: rows (dicts keyed by `columns`), written as `write_table` writes its one sheet."""

    name: str
    rows: Sequence[dict]
    columns: Sequence[str]
    text_columns: Sequence[str] = ()
    widths: Sequence[int] | None = None


def write_workbook(sheets: Sequence[Sheet], target) -> int:
    """An XLSX of several sheets (a report with sections), each as safe as `write_table`'s; returns the number of
    data rows in all."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    total = 0
    for spec in sheets:
        frame = _frame(spec.rows, spec.columns, spec.text_columns)
        _fill_sheet(book.create_sheet(spec.name[:31]), frame, spec.text_columns, spec.widths)
        total += len(frame)
    book.save(target)
    return total


def _frame(rows, columns, text_columns) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=list(columns))
    for column in text_columns:
        frame[column] = frame[column].astype("string").fillna("")
    return frame


def _write_xlsx(frame: pd.DataFrame, target, *, sheet_name: str, text_columns, widths) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=False)
    sheet = book.active
    sheet.title = sheet_name
    _fill_sheet(sheet, frame, text_columns, widths)
    book.save(target)


def _fill_sheet(sheet, frame: pd.DataFrame, text_columns, widths) -> None:
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.utils import get_column_letter

    sheet.append([str(c) for c in frame.columns])
    text_idx = {frame.columns.get_loc(c) for c in text_columns}
    for record in frame.itertuples(index=False, name=None):
        values = []
        for value in record:
            if value is None or (not isinstance(value, str) and pd.isna(value)):
                values.append(None)
            elif isinstance(value, Number) and not isinstance(value, bool):
                values.append(value)
            else:
                values.append(str(value))
        sheet.append(values)
        row = sheet.max_row
        for idx, value in enumerate(values):
            if isinstance(value, str):
                cell = sheet.cell(row=row, column=idx + 1)
                # A string cell, never a formula, whatever it starts with.
                cell.data_type = TYPE_STRING
                if idx in text_idx or is_formula_like(value):
                    cell.number_format = "@"
    for idx, width in enumerate(widths or ()):
        sheet.column_dimensions[get_column_letter(idx + 1)].width = width
