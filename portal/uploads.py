"""Limits on uploaded spreadsheets, checked before anything parses the whole file.

A 144 KB XLSX can unpack to a million rows (minutes of CPU, gigabytes of memory in pandas), a 22 KB one can hold a
20 MB cell. These checks read the ZIP directory (uncompressed sizes) and then stream the sheet XML, stopping at
the first limit passed, so a bomb costs milliseconds; the message says in Indonesian which limit and by how much.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import iterparse

from django.utils.translation import gettext as _

MAX_ROWS = 20_000
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
MAX_CELL_CHARS = 1_000
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


class SpreadsheetRefused(ValueError):
    """The file passes a limit; str(exc) is the message for the user."""


@dataclass(frozen=True)
class Limits:
    max_rows: int = MAX_ROWS
    max_unpacked_bytes: int = MAX_UNPACKED_BYTES
    max_cell_chars: int = MAX_CELL_CHARS


def _too_many_rows(limits: Limits) -> SpreadsheetRefused:
    return SpreadsheetRefused(
        _(
            "Berkas berisi lebih dari %(max)s baris data. Bagi menjadi beberapa berkas, masing-masing paling banyak %(max)s baris."
        )
        % {"max": f"{limits.max_rows:,}".replace(",", ".")}
    )


def _cell_too_long(limits: Limits, where: str = "") -> SpreadsheetRefused:
    return SpreadsheetRefused(
        _(
            "Ada sel yang berisi lebih dari %(max)s karakter%(where)s. Periksa isi berkas; tidak ada kolom data pegawai sepanjang itu."
        )
        % {"max": f"{limits.max_cell_chars:,}".replace(",", "."), "where": where}
    )


def check_xlsx(data: bytes, limits: Limits = Limits()) -> None:
    """Raise SpreadsheetRefused when the workbook passes a limit; otherwise return (the caller then parses it)."""
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
        entries = book.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise SpreadsheetRefused(_("Berkas Excel tidak dapat dibaca (bukan berkas XLSX yang utuh).")) from exc
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > limits.max_unpacked_bytes:
        raise SpreadsheetRefused(
            _(
                "Isi berkas Excel ini %(size)s MB setelah dibuka, melebihi batas %(max)s MB. Simpan hanya lembar data pegawai."
            )
            % {"size": unpacked // (1024 * 1024), "max": limits.max_unpacked_bytes // (1024 * 1024)}
        )
    names = {entry.filename for entry in entries}
    if "xl/sharedStrings.xml" in names:
        with book.open("xl/sharedStrings.xml") as handle:
            for _event, element in iterparse(handle, events=("end",)):
                if element.tag == _NS_MAIN + "si":
                    if len("".join(element.itertext())) > limits.max_cell_chars:
                        raise _cell_too_long(limits)
                    element.clear()
    for name in sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")):
        rows = 0
        with book.open(name) as handle:
            for _event, element in iterparse(handle, events=("end",)):
                tag = element.tag
                if (
                    tag in (_NS_MAIN + "v", _NS_MAIN + "t")
                    and element.text
                    and len(element.text) > limits.max_cell_chars
                ):
                    raise _cell_too_long(limits)
                if tag == _NS_MAIN + "row":
                    rows += 1
                    if rows > limits.max_rows + 1:  # + the header row
                        raise _too_many_rows(limits)
                    element.clear()
        break  # only the first sheet is read


def check_csv(text: str, limits: Limits = Limits()) -> None:
    """The same limits for CSV text, streamed with the csv module (no frame built)."""
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
            if number > limits.max_rows + 1:  # + the header row
                raise _too_many_rows(limits)
            if any(len(field) > limits.max_cell_chars for field in row):
                raise _cell_too_long(limits, _(" (baris %(row)s)") % {"row": number})
    except csv.Error as exc:  # a field past the csv module's own limit (128 KB) is far past ours
        if "field larger than field limit" in str(exc):
            raise _cell_too_long(limits) from exc
        raise SpreadsheetRefused(_("Berkas CSV tidak dapat dibaca (%(err)s).") % {"err": exc}) from exc


def check_spreadsheet(data: bytes, filename: str, limits: Limits = Limits()) -> None:
    if data[:4] == b"PK\x03\x04" or filename.lower().endswith((".xlsx", ".xlsm")):
        check_xlsx(data, limits)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return  # the reader gives its own message about the encoding
        check_csv(text, limits)
