"""The campaign pages /kampanye/: create (valid, past due date, unit out of scope, double submit), progress figures
against a hand-made organisation with drill-down, the scope matrix, the formula-safe export job, constant queries."""

import datetime as dt
import io
import uuid

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from learning.models import Enrollment
from performance.campaigns import selectors, services
from performance.campaigns.models import Campaign
from performance.models import Employee
from portal import dates
from portal.models import BackgroundJob
from portal.roles import Role
from tests.campaigns.factories import scope, user
from tests.learning.factories import make_course
from tests.performance import factories as pf

pytestmark = pytest.mark.django_db


def _due(days=30) -> dt.date:
    return dates.today() + dt.timedelta(days=days)


@pytest.fixture
def org(demo_site):
    """D ─ A ─ A1 (3 people), A2 (2 people), A's head; D ─ B (1 person). Leaders of A and of B, HR, an ASN, a
    trainer; one person without an account and one inactive (never counted)."""
    root = pf.unit("D", kind="dinas", name="Dinas D")
    a = pf.unit("D.A", parent=root, name="Bidang A")
    b = pf.unit("D.B", parent=root, name="Bidang B")
    a1 = pf.unit("D.A.1", parent=a, name="Seksi A1")
    a2 = pf.unit("D.A.2", parent=a, name="Seksi A2")
    head = pf.employee(a, user=user("kepala@x.test", Role.PEGAWAI), name="Kepala A", jabatan_kind="administrator")
    a1s = [
        pf.employee(a1, supervisor=head, user=user(f"a1-{i}@x.test", Role.PEGAWAI), name=f"A1 {i}") for i in range(3)
    ]
    a2s = [
        pf.employee(a2, supervisor=head, user=user(f"a2-{i}@x.test", Role.PEGAWAI), name=f"A2 {i}") for i in range(2)
    ]
    other = pf.employee(b, user=user("b@x.test", Role.PEGAWAI), name="Pegawai B")
    pf.employee(a1, name="Tanpa akun")
    pf.employee(a1, user=user("nonaktif@x.test"), active=False)
    leader_a, leader_b = user("pimpinan-a@x.test", Role.PIMPINAN), user("pimpinan-b@x.test", Role.PIMPINAN)
    scope(leader_a, a)
    scope(leader_b, b)
    return {
        "root": root,
        "a": a,
        "b": b,
        "a1": a1,
        "a2": a2,
        "head": head,
        "a1s": a1s,
        "a2s": a2s,
        "other": other,
        "leader_a": leader_a,
        "leader_b": leader_b,
        "hr": user("hr@x.test", Role.ADMIN_KEPEGAWAIAN),
        "trainer": user("pelatih@x.test", Role.PELATIH),
        "course": make_course("orientasi"),
    }


def _login(client, u):
    client.force_login(u)
    client.cookies["django_language"] = "id"


def _form(org, **over):
    data = {
        "name": "Orientasi portal",
        "unit": org["a"].pk,
        "include_subunits": "on",
        "jabatan_kind": "",
        "course": org["course"].pk,
        "due_date": _due().isoformat(),
        "message": "Selesaikan dalam 30 hari.",
        "token": str(uuid.uuid4()),
    }
    data.update(over)
    return data


def _campaign(org, unit, *, actor=None, capture):
    with capture(execute=True):
        campaign, _job = services.campaign_create(
            actor=actor or org["hr"], name=f"Kampanye {unit.code}", course=org["course"], unit=unit, due_date=_due()
        )
    return campaign


# --- create -------------------------------------------------------------------------------------------------


