"""Reports (page, PDF, XLSX, posters, comments), who reaches them, and query counts that do not grow."""

import io

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from openpyxl import load_workbook

from performance.survey import selectors
from performance.survey.models import SurveyPeriod, SurveyResponse

from .factories import responses

pytestmark = pytest.mark.django_db

ROLES = [
    None,
    "pegawai@walesi.test",
    "pegawai2@walesi.test",
    "atasan@walesi.test",
    "pelatih@walesi.test",
    "pimpinan@walesi.test",
    "admin@walesi.test",
]
PUBLIC = dict.fromkeys(ROLES, 200)
HR_LEAD_HEAD = {"admin@walesi.test": 200, "pimpinan@walesi.test": 200, "atasan@walesi.test": 200}
HR_LEAD = {"admin@walesi.test": 200, "pimpinan@walesi.test": 200}
HR_HEAD = {"admin@walesi.test": 200, "atasan@walesi.test": 200}


def _matrix(period_id, comment_id):
    # atasan@ heads the distrik's public-service section; the kampung office has no head in the demo.
    return [
        ("/survei/", PUBLIC),
        ("/survei/distrik-walesi/", PUBLIC),
        ("/survei/distrik-walesi/terima-kasih/", PUBLIC),
        ("/survei/distrik-walesi/hasil/", PUBLIC),
        ("/skm/", HR_LEAD_HEAD),
        ("/skm/distrik-walesi/", HR_LEAD_HEAD),
        ("/skm/kampung-welesi/", HR_LEAD),
        (f"/skm/distrik-walesi/periode/{period_id}/laporan.pdf", HR_LEAD_HEAD),
        (f"/skm/distrik-walesi/periode/{period_id}/ekspor.xlsx", HR_LEAD_HEAD),
        ("/skm/distrik-walesi/poster/", HR_LEAD_HEAD),
        ("/skm/distrik-walesi/poster/PEL-01/", HR_LEAD_HEAD),
        ("/skm/kampung-welesi/poster/", HR_LEAD),
        ("/skm/distrik-walesi/komentar/", HR_HEAD),
        ("/skm/kampung-welesi/komentar/", {"admin@walesi.test": 200}),
    ]


def test_role_page_matrix(client, login, survey_demo):
    period = survey_demo["periods"][1]
    comment = SurveyResponse.objects.filter(service_unit__code="distrik-walesi").exclude(comment="").first()
    failures = []
    for path, allowed in _matrix(period.pk, comment.pk):
        for email in ROLES:
            client.logout()
            if email:
                login(email)
            status = client.get(path).status_code
            expected = allowed.get(email)
            if expected is not None and status != expected:
                failures.append((path, email, status, expected))
            if expected is None:
                ok = status == 404 or (email is None and status == 302)
                if not ok:
                    failures.append((path, email, status, "404"))
    assert not failures


def test_moderation_posts_are_404_outside_scope(client, login, survey_demo):
    comment = SurveyResponse.objects.filter(service_unit__code="kampung-welesi").exclude(comment="").first()
    for email in ["pegawai@walesi.test", "atasan@walesi.test", "pelatih@walesi.test", "pimpinan@walesi.test"]:
        login(email)
        assert client.post(f"/skm/komentar/{comment.pk}/sembunyikan/", {"hidden": "1"}).status_code == 404
        assert client.post(f"/skm/komentar/{comment.pk}/tindak-lanjut/", {"note": "x"}).status_code == 404
    comment.refresh_from_db()
    assert not comment.comment_hidden and comment.followed_up_at is None


def test_unit_report_shows_ikm_band_sample_and_weakest(client, login, survey_demo):
    period = survey_demo["periods"][1]
    login("admin@walesi.test")
    html = client.get(f"/skm/distrik-walesi/?periode={period.pk}").content.decode()
    report = selectors.unit_report(survey_demo["units"]["distrik-walesi"], period)
    assert str(report.figures.ikm_display).replace(".", ",") in html
    assert "belum cukup: perlu" in html
    assert "Unsur terendah" in html and "Profil responden" in html and "Perkembangan IKM" in html


def test_unit_report_query_count_does_not_grow(client, login, survey_demo):
    unit = survey_demo["units"]["distrik-walesi"]
    period = survey_demo["periods"][1]
    login("admin@walesi.test")
    url = f"/skm/distrik-walesi/?periode={period.pk}"
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    responses(unit, period, [[4, 3, 2, 1, 4, 3, 2, 1, 4]] * 300, gender="L", comment="Baik sekali")
    with CaptureQueriesContext(connection) as big:
        assert client.get(url).status_code == 200
    assert len(small) == len(big) <= 15


