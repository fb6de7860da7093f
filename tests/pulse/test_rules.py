"""Reporting thresholds, folding and the differencing guard, as tables of cases (pure functions)."""

import pytest

from performance.pulse import rules
from performance.pulse.rules import Visibility as V

# A distrik (1) with a sekretariat (2, with subbagian 4 and 5) and two seksi (3, 6).
TREE = {1: None, 2: 1, 3: 1, 4: 2, 5: 2, 6: 1}


@pytest.mark.parametrize(
    "counts, expected",
    [
        # every group large enough, no residual below 5: all shown
        ({1: 5, 2: 5, 3: 5, 6: 5}, {1: V.SHOWN, 2: V.SHOWN, 3: V.SHOWN, 6: V.SHOWN}),
        # a seksi with 4 answers folds into the distrik; the distrik's residual (own 5 + 4) is >= 5
        ({1: 5, 2: 5, 3: 4, 6: 5}, {1: V.SHOWN, 2: V.SHOWN, 3: V.TOO_FEW, 6: V.SHOWN}),
        # nobody at all
        ({}, {1: V.TOO_FEW, 2: V.TOO_FEW, 3: V.TOO_FEW, 6: V.TOO_FEW}),
        # the whole distrik has 4 answers: nothing shown anywhere
        ({3: 4}, {1: V.TOO_FEW, 3: V.TOO_FEW}),
        # subbagian 4 and 5 too small on their own, the sekretariat shown from their sum
        ({4: 3, 5: 3, 3: 5, 6: 5}, {2: V.SHOWN, 4: V.TOO_FEW, 5: V.TOO_FEW, 1: V.SHOWN}),
    ],
)
def test_threshold_and_folding(counts, expected):
    decisions = rules.report_groups(TREE, counts)
    for unit, visibility in expected.items():
        assert decisions[unit].visibility == visibility, unit


@pytest.mark.parametrize(
    "tree, counts, suppressed, shown",
    [
        # THE differencing case: parent 9 shown, sibling 6 shown -> the other child's 3 would be 9 - 6.
        ({1: None, 2: 1, 3: 1}, {2: 6, 3: 3}, {2}, {1}),
        # the parent's own staff are the small part: 5 + 6 + own 2 -> suppress the smaller child (5)
        ({1: None, 2: 1, 3: 1}, {1: 2, 2: 5, 3: 6}, {2}, {1, 3}),
        # residual exactly 0: nothing to hide, all shown
        ({1: None, 2: 1, 3: 1}, {2: 6, 3: 5}, set(), {1, 2, 3}),
        # residual 5 or more: nothing to hide
        ({1: None, 2: 1, 3: 1}, {2: 6, 3: 5, 1: 5}, set(), {1, 2, 3}),
        # two levels: the grandchild split is safe, but the distrik minus sekretariat leaves 2 -> hide the smallest
        ({1: None, 2: 1, 4: 2, 5: 2, 3: 1}, {4: 5, 5: 5, 3: 2}, {2, 4}, {1, 5}),
    ],
)
def test_differencing_is_suppressed(tree, counts, suppressed, shown):
    decisions = rules.report_groups(tree, counts)
    assert {u for u, d in decisions.items() if d.visibility == V.SUPPRESSED} == suppressed
    assert {u for u, d in decisions.items() if d.shown} == shown
    # whatever is shown, no shown group minus its shown subgroups leaves between 1 and 4 answers
    n = rules.subtree_totals(tree, counts)
    for unit, d in decisions.items():
        if d.shown:
            kids = [c for c, p in tree.items() if p == unit and decisions[c].shown]
            residual = n[unit] - sum(n[k] for k in kids)
            assert residual == 0 or residual >= rules.MIN_SCORES


def test_last_case_keeps_one_grandchild_and_hides_its_sibling():
    tree = {1: None, 2: 1, 4: 2, 5: 2, 3: 1}
    decisions = rules.report_groups(tree, {4: 5, 5: 5, 3: 2})
    # distrik 12 shown; sekretariat (10) hidden, then one subbagian too, so 12 - 5 leaves 7 (>= 5)
    assert decisions[1].shown and not decisions[2].shown
    assert sorted(u for u in (4, 5) if decisions[u].shown) == [5]


@pytest.mark.parametrize(
    "counts, minimum, shown",
    [
        ({1: 9}, rules.MIN_OPEN, set()),  # 9 answers: scores yes, open answers no
        ({1: 10}, rules.MIN_OPEN, {1}),
        # 14 - 10 = 4 < 10: showing both would leak the 4 people's comments; the larger group stays
        ({2: 10, 3: 4}, rules.MIN_OPEN, {1}),
    ],
)
def test_open_answer_threshold(counts, minimum, shown):
    decisions = rules.report_groups({1: None, 2: 1, 3: 1}, counts, minimum)
    assert {u for u, d in decisions.items() if d.shown} == shown


@pytest.mark.parametrize(
    "headcounts, expected",
    [
        ({1: 1, 2: 1, 4: 3, 5: 3, 3: 5, 6: 4}, {4: 2, 5: 2, 2: 2, 3: 3, 6: 1, 1: 1}),
        ({1: 0, 2: 0, 4: 2, 5: 2, 3: 0, 6: 0}, {4: 1, 5: 1, 2: 1, 3: 1, 6: 1, 1: 1}),  # all fold to the top
        ({1: 0, 2: 0, 4: 5, 5: 5, 3: 9, 6: 5}, {4: 4, 5: 5, 2: 2, 3: 3, 6: 6, 1: 1}),  # all big enough
    ],
)
def test_storage_units_never_name_fewer_than_five_people(headcounts, expected):
    assert rules.storage_units(TREE, headcounts) == expected


@pytest.mark.parametrize(
    "value, ok",
    [(1, True), (5, True), (0, False), (6, False), ("3", False), (True, False), (3.0, False), (None, False)],
)
def test_valid_score(value, ok):
    assert rules.valid_score(value) is ok


@pytest.mark.parametrize(
    "counts, mean",
    [({1: 1, 5: 1}, 3.0), ({4: 3}, 4.0), ({}, None), ({2: 1, 3: 2, 4: 1}, 3.0)],
)
def test_distribution(counts, mean):
    d = rules.distribution(counts)
    assert d["mean"] == mean
    if counts:
        assert sum(d["shares"].values()) == pytest.approx(1.0)


@pytest.mark.parametrize(
    "answers, headcount, rate", [(3, 6, 0.5), (4, 4, None), (7, 5, 1.0), (0, 10, 0.0), (0, 0, None)]
)
def test_response_rate_only_for_units_of_five(answers, headcount, rate):
    assert rules.response_rate(answers, headcount) == rate


def test_default_statements_are_five_plain_indonesian_sentences():
    from django.utils import translation

    with translation.override("id"):
        assert len(rules.DEFAULT_STATEMENTS) == rules.STATEMENT_COUNT == 5
        assert all(str(s).startswith(("Saya", "Standar", "Atasan", "Unit")) for s in rules.DEFAULT_STATEMENTS)
        assert str(rules.DEFAULT_OPEN_QUESTION) == "Apa yang paling menghambat?"
