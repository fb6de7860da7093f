"""Pure SKM rules (PermenPANRB 14/2017): NRR, IKM with exact weights, the quality band, and the Krejcie–Morgan
sample size. No database access; exact arithmetic (Fraction) so that a band edge is never missed by rounding."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.translation import gettext_lazy as _

SCORE_MIN, SCORE_MAX = 1, 4
IKM_CONVERSION = 25  # the mean of NRRs (1–4) times 25: 25–100

# (number, short name, question, four answers scored 1–4 from left to right): DOMAIN.md §4.
ELEMENTS: tuple[tuple[int, str, str, tuple[str, str, str, str]], ...] = (
    (
        1,
        _("Persyaratan"),
        _("Bagaimana kesesuaian persyaratan pelayanan dengan jenis pelayanan yang Anda terima?"),
        (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    ),
    (
        2,
        _("Sistem, mekanisme, dan prosedur"),
        _("Bagaimana kemudahan prosedur pelayanan di unit ini?"),
        (_("Tidak mudah"), _("Kurang mudah"), _("Mudah"), _("Sangat mudah")),
    ),
    (
        3,
        _("Waktu penyelesaian"),
        _("Bagaimana kecepatan waktu dalam memberikan pelayanan?"),
        (_("Tidak cepat"), _("Kurang cepat"), _("Cepat"), _("Sangat cepat")),
    ),
    (
        4,
        _("Biaya/Tarif"),
        _("Bagaimana kewajaran biaya/tarif dalam pelayanan?"),
        (_("Sangat mahal"), _("Cukup mahal"), _("Murah"), _("Gratis")),
    ),
    (
        5,
        _("Produk spesifikasi jenis pelayanan"),
        _("Bagaimana kesesuaian produk pelayanan dalam standar pelayanan dengan hasil yang diberikan?"),
        (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    ),
    (
        6,
        _("Kompetensi pelaksana"),
        _("Bagaimana kompetensi/kemampuan petugas dalam pelayanan?"),
        (_("Tidak kompeten"), _("Kurang kompeten"), _("Kompeten"), _("Sangat kompeten")),
    ),
    (
        7,
        _("Perilaku pelaksana"),
        _("Bagaimana perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?"),
        (
            _("Tidak sopan dan ramah"),
            _("Kurang sopan dan ramah"),
            _("Sopan dan ramah"),
            _("Sangat sopan dan ramah"),
        ),
    ),
    (
        8,
        _("Penanganan pengaduan, saran dan masukan"),
        _("Bagaimana penanganan pengaduan pengguna layanan?"),
        (_("Tidak ada"), _("Ada tetapi tidak berfungsi"), _("Berfungsi kurang maksimal"), _("Dikelola dengan baik")),
    ),
    (
        9,
        _("Sarana dan prasarana"),
        _("Bagaimana pendapat Anda tentang kualitas sarana dan prasarana?"),
        (_("Buruk"), _("Cukup"), _("Baik"), _("Sangat baik")),
    ),
)
ELEMENT_COUNT = len(ELEMENTS)
ELEMENT_FIELDS = tuple(f"u{n}" for n, *_rest in ELEMENTS)
#: Exact equal weights; agencies that add elements pass their own weights summing to 1.
EQUAL_WEIGHTS = tuple(Fraction(1, ELEMENT_COUNT) for _n in ELEMENTS)

# Half-open lower bounds, highest first; anything below the last is D (the published table has gaps between
# 88.30 and 88.31 etc.: a value in a gap belongs to the lower band).
BANDS = (
    (Decimal("88.31"), "A", _("Sangat Baik")),
    (Decimal("76.61"), "B", _("Baik")),
    (Decimal("65.00"), "C", _("Kurang Baik")),
)
BAND_D = ("D", _("Tidak Baik"))

#: Respondents below which an officer's figures are never shown (nobody can be singled out).
OFFICER_MIN_RESPONSES = 5


def nrr(total_score: int, respondents: int) -> Fraction | None:
    """Nilai rata-rata per element: sum of scores / number of respondents (None when nobody answered)."""
    if respondents <= 0:
        return None
    if total_score < SCORE_MIN * respondents or total_score > SCORE_MAX * respondents:
        raise ValueError("total score out of range for the number of respondents")
    return Fraction(total_score, respondents)


def ikm(nrrs: Sequence[Fraction | int], weights: Sequence[Fraction] | None = None) -> Fraction | None:
    """IKM (converted, 25–100) = Σ NRR·weight × 25; equal exact 1/9 weights by default."""
    if not nrrs or any(v is None for v in nrrs):
        return None
    weights = tuple(weights) if weights is not None else tuple(Fraction(1, len(nrrs)) for _v in nrrs)
    if len(weights) != len(nrrs):
        raise ValueError("one weight per element")
    if sum(weights) != 1:
        raise ValueError("weights must sum to 1")
    return sum((Fraction(v) * w for v, w in zip(nrrs, weights, strict=True)), Fraction(0)) * IKM_CONVERSION


def ikm_from_totals(totals: Sequence[int], respondents: int) -> Fraction | None:
    """IKM straight from the per-element sums of one unit and period."""
    if respondents <= 0:
        return None
    return ikm([nrr(t, respondents) for t in totals])


@dataclass(frozen=True)
class Band:
    letter: str
    label: str


def band(value: Fraction | Decimal | float | None) -> Band | None:
    """The quality band (mutu) of a converted IKM; thresholds are half-open: ≥ 88.31 is A, ≥ 76.61 B, ≥ 65.00 C."""
    if value is None:
        return None
    exact = Fraction(value) if not isinstance(value, float) else Fraction(str(value))
    for threshold, letter, label in BANDS:
        if exact >= Fraction(threshold):
            return Band(letter, label)
    return Band(*BAND_D)


def rounded(value: Fraction | None, places: int = 2) -> Decimal | None:
    """For display: half-up to `places` decimals (the band is always decided on the exact value)."""
    if value is None:
        return None
    quantum = Decimal(1).scaleb(-places)
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(quantum, rounding=ROUND_HALF_UP)


def sample_size(population: int) -> int:
    """Krejcie & Morgan (95 %, 5 %): n = round(3.841·N·0.25 / (0.0025·(N−1) + 3.841·0.25))."""
    if population <= 0:
        return 0
    chi2, p, d = Fraction("3.841"), Fraction(1, 4), Fraction("0.05")
    n = chi2 * population * p / (d * d * (population - 1) + chi2 * p)
    return int((Decimal(n.numerator) / Decimal(n.denominator)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Adequacy:
    required: int
    received: int

    @property
    def enough(self) -> bool:
        return self.received >= self.required

    @property
    def missing(self) -> int:
        return max(0, self.required - self.received)


def sample_adequacy(population: int | None, received: int) -> Adequacy | None:
    """Responses received against the Krejcie–Morgan sample for the population served (None if unknown)."""
    if not population:
        return None
    return Adequacy(sample_size(population), received)


def weakest(nrrs: Sequence[Fraction | None], count: int = 3) -> list[int]:
    """Element numbers (1-based) with the lowest NRR, lowest first; ties keep the element order."""
    scored = [(v, i + 1) for i, v in enumerate(nrrs) if v is not None]
    return [n for _v, n in sorted(scored)[:count]]
