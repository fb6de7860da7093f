"""SKM rules against DOMAIN.md §4 and worked examples: NRR, IKM with exact 1/9 weights, band edges, sample size."""

from decimal import Decimal
from fractions import Fraction

import pytest

from performance.survey import rules


@pytest.mark.parametrize(
    "total,respondents,expected",
    [
        (30, 10, Fraction(3)),
        (34, 10, Fraction(17, 5)),
        (1, 1, Fraction(1)),
        (4, 1, Fraction(4)),
        (7, 3, Fraction(7, 3)),  # 2.333…, never rounded before the IKM
        (0, 0, None),
    ],
)
def test_nrr(total, respondents, expected):
    assert rules.nrr(total, respondents) == expected


@pytest.mark.parametrize("total,respondents", [(9, 10), (41, 10), (5, 1)])
def test_nrr_rejects_impossible_totals(total, respondents):
    with pytest.raises(ValueError):
        rules.nrr(total, respondents)


# (per-element totals, respondents, IKM converted exactly, rounded, band letter)
IKM_CASES = [
    ([40] * 9, 10, Fraction(100), Decimal("100.00"), "A"),
    ([10] * 9, 10, Fraction(25), Decimal("25.00"), "D"),
    ([30] * 9, 10, Fraction(75), Decimal("75.00"), "C"),  # "Baik" answers everywhere is only C
    # A worked example: NRR 3.2, 3.1, 2.8, 3.6, 3.2, 3.4, 3.5, 2.6, 3.0 → mean 3.1555… → IKM 78.888…
    ([32, 31, 28, 36, 32, 34, 35, 26, 30], 10, Fraction(710, 9), Decimal("78.89"), "B"),
    # Exact ninths: 3 elements at 4, 6 at 3 → mean 10/3 → 83.333…
    ([4, 4, 4, 3, 3, 3, 3, 3, 3], 1, Fraction(250, 3), Decimal("83.33"), "B"),
    # 7 respondents, sums chosen so that IKM = 25 × 187/63 = 74.206…
    ([21, 21, 21, 21, 21, 21, 21, 20, 20], 7, Fraction(4675, 63), Decimal("74.21"), "C"),
]


@pytest.mark.parametrize("totals,respondents,exact,shown,letter", IKM_CASES)
def test_ikm_from_totals(totals, respondents, exact, shown, letter):
    value = rules.ikm_from_totals(totals, respondents)
    assert value == exact
    assert rules.rounded(value) == shown
    assert rules.band(value).letter == letter


def test_ikm_uses_exact_ninths_and_weights_must_sum_to_one():
    assert rules.EQUAL_WEIGHTS[0] == Fraction(1, 9)
    assert sum(rules.EQUAL_WEIGHTS) == 1
    assert rules.ikm([Fraction(3)] * 9) == 75
    # An agency with ten elements and its own weights
    assert rules.ikm([4] * 10, [Fraction(1, 10)] * 10) == 100
    with pytest.raises(ValueError):
        rules.ikm([3] * 9, [Fraction(1, 10)] * 9)
    assert rules.ikm([]) is None
    assert rules.ikm_from_totals([0] * 9, 0) is None


@pytest.mark.parametrize(
    "value,letter,label",
    [
        (Decimal("100"), "A", "Sangat Baik"),
        (Decimal("88.31"), "A", "Sangat Baik"),
        (Decimal("88.309"), "B", "Baik"),  # the gap between 88.30 and 88.31 belongs to B
        (Decimal("88.30"), "B", "Baik"),
        (Decimal("76.61"), "B", "Baik"),
        (Decimal("76.605"), "C", "Kurang Baik"),  # gap between 76.60 and 76.61
        (Decimal("76.60"), "C", "Kurang Baik"),
        (Decimal("65.00"), "C", "Kurang Baik"),
        (Decimal("64.999"), "D", "Tidak Baik"),  # gap between 64.99 and 65.00
        (Decimal("64.99"), "D", "Tidak Baik"),
        (Decimal("25"), "D", "Tidak Baik"),
        (Fraction(8831, 100), "A", "Sangat Baik"),
        (Fraction(8831, 100) - Fraction(1, 10**9), "B", "Baik"),  # exact: a hair below the edge is never A
        (Fraction(250, 3), "B", "Baik"),
    ],
)
def test_band_thresholds_are_half_open(value, letter, label):
    result = rules.band(value)
    assert (result.letter, str(result.label)) == (letter, label)


def test_band_of_nothing_is_nothing():
    assert rules.band(None) is None


@pytest.mark.parametrize(
    "population,n",
    [(100, 80), (1000, 278), (10000, 370), (1, 1), (10, 10), (50, 44), (500, 217), (100_000, 383), (0, 0)],
)
def test_krejcie_morgan(population, n):
    assert rules.sample_size(population) == n


@pytest.mark.parametrize(
    "population,received,enough,missing",
    [(1000, 278, True, 0), (1000, 277, False, 1), (1000, 30, False, 248), (100, 120, True, 0)],
)
def test_sample_adequacy(population, received, enough, missing):
    adequacy = rules.sample_adequacy(population, received)
    assert (adequacy.enough, adequacy.missing) == (enough, missing)


def test_sample_adequacy_unknown_population():
    assert rules.sample_adequacy(None, 10) is None


def test_weakest_elements_lowest_first_ties_in_order():
    nrrs = [
        Fraction(3),
        Fraction(2),
        Fraction(3),
        Fraction(2),
        Fraction(4),
        None,
        Fraction(1),
        Fraction(3),
        Fraction(3),
    ]
    assert rules.weakest(nrrs, 3) == [7, 2, 4]


def test_questionnaire_has_nine_elements_in_order_with_four_answers():
    assert [n for n, *_ in rules.ELEMENTS] == list(range(1, 10))
    assert str(rules.ELEMENTS[3][1]) == "Biaya/Tarif"
    assert [str(a) for a in rules.ELEMENTS[3][3]] == ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"]
    assert [str(a) for a in rules.ELEMENTS[7][3]] == [
        "Tidak ada",
        "Ada tetapi tidak berfungsi",
        "Berfungsi kurang maksimal",
        "Dikelola dengan baik",
    ]
    assert all(len(answers) == 4 for *_x, answers in rules.ELEMENTS)