def test_create_enrols_and_shows_the_job_progress(client, org, django_capture_on_commit_callbacks):
    _login(client, org["leader_a"])
    form = client.get(reverse("campaigns:create"))
    html = form.content.decode()
    assert form.status_code == 200 and "Seksi A1" in html and "Bidang B" not in html  # only the leader's units
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(reverse("campaigns:create"), _form(org))
    campaign = Campaign.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("campaigns:detail", args=[campaign.pk])
    assert (campaign.unit, campaign.created_by, campaign.course_id) == (org["a"], org["leader_a"], org["course"].pk)
    assert Enrollment.objects.filter(course=org["course"], source="campaign").count() == 6  # head + 3 + 2
    job = BackgroundJob.objects.get(kind="campaign-enrol")
    assert (job.status, job.progress, job.params) == ("done", 100, {"campaign_id": campaign.pk})
    page = client.get(r["Location"]).content.decode()
    assert "Pendaftaran peserta" in page and "100%" in page and 'http-equiv="refresh"' not in page
    assert "6 pegawai ditugaskan" in page


def test_a_pending_job_refreshes_the_page(client, org):
    _login(client, org["hr"])
    r = client.post(reverse("campaigns:create"), _form(org))  # on_commit never runs inside the test transaction
    page = client.get(r["Location"]).content.decode()
    assert "Menunggu" in page and 'http-equiv="refresh"' in page


def test_past_due_date_is_refused_in_indonesian_and_changes_nothing(client, org):
    _login(client, org["hr"])
    r = client.post(
        reverse("campaigns:create"), _form(org, due_date=(dates.today() - dt.timedelta(days=1)).isoformat())
    )
    assert r.status_code == 200 and "Tenggat tidak boleh sebelum hari ini." in r.content.decode()
    r = client.post(reverse("campaigns:create"), _form(org, due_date="31/31/2026", name=""))
    html = r.content.decode()
    assert "Tulis tanggal yang benar" in html and "harus diisi" in html
    assert not Campaign.objects.exists() and not BackgroundJob.objects.exists()


def test_unpublished_course_is_refused(client, org):
    draft = make_course("konsep")
    draft.unpublish()
    _login(client, org["hr"])
    r = client.post(reverse("campaigns:create"), _form(org, course=draft.pk))
    assert r.status_code == 200 and "Pilih kursus yang sudah terbit." in r.content.decode()
    assert not Campaign.objects.exists()


def test_unit_out_of_scope_is_404_and_changes_nothing(client, org):
    _login(client, org["leader_a"])
    assert client.post(reverse("campaigns:create"), _form(org, unit=org["b"].pk)).status_code == 404
    assert client.post(reverse("campaigns:create"), _form(org, unit=org["root"].pk)).status_code == 404
    assert not Campaign.objects.exists()
    # a subunit of the leader's unit is theirs
    assert client.post(reverse("campaigns:create"), _form(org, unit=org["a1"].pk)).status_code == 302


def test_double_submit_makes_one_campaign_and_one_job(client, org, django_capture_on_commit_callbacks):
    _login(client, org["hr"])
    data = _form(org)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(reverse("campaigns:create"), data)
        second = client.post(reverse("campaigns:create"), data)
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    assert Campaign.objects.count() == 1 and BackgroundJob.objects.filter(kind="campaign-enrol").count() == 1
    assert Enrollment.objects.filter(course=org["course"]).count() == 6


def test_someone_elses_token_is_refused(org):
    token = uuid.uuid4()
    services.campaign_create(
        actor=org["hr"], name="X", course=org["course"], unit=org["a"], due_date=_due(), form_token=token
    )
    with pytest.raises(services.PermissionDenied):
        services.campaign_create(
            actor=org["leader_a"], name="X", course=org["course"], unit=org["a"], due_date=_due(), form_token=token
        )


# --- progress figures ---------------------------------------------------------------------------------------


def _progress(org, campaign):
    """A1: one completed, one started, one not started but overdue; A2: one started and overdue; head: nothing."""
    now = timezone.now()
    by_user = {e.user_id: e for e in Enrollment.objects.filter(course=org["course"])}
    a1 = [by_user[e.user_id] for e in org["a1s"]]
    a2 = [by_user[e.user_id] for e in org["a2s"]]
    Enrollment.objects.filter(pk=a1[0].pk).update(status="completed", started_at=now, completed_at=now)
    Enrollment.objects.filter(pk=a1[1].pk).update(status="in_progress", started_at=now)
    yesterday = dates.today() - dt.timedelta(days=1)
    Enrollment.objects.filter(pk=a1[2].pk).update(due_date=yesterday)
    Enrollment.objects.filter(pk=a2[0].pk).update(status="in_progress", started_at=now, due_date=yesterday)
    # overdue but completed is not overdue
    Enrollment.objects.filter(pk=a1[0].pk).update(due_date=yesterday)


