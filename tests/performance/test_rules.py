import datetime as dt

import pytest

from performance import rules
from performance.rules import Predikat, Rating

A, S, B = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH


@pytest.mark.parametrize(
    ("hasil", "perilaku", "expected"),
    [
        (A, B, Predikat.KURANG),
        (A, S, Predikat.BAIK),
        (A, A, Predikat.SANGAT_BAIK),
        (S, B, Predikat.KURANG),
        (S, S, Predikat.BAIK),
        (S, A, Predikat.BAIK),
        (B, B, Predikat.SANGAT_KURANG),
        (B, S, Predikat.BUTUH_PERBAIKAN),
        (B, A, Predikat.BUTUH_PERBAIKAN),
    ],
)
def test_predikat_matrix(hasil, perilaku, expected):
    assert rules.predikat(hasil, perilaku) == expected
    assert rules.predikat(int(hasil), int(perilaku)) == expected


def test_matrix_is_not_symmetric():
    assert rules.predikat(A, B) == Predikat.KURANG
    assert rules.predikat(B, A) == Predikat.BUTUH_PERBAIKAN


def test_bkn_codes():
    assert [int(r) for r in (A, S, B)] == [1, 2, 3]
    assert [int(p) for p in Predikat] == [1, 2, 3, 4, 5]
    assert str(rules.PREDIKAT_LABELS[Predikat.SANGAT_BAIK]) == "Sangat Baik"
    assert str(rules.PREDIKAT_LABELS[Predikat.SANGAT_KURANG]) == "Sangat Kurang"


def test_unknown_rating_is_rejected():
    with pytest.raises(ValueError):
        rules.predikat(0, 2)


VALID_NIP = "198503122010011001"  # born 12 Mar 1985, TMT CPNS Jan 2010, male, 001


@pytest.mark.parametrize(
    "nip",
    [
        VALID_NIP,
        "197001012000122999",  # female, last sequence
        "200002292022031001",  # 29 February in a leap year, TMT at 22
        "198503122003041001",  # TMT (1 April 2003) just after the 18th birthday
    ],
)
def test_valid_nip(nip):
    assert rules.check_nip(nip).ok, rules.check_nip(nip).message


@pytest.mark.parametrize(
    ("nip", "fragment"),
    [
        ("19850312201001100", "18 digit"),  # 17 digits
        ("1985031220100110011", "18 digit"),  # 19 digits
        ("19850312201001100A", "angka"),  # a letter
        ("198503122010 11001", "angka"),  # a space inside
        ("198502302010011001", "Tanggal lahir"),  # 30 February
        ("198513122010011001", "Tanggal lahir"),  # month 13
        ("198503122010131001", "TMT"),  # TMT month 13
        ("198503121980011001", "sebelum tanggal lahir"),  # TMT before birth
        ("198503122000011001", "kurang dari 18"),  # 14 years old at TMT
        ("198503122003031001", "kurang dari 18"),  # TMT 1 March 2003: 17, eleven days short
        ("198503122010013001", "jenis kelamin"),  # gender digit 3
        ("198503122010010001", "jenis kelamin"),  # gender digit 0
        ("198503122010011000", "urut"),  # sequence 000
        ("1.98503E+17", "angka oleh spreadsheet"),
        ("", "18 digit"),
    ],
)
def test_invalid_nip(nip, fragment):
    check = rules.check_nip(nip)
    assert not check.ok
    assert fragment in check.message


@pytest.mark.parametrize("value", ["199002152022012003", "198001012021991001", "200002292023002999"])
def test_valid_ni_pppk(value):
    assert rules.check_ni_pppk(value).ok


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("19900215202201200", "18 digit"),
        ("19900215202201200X", "angka"),
        ("199002302022012003", "Tanggal lahir"),  # 30 February
        ("199002152022013003", "jenis kelamin"),
    ],
)
def test_invalid_ni_pppk(value, fragment):
    check = rules.check_ni_pppk(value)
    assert not check.ok and fragment in check.message


def test_make_nip_round_trip():
    nip = rules.make_nip(dt.date(1990, 5, 17), 2015, 3, 2, 42)
    assert nip == "199005172015032042"
    assert rules.check_nip(nip).ok


def test_golongan_table():
    assert len(rules.GOLONGAN) == 17
    assert rules.pangkat("III/a") == "Penata Muda"
    assert rules.pangkat("IV/e") == "Pembina Utama"
    assert rules.pangkat("I/b") == "Juru Muda Tk I"
    assert rules.normalize_golongan("iii/a") == "III/a"
    assert rules.normalize_golongan(" IV / B ") == "IV/b"
    assert rules.normalize_golongan("V/a") == "V/a"  # unknown stays as written, for the message


@pytest.mark.django_db
def test_berakhlak_has_seven_values():
    """One source: the CoreValue snippets seeded by home's migration, read through home's selectors."""
    from home.selectors import core_value_choices

    assert core_value_choices()[0] == ("berorientasi-pelayanan", "Berorientasi Pelayanan")
    assert [name for _c, name in core_value_choices()] == [
        "Berorientasi Pelayanan",
        "Akuntabel",
        "Kompeten",
        "Harmonis",
        "Loyal",
        "Adaptif",
        "Kolaboratif",
    ]


@pytest.mark.parametrize(
    ("counts", "org", "expected_fragments"),
    [
        ({1: 1, 2: 6, 3: 2, 4: 1}, None, []),
        ({1: 1, 2: 9}, None, ["Baik 90%", "Tidak ada pegawai"]),
        ({1: 8, 2: 2}, Predikat.SANGAT_BAIK, ["Sangat Baik 80%"]),
        ({3: 5, 1: 5}, Predikat.BUTUH_PERBAIKAN, ["Butuh Perbaikan 50%", "Sangat Baik 50%"]),
        ({5: 6, 4: 4}, Predikat.SANGAT_KURANG, []),
        ({5: 5, 1: 1, 2: 4}, Predikat.SANGAT_KURANG, ["Sangat Kurang 50%", "Tidak boleh ada Sangat Baik"]),
    ],
)
def test_distribution_flags(counts, org, expected_fragments):
    flags = rules.distribution_flags(counts, org)
    assert len(flags) == len(expected_fragments)
    for fragment, flag in zip(expected_fragments, flags, strict=True):
        assert fragment in flag
