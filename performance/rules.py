"""Pure domain rules of performance management (PermenPANRB 6/2022, BKN codes, NIP / NI PPPK); no database.

Every message a person may read is Indonesian, through gettext.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import IntEnum

from django.utils.translation import gettext_lazy as _


class Rating(IntEnum):
    """Expectation rating; the values are BKN's codes (SIASN / e-Kinerja)."""

    DI_ATAS = 1
    SESUAI = 2
    DI_BAWAH = 3


RATING_LABELS = {
    Rating.DI_ATAS: _("Di atas ekspektasi"),
    Rating.SESUAI: _("Sesuai ekspektasi"),
    Rating.DI_BAWAH: _("Di bawah ekspektasi"),
}
RATING_CHOICES = [(int(r), RATING_LABELS[r]) for r in Rating]


class Predikat(IntEnum):
    """Predikat kinerja; the values are BKN's kuadran codes."""

    SANGAT_BAIK = 1
    BAIK = 2
    BUTUH_PERBAIKAN = 3
    KURANG = 4
    SANGAT_KURANG = 5


PREDIKAT_LABELS = {
    Predikat.SANGAT_BAIK: _("Sangat Baik"),
    Predikat.BAIK: _("Baik"),
    Predikat.BUTUH_PERBAIKAN: _("Butuh Perbaikan"),
    Predikat.KURANG: _("Kurang/Misconduct"),
    Predikat.SANGAT_KURANG: _("Sangat Kurang"),
}
PREDIKAT_CHOICES = [(int(p), PREDIKAT_LABELS[p]) for p in Predikat]
#: CSS badge tone per predikat (classes of portal.css).
PREDIKAT_TONE = {
    Predikat.SANGAT_BAIK: "ok",
    Predikat.BAIK: "ok",
    Predikat.BUTUH_PERBAIKAN: "warn",
    Predikat.KURANG: "bad",
    Predikat.SANGAT_KURANG: "bad",
}

# Rows: hasil kerja; columns: perilaku kerja (DOMAIN.md 3). Deliberately not symmetric.
PREDIKAT_MATRIX: dict[tuple[Rating, Rating], Predikat] = {
    (Rating.DI_ATAS, Rating.DI_BAWAH): Predikat.KURANG,
    (Rating.DI_ATAS, Rating.SESUAI): Predikat.BAIK,
    (Rating.DI_ATAS, Rating.DI_ATAS): Predikat.SANGAT_BAIK,
    (Rating.SESUAI, Rating.DI_BAWAH): Predikat.KURANG,
    (Rating.SESUAI, Rating.SESUAI): Predikat.BAIK,
    (Rating.SESUAI, Rating.DI_ATAS): Predikat.BAIK,
    (Rating.DI_BAWAH, Rating.DI_BAWAH): Predikat.SANGAT_KURANG,
    (Rating.DI_BAWAH, Rating.SESUAI): Predikat.BUTUH_PERBAIKAN,
    (Rating.DI_BAWAH, Rating.DI_ATAS): Predikat.BUTUH_PERBAIKAN,
}


def predikat(hasil: int, perilaku: int) -> Predikat:
    """Predikat kinerja from the hasil kerja and perilaku kerja ratings (BKN codes 1–3)."""
    return PREDIKAT_MATRIX[(Rating(hasil), Rating(perilaku))]


COMPETENCY_MIN, COMPETENCY_MAX = 1, 5

# --- Golongan / pangkat (PNS only) ------------------------------------------------------------------------

GOLONGAN: dict[str, str] = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tk I",
    "I/c": "Juru",
    "I/d": "Juru Tk I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tk I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tk I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tk I",
    "III/c": "Penata",
    "III/d": "Penata Tk I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tk I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
GOLONGAN_CHOICES = [(code, f"{code} – {name}") for code, name in GOLONGAN.items()]


def normalize_golongan(value: str) -> str:
    """'iii/a', 'III / A' → 'III/a'; unknown values are returned stripped for the error message."""
    raw = re.sub(r"\s+", "", value or "")
    if "/" not in raw:
        return raw
    left, right = raw.split("/", 1)
    candidate = f"{left.upper()}/{right.lower()}"
    return candidate if candidate in GOLONGAN else raw


def pangkat(golongan: str) -> str:
    return GOLONGAN.get(golongan, "")


# --- Jabatan kinds (DOMAIN.md 6) -----------------------------------------------------------------------------