def _row(data, name):
    return next(r for r in data["rows"] if r["name"] == name)


def test_progress_per_unit_with_drill_down(org, django_capture_on_commit_callbacks):
    campaign = _campaign(org, org["a"], capture=django_capture_on_commit_callbacks)
    _progress(org, campaign)
    campaign, tree = selectors.visible_campaign(org["hr"], campaign.pk)
    data = selectors.campaign_drilldown(campaign, tree)
    s = data["summary"]
    assert (s["assigned"], s["started"], s["completed"], s["overdue"]) == (6, 3, 1, 2)
    assert (s["completed_percent"], s["started_percent"], s["not_started"]) == (17, 50, 3)
    assert [r["name"] for r in data["rows"]] == ["Bidang A", "Seksi A1", "Seksi A2"]
    own = data["rows"][0]
    assert own["own_staff"] and (own["assigned"], own["started"]) == (1, 0)
    a1 = _row(data, "Seksi A1")
    assert (a1["assigned"], a1["started"], a1["completed"], a1["overdue"]) == (3, 2, 1, 1)
    a2 = _row(data, "Seksi A2")
    assert (a2["assigned"], a2["started"], a2["completed"], a2["overdue"]) == (2, 1, 0, 1)
    deeper = selectors.campaign_drilldown(campaign, tree, unit_id=org["a1"].pk)
    assert deeper["summary"]["assigned"] == 3 and deeper["trail"] == [(org["a"].pk, "Bidang A")]


def test_district_campaign_drills_unit_to_subunit_and_sums_subtrees(org, django_capture_on_commit_callbacks):
    campaign = _campaign(org, org["root"], capture=django_capture_on_commit_callbacks)
    _progress(org, campaign)
    campaign, tree = selectors.visible_campaign(org["hr"], campaign.pk)
    data = selectors.campaign_drilldown(campaign, tree)
    assert [(r["name"], r["assigned"], r["has_children"]) for r in data["rows"]] == [
        ("Bidang A", 6, True),
        ("Bidang B", 1, False),
    ]
    assert data["summary"]["assigned"] == 7
    a = selectors.campaign_drilldown(campaign, tree, unit_id=org["a"].pk)
    assert (a["summary"]["assigned"], a["summary"]["completed"], a["summary"]["overdue"]) == (6, 1, 2)


