"""Demo learning records, so every section of /belajar/ shows real data (called at the end of learning.demo.seed).

pegawai@ is halfway through the onboarding course (a failed then a passed knowledge check) and has a course
assigned by their supervisor with a due date; pegawai2@ has completed a short course and holds its certificate; a cohort of record-only learners
(`demo_cohort`) gives the onboarding course the figures of the trainers' analytics.
Idempotent: a learner who already has the record is left as they are.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from portal import dates

from .. import services
from ..models import Certificate, CoursePage, Enrollment, ModulePage
from ..quiz import quiz_questions

ONBOARDING = "standar-kinerja-asn-walesi"
SERVICE = "pelayanan-publik-ramah-dan-informatif"
INNOVATION = "inovasi-dalam-pekerjaan-sehari-hari"


def _answers(page, *, right: bool) -> dict[str, list[str]]:
    answers = {}
    for q in quiz_questions(page):
        if right:
            answers[q.id] = sorted(q.correct_ids)
        else:
            answers[q.id] = [next(c.id for c in q.choices if not c.is_correct)]
    return answers


def _pass_module(user, module: ModulePage, *, fail_first: bool = False) -> None:
    services.module_start(user=user, module=module)
    if module.has_quiz:
        for right in [False, True] if fail_first else [True]:
            attempt = services.attempt_start(user=user, quiz_page=module)
            services.attempt_submit(user=user, attempt_id=attempt.pk, answers=_answers(module, right=right))
    else:
        services.module_complete(user=user, module=module)


@transaction.atomic
def seed_records(stdout=None) -> None:
    User = get_user_model()
    users = {
        u.email: u
        for u in User.objects.filter(email__in=["pegawai@walesi.test", "pegawai2@walesi.test", "atasan@walesi.test"])
    }
    courses = {c.slug: c for c in CoursePage.objects.live().filter(slug__in=[ONBOARDING, SERVICE, INNOVATION])}
    learner, learner2 = users.get("pegawai@walesi.test"), users.get("pegawai2@walesi.test")
    if learner and ONBOARDING in courses and not Enrollment.objects.filter(user=learner).exists():
        course = courses[ONBOARDING]
        services.enrollment_create(user=learner, course=course)
        modules = list(course.get_modules())
        for i, module in enumerate(modules[:2]):
            _pass_module(learner, module, fail_first=(i == 1))
        if len(modules) > 2:
            services.module_start(user=learner, module=modules[2])
        if SERVICE in courses:
            today = dates.today()
            services.enrollment_create(
                user=learner,
                course=courses[SERVICE],
                source=Enrollment.Source.ASSIGNED,
                due_date=today + dt.timedelta(days=5),
                assigned_by=users.get("atasan@walesi.test"),
            )
    if learner2 and INNOVATION in courses and not Enrollment.objects.filter(user=learner2).exists():
        course = courses[INNOVATION]
        services.enrollment_create(user=learner2, course=course)
        for module in course.get_modules():
            _pass_module(learner2, module)
        for certificate in Certificate.objects.filter(completion__user=learner2, pdf=""):
            services.certificate_render_pdf(certificate_id=certificate.pk)
    if ONBOARDING in courses:
        from .demo_cohort import seed_cohort  # record-only learners, so the course analytics have figures

        seed_cohort(courses[ONBOARDING])
    if stdout is not None:
        stdout.write(
            f"Learning records: {Enrollment.objects.count()} enrollments, {Certificate.objects.count()} certificates."
        )
