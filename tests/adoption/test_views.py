"""The /pimpinan/ page: roles × pages, the new figures on the page, Indonesian SVG without decimal commas, the
query budget at two sizes, the export job (with every figure and the funnel) and its scope."""

import csv
import io
import re

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from portal.models import BackgroundJob

from .factories import grow

pytestmark = pytest.mark.django_db


def _login(client, u):
    client.force_login(u)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"


def test_hr_sees_figures_and_svg_numbers_are_plain(client, org, pulse, settings):
    settings.LANGUAGE_CODE = "id"
    _login(client, org["hr"])
    r = client.get(reverse("adoption:dashboard"), {"unit": org["root"].pk}, HTTP_ACCEPT_LANGUAGE="id")
    html = r.content.decode()
    assert r.status_code == 200 and "Corong adopsi" in html
    for svg in re.findall(r"<svg.*?</svg>", html, flags=re.S):
        assert not re.search(r'(width|height|x|y)="[0-9]+,[0-9]', svg), svg
    assert re.search(r'<rect class="bar" x="0" y="\d+" height="7" width="[1-9]', html)
    # five funnel steps, each as a bar and in text
    funnel = re.search(r'<svg[^>]*aria-labelledby="corong-teks".*?</svg>', html, flags=re.S).group(0)
    assert funnel.count('<rect class="bar"') == 5
    assert "Punya rencana pengembangan: 1 (14%" in html and "Predikat membaik: 1 (14%" in html
    assert "Sangat Baik, Baik, Butuh Perbaikan" in html  # what "membaik" means is said
    # plans, dialogues, meetings, IKM (Indonesian decimal comma in text is fine), readiness
    assert "Rencana pengembangan: 1 aktif, 1 selesai" in html
    assert "Dialog kinerja diadakan: 3" in html and "Rapat tim diadakan: 2" in html
    assert "IKM 87,50 · mutu B" in html
    assert "<td>87,50 (B)</td>" in html and "belum ada data" in html  # D.A; D.B has no answer
    assert "Indeks kesiapan 3,6" in html


def test_page_query_budget_is_the_same_at_two_sizes(client, org, pulse):
    url = reverse("adoption:dashboard")
    counts = {}
    for who in ("hr", "leader"):
        _login(client, org[who])
        client.get(url)  # warm per-process caches
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts[who] = len(ctx)
    grow(org, 40)
    for who in ("hr", "leader"):
        _login(client, org[who])
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        assert len(ctx) == counts[who], f"{who}: {counts[who]} queries before, {len(ctx)} after"
        assert len(ctx) <= 15, [q["sql"][:120] for q in ctx.captured_queries]


def test_roles_and_scope(client, org):
    _login(client, org["people"][0].user)  # an ASN: no leadership role, so no figures to see: 404 (issue 12)
    assert client.get(reverse("adoption:dashboard")).status_code == 404
    assert client.post(reverse("adoption:export"), {"format": "csv"}).status_code == 404
    assert client.post(reverse("adoption:notify"), {"format": "csv"}).status_code == 404
    _login(client, org["leader"])
    html = client.get(reverse("adoption:dashboard")).content.decode()
    assert "Unit D.B" in html and "Unit D.A" not in html
    assert client.get(reverse("adoption:dashboard"), {"unit": org["a"].pk}).status_code == 404
    assert client.post(reverse("adoption:export"), {"unit": org["a"].pk}).status_code == 404
    assert not BackgroundJob.objects.filter(kind="adoption-export").exists()


