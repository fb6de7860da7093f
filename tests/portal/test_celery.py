"""Celery: a real worker consumes a task from Redis and its result lands in the database."""

import time

from django.db import transaction

import pytest

from portal import celery_app
from portal.models import BackgroundJob
from portal.tasks import enqueue_on_commit, worker_selfcheck


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_real_worker_consumes_from_redis_and_writes_to_the_database(redis_url):
    from celery.contrib.testing.worker import start_worker

    previous = dict(celery_app.conf)
    celery_app.conf.update(
        broker_url=redis_url, task_always_eager=False, result_backend=None, broker_connection_retry_on_startup=True
    )
    try:
        job = BackgroundJob.objects.create(kind="worker-selfcheck")
        with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            with transaction.atomic():
                enqueue_on_commit(worker_selfcheck, job.pk)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                job.refresh_from_db()
                if job.status == BackgroundJob.Status.DONE:
                    break
                time.sleep(0.2)
        assert job.status == BackgroundJob.Status.DONE
        assert job.worker  # the worker's hostname, written by the worker
    finally:
        celery_app.conf.update(broker_url=previous["broker_url"], task_always_eager=previous["task_always_eager"])


@pytest.mark.django_db(transaction=True)
def test_enqueue_waits_for_commit_and_a_rolled_back_write_sends_nothing():
    job = BackgroundJob.objects.create(kind="worker-selfcheck")
    try:
        with transaction.atomic():
            enqueue_on_commit(worker_selfcheck, job.pk)
            raise RuntimeError("roll back")
    except RuntimeError:
        pass
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.PENDING  # nothing ran for a rolled-back transaction

    with transaction.atomic():
        enqueue_on_commit(worker_selfcheck, job.pk)
        job.refresh_from_db()
        assert job.status == BackgroundJob.Status.PENDING  # not before commit
    job.refresh_from_db()
    assert job.status == BackgroundJob.Status.DONE


@pytest.mark.django_db(transaction=True)
def test_selfcheck_is_idempotent():
    job = BackgroundJob.objects.create(kind="worker-selfcheck")
    assert worker_selfcheck(job.pk) == "done"
    assert worker_selfcheck(job.pk) == "already-done"
