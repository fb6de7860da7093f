"""Spreadsheet bombs are refused before anything parses the whole file (issue 9, item 4, the checks)."""

import io
import time
import zipfile

import openpyxl
import pytest

from portal.uploads import Limits, SpreadsheetRefused, check_csv, check_spreadsheet, check_xlsx


def xlsx(rows) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        sheet.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def million_row_bomb() -> bytes:
    """A small XLSX whose sheet XML unpacks to a million rows (deflate compresses the repetition ~1000x)."""
    row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        '2006/main"><sheetData>' + row * 1_000_000 + "</sheetData></worksheet>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return buf.getvalue()


def test_a_normal_roster_passes():
    check_xlsx(xlsx([["nip", "nama"], *[["1" * 18, f"Nama {i}"] for i in range(100)]]))
    check_csv("nip;nama\n" + "".join(f"{'1' * 18};Nama {i}\n" for i in range(100)))


def test_million_row_bomb_is_refused_fast():
    data = million_row_bomb()
    assert len(data) < 300_000
    started = time.perf_counter()
    with pytest.raises(SpreadsheetRefused, match="lebih dari 20.000 baris"):
        check_spreadsheet(data, "bom.xlsx")
    assert time.perf_counter() - started < 5


def test_unpacked_size_is_checked_from_the_zip_directory():
    with pytest.raises(SpreadsheetRefused, match="setelah dibuka"):
        check_xlsx(million_row_bomb(), Limits(max_unpacked_bytes=1024 * 1024))


@pytest.mark.parametrize("make", [lambda: xlsx([["nama"], ["x" * 2_000_000]])])
def test_huge_cell_in_xlsx_is_refused(make):
    with pytest.raises(SpreadsheetRefused, match="lebih dari 1.000 karakter"):
        check_xlsx(make())


def test_huge_cell_and_too_many_rows_in_csv():
    with pytest.raises(SpreadsheetRefused, match="karakter"):
        check_csv("nama\n" + "x" * 5_000 + "\n")
    with pytest.raises(SpreadsheetRefused, match="karakter"):
        check_csv("nama\n" + "x" * 300_000 + "\n")
    with pytest.raises(SpreadsheetRefused, match="baris"):
        check_csv("nama\n" + "a\n" * 20_001)
    check_csv("nama\n" + "a\n" * 20_000)
