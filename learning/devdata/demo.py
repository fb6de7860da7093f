"""Demo courses, written from the brief (../shared/seed/) and DOMAIN.md: the mandatory onboarding course and two
shorter ones, each module with a knowledge check. The text lives in `courses/*.yaml` (one file per course, read by
`course_text`). Idempotent: pages are found by slug, never duplicated.
"""

from __future__ import annotations

from django.db import transaction

from home.models import HomePage, StandardPage
from portal.devdata.pages import cover_image, ensure_child, p

from ..models import Certificate, CourseIndexPage, CoursePage, Enrollment, FinalAssessmentPage, ModulePage
from .course_text import CourseText, load_courses

CATALOGUE_INTRO = p(
    "Kursus singkat untuk memahami dan menerapkan standar kinerja ASN Walesi. Setiap kursus dapat diikuti "
    "dari telepon; jam pelajaran (JP) dicatat saat kursus selesai."
)
FINAL_INTRO = p(
    "Ujian akhir menguji pemahaman Anda atas seluruh modul. Anda lulus dengan nilai paling sedikit "
    "70%. Sebelum mulai, pastikan semua modul wajib sudah selesai."
)
MODULE_QUIZ_RULES = {"pass_mark": 70, "max_attempts": 0, "shuffle_choices": True}
FINAL_QUIZ_RULES = {
    "pass_mark": 70,
    "max_attempts": 3,
    "shuffle_questions": True,
    "shuffle_choices": True,
    "draw_count": 8,
    "time_limit_minutes": 20,
}


def seed_course(catalogue: CourseIndexPage, spec: CourseText, standards: dict[str, StandardPage]) -> CoursePage:
    """One demo course with its modules and final assessment (pages that exist are left as they are)."""
    course, _ = ensure_child(
        catalogue,
        CoursePage,
        spec.slug,
        title=spec.title,
        summary=spec.summary,
        learning_objectives=spec.objectives,
        target_standards=[standards[s] for s in spec.standards if s in standards],
        jp_credit=spec.jp,
        estimated_minutes=spec.minutes,
        level=spec.level,
        is_mandatory=spec.mandatory,
        is_onboarding=spec.onboarding,
        issues_certificate=True,
        completion_rule=spec.completion_rule,
        cover_image=cover_image(f"Sampul kursus: {spec.title}", spec.title, colour=spec.cover),
    )
    if spec.onboarding and not course.is_onboarding:  # seeded before the flag existed
        CoursePage.objects.filter(pk=course.pk).update(is_onboarding=True)
        course.is_onboarding = True
    for module in spec.modules:
        ensure_child(
            course,
            ModulePage,
            module.slug,
            title=module.title,
            estimated_minutes=module.minutes,
            body=module.body,
            questions=module.questions,
            **MODULE_QUIZ_RULES,
        )
    if spec.final:
        ensure_child(
            course,
            FinalAssessmentPage,
            spec.final.slug,
            title=spec.final.title,
            intro=FINAL_INTRO,
            questions=spec.final.questions,
            **FINAL_QUIZ_RULES,
        )
    return course


def counts() -> dict[str, int]:
    """What the demo holds, for seed_demo's summary line."""
    return {
        "courses": CoursePage.objects.count(),
        "modules": ModulePage.objects.count(),
        "enrollments": Enrollment.objects.count(),
        "certificates": Certificate.objects.count(),
    }


@transaction.atomic
def seed(stdout=None) -> CourseIndexPage:
    """The catalogue and the demo courses with modules, knowledge checks and a final assessment, then the demo
    learners' records."""
    home = HomePage.objects.first()
    if home is None:
        from home.devdata.demo import seed as seed_home

        home = seed_home()
    catalogue, _ = ensure_child(home, CourseIndexPage, "kursus", title="Katalog Kursus", intro=CATALOGUE_INTRO)
    standards = {s.slug: s for s in StandardPage.objects.all()}
    for spec in load_courses():
        seed_course(catalogue, spec, standards)
    if stdout is not None:
        stdout.write(f"Learning: {CoursePage.objects.count()} courses, {ModulePage.objects.count()} modules.")
    from .demo_records import seed_records  # learning records of the demo learners, after the content

    seed_records(stdout)
    return catalogue