def test_report_selector_is_five_queries_and_matches_python(survey_demo):
    unit = survey_demo["units"]["distrik-walesi"]
    period = survey_demo["periods"][0]
    with CaptureQueriesContext(connection) as ctx:
        report = selectors.unit_report(unit, period)
        report.figures.ikm  # noqa: B018 (computed from the sums, no more queries)
    assert len(ctx) == 5
    rows = list(SurveyResponse.objects.filter(service_unit=unit, period=period))
    assert report.figures.responses == len(rows)
    assert report.figures.totals == [sum(getattr(r, f"u{i}") for r in rows) for i in range(1, 10)]
    assert sum(n for _label, n in report.profile["gender"]) == len(rows)
    assert sum(n for _kind, n in report.service_kinds) == len(rows)
    assert report.comments == sum(1 for r in rows if r.comment)
    assert report.complaints == sum(1 for r in rows if r.is_complaint)
    assert report.with_officer == sum(1 for r in rows if r.officer_id)


def test_overview_is_constant_in_queries_and_scoped(client, login, survey_demo):
    login("atasan@walesi.test")
    html = client.get("/skm/").content.decode()
    assert "Pelayanan Umum Kantor Distrik Walesi" in html and "Kantor Kampung Welesi" not in html
    login("pimpinan@walesi.test")
    html = client.get("/skm/").content.decode()
    assert "Pelayanan Umum Kantor Distrik Walesi" in html and "Kantor Kampung Welesi" in html
    with CaptureQueriesContext(connection) as ctx:
        client.get("/skm/")
    assert len(ctx) <= 15


def test_pdf_report_in_the_agency_layout(client, login, survey_demo):
    period = survey_demo["periods"][1]
    login("admin@walesi.test")
    response = client.get(f"/skm/distrik-walesi/periode/{period.pk}/laporan.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    from fpdf import FPDF  # noqa: F401 (fpdf2 writes it)

    text = response.content
    assert len(text) > 2000


def test_xlsx_export_is_formula_safe_and_has_every_element(client, login, survey_demo):
    unit = survey_demo["units"]["distrik-walesi"]
    period = survey_demo["periods"][1]
    kind = unit.kinds.first()
    kind.name = '=HYPERLINK("http://evil")'
    kind.save()
    login("admin@walesi.test")
    response = client.get(f"/skm/distrik-walesi/periode/{period.pk}/ekspor.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("bagian", "unsur", "nama")
    assert [r[1] for r in rows[1:10]] == [f"U{i}" for i in range(1, 10)]
    cells = [c for row in sheet.iter_rows() for c in row if c.value == kind.name]
    assert cells and all(c.data_type == "s" for c in cells)


def test_posters_make_the_qr_locally(client, login, survey_demo):
    login("admin@walesi.test")
    html = client.get("/skm/distrik-walesi/poster/PEL-01/").content.decode()
    assert "<svg" in html and 'class="qr"' in html
    assert "http://testserver/survei/distrik-walesi/?petugas=PEL-01" in html
    assert "Yosina Wenda" in html
    assert "api.qrserver" not in html and "chart.googleapis" not in html


def test_hide_comment_keeps_it_and_follow_up_is_counted(client, login, survey_demo):
    unit = survey_demo["units"]["distrik-walesi"]
    period = SurveyPeriod.objects.get(status=SurveyPeriod.Status.OPEN)
    comment, complaint = responses(unit, period, [[3] * 9, [2] * 9], comment="Kasar sekali")
    complaint.is_complaint = True
    complaint.save()
    before = selectors.unit_report(unit, period)
    login("atasan@walesi.test")  # the unit's head
    assert client.post(f"/skm/komentar/{comment.pk}/sembunyikan/", {"hidden": "1"}).status_code == 302
    comment.refresh_from_db()
    assert comment.comment_hidden and SurveyResponse.objects.filter(pk=comment.pk).exists()
    response = client.post(f"/skm/komentar/{complaint.pk}/tindak-lanjut/", {"note": ""}, follow=True)
    assert "Tuliskan tindak lanjutnya" in response.content.decode()
    client.post(f"/skm/komentar/{complaint.pk}/tindak-lanjut/", {"note": "Warga ditelepon, masalah selesai."})
    after = selectors.unit_report(unit, period)
    assert after.complaints_followed_up == before.complaints_followed_up + 1
    assert after.hidden_comments == before.hidden_comments + 1
    html = client.get(f"/skm/distrik-walesi/komentar/?periode={period.pk}").content.decode()
    assert "Warga ditelepon" in html and "disembunyikan" in html


def test_hr_opens_and_closes_periods(client, login, survey_demo):
    from performance.survey.models import SurveyPeriod

    open_period = SurveyPeriod.objects.get(status=SurveyPeriod.Status.OPEN)
    login("pimpinan@walesi.test")
    assert client.post("/skm/periode/", {"action": "close", "period": open_period.pk}).status_code == 403
    login("admin@walesi.test")
    client.post("/skm/periode/", {"action": "close", "period": open_period.pk})
    open_period.refresh_from_db()
    assert not open_period.is_open
    assert "Survei sedang ditutup" in client.get("/survei/distrik-walesi/").content.decode()
    client.post("/skm/periode/", {"action": "open_current"})
    open_period.refresh_from_db()
    assert open_period.is_open  # the current quarter already existed: reopened, not duplicated
    assert SurveyPeriod.objects.filter(start_date=open_period.start_date).count() == 1
