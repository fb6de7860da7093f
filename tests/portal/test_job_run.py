"""`portal.services.job_run`, the one way every background job runs: once, with its file or message; refused
without writing anything when its owner lost the right; failed with the error's text otherwise."""

import pytest

from portal.models import BackgroundJob
from portal.services import JobFile, JobRefused, job_run

pytestmark = pytest.mark.django_db


def _job(kind="test-job"):
    return BackgroundJob.objects.create(kind=kind, params={})


def test_a_job_runs_once_and_keeps_its_file(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    job, calls = _job(), []

    def work(j, progress):
        progress(40)
        calls.append(BackgroundJob.objects.get(pk=j.pk).progress)
        return JobFile("hasil.csv", b"a,b\n", "1 baris.")

    assert job_run(job_id=job.pk, kind="test-job", work=work) == "done"
    assert job_run(job_id=job.pk, kind="test-job", work=work) == "skipped"  # a task delivered twice
    job.refresh_from_db()
    assert calls == [40] and job.status == "done" and job.progress == 100 and job.message == "1 baris."
    assert job.result_file.read() == b"a,b\n" and job.finished_at is not None


def test_a_job_without_a_file_ends_with_its_message():
    job = _job()
    assert job_run(job_id=job.pk, kind="test-job", work=lambda j, p: "3 atasan diberi tahu.") == "done"
    job.refresh_from_db()
    assert (job.status, job.message, bool(job.result_file)) == ("done", "3 atasan diberi tahu.", False)


def test_another_kind_is_not_run():
    job = _job("lain")
    assert job_run(job_id=job.pk, kind="test-job", work=lambda j, p: "x") == "skipped"
    job.refresh_from_db()
    assert job.status == "pending"


def test_refused_writes_nothing():
    from django.http import Http404

    for error, message in ((JobRefused("Kursus tidak ada lagi."), "Kursus tidak ada lagi."), (Http404(), None)):
        job = _job()

        def work(j, p, error=error):
            raise error

        assert job_run(job_id=job.pk, kind="test-job", work=work) == "refused"
        job.refresh_from_db()
        assert job.status == "failed" and not job.result_file
        assert job.message == (message or "Tidak berwenang.")


def test_an_error_fails_the_job_with_its_text_and_is_raised():
    job = _job()

    def work(j, p):
        raise ValueError("format tidak dikenal")

    with pytest.raises(ValueError):
        job_run(job_id=job.pk, kind="test-job", work=work)
    job.refresh_from_db()
    assert job.status == "failed" and job.message == "format tidak dikenal"
