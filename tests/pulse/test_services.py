"""Opening, answering and the bad inputs that must store nothing."""

import datetime as dt

from django.core.exceptions import ValidationError

import pytest

from performance.pulse import rules, services
from performance.pulse.models import Pulse, PulseAnswer, PulseParticipation, PulseUnit
from portal import dates

from .conftest import answer, close


def _stored(pulse):
    return PulseParticipation.objects.filter(pulse=pulse).count(), PulseAnswer.objects.filter(pulse=pulse).count()


def test_open_fixes_headcounts_and_stores_small_units_at_their_parent(open_pulse, org):
    rows = {
        pu.unit.code: pu for pu in PulseUnit.objects.filter(pulse=open_pulse).select_related("unit", "storage_unit")
    }
    assert len(rows) == 16 and "LAIN" not in rows
    assert rows["WLS.PEL"].headcount == 15 and rows["WLS.PEL"].storage_unit.code == "WLS.PEL"
    assert rows["WLS.SEK.KEU"].storage_unit.code == "WLS.SEK"  # 3 people: stored as the sekretariat (7)
    assert rows["WLS.K.YAGARA"].storage_unit.code == "WLS"  # 2 people: stored as the distrik
    assert open_pulse.statements == [str(s) for s in rules.DEFAULT_STATEMENTS]
    assert open_pulse.open_question == "Apa yang paling menghambat?"


def test_answer_writes_one_participation_and_one_anonymous_answer(open_pulse, org):
    answer(open_pulse, org["pegawai"], scores=(5, 4, 3, 2, 1), text="  Sinyal lemah  ")
    assert _stored(open_pulse) == (1, 1)
    row = PulseAnswer.objects.get(pulse=open_pulse)
    assert (row.score_1, row.score_5, row.open_answer) == (5, 1, "Sinyal lemah")


@pytest.mark.parametrize(
    "case, message",
    [
        ("second", "sudah menjawab"),
        ("zero", "1 sampai 5"),
        ("six", "1 sampai 5"),
        ("text", "1 sampai 5"),
        ("four_scores", "1 sampai 5"),
        ("closed", "sudah ditutup"),
        ("past", "sudah ditutup"),
        ("not_your_unit", "bukan untuk unit Anda"),
        ("too_long", "paling panjang 1000 karakter"),
    ],
)
def test_bad_input_gets_a_clear_message_and_stores_nothing(open_pulse, org, case, message):
    user, scores, text = org["pegawai"], [4, 4, 4, 4, 4], ""
    if case == "second":
        answer(open_pulse, user)
    before = _stored(open_pulse)
    if case == "zero":
        scores[2] = 0
    elif case == "six":
        scores[0] = 6
    elif case == "text":
        scores[1] = "4"
    elif case == "four_scores":
        scores = scores[:4]
    elif case == "closed":
        close(open_pulse)
    elif case == "past":
        Pulse.objects.filter(pk=open_pulse.pk).update(closes_on=dates.today() - dt.timedelta(days=1))
        open_pulse.refresh_from_db()
    elif case == "not_your_unit":
        user = org["outsider"]
    elif case == "too_long":
        text = "x" * (rules.OPEN_ANSWER_MAX + 1)
    with pytest.raises(ValidationError) as exc:
        services.pulse_answer(pulse=open_pulse, user=user, scores=scores, open_answer=text)
    assert message in " ".join(exc.value.messages)
    assert _stored(open_pulse) == before


def test_a_pulse_for_another_unit_refuses_its_neighbours(org):
    today = dates.today()
    pulse = services.pulse_open(
        opened_by=None, title="Hanya PMK", opens_on=today, closes_on=today, units=[org["units"]["WLS.PMK"]]
    )
    with pytest.raises(ValidationError, match="bukan untuk unit Anda"):
        answer(pulse, org["pegawai"])  # pegawai works in Seksi Pelayanan Umum
    answer(pulse, org["users"]["pegawai2@walesi.test"])
    assert _stored(pulse) == (1, 1)


def test_open_needs_five_filled_statements(org):
    today = dates.today()
    with pytest.raises(ValidationError, match="lima pernyataan"):
        services.pulse_open(
            opened_by=None, title="X", opens_on=today, closes_on=today, units=[org["units"]["WLS"]],
            statements=["a", "b", "c", "d", " "],
        )  # fmt: skip
    assert not Pulse.objects.filter(title="X").exists()
