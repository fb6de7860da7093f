"""The demo organisation of Distrik Walesi as data: its units and its 47 people with valid NIPs, jabatan,
golongan and supervisors (keys name the people the demo accounts are linked to)."""

from __future__ import annotations

import datetime as dt

from .. import rules
from ..models import OrgUnit

ROOT = "WLS"
UNITS = [
    # code, name, kind, parent
    (ROOT, "Distrik Walesi", OrgUnit.Kind.DISTRIK, None),
    ("WLS.SEK", "Sekretariat Distrik", OrgUnit.Kind.SEKRETARIAT, ROOT),
    ("WLS.SEK.UMUM", "Subbagian Umum dan Kepegawaian", OrgUnit.Kind.SUBBAGIAN, "WLS.SEK"),
    ("WLS.SEK.KEU", "Subbagian Keuangan dan Perencanaan", OrgUnit.Kind.SUBBAGIAN, "WLS.SEK"),
    ("WLS.PEM", "Seksi Pemerintahan", OrgUnit.Kind.SEKSI, ROOT),
    ("WLS.PEL", "Seksi Pelayanan Umum", OrgUnit.Kind.SEKSI, ROOT),
    ("WLS.PMK", "Seksi Pemberdayaan Masyarakat Kampung", OrgUnit.Kind.SEKSI, ROOT),
    ("WLS.TRANTIB", "Seksi Ketenteraman dan Ketertiban Umum", OrgUnit.Kind.SEKSI, ROOT),
    ("WLS.KESOS", "Seksi Kesejahteraan Sosial", OrgUnit.Kind.SEKSI, ROOT),
] + [
    (f"WLS.K.{name.upper()}", f"Kantor Kampung {name}", OrgUnit.Kind.KAMPUNG, ROOT)
    for name in ("Welesi", "Yagara", "Asojelipele", "Lantipo", "Pawekama", "Apenas", "Tulima")
]

FIRST = [
    ("Yakobus", 1),
    ("Maria", 2),
    ("Petrus", 1),
    ("Martha", 2),
    ("Yohanes", 1),
    ("Debora", 2),
    ("Simon", 1),
    ("Naomi", 2),
    ("Paulus", 1),
    ("Ester", 2),
    ("Lukas", 1),
    ("Rahel", 2),
    ("Matius", 1),
    ("Sara", 2),
    ("Obeth", 1),
    ("Hana", 2),
    ("Yunus", 1),
    ("Lea", 2),
    ("Titus", 1),
    ("Selfina", 2),
    ("Frans", 1),
    ("Yuliana", 2),
    ("Natan", 1),
    ("Dorkas", 2),
    ("Amos", 1),
    ("Rut", 2),
    ("Silas", 1),
    ("Priska", 2),
]
LAST = [
    "Kogoya",
    "Tabuni",
    "Wanimbo",
    "Yikwa",
    "Murib",
    "Elopere",
    "Matuan",
    "Siep",
    "Hisage",
    "Walilo",
    "Logo",
    "Mabel",
    "Wuka",
    "Himan",
    "Lani",
    "Alua",
    "Doga",
    "Huby",
]

# Demo accounts and the posts they hold: email → (nip index, unit, jabatan, kind, golongan, supervisor key).
STAFF_JOBS = {
    "WLS.SEK.UMUM": ("Pengadministrasi Umum", "pelaksana"),
    "WLS.SEK.KEU": ("Bendahara Pengeluaran", "pelaksana"),
    "WLS.PEM": ("Analis Pemerintahan", "fungsional_keahlian"),
    "WLS.PEL": ("Pengadministrasi Layanan Kependudukan", "pelaksana"),
    "WLS.PMK": ("Fasilitator Pemberdayaan Masyarakat", "pelaksana"),
    "WLS.TRANTIB": ("Pengelola Ketenteraman dan Ketertiban", "pelaksana"),
    "WLS.KESOS": ("Pengelola Kesejahteraan Sosial", "pelaksana"),
}
GOLONGAN_CYCLE = ["II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c"]


#: The head of each unit, by the key of a person below.
UNIT_HEADS = {
    ROOT: "kepala",
    "WLS.SEK": "sekretaris",
    "WLS.SEK.UMUM": "kasubag_umum",
    "WLS.SEK.KEU": "kasubag_keu",
    "WLS.PEM": "kasi_pem",
    "WLS.PEL": "kasi_pel",
    "WLS.PMK": "kasi_pmk",
    "WLS.TRANTIB": "kasi_trantib",
    "WLS.KESOS": "kasi_kesos",
}


def _nip(i: int, gender: int, *, pppk: bool = False) -> str:
    birth = dt.date(1968 + (i * 7) % 30, 1 + (i * 5) % 12, 1 + (i * 11) % 28)
    if pppk:
        return rules.make_ni_pppk(birth, 2022 + i % 3, 1 + i % 9, gender, 1 + i)
    tmt_year = min(birth.year + 22 + i % 6, 2024)
    return rules.make_nip(birth, tmt_year, 1 + (i * 3) % 12, gender, 1 + i)


