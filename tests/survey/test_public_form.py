"""The public form: no login, light, every bad input answered in Indonesian with nothing stored."""

import gzip
import re

from django.contrib.staticfiles import finders
from django.core import signing

import pytest

from performance.survey import services
from performance.survey.models import SubmitCounter, SurveyOfficer, SurveyPeriod, SurveyResponse, UsedFormToken

pytestmark = pytest.mark.django_db

URL = "/survei/distrik-walesi/"


def _token(client, url=URL):
    html = client.get(url).content.decode()
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def _answers(survey_demo, **overrides):
    unit = survey_demo["units"]["distrik-walesi"]
    data = {f"u{i}": "3" for i in range(1, 10)}
    data["service_kind"] = str(unit.kinds.first().pk)
    data.update(overrides)
    return data


def test_form_is_public_and_lists_the_nine_elements_in_order(client, survey_demo):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(f'name="u{i}"') for i in range(1, 10)]
    assert positions == sorted(positions)
    for text in ["Persyaratan", "Sangat mahal", "Gratis", "Dikelola dengan baik", "Sangat sopan dan ramah"]:
        assert text in html
    assert "UU 27/2022" in html
    assert "<script" not in html  # works without JavaScript
    assert "Laki-laki" in html and "Petugas yang melayani" in html


def test_form_weighs_at_most_30_kb_gzipped_with_its_css(client, survey_demo):
    html = client.get(URL).content
    total = len(gzip.compress(html, 6))
    for url in re.findall(rb'href="(/static/[^"]+\.css)"', html):
        with open(finders.find(url.decode().removeprefix("/static/")), "rb") as fh:
            total += len(gzip.compress(fh.read(), 6))
    print(f"survey form: {total} bytes gzipped with CSS")
    assert total <= 30 * 1024