def test_jabatan_kind_campaign_counts_only_that_kind(org, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        campaign, _ = services.campaign_create(
            actor=org["hr"],
            name="Pejabat",
            course=org["course"],
            unit=org["a"],
            due_date=_due(),
            jabatan_kind="administrator",
        )
    items = {i["campaign"].pk: i for i in selectors.campaign_list(org["hr"])}
    assert items[campaign.pk]["figures"]["assigned"] == 1


# --- scope matrix -------------------------------------------------------------------------------------------


def test_scope_matrix(client, org, django_capture_on_commit_callbacks):
    on_a = _campaign(org, org["a"], capture=django_capture_on_commit_callbacks)
    on_b = _campaign(org, org["b"], capture=django_capture_on_commit_callbacks)
    district = _campaign(org, org["root"], capture=django_capture_on_commit_callbacks)
    detail = lambda c: reverse("campaigns:detail", args=[c.pk])  # noqa: E731
    export = lambda c: reverse("campaigns:export", args=[c.pk])  # noqa: E731

    _login(client, org["hr"])
    html = client.get(reverse("campaigns:list")).content.decode()
    assert all(c.name in html for c in (on_a, on_b, district))
    assert all(client.get(detail(c)).status_code == 200 for c in (on_a, on_b, district))

    _login(client, org["leader_a"])
    html = client.get(reverse("campaigns:list")).content.decode()
    assert on_a.name in html and district.name in html and on_b.name not in html
    assert client.get(detail(on_b)).status_code == 404
    assert client.post(export(on_b), {"format": "csv"}).status_code == 404
    assert client.get(detail(on_a), {"unit": org["b"].pk}).status_code == 404
    # the district campaign covers A: the leader sees A's part only (6 people, not 7)
    page = client.get(detail(district)).content.decode()
    assert "6 pegawai ditugaskan" in page and "Bidang B" not in page
    assert client.get(detail(district), {"unit": org["root"].pk}).status_code == 404

    _login(client, org["leader_b"])
    assert client.get(detail(on_a)).status_code == 404
    assert "1 pegawai ditugaskan" in client.get(detail(district)).content.decode()

    for someone in (org["a1s"][0].user, org["trainer"]):
        _login(client, someone)
        for url in (reverse("campaigns:list"), reverse("campaigns:create"), detail(on_a)):
            assert client.get(url).status_code == 403
        assert client.post(reverse("campaigns:create"), _form(org)).status_code == 403
    assert Campaign.objects.count() == 3
    client.logout()
    assert client.get(reverse("campaigns:list")).status_code == 302  # to the sign-in page


def test_leader_without_scope_gets_404(client, org):
    _login(client, user("pimpinan-tanpa@x.test", Role.PIMPINAN))
    assert client.get(reverse("campaigns:list")).status_code == 404


def test_nav_link_for_leadership_and_hr_only(client, org):
    _login(client, org["leader_a"])
    assert f'href="{reverse("campaigns:list")}"' in client.get(reverse("campaigns:list")).content.decode()
    _login(client, org["a1s"][0].user)
    assert f'href="{reverse("campaigns:list")}"' not in client.get("/").content.decode()


def test_pages_are_staff_pages_for_mfa(rf):
    from django.urls import resolve

    from portal.middleware import is_staff_view

    for name, args in [("list", []), ("create", []), ("detail", [1]), ("export", [1]), ("export_job", [1])]:
        url = reverse(f"campaigns:{name}", args=args)
        assert is_staff_view(rf.get(url), resolve(url).func)


# --- export -------------------------------------------------------------------------------------------------


def test_export_job_is_formula_safe_and_only_its_owner_downloads(
    client, org, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    org["a2"].name = '=HYPERLINK("http://x")'
    org["a2"].save()
    campaign = _campaign(org, org["a"], capture=django_capture_on_commit_callbacks)
    _progress(org, campaign)
    _login(client, org["leader_a"])
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(reverse("campaigns:export", args=[campaign.pk]), {"format": "csv"})
    job = BackgroundJob.objects.get(kind="campaign-export")
    assert r.status_code == 302 and r["Location"] == reverse("campaigns:export_job", args=[job.pk])
    assert job.status == "done" and "Unduh" in client.get(r["Location"]).content.decode()
    body = b"".join(client.get(reverse("campaigns:export_download", args=[job.pk])).streaming_content)
    text = body.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "unit_code,unit,scope,assigned,started,completed,overdue,completed_percent"
    assert lines[1].startswith(",Seluruh cakupan,total,6,3,1,2,17")
    assert "'=HYPERLINK" in text and "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text
    assert "D.A.1,Seksi A1,unit dan subunit,3,2,1,1,33" in text
    _login(client, org["leader_b"])
    assert client.get(reverse("campaigns:export_download", args=[job.pk])).status_code == 404
    assert client.get(reverse("campaigns:export_job", args=[job.pk])).status_code == 404


def test_xlsx_export_keeps_text_as_text(client, org, django_capture_on_commit_callbacks, settings, tmp_path):
    from openpyxl import load_workbook

    settings.MEDIA_ROOT = tmp_path
    org["a2"].name = "=1+1"
    org["a2"].save()
    campaign = _campaign(org, org["a"], capture=django_capture_on_commit_callbacks)
    _login(client, org["hr"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("campaigns:export", args=[campaign.pk]), {"format": "xlsx"})
    job = BackgroundJob.objects.get(kind="campaign-export")
    body = b"".join(client.get(reverse("campaigns:export_download", args=[job.pk])).streaming_content)
    sheet = load_workbook(io.BytesIO(body)).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value == "=1+1"]
    assert cells and all(c.data_type == "s" for c in cells)


def test_export_refused_when_the_owner_lost_the_scope(org, django_capture_on_commit_callbacks, settings, tmp_path):
    from performance.campaigns import export
    from performance.models import LeadershipScope

    settings.MEDIA_ROOT = tmp_path
    campaign = _campaign(org, org["a"], capture=django_capture_on_commit_callbacks)
    job = export.export_job_create(owner=org["leader_a"], campaign=campaign, fmt="csv")
    LeadershipScope.objects.filter(user=org["leader_a"]).delete()
    assert export.export_job_run(job_id=job.pk) == "refused"
    job.refresh_from_db()
    assert job.status == "failed" and not job.result_file
    assert export.export_job_run(job_id=job.pk) == "refused"  # a failed job stays failed


# --- query counts -------------------------------------------------------------------------------------------


def _count(client, url):
    with CaptureQueriesContext(connection) as q:
        r = client.get(url)
    assert r.status_code == 200
    return len(q)


def test_query_counts_do_not_grow_with_units(client, org, django_capture_on_commit_callbacks):
    district = _campaign(org, org["root"], capture=django_capture_on_commit_callbacks)
    _campaign(org, org["a"], capture=django_capture_on_commit_callbacks)
    _login(client, org["leader_a"])
    urls = [
        reverse("campaigns:list"),
        reverse("campaigns:detail", args=[district.pk]),
        reverse("campaigns:detail", args=[district.pk]) + f"?unit={org['a'].pk}",
        reverse("campaigns:create"),
    ]
    for url in urls:  # 5 units
        client.get(url)  # warm the per-process caches
    small = [_count(client, url) for url in urls]
    for i in range(45):  # 50 units
        u = pf.unit(f"D.A.Y{i:02d}", parent=org["a"], name=f"Seksi Y{i:02d}")
        pf.employee(u, user=user(f"y{i}@x.test", Role.PEGAWAI), name=f"Y {i}")
    services.campaign_enrol(campaign_id=district.pk)
    large = [_count(client, url) for url in urls]
    assert small == large, (small, large)
    assert max(large) <= 15, large
    page = client.get(urls[1]).content.decode()
    assert "Seksi Y44" in page and "Seksi A1" in page


def test_the_demo_onboarding_campaign_shows_for_pimpinan(demo_content, login):
    from performance.campaigns.devdata import demo as campaigns_demo
    from performance.devdata import demo as performance_demo

    performance_demo.seed()
    campaign = campaigns_demo.seed()
    client = login("pimpinan@walesi.test")
    listing = client.get(reverse("campaigns:list")).content.decode()
    assert campaign.name in listing
    page = client.get(reverse("campaigns:detail", args=[campaign.pk])).content.decode()
    assigned = Enrollment.objects.filter(course_id=campaign.course_id, user__employee__active=True).count()
    with_account = Employee.objects.filter(active=True, user__isnull=False).count()
    assert assigned == with_account > 3 and f"{assigned} pegawai ditugaskan" in page


def test_with_mfa_required_a_leader_without_totp_reaches_no_campaign_page(client, org, settings):
    settings.PORTAL_REQUIRE_MFA_FOR_STAFF = True
    _login(client, org["leader_a"])
    for response in (client.get(reverse("campaigns:list")), client.post(reverse("campaigns:create"), _form(org))):
        assert response.status_code == 302 and "/akun/" in response["Location"]
    assert not Campaign.objects.exists()
