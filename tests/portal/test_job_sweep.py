"""Jobs queued during a broker outage run once the sweep finds them (issue 9, item 5)."""

from django.urls import reverse

import pytest
from kombu.exceptions import OperationalError

from learning import tasks as learning_tasks
from portal import tasks as portal_tasks
from portal.models import BackgroundJob

pytestmark = pytest.mark.django_db


def broker_down(*args, **kwargs):
    raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")


def test_export_queued_while_broker_is_down_runs_after_the_sweep(
    login, demo_users, monkeypatch, django_capture_on_commit_callbacks
):
    client = login("admin@walesi.test")
    with monkeypatch.context() as patch:
        patch.setattr(learning_tasks.export_records_job, "delay", broker_down)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("learning:export"), {"year": "2026", "format": "csv", "unit": ""})
    job = BackgroundJob.objects.get()
    assert response.status_code == 302
    status = client.get(reverse("learning:export_job", args=[job.pk]) + "?format=json").json()
    assert status["status"] == "pending" and status["label"] == "Menunggu"

    # A sweep before the job is stale leaves it alone; once stale it is resent and runs.
    assert portal_tasks.background_job_sweep.delay().get() == 0
    assert portal_tasks.background_job_sweep.delay(stale_seconds=0).get() == 1
    status = client.get(reverse("learning:export_job", args=[job.pk]) + "?format=json").json()
    assert status["status"] == "done" and status["download"]
    # Idempotent: nothing left to resend, the finished job is not touched again.
    finished = BackgroundJob.objects.get(pk=job.pk).finished_at
    assert portal_tasks.background_job_sweep.delay(stale_seconds=0).get() == 0
    assert BackgroundJob.objects.get(pk=job.pk).finished_at == finished


def test_a_job_resent_twice_runs_once(demo_users):
    from learning.services import export_job_create, export_job_run

    job = export_job_create(owner=demo_users["admin@walesi.test"], year=2026, fmt="csv")
    BackgroundJob.objects.filter(pk=job.pk).update(status="pending", result_file="")
    assert export_job_run(job_id=job.pk) == "done"
    assert export_job_run(job_id=job.pk) == "skipped"


def test_a_job_whose_worker_died_is_resent(demo_users):
    import datetime as dt

    from django.utils import timezone

    job = BackgroundJob.objects.create(
        owner=demo_users["admin@walesi.test"],
        kind="learning_records_export",
        status="running",
        params={"year": 2026, "format": "csv", "unit": ""},
    )
    BackgroundJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - dt.timedelta(hours=2))
    assert portal_tasks.background_job_sweep.delay().get() == 1
    assert BackgroundJob.objects.get(pk=job.pk).status == "done"


def test_every_job_kind_has_a_sweep_and_the_sweep_is_scheduled(settings):
    assert "learning_records_export" in portal_tasks.JOB_TASKS
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "portal.tasks.background_job_sweep" in tasks


def test_invitation_queued_while_broker_is_down_is_sent_by_the_sweep(
    demo_org, login, monkeypatch, django_capture_on_commit_callbacks
):
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.core import mail
    from django.utils import timezone

    from performance import tasks as performance_tasks
    from performance.models import RosterUpload
    from tests.performance.test_hr_views import roster, upload

    client = login("admin@walesi.test")
    response = upload(client, roster(demo_org))
    row = RosterUpload.objects.latest("created_at")
    mail.outbox.clear()
    with monkeypatch.context() as patch:
        patch.setattr(performance_tasks.send_invitations, "delay", broker_down)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(response["Location"], {"token": row.token, "sha256": row.sha256})
    assert mail.outbox == []  # the task never reached a worker
    new = get_user_model().objects.filter(email="andreas@walesi.test")
    assert new.exists()
    assert performance_tasks.invitation_sweep.delay().get() == 0  # too fresh: its own task may still come
    new.update(date_joined=timezone.now() - dt.timedelta(minutes=30))
    assert performance_tasks.invitation_sweep.delay().get() == 1
    assert [m.to for m in mail.outbox] == [["andreas@walesi.test"]]
    assert performance_tasks.invitation_sweep.delay().get() == 0  # invited once
    assert len(mail.outbox) == 1


def test_the_invitation_sweep_is_scheduled(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "performance.tasks.invitation_sweep" in tasks
