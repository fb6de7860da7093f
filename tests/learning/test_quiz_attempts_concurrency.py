"""The attempt limit and exactly-once completion hold when two requests race (threads, real transactions)."""

import threading

from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection

import pytest

from learning import services
from learning.models import CourseCompletion, JPLedgerEntry, ModulePage, QuizAttempt

from .factories import make_course, right_answers

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _tree_root(transactional_db):
    """Flushing between transactional tests removes the page tree root that migrations made; put it back."""
    from tests.home.factories import ensure_tree_roots

    ensure_tree_roots()


def _race(fn, n=2):
    """Run fn in n threads released at the same moment; returns (results, errors).

    SQLite's shared in-memory test database cannot wait for a lock ("table is locked"), so there the threads
    take turns; on PostgreSQL they really race and the row locks and constraints decide.
    """
    barrier = threading.Barrier(n)
    serial = threading.Lock() if connection.vendor == "sqlite" else None
    results, errors = [], []

    def call():
        if serial is None:
            return fn()
        with serial:
            return fn()

    def run():
        try:
            barrier.wait()
            results.append(call())
        except Exception as exc:  # collected and asserted on by the test
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results, errors


def test_attempt_limit_under_two_simultaneous_starts(demo_users):
    learner = demo_users["pegawai@walesi.test"]
    course = make_course(modules=1, quiz_options={"max_attempts": 1})
    services.enrollment_create(user=learner, course=course)
    module = ModulePage.objects.child_of(course).get()
    first = services.attempt_start(user=learner, quiz_page=module)
    services.attempt_submit(user=learner, attempt_id=first.pk, answers={})
    # the limit is reached: neither racing start may add an attempt
    results, errors = _race(lambda: services.attempt_start(user=learner, quiz_page=module))
    assert results == [] and len(errors) == 2 and all(isinstance(e, ValidationError) for e in errors)
    assert QuizAttempt.objects.filter(user=learner).count() == 1


def test_two_simultaneous_starts_make_one_attempt(demo_users):
    learner = demo_users["pegawai@walesi.test"]
    course = make_course(modules=1, quiz_options={"max_attempts": 2})
    services.enrollment_create(user=learner, course=course)
    module = ModulePage.objects.child_of(course).get()
    results, errors = _race(lambda: services.attempt_start(user=learner, quiz_page=module).pk)
    assert not errors, errors
    assert len(set(results)) == 1  # the second resumes the first
    assert QuizAttempt.objects.filter(user=learner).count() == 1


def test_two_simultaneous_submits_complete_once(demo_users):
    learner = demo_users["pegawai@walesi.test"]
    course = make_course(modules=1)
    services.enrollment_create(user=learner, course=course)
    module = ModulePage.objects.child_of(course).get()
    attempt = services.attempt_start(user=learner, quiz_page=module)
    answers = right_answers(module)
    results, errors = _race(lambda: services.attempt_submit(user=learner, attempt_id=attempt.pk, answers=answers).score)
    assert not errors, errors
    assert len(results) == 2 and results[0] == results[1] == 100
    assert CourseCompletion.objects.filter(user=learner).count() == 1
    assert JPLedgerEntry.objects.filter(user=learner).count() == 1