def demo_people() -> list[dict]:
    """Every demo employee, deterministic: the posts, who holds them and whom they report to."""
    people: list[dict] = []

    def add(key, name, gender, unit, jabatan, kind, golongan, supervisor, email="", pppk=False):
        i = len(people) + 1
        people.append(
            {
                "key": key,
                "nip": _nip(i, gender, pppk=pppk),
                "full_name": name,
                "employment_type": "PPPK" if pppk else "PNS",
                "unit": unit,
                "jabatan": jabatan,
                "jabatan_kind": kind,
                "golongan": "" if pppk else golongan,
                "supervisor": supervisor,
                "email": email,
            }
        )

    add("kepala", "Elias Itlay", 1, ROOT, "Kepala Distrik", "administrator", "IV/a", None, "pimpinan@walesi.test")
    add("sekretaris", "Yakobus Kogoya", 1, "WLS.SEK", "Sekretaris Distrik", "pengawas", "III/d", "kepala")
    add(
        "kasubag_umum",
        "Martha Tabuni",
        2,
        "WLS.SEK.UMUM",
        "Kepala Subbagian Umum dan Kepegawaian",
        "pengawas",
        "III/c",
        "sekretaris",
    )
    add(
        "kasubag_keu",
        "Petrus Wanimbo",
        1,
        "WLS.SEK.KEU",
        "Kepala Subbagian Keuangan dan Perencanaan",
        "pengawas",
        "III/c",
        "sekretaris",
    )
    add("kasi_pem", "Simon Yikwa", 1, "WLS.PEM", "Kepala Seksi Pemerintahan", "pengawas", "III/d", "kepala")
    add(
        "kasi_pel",
        "Agustina Asso",
        2,
        "WLS.PEL",
        "Kepala Seksi Pelayanan Umum",
        "pengawas",
        "III/c",
        "kepala",
        "atasan@walesi.test",
    )
    add(
        "kasi_pmk",
        "Paulus Murib",
        1,
        "WLS.PMK",
        "Kepala Seksi Pemberdayaan Masyarakat Kampung",
        "pengawas",
        "III/c",
        "kepala",
    )
    add(
        "kasi_trantib",
        "Obeth Elopere",
        1,
        "WLS.TRANTIB",
        "Kepala Seksi Ketenteraman dan Ketertiban Umum",
        "pengawas",
        "III/c",
        "kepala",
    )
    add(
        "kasi_kesos",
        "Debora Matuan",
        2,
        "WLS.KESOS",
        "Kepala Seksi Kesejahteraan Sosial",
        "pengawas",
        "III/b",
        "kepala",
    )
    add(
        "pegawai",
        "Yosina Wenda",
        2,
        "WLS.PEL",
        "Pengadministrasi Layanan Kependudukan",
        "pelaksana",
        "II/c",
        "kasi_pel",
        "pegawai@walesi.test",
    )
    add(
        "pegawai2",
        "Markus Lokobal",
        1,
        "WLS.PMK",
        "Fasilitator Pemberdayaan Masyarakat",
        "pelaksana",
        "II/d",
        "kasi_pmk",
        "pegawai2@walesi.test",
    )

    n = 0
    for unit, count in [
        ("WLS.SEK.UMUM", 2),
        ("WLS.SEK.KEU", 2),
        ("WLS.PEM", 3),
        ("WLS.PEL", 3),
        ("WLS.PMK", 3),
        ("WLS.TRANTIB", 3),
        ("WLS.KESOS", 3),
    ]:
        jabatan, kind = STAFF_JOBS[unit]
        for _k in range(count):
            first, gender = FIRST[n % len(FIRST)]
            pppk = n % 6 == 5
            add(
                f"staff{n}",
                f"{first} {LAST[n % len(LAST)]}",
                gender,
                unit,
                jabatan,
                kind,
                GOLONGAN_CYCLE[n % len(GOLONGAN_CYCLE)],
                UNIT_HEADS[unit],
                pppk=pppk,
            )
            n += 1
    for code, _name, kind, _parent in UNITS:
        if kind != OrgUnit.Kind.KAMPUNG:
            continue
        for jabatan in ("Pendamping Pemerintahan Kampung", "Pengadministrasi Kampung"):
            first, gender = FIRST[n % len(FIRST)]
            add(
                f"staff{n}",
                f"{first} {LAST[(n * 5) % len(LAST)]}",
                gender,
                code,
                jabatan,
                "pelaksana",
                GOLONGAN_CYCLE[n % len(GOLONGAN_CYCLE)],
                "kasi_pmk",
                pppk=n % 6 == 5,
            )
            n += 1
    return people