def _export(client, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(reverse("adoption:export"), data)
    job = BackgroundJob.objects.filter(kind="adoption-export").latest("pk")
    assert r.status_code == 302 and job.status == "done", job.message
    body = b"".join(client.get(reverse("adoption:export_download", args=[job.pk])).streaming_content)
    return job, list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_export_has_every_figure_and_the_funnel(
    client, org, pulse, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    _login(client, org["hr"])
    job, rows = _export(client, {"format": "csv", "unit": org["root"].pk}, django_capture_on_commit_callbacks)
    by_unit = {r["unit"]: r for r in rows}
    d, da, db = by_unit["Unit D"], by_unit["Unit D.A"], by_unit["Unit D.B"]
    assert (d["plans_active"], d["plans_completed"], d["dialogues"], d["meetings"]) == ("1", "1", "3", "2")
    assert (d["in_plan"], d["improved"]) == ("2", "2")
    assert [
        (d[f"funnel_{k}"], d[f"funnel_{k}_pct"]) for k in ("reached", "enrolled", "completed", "in_plan", "improved")
    ] == [
        ("5", "71"),
        ("3", "43"),
        ("2", "29"),
        ("1", "14"),
        ("1", "14"),
    ]
    assert (da["ikm"], da["ikm_band"], da["ikm_responses"]) == ("87.50", "B", "2")
    assert (db["ikm"], db["ikm_band"]) == ("", "")  # no answer: empty, never 0
    assert d["readiness"] == "3.6" and db["readiness"] == ""
    # only its owner downloads it; the leader of D.B exports D.B alone
    _login(client, org["leader"])
    assert client.get(reverse("adoption:export_download", args=[job.pk])).status_code == 404
    _job, rows = _export(client, {"format": "csv"}, django_capture_on_commit_callbacks)
    assert {r["unit"] for r in rows} == {"Seluruh cakupan", "Unit D.B"}
    assert rows[0]["dialogues"] == "1" and rows[0]["meetings"] == "0"


def test_xlsx_export(client, org, django_capture_on_commit_callbacks, settings, tmp_path):
    from openpyxl import load_workbook

    settings.MEDIA_ROOT = tmp_path
    _login(client, org["hr"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("adoption:export"), {"format": "xlsx"})
    job = BackgroundJob.objects.get(kind="adoption-export")
    body = b"".join(client.get(reverse("adoption:export_download", args=[job.pk])).streaming_content)
    sheet = load_workbook(io.BytesIO(body)).active
    header = [c.value for c in sheet[1]]
    assert {"plans_active", "dialogues", "meetings", "ikm", "ikm_band", "readiness", "funnel_improved"} <= set(header)
    summary = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert (summary["plans_active"], summary["funnel_in_plan"], summary["funnel_improved_pct"]) == (1, 1, 14)


def test_english_interface(client, org, settings):
    client.force_login(org["hr"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("adoption:dashboard")).content.decode()
    assert (
        "Adoption funnel" in html
        and "Has a development plan" in html
        and "Rating improved" in html
        and "no data yet" in html
    )
    assert "Development and supervision" in html and "Corong adopsi" not in html


def test_notify_not_started_runs_as_a_job_once_per_supervisor_and_day(
    client, org, mailoutbox, django_capture_on_commit_callbacks
):
    """The button queues a background job (thousands of supervisors are not a request's work); pressed twice, no
    supervisor hears twice; a unit outside the leader's scope is a 404 and queues nothing."""
    from portal.models import BackgroundJob

    _login(client, org["hr"])
    for _press in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            r = client.post(reverse("adoption:notify"), {}, follow=True)
        assert r.status_code == 200
    jobs = list(BackgroundJob.objects.filter(kind="adoption-notify").order_by("pk"))
    assert [j.status for j in jobs] == ["done", "done"]
    assert "atasan diberi tahu" in jobs[0].message
    assert [m.to for m in mailoutbox] == [["kepala@x.test"]]
    assert "Pemberitahuan kepada atasan sedang dikirim" in r.content.decode()  # the job ran after the request
    _login(client, org["leader"])
    assert client.post(reverse("adoption:notify"), {"unit": org["a"].pk}).status_code == 404
    assert BackgroundJob.objects.filter(kind="adoption-notify").count() == 2


def test_a_job_left_waiting_by_a_broker_outage_is_resent_by_the_sweep():
    """Both of the dashboard's job kinds are known to the sweep (the export's was not)."""
    from portal.tasks import JOB_TASKS

    assert JOB_TASKS["adoption-export"] == "performance.adoption.tasks.export_task"
    assert JOB_TASKS["adoption-notify"] == "performance.adoption.tasks.notify_task"


def test_export_and_notify_refused_when_the_leader_lost_the_scope(org, settings, tmp_path):
    """A leader's scope removed between asking and the worker running: the job fails with a message, no file is
    written and nobody is notified (before, the export's worker raised a 404 inside the task)."""
    from performance.adoption import export, selectors, services
    from performance.models import LeadershipScope
    from portal.notifications.models import Notification

    settings.MEDIA_ROOT = tmp_path
    filters = selectors.dashboard_filters(org["leader"])
    job = export.export_job_create(owner=org["leader"], filters=filters, fmt="csv")
    notify = services.notify_job_create(owner=org["leader"], filters=filters)
    notices = Notification.objects.count()
    LeadershipScope.objects.filter(user=org["leader"]).delete()
    assert export.export_job_run(job_id=job.pk) == "refused"
    assert services.notify_job_run(job_id=notify.pk) == "refused"
    for j in (job, notify):
        j.refresh_from_db()
        assert j.status == "failed" and j.message == "Tidak berwenang." and not j.result_file
    assert Notification.objects.count() == notices