JABATAN_KINDS: list[tuple[str, str]] = [
    ("jpt_utama", _("JPT Utama")),
    ("jpt_madya", _("JPT Madya")),
    ("jpt_pratama", _("JPT Pratama")),
    ("administrator", _("Administrator")),
    ("pengawas", _("Pengawas")),
    ("fungsional_keahlian", _("Fungsional keahlian (Ahli Pertama–Utama)")),
    ("fungsional_keterampilan", _("Fungsional keterampilan (Pemula–Penyelia)")),
    ("pelaksana", _("Pelaksana")),
]
JABATAN_KIND_CODES = frozenset(code for code, _label in JABATAN_KINDS)
MANAGERIAL_KINDS = frozenset({"jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas"})

# --- NIP and NI PPPK ------------------------------------------------------------------------------------

MIN_AGE_AT_TMT = 18


@dataclass(frozen=True)
class NipCheck:
    ok: bool
    message: str = ""


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _age_on(birth: dt.date, when: dt.date) -> int:
    return when.year - birth.year - ((when.month, when.day) < (birth.month, birth.day))


def looks_like_excel_number(value: str) -> bool:
    """'1.98503E+17' or '198503122010012000.0': a spreadsheet turned the NIP into a number and lost digits."""
    return bool(re.fullmatch(r"\d+(\.\d+)?[eE][+-]?\d+|\d+\.\d+", (value or "").strip()))


def _shape(value: str, label: str) -> str | None:
    if looks_like_excel_number(value):
        return str(
            _(
                "%(label)s '%(value)s' telah diubah menjadi angka oleh spreadsheet (digit hilang). "
                "Format kolom sebagai Teks lalu ketik ulang."
            )
            % {"label": label, "value": value}
        )
    if len(value) != 18:
        return str(_("%(label)s harus 18 digit (tertulis %(n)s karakter).") % {"label": label, "n": len(value)})
    if not value.isascii() or not value.isdigit():
        return str(_("%(label)s hanya boleh berisi angka.") % {"label": label})
    return None


def check_nip(value: str) -> NipCheck:
    """Validate a PNS NIP: birth date, TMT CPNS (YYYYMM), gender 1/2, sequence 001–999; no check digit."""
    value = (value or "").strip()
    problem = _shape(value, "NIP")
    if problem:
        return NipCheck(False, problem)
    birth = _date(int(value[0:4]), int(value[4:6]), int(value[6:8]))
    if birth is None:
        return NipCheck(False, str(_("Tanggal lahir pada NIP (%(d)s) bukan tanggal yang ada.") % {"d": value[0:8]}))
    tmt_year, tmt_month = int(value[8:12]), int(value[12:14])
    if not 1 <= tmt_month <= 12 or tmt_year < 1900:
        return NipCheck(False, str(_("TMT CPNS pada NIP (%(d)s) bukan bulan yang ada.") % {"d": value[8:14]}))
    tmt = dt.date(tmt_year, tmt_month, 1)
    if tmt <= birth:
        return NipCheck(False, str(_("TMT CPNS pada NIP jatuh sebelum tanggal lahir.")))
    # TMT is a month: the person must be 18 by the end of it at the latest; use its first day (stricter).
    if _age_on(birth, tmt) < MIN_AGE_AT_TMT:
        return NipCheck(
            False, str(_("Usia pada TMT CPNS kurang dari %(n)s tahun: NIP tidak masuk akal.") % {"n": MIN_AGE_AT_TMT})
        )
    if value[14] not in "12":
        return NipCheck(False, str(_("Digit jenis kelamin pada NIP harus 1 (pria) atau 2 (wanita).")))
    if value[15:18] == "000":
        return NipCheck(False, str(_("Nomor urut pada NIP harus 001–999.")))
    return NipCheck(True)


def check_ni_pppk(value: str) -> NipCheck:
    """Validate an NI PPPK: 18 digits, a real birth date, gender digit 1/2 (the rest only by shape)."""
    value = (value or "").strip()
    problem = _shape(value, "NI PPPK")
    if problem:
        return NipCheck(False, problem)
    if _date(int(value[0:4]), int(value[4:6]), int(value[6:8])) is None:
        return NipCheck(False, str(_("Tanggal lahir pada NI PPPK (%(d)s) bukan tanggal yang ada.") % {"d": value[0:8]}))
    if value[14] not in "12":
        return NipCheck(False, str(_("Digit jenis kelamin pada NI PPPK harus 1 (pria) atau 2 (wanita).")))
    return NipCheck(True)


def check_identifier(value: str, employment_type: str) -> NipCheck:
    return check_ni_pppk(value) if employment_type == "PPPK" else check_nip(value)


def make_nip(birth: dt.date, tmt_year: int, tmt_month: int, gender: int, sequence: int) -> str:
    """Build a NIP from its parts (demo and scale data)."""
    return f"{birth:%Y%m%d}{tmt_year:04d}{tmt_month:02d}{gender}{sequence:03d}"