def test_form_keeps_the_strict_csp(client, survey_demo):
    csp = client.get(URL)["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp


def test_officer_poster_link_preselects_the_officer(client, survey_demo):
    html = client.get(URL + "?petugas=pel-01").content.decode()
    assert 'value="PEL-01" selected' in html


def test_a_good_submission_stores_one_response_and_thanks(client, survey_demo):
    before = SurveyResponse.objects.count()
    data = _answers(survey_demo, token=_token(client), officer="PEL-01", gender="P", comment="Antrean lama")
    data["is_complaint"] = "on"
    response = client.post(URL, data)
    assert response.status_code == 302 and response["Location"].endswith("/terima-kasih/")
    assert SurveyResponse.objects.count() == before + 1
    stored = SurveyResponse.objects.order_by("-pk").first()
    assert stored.scores == [3] * 9 and stored.gender == "P" and stored.is_complaint
    assert stored.officer.email == "pegawai@walesi.test"
    page = client.get(response["Location"]).content.decode()
    assert "sudah kami terima" in page and "hasil survei" in page


def test_nothing_but_the_nine_answers_and_the_kind_is_required(client, survey_demo):
    before = SurveyResponse.objects.count()
    response = client.post(URL, _answers(survey_demo, token=_token(client)))
    assert response.status_code == 302
    assert SurveyResponse.objects.count() == before + 1


def test_double_tap_stores_one_response(client, survey_demo):
    data = _answers(survey_demo, token=_token(client))
    before = SurveyResponse.objects.count()
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert first.status_code == second.status_code == 302
    assert SurveyResponse.objects.count() == before + 1
    assert "sudah kami terima" in client.get(second["Location"]).content.decode()


def _expired_token(survey_demo):
    unit = survey_demo["units"]["distrik-walesi"]
    period = SurveyPeriod.objects.get(status=SurveyPeriod.Status.OPEN)
    token = services.form_token_issue(service_unit=unit, period=period)
    return token


BAD_INPUTS = [
    ("missing element", lambda d: d.pop("u5"), "Pilih satu jawaban untuk unsur 5"),
    ("value 0", lambda d: d.update(u2="0"), "Jawaban unsur 2 harus antara 1 dan 4"),
    ("value 5", lambda d: d.update(u9="5"), "Jawaban unsur 9 harus antara 1 dan 4"),
    ("not a number", lambda d: d.update(u1="baik"), "Jawaban unsur 1 harus antara 1 dan 4"),
    ("unknown kind", lambda d: d.update(service_kind="999999"), "Jenis layanan tidak dikenal"),
    ("no kind", lambda d: d.pop("service_kind"), "Pilih jenis layanan"),
    ("comment too long", lambda d: d.update(comment="x" * 1001), "Komentar paling banyak 1000 karakter"),
    ("unknown officer", lambda d: d.update(officer="XX-99"), "Kode petugas XX-99 tidak dikenal"),
    ("honeypot", lambda d: d.update(situs_web="http://spam.example"), "Formulir tidak dapat diterima"),
    ("forged token", lambda d: d.update(token="abc:def"), "Formulir tidak dikenali"),
    ("no token", lambda d: d.update(token=""), "Formulir tidak dikenali"),
]


@pytest.mark.parametrize("name,spoil,message", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_gets_a_message_and_stores_nothing(client, survey_demo, name, spoil, message):
    data = _answers(survey_demo, token=_token(client))
    spoil(data)
    before = SurveyResponse.objects.count(), UsedFormToken.objects.count()
    response = client.post(URL, data)
    assert response.status_code in (200, 400)
    assert message in response.content.decode()
    assert (SurveyResponse.objects.count(), UsedFormToken.objects.count()) == before
    # The answers stay and a fresh token is on the page, so the citizen can correct and send again.
    assert 'name="token" value="' in response.content.decode()


def test_another_units_kind_is_unknown_here(client, survey_demo):
    other = survey_demo["units"]["kampung-welesi"].kinds.first()
    data = _answers(survey_demo, token=_token(client), service_kind=str(other.pk))
    before = SurveyResponse.objects.count()
    assert "Jenis layanan tidak dikenal" in client.post(URL, data).content.decode()
    assert SurveyResponse.objects.count() == before


def test_expired_token_is_refused_with_a_message(client, survey_demo, settings):
    token = _expired_token(survey_demo)
    settings.SURVEY_TOKEN_MAX_AGE = -1
    before = SurveyResponse.objects.count()
    response = client.post(URL, _answers(survey_demo, token=token))
    assert response.status_code == 400
    assert "terlalu lama dibuka" in response.content.decode()
    assert SurveyResponse.objects.count() == before


def test_replayed_token_stores_nothing(client, survey_demo):
    token = _token(client)
    client.post(URL, _answers(survey_demo, token=token))
    before = SurveyResponse.objects.count()
    response = client.post(URL, _answers(survey_demo, token=token, u1="1"), follow=True)
    assert "sudah kami terima" in response.content.decode()
    assert SurveyResponse.objects.count() == before


def test_token_of_another_unit_is_refused(client, survey_demo):
    token = _token(client, "/survei/kampung-welesi/")
    before = SurveyResponse.objects.count()
    response = client.post(URL, _answers(survey_demo, token=token))
    assert "Formulir tidak dikenali" in response.content.decode()
    assert SurveyResponse.objects.count() == before


def test_rate_limit_per_address_holds_without_the_cache(client, survey_demo, settings):
    """The counter lives in the database: clearing (or losing) the cache changes nothing."""
    from django.core.cache import cache

    settings.SURVEY_RATE_LIMIT_PER_HOUR = 2
    for _i in range(2):
        assert client.post(URL, _answers(survey_demo, token=_token(client))).status_code == 302
    cache.clear()
    before = SurveyResponse.objects.count()
    response = client.post(URL, _answers(survey_demo, token=_token(client)))
    assert response.status_code == 429
    assert "Terlalu banyak jawaban dari jaringan ini" in response.content.decode()
    assert SurveyResponse.objects.count() == before
    # Another address is not affected; the stored key is a hash, never the address itself.
    assert client.post(URL, _answers(survey_demo, token=_token(client)), REMOTE_ADDR="10.1.2.3").status_code == 302
    assert not SubmitCounter.objects.filter(key__contains="127.0.0.1").exists()


def test_closed_period_gets_a_clear_page(client, survey_demo):
    SurveyPeriod.objects.update(status=SurveyPeriod.Status.CLOSED)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Survei sedang ditutup" in response.content.decode()


def test_period_closed_while_answering_stores_nothing(client, survey_demo):
    token = _token(client)
    SurveyPeriod.objects.update(status=SurveyPeriod.Status.CLOSED)
    before = SurveyResponse.objects.count()
    response = client.post(URL, _answers(survey_demo, token=token))
    assert "Survei sedang ditutup" in response.content.decode()
    assert SurveyResponse.objects.count() == before


def test_unknown_unit_is_a_friendly_404(client, survey_demo):
    response = client.get("/survei/tidak-ada/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Unit layanan tidak ditemukan" in html and 'href="/survei/"' in html
    assert client.get("/survei/tidak-ada/hasil/").status_code == 404


def test_inactive_officer_code_is_unknown(client, survey_demo):
    SurveyOfficer.objects.filter(code="PEL-02").update(active=False)
    data = _answers(survey_demo, token=_token(client), officer="PEL-02")
    assert "Kode petugas PEL-02 tidak dikenal" in client.post(URL, data).content.decode()


def test_signed_token_carries_no_personal_data(client, survey_demo):
    payload = signing.loads(_token(client), salt=services.TOKEN_SALT)
    assert set(payload) == {"u", "p", "n"}


def test_public_results_show_ikm_per_period_and_no_comments(client, survey_demo):
    SurveyResponse.objects.filter(comment__startswith="Surat keterangan saya").exists()
    html = client.get("/survei/distrik-walesi/hasil/").content.decode()
    assert "Triwulan" in html and "IKM" in html
    for text, _c in __import__("performance.survey.devdata.demo", fromlist=["COMMENTS"]).COMMENTS:
        assert text not in html


def test_purge_forgets_old_counters_and_tokens(survey_demo):
    import datetime as dt

    from django.utils import timezone

    services.submit_counter_hit(address="1.2.3.4", now=timezone.now() - dt.timedelta(days=3))
    UsedFormToken.objects.create(nonce="old")
    UsedFormToken.objects.filter(nonce="old").update(used_at=timezone.now() - dt.timedelta(days=1))
    result = services.purge_spent_records()
    assert result == {"counters": 1, "tokens": 1}


def test_a_phone_without_cookies_can_still_answer(survey_demo):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    token = _token(strict)
    strict.cookies.clear()
    before = SurveyResponse.objects.count()
    assert strict.post(URL, _answers(survey_demo, token=token)).status_code == 302
    assert SurveyResponse.objects.count() == before + 1


def test_a_complaint_notifies_the_unit_head(client, survey_demo):
    from portal.notifications.models import Notification

    data = _answers(survey_demo, token=_token(client), comment="Surat saya hilang")
    data["is_complaint"] = "on"
    assert client.post(URL, data).status_code == 302
    notice = Notification.objects.filter(kind="survey.complaint").order_by("-pk").first()
    assert notice.recipient.email == "atasan@walesi.test"
    assert "Pelayanan Umum Kantor Distrik Walesi" in notice.title
    assert "Surat saya hilang" not in notice.body


def test_an_answer_is_stored_in_a_constant_handful_of_statements(client, survey_demo):
    """Unit, period, kinds, officers, the rate counter (update, insert on the hour's first), the spent token, the
    response and its link: nine statements, savepoints aside (the constraint is the table's, not a query)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    data = _answers(survey_demo, token=_token(client))
    with CaptureQueriesContext(connection) as ctx:
        assert client.post(URL, data).status_code == 302
    statements = [q["sql"] for q in ctx.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) == 9, statements
    assert SurveyResponse.objects.count() == 171  # the demo's 170 and this one
