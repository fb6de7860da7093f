import io
from decimal import Decimal

import pandas as pd
import pytest

from learning.export import EXPORT_COLUMNS, write_export

ROWS = [
    {
        "NIP": "198503122010012001",
        "Nama": "Yosina Wenda",
        "Unit": "Distrik Walesi",
        "Kursus": "Standar Kinerja",
        "JP": Decimal("4.50"),
        "Tanggal selesai": "28 November 2026",
        "Nilai": Decimal("90.00"),
    },
    {
        "NIP": "",
        "Nama": "Markus Lokobal",
        "Unit": "",
        "Kursus": "Pelayanan Publik",
        "JP": Decimal("2"),
        "Tanggal selesai": "1 Januari 2026",
        "Nilai": None,
    },
]


def test_csv_columns_and_rows():
    buf = io.BytesIO()
    assert write_export(ROWS, "csv", buf) == 2
    frame = pd.read_csv(io.BytesIO(buf.getvalue()), encoding="utf-8-sig", dtype={"NIP": str})
    assert list(frame.columns) == EXPORT_COLUMNS
    assert frame.loc[0, "NIP"] == "198503122010012001"
    assert frame.loc[1, "Nama"] == "Markus Lokobal"


def test_xlsx_keeps_nip_as_text():
    buf = io.BytesIO()
    write_export(ROWS, "xlsx", buf)
    frame = pd.read_excel(io.BytesIO(buf.getvalue()), dtype={"NIP": str})
    assert list(frame.columns) == EXPORT_COLUMNS
    assert frame.loc[0, "NIP"] == "198503122010012001"
    assert float(frame.loc[0, "JP"]) == 4.5
    assert len(frame) == 2


def test_unknown_format_refused():
    with pytest.raises(ValueError):
        write_export(ROWS, "pdf", io.BytesIO())