def make_ni_pppk(birth: dt.date, year: int, code: int, gender: int, sequence: int) -> str:
    return f"{birth:%Y%m%d}{year:04d}{code:02d}{gender}{sequence:03d}"


# --- Organisation-level distribution flag (DOMAIN.md 3; a flag for leadership, not a block) --------------


def distribution_flags(counts: dict[int, int], organisation_predikat: int | None = None) -> list[str]:
    """Indonesian warnings when the spread of predikat breaks the rule for the organisation's own predikat.

    Without the organisation's predikat the rule of an organisation rated *Baik* is used (the common case).
    """
    total = sum(counts.values())
    if not total:
        return []
    share = {p: counts.get(int(p), 0) / total for p in Predikat}
    org = Predikat(organisation_predikat) if organisation_predikat else Predikat.BAIK
    flags: list[str] = []
    sb, b, bp, k, sk = (
        share[Predikat.SANGAT_BAIK],
        share[Predikat.BAIK],
        share[Predikat.BUTUH_PERBAIKAN],
        share[Predikat.KURANG],
        share[Predikat.SANGAT_KURANG],
    )

    def pct(x: float) -> str:
        return f"{round(x * 100)}%"

    if org == Predikat.SANGAT_BAIK and sb > 0.70:
        flags.append(str(_("Sangat Baik %(p)s melebihi batas 70%%.") % {"p": pct(sb)}))
    if org == Predikat.BAIK:
        if b > 0.70:
            flags.append(str(_("Baik %(p)s melebihi batas 70%%.") % {"p": pct(b)}))
        if bp + k + sk == 0:
            flags.append(str(_("Tidak ada pegawai dengan predikat Butuh Perbaikan/Kurang.")))
    if org == Predikat.BUTUH_PERBAIKAN:
        if bp < 0.60:
            flags.append(str(_("Butuh Perbaikan %(p)s kurang dari 60%%.") % {"p": pct(bp)}))
        if sb > 0.10:
            flags.append(str(_("Sangat Baik %(p)s melebihi batas 10%%.") % {"p": pct(sb)}))
    if org == Predikat.KURANG:
        if k < 0.60:
            flags.append(str(_("Kurang %(p)s kurang dari 60%%.") % {"p": pct(k)}))
        if bp < 0.10:
            flags.append(str(_("Butuh Perbaikan %(p)s kurang dari 10%%.") % {"p": pct(bp)}))
        if sb > 0.10:
            flags.append(str(_("Sangat Baik %(p)s melebihi batas 10%%.") % {"p": pct(sb)}))
    if org == Predikat.SANGAT_KURANG:
        if sk < 0.60:
            flags.append(str(_("Sangat Kurang %(p)s kurang dari 60%%.") % {"p": pct(sk)}))
        if sb > 0:
            flags.append(str(_("Tidak boleh ada Sangat Baik (tertulis %(p)s).") % {"p": pct(sb)}))
    return flags


# --- Performance periods ---------------------------------------------------------------------------------

PERIOD_YEARS = (2000, 2100)
QUARTER_OF_KIND = {"TRIWULAN_I": 1, "TRIWULAN_II": 2, "TRIWULAN_III": 3, "TRIWULAN_IV": 4}


def _dmy(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def period_bounds(year: int, kind: str) -> tuple[dt.date, dt.date]:
    """The days a period of this kind and year may cover: its quarter, or the whole year for TAHUNAN."""
    quarter = QUARTER_OF_KIND.get(kind)
    if quarter is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    start = dt.date(year, 3 * quarter - 2, 1)
    end = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return start, end - dt.timedelta(days=1)


def period_problems(*, year: int, kind: str, start: dt.date, end: dt.date, kind_label: str = "") -> dict[str, str]:
    """What is wrong with a period's year and dates, per field, in words (empty when nothing is)."""
    problems: dict[str, str] = {}
    low, high = PERIOD_YEARS
    if not low <= year <= high:
        problems["year"] = str(_("Tahun periode harus antara %(low)s dan %(high)s.") % {"low": low, "high": high})
        return problems
    if end < start:
        problems["end_date"] = str(_("Tanggal selesai harus sama dengan atau sesudah tanggal mulai."))
        return problems
    first, last = period_bounds(year, kind)
    if start < first or end > last:
        problems["start_date" if start < first else "end_date"] = str(
            _("%(period)s %(year)s harus berada di antara %(first)s dan %(last)s.")
            % {"period": kind_label or kind, "year": year, "first": _dmy(first), "last": _dmy(last)}
        )
    return problems
