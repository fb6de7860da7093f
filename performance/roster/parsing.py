"""Reading a roster spreadsheet (CSV or XLSX) and checking each row on its own: columns, NIP, jabatan, golongan.

Everything is read as text so that leading zeros survive; a NIP that a spreadsheet turned into a number is
reported, never guessed back. Nothing here reads the database.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

import pandas as pd

from .. import rules

#: The columns of the roster file, in the order of the sample file. The first ones are required.
REQUIRED_COLUMNS: tuple[str, ...] = ("nip", "nama", "jenis_kepegawaian", "jabatan", "jenis_jabatan", "kode_unit")
OPTIONAL_COLUMNS: tuple[str, ...] = ("golongan", "nip_atasan", "email")
ALL_COLUMNS: tuple[str, ...] = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
NIP_COLUMNS = ("nip", "nip_atasan")

SAMPLE_ROWS = [
    {
        "nip": "198503122010011001",
        "nama": "Yakobus Wenda",
        "jenis_kepegawaian": "PNS",
        "jabatan": "Kepala Seksi Pemerintahan",
        "jenis_jabatan": "pengawas",
        "kode_unit": "WLS.PEM",
        "golongan": "III/c",
        "nip_atasan": "",
        "email": "yakobus.wenda@example.org",
    },
    {
        "nip": "199002152022012003",
        "nama": "Maria Lokobal",
        "jenis_kepegawaian": "PPPK",
        "jabatan": "Pengadministrasi Perkantoran",
        "jenis_jabatan": "pelaksana",
        "kode_unit": "WLS.PEM",
        "golongan": "",
        "nip_atasan": "198503122010011001",
        "email": "maria.lokobal@example.org",
    },
]


def sample_csv() -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ALL_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(SAMPLE_ROWS)
    return out.getvalue()


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Problem:
    row: int  # as the user sees it in the spreadsheet: the header is row 1
    column: str
    message: str


@dataclass
class RosterRow:
    row: int
    nip: str
    full_name: str
    employment_type: str
    jabatan: str
    jabatan_kind: str
    golongan: str
    unit_code: str
    supervisor_nip: str
    email: str
    unit_id: int | None = None


class RosterFileError(Exception):
    """The file cannot be read at all (not a spreadsheet, wrong encoding, empty)."""


def _normalise_column(name) -> str:
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN
        return ""
    return str(value).strip()


PARSED_CACHE_SECONDS = 60 * 60


def read_table(data: bytes, filename: str) -> tuple[list[dict[str, str]], list[Problem]]:
    """Rows of the file as dicts of text (normalised column names), and problems of the file as a whole.

    The limits (rows, unpacked size, cell length) are checked before anything parses the whole file, and a file
    is parsed once: the rows are kept by the file's digest, so reloading its preview does not parse it again.
    """
    from django.core.cache import cache

    from portal.uploads import SpreadsheetRefused, check_spreadsheet

    if not data:
        raise RosterFileError(_("Berkas kosong."))
    key = f"roster-parsed:{file_digest(data)}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    try:
        check_spreadsheet(data, filename)
    except SpreadsheetRefused as exc:
        raise RosterFileError(str(exc)) from exc
    parsed = _read_table(data, filename)
    cache.set(key, parsed, PARSED_CACHE_SECONDS)
    return parsed


def _read_table(data: bytes, filename: str) -> tuple[list[dict[str, str]], list[Problem]]:
    is_xlsx = data[:4] == b"PK\x03\x04" or filename.lower().endswith((".xlsx", ".xlsm"))
    problems: list[Problem] = []
    if is_xlsx:
        try:
            frame = pd.read_excel(io.BytesIO(data), dtype=object, engine="openpyxl", keep_default_na=False)
        except Exception as exc:
            raise RosterFileError(
                _("Berkas Excel tidak dapat dibaca (%(err)s).") % {"err": exc.__class__.__name__}
            ) from exc
        frame.columns = [_normalise_column(c) for c in frame.columns]
        # A number cell in Excel holds at most 15 significant digits: an 18-digit NIP stored as a number is damaged.
        for column in NIP_COLUMNS:
            if column in frame.columns:
                for index, value in frame[column].items():
                    if isinstance(value, int | float) and not isinstance(value, bool) and value == value:
                        problems.append(
                            Problem(
                                int(index) + 2,
                                column,
                                _(
                                    "Sel ini berisi angka (%(value)s), bukan teks: Excel menyimpan paling banyak 15 "
                                    "digit sehingga NIP 18 digit rusak. Format kolom sebagai Teks lalu ketik ulang NIP."
                                )
                                % {"value": value},
                            )
                        )
        frame = frame.map(_cell)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise RosterFileError(_("Berkas CSV harus dalam pengodean UTF-8 (simpan sebagai 'CSV UTF-8').")) from exc
        first_line = text.split("\n", 1)[0]
        sep = ";" if first_line.count(";") > first_line.count(",") else ","
        try:
            frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, skip_blank_lines=True)
        except Exception as exc:
            raise RosterFileError(
                _("Berkas CSV tidak dapat dibaca (%(err)s).") % {"err": exc.__class__.__name__}
            ) from exc
        frame.columns = [_normalise_column(c) for c in frame.columns]
        frame = frame.map(_cell)
    records = frame.to_dict("records")
    # Drop rows that are entirely empty (Excel leaves them behind) but keep row numbering.
    rows = [{**r, "__row__": i + 2} for i, r in enumerate(records) if any(v for v in r.values())]
    return rows, problems


def missing_columns(columns) -> list[str]:
    present = {_normalise_column(c) for c in columns}
    return [c for c in REQUIRED_COLUMNS if c not in present]


def column_limits() -> dict[str, int]:
    """The longest value each roster column may hold: the length of the database column it is written to."""
    from django.contrib.auth import get_user_model

    from ..models import Employee, OrgUnit

    employee = Employee._meta
    return {
        "nip": employee.get_field("nip").max_length,
        "nama": employee.get_field("full_name").max_length,
        "jabatan": employee.get_field("jabatan").max_length,
        "kode_unit": OrgUnit._meta.get_field("code").max_length,
        "nip_atasan": employee.get_field("nip").max_length,
        "email": min(employee.get_field("email").max_length, get_user_model()._meta.get_field("email").max_length),
    }


def too_long(raw: dict[str, str], add) -> None:
    """A value longer than its column is a problem row (row, column, limit), never cut short or a 500 on apply."""
    for column, limit in column_limits().items():
        value = raw.get(column, "")
        if len(value) > limit:
            add(
                column,
                _("Isi kolom %(column)s terlalu panjang: %(length)s karakter, paling banyak %(limit)s.")
                % {"column": column, "length": len(value), "limit": limit},
            )


def parse_row(raw: dict[str, str], units: dict[str, int], problems: list[Problem]) -> RosterRow:
    n = raw["__row__"]

    def add(column, message):
        problems.append(Problem(n, column, message))

    employment_type = raw.get("jenis_kepegawaian", "").upper()
    if employment_type not in ("PNS", "PPPK"):
        add(
            "jenis_kepegawaian",
            _("Jenis kepegawaian harus PNS atau PPPK (tertulis '%(v)s').") % {"v": raw.get("jenis_kepegawaian", "")},
        )
    nip = raw.get("nip", "").replace(" ", "")
    if not nip:
        add("nip", _("NIP / NI PPPK wajib diisi."))
    else:
        check = rules.check_identifier(nip, employment_type or "PNS")
        if not check.ok:
            add("nip", check.message)
    full_name = raw.get("nama", "")
    if not full_name:
        add("nama", _("Nama wajib diisi."))
    jabatan = raw.get("jabatan", "")
    if not jabatan:
        add("jabatan", _("Nama jabatan wajib diisi."))
    kind = _normalise_column(raw.get("jenis_jabatan", ""))
    if kind not in rules.JABATAN_KIND_CODES:
        add(
            "jenis_jabatan",
            _("Jenis jabatan '%(v)s' tidak dikenal. Pilihan: %(choices)s.")
            % {"v": raw.get("jenis_jabatan", ""), "choices": ", ".join(sorted(rules.JABATAN_KIND_CODES))},
        )
    unit_code = raw.get("kode_unit", "")
    unit_id = units.get(unit_code)
    if unit_id is None:
        add("kode_unit", _("Kode unit '%(v)s' tidak dikenal.") % {"v": unit_code})
    golongan_raw = raw.get("golongan", "")
    golongan = rules.normalize_golongan(golongan_raw) if golongan_raw else ""
    if golongan:
        if employment_type == "PPPK":
            add(
                "golongan",
                _("PPPK tidak memiliki golongan PNS (tertulis '%(v)s'); kosongkan kolom ini.") % {"v": golongan_raw},
            )
        elif golongan not in rules.GOLONGAN:
            add("golongan", _("Golongan '%(v)s' tidak ada dalam tabel (I/a … IV/e).") % {"v": golongan_raw})
    supervisor_nip = raw.get("nip_atasan", "").replace(" ", "")
    if supervisor_nip and rules.looks_like_excel_number(supervisor_nip):
        add("nip_atasan", _("NIP atasan '%(v)s' telah diubah menjadi angka oleh spreadsheet.") % {"v": supervisor_nip})
    email = raw.get("email", "").lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            add("email", _("Alamat email '%(v)s' tidak sah.") % {"v": email})
    too_long(raw, add)
    return RosterRow(
        row=n,
        nip=nip,
        full_name=full_name,
        employment_type=employment_type,
        jabatan=jabatan,
        jabatan_kind=kind,
        golongan=golongan if employment_type == "PNS" else "",
        unit_code=unit_code,
        supervisor_nip=supervisor_nip,
        email=email,
        unit_id=unit_id,
    )
