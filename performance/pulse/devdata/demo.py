"""Demo pulses: two closed quarters with answers in units above and below the threshold (so both figures and
"terlalu sedikit jawaban" show) and an open pulse that pegawai@walesi.test can answer. Idempotent."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from performance.models import OrgUnit
from portal import dates

from .. import services
from ..models import Pulse, PulseAnswer, PulseUnit

ROOT = "WLS"
#: answers per storage unit in each closed demo pulse (units of fewer than five people are stored in WLS)
CLOSED = [
    ("Pulse kesiapan Triwulan II 2026", dt.date(2026, 6, 1), dt.date(2026, 6, 20),
     {"WLS": 18, "WLS.SEK": 5, "WLS.PEL": 4, "WLS.PMK": 2}, 2.9),
    ("Pulse kesiapan Triwulan III 2026", dt.date(2026, 9, 1), dt.date(2026, 9, 20),
     {"WLS": 20, "WLS.SEK": 6, "WLS.PEL": 5, "WLS.PMK": 3}, 3.4),
]  # fmt: skip
OPEN_TITLE = "Pulse kesiapan Triwulan IV 2026"
OPEN_ANSWERS = [
    "Jaringan internet di kantor distrik sering putus, jadi sulit membuka materi.",
    "Belum semua atasan menjelaskan apa arti standar baru untuk tugas kami sehari-hari.",
    "Waktu untuk belajar terpotong oleh pelayanan yang ramai.",
    "Saya belum tahu bagaimana penilaian kinerja yang baru dihitung.",
    "Kebiasaan lama masih kuat, banyak rekan merasa cara lama sudah cukup.",
    "Perlu contoh nyata dari kampung kami, bukan hanya dari kota.",
    "Listrik sering padam sehingga laptop dan HP tidak bisa diisi.",
    "Formulir baru terlalu panjang untuk pelayanan di kampung.",
    "Kami butuh pelatihan tatap muka, bukan hanya di portal.",
    "Tidak ada yang menghambat, hanya perlu waktu.",
    "Bahasa di materi masih sulit dipahami sebagian pegawai.",
    "Kurang ada penghargaan bagi yang sudah berubah.",
]


def _scores(rng: random.Random, centre: float) -> list[int]:
    return [max(1, min(5, round(rng.gauss(centre + (0.4 if i == 0 else -0.2 * i), 0.9)))) for i in range(5)]


def counts() -> dict[str, int]:
    """What the demo holds, for seed_demo's summary line."""
    return {"pulses": Pulse.objects.count(), "pulse answers": PulseAnswer.objects.count()}


@transaction.atomic
def seed(stdout=None) -> dict:
    root = OrgUnit.objects.filter(code=ROOT).first()
    if root is None:  # the organisation is seeded by performance.demo
        return {}
    result = {}
    for title, opens_on, closes_on, counts, centre in CLOSED:
        pulse = Pulse.objects.filter(title=title).first()
        if pulse is None:
            pulse = services.pulse_open(
                opened_by=None, title=title, opens_on=opens_on, closes_on=closes_on, units=[root], invite=False
            )
            pulse.status = Pulse.Status.CLOSED
            pulse.save(update_fields=["status"])
            storage = set(PulseUnit.objects.filter(pulse=pulse).values_list("storage_unit__code", flat=True))
            ids = dict(OrgUnit.objects.filter(code__in=counts).values_list("code", "id"))
            rng = random.Random(title)
            answers = []
            for code, n in counts.items():
                assert code in storage, code
                for k in range(n):
                    scores = _scores(rng, centre)
                    text = OPEN_ANSWERS[(k + len(answers)) % len(OPEN_ANSWERS)] if rng.random() < 0.6 else ""
                    answers.append(PulseAnswer(pulse=pulse, unit_id=ids[code], open_answer=text, **{
                        f"score_{i}": s for i, s in enumerate(scores, start=1)
                    }))  # fmt: skip
            rng.shuffle(answers)
            PulseAnswer.objects.bulk_create(answers)
        result[title] = pulse
    pulse = Pulse.objects.filter(title=OPEN_TITLE).first()
    if pulse is None:
        today = dates.today()
        closes = max(dates.quarter_bounds(today.year, dates.quarter_of(today))[1], today + dt.timedelta(days=14))
        pulse = services.pulse_open(
            opened_by=None, title=OPEN_TITLE, opens_on=today - dt.timedelta(days=3), closes_on=closes, units=[root]
        )
    result[OPEN_TITLE] = pulse
    return result
