"""Query counts of the learner's pages do not grow with the data: measured at two sizes."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from learning import services
from learning.devdata.scale import generate
from learning.models import ModulePage

from .factories import make_course, right_answers, wrong_answers

pytestmark = pytest.mark.django_db


def _count(fn) -> int:
    fn()  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        fn()
    return len(queries)


def _measure(client, learner, course, modules) -> dict:
    quiz_module = modules[-1]

    def submit():
        attempt = services.attempt_start(user=learner, quiz_page=quiz_module)
        data = {f"q-{k}": v for k, v in wrong_answers(quiz_module).items()}
        with CaptureQueriesContext(connection) as queries:
            response = client.post(reverse("learning:attempt_submit", args=[attempt.pk]), data)
        assert response.status_code == 302
        return len(queries)

    submit()
    attempt = services.attempt_start(user=learner, quiz_page=quiz_module)
    return {
        "dashboard": _count(lambda: client.get(reverse("learning:dashboard"))),
        "module": _count(lambda: client.get(modules[0].url)),
        "course": _count(lambda: client.get(course.url)),
        "quiz": _count(lambda: client.get(reverse("learning:attempt", args=[attempt.pk]))),
        "submit": submit(),
    }


def test_learner_pages_same_queries_at_two_sizes(demo_users, login):
    learner = demo_users["pegawai@walesi.test"]
    course = make_course(modules=3)
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    services.enrollment_create(user=learner, course=course)
    services.module_complete(user=learner, module=modules[0])
    client = login("pegawai@walesi.test")
    small = _measure(client, learner, course, modules)

    # Grow the data: other learners' records, and more of this learner's own courses, completions and attempts.
    generate(12, seed=7)
    for n in range(4):
        other = make_course(f"tambahan-{n}", modules=1)
        services.enrollment_create(user=learner, course=other, source="assigned" if n % 2 else "self")
        if n < 2:
            module = ModulePage.objects.child_of(other).get()
            attempt = services.attempt_start(user=learner, quiz_page=module)
            services.attempt_submit(user=learner, attempt_id=attempt.pk, answers=right_answers(module))
    large = _measure(client, learner, course, modules)
    assert small == large, (small, large)
    assert large["dashboard"] <= 15 and large["quiz"] <= 15, large
