"""Pages of the pulse: who sees what (404 matrix), answering over HTTP, results only above the threshold."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

import pytest

from performance.models import OrgUnit
from performance.pulse.models import Pulse, PulseAnswer, PulseParticipation
from portal import dates

from .conftest import answer, close

FORM = {"score_1": "4", "score_2": "5", "score_3": "3", "score_4": "4", "score_5": "2", "open_answer": ""}


@pytest.mark.parametrize(
    "email, results, manage",
    [
        ("pegawai@walesi.test", 404, 403),
        ("pegawai2@walesi.test", 404, 403),
        ("atasan@walesi.test", 404, 403),
        ("pelatih@walesi.test", 404, 403),
        ("pimpinan@walesi.test", 200, 403),
        ("admin@walesi.test", 200, 200),
    ],
)
def test_role_matrix(open_pulse, login, email, results, manage):
    client = login(email)
    assert client.get(reverse("pulse:results")).status_code == results
    assert client.get(reverse("pulse:report", args=[open_pulse.pk])).status_code == results
    assert client.get(reverse("pulse:manage")).status_code == manage


def test_anonymous_visitors_are_sent_to_sign_in(open_pulse, client):
    for name, args in [("pulse:list", []), ("pulse:answer", [open_pulse.pk]), ("pulse:results", [])]:
        response = client.get(reverse(name, args=args))
        assert response.status_code == 302 and "/akun/login/" in response["Location"]


def test_pegawai_answers_over_http_once(open_pulse, login, org):
    client = login("pegawai@walesi.test")
    page = client.get(reverse("pulse:list")).content.decode()
    assert "Pulse uji" in page and "Jawab sekarang" in page
    form = client.get(reverse("pulse:answer", args=[open_pulse.pk])).content.decode()
    assert form.count('type="radio"') == 25 and "Apa yang paling menghambat?" in form
    response = client.post(reverse("pulse:answer", args=[open_pulse.pk]), {**FORM, "open_answer": "Sinyal"})
    assert response.status_code == 302
    assert (PulseParticipation.objects.count(), PulseAnswer.objects.count()) == (1, 1)
    assert "Sudah dijawab" in client.get(reverse("pulse:list")).content.decode()
    again = client.post(reverse("pulse:answer", args=[open_pulse.pk]), FORM)
    assert again.status_code == 400 and "Anda sudah menjawab pulse ini" in again.content.decode()
    assert PulseAnswer.objects.count() == 1


@pytest.mark.parametrize(
    "change, status, message",
    [
        ({"score_3": "7"}, 400, "Pilih salah satu jawaban dari 1 sampai 5."),
        ({"score_3": "0"}, 400, "Pilih salah satu jawaban dari 1 sampai 5."),
        ({"score_1": ""}, 400, "Pilih satu jawaban untuk pernyataan ini."),
        ({"open_answer": "x" * 1001}, 400, "Jawaban terbuka paling panjang 1000 karakter"),
        ("closed", 400, "Pulse ini sudah ditutup"),
        ("outsider", 404, "Pulse ini bukan untuk unit Anda."),
    ],
)
def test_bad_input_over_http_stores_nothing(open_pulse, login, change, status, message):
    email = "luar@walesi.test" if change == "outsider" else "pegawai@walesi.test"
    if change == "closed":
        close(open_pulse)
    data = {**FORM, **change} if isinstance(change, dict) else FORM
    response = login(email).post(reverse("pulse:answer", args=[open_pulse.pk]), data)
    assert response.status_code == status
    assert message in response.content.decode()
    assert (PulseParticipation.objects.count(), PulseAnswer.objects.count()) == (0, 0)


def _report(client, pulse):
    return client.get(reverse("pulse:report", args=[pulse.pk])).content.decode()


def test_results_stay_hidden_until_enough_answers_and_the_pulse_closes(open_pulse, login, org):
    people = [org["pegawai"], *org["colleagues"]]
    for user in people[:4]:
        answer(open_pulse, user, text="Jaringan lambat")
    close(open_pulse)
    hr = login("admin@walesi.test")
    page = _report(hr, open_pulse)
    assert "Terlalu sedikit jawaban" in page and "Indeks kesiapan:" not in page and "Jaringan lambat" not in page
    assert "Kantor Kampung Yagara → Distrik Walesi" in page  # 2 people: stored and shown as the distrik

    Pulse.objects.filter(pk=open_pulse.pk).update(status=Pulse.Status.OPEN)
    open_pulse.refresh_from_db()
    for user in people[4:11]:
        answer(open_pulse, user, text="Jaringan lambat")
    page = _report(hr, open_pulse)
    assert "Pulse masih dibuka" in page and "Indeks kesiapan:" not in page  # open: response rate only
    assert "Partisipasi" in page

    close(open_pulse)
    page = _report(hr, open_pulse)
    assert "Indeks kesiapan:" in page and "Seksi Pelayanan Umum" in page
    assert "11 jawaban terbuka" in page and "Jaringan lambat" in page  # 11 >= 10: open answers appear


def test_leader_sees_only_units_in_scope(open_pulse, login, org):
    for user in [org["pegawai"], *org["colleagues"][:5]]:
        answer(open_pulse, user)
    close(open_pulse)
    page = _report(login("kasi@walesi.test"), open_pulse)
    assert "Seksi Pelayanan Umum" in page and "Distrik Walesi</h2>" not in page and "Sekretariat" not in page
    assert "Kantor Kampung" not in page
    today = dates.today()
    other = Pulse.objects.create(
        title="Lain", opens_on=today, closes_on=today, **{f"statement_{i}": "s" for i in range(1, 6)}
    )
    other.pulse_units.create(unit=org["outside_unit"], storage_unit=org["outside_unit"], headcount=1)
    assert login("kasi@walesi.test").get(reverse("pulse:report", args=[other.pk])).status_code == 404
    assert login("pimpinan@walesi.test").get(reverse("pulse:report", args=[other.pk])).status_code == 404
    assert login("admin@walesi.test").get(reverse("pulse:report", args=[other.pk])).status_code == 200


def _count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_report_and_answer_pages_keep_a_constant_query_count(open_pulse, login, org):
    for user in [org["pegawai"], *org["colleagues"][:5]]:
        answer(open_pulse, user, text="teks")
    close(open_pulse)
    hr = login("admin@walesi.test")
    url = reverse("pulse:report", args=[open_pulse.pk])
    small = _count(hr, url)
    # more pulses, units and answers
    root = org["units"]["WLS"]
    for i in range(5):
        OrgUnit.objects.create(code=f"WLS.X{i}", name=f"Unit X{i}", kind=OrgUnit.Kind.SEKSI, parent=root)
    today = dates.today()
    from performance.pulse import services

    for k in range(3):
        extra = services.pulse_open(
            opened_by=None, title=f"Lama {k}", opens_on=today - dt.timedelta(days=40 + k), closes_on=today,
            units=[root], invite=False,
        )  # fmt: skip
        PulseAnswer.objects.bulk_create(
            PulseAnswer(pulse=extra, unit=root, score_1=3, score_2=3, score_3=3, score_4=3, score_5=3)
            for _ in range(30)
        )
        close(extra)
    large = _count(hr, url)
    assert small == large and large <= 15, (small, large)
    pegawai = login("pegawai@walesi.test")
    assert _count(pegawai, reverse("pulse:list")) <= 12


def test_hr_opens_a_pulse_with_its_own_wording(org, login):
    client = login("admin@walesi.test")
    form = client.get(reverse("pulse:manage")).content.decode()
    assert "Saya memahami standar kinerja yang baru." in form
    today = dates.today()
    data = {
        "title": "Kampanye pelayanan",
        "kind": "campaign",
        "opens_on": today.isoformat(),
        "closes_on": (today + dt.timedelta(days=14)).isoformat(),
        "units": [org["units"]["WLS.PEL"].pk],
        "statement_1": "Saya paham cara melayani dengan ramah.",
        "statement_2": "Dua",
        "statement_3": "Tiga",
        "statement_4": "Empat",
        "statement_5": "Lima",
        "open_question": "",
    }
    response = client.post(reverse("pulse:manage"), data)
    assert response.status_code == 302
    pulse = Pulse.objects.get(title="Kampanye pelayanan")
    assert pulse.statement_1 == "Saya paham cara melayani dengan ramah." and pulse.open_question == ""
    assert pulse.pulse_units.count() == 1
    page = login("pegawai@walesi.test").get(reverse("pulse:answer", args=[pulse.pk])).content.decode()
    assert "Saya paham cara melayani dengan ramah." in page and "<textarea" not in page
    client = login("admin@walesi.test")
    bad = client.post(reverse("pulse:manage"), {**data, "closes_on": (today - dt.timedelta(days=3)).isoformat()})
    assert "Tanggal tutup tidak boleh sebelum tanggal buka." in bad.content.decode()


def test_readiness_by_unit_for_the_dashboard(open_pulse, login, org):
    from performance.pulse.selectors import readiness_by_unit

    assert readiness_by_unit(org["scoped_leader"])["pulse"] is None  # still open: nothing yet
    for user in [org["pegawai"], *org["colleagues"][:5]]:
        answer(open_pulse, user, scores=(4, 4, 4, 4, 4))
    close(open_pulse)
    data = readiness_by_unit(org["scoped_leader"])
    pel = org["units"]["WLS.PEL"].pk
    assert data["pulse"] == open_pulse and set(data["units"]) == {pel}
    assert data["units"][pel]["index"] == 4.0 and data["units"][pel]["shown"]


def test_answer_page_in_english(open_pulse, login, settings):
    client = login("pegawai@walesi.test")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    try:
        page = client.get(reverse("pulse:answer", args=[open_pulse.pk])).content.decode()
    finally:
        translation.activate(settings.LANGUAGE_CODE)  # the request left English active in this thread
    assert "Strongly disagree" in page and "I feel able" not in page  # statements are data, kept as HR wrote them
