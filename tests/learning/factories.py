"""Factories for learning in tests (wagtail-factories): the catalogue, courses, modules with quizzes, final
assessments, the answers that pass or fail a quiz, and the admin form data of a module.

StreamField JSON comes from `portal.streamfield` (through learning's course builder), as in the demo.
"""

from __future__ import annotations

from decimal import Decimal

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import factory

from learning.devdata.scale_pages import (
    body_stream,
    build_course,
    ensure_course_index,
    question_value,
    questions_stream,
)
from learning.models import CourseIndexPage, CoursePage, FinalAssessmentPage, ModulePage
from learning.quiz import quiz_questions
from learning.rules import QuestionKind
from tests.home.factories import PublishedPageFactory, ensure_tree_roots, site_home

# (prompt, [(text, is_correct, feedback)], kind): feedback and explanations are marked so a test can tell whether
# the page shows them.
SAMPLE_QUESTIONS = [
    (
        "Berapa standar kinerja ASN Walesi?",
        [("Tiga", True, "UMPAN-BALIK-TEPAT-Q1"), ("Lima", False, "umpan-balik-keliru-q1")],
        QuestionKind.SINGLE,
    ),
    (
        "Pilih standar kinerja.",
        [
            ("Inovasi", True, "UMPAN-BALIK-TEPAT-Q2"),
            ("Disiplin Kerja", True, "UMPAN-BALIK-TEPAT-Q2B"),
            ("Senioritas", False, "umpan-balik-keliru-q2"),
        ],
        QuestionKind.MULTIPLE,
    ),
    (
        "Survei kepuasan dilakukan berkala.",
        [("Benar", True, "UMPAN-BALIK-TEPAT-Q3"), ("Salah", False, "umpan-balik-keliru-q3")],
        QuestionKind.TRUEFALSE,
    ),
]


def three_questions() -> list[dict]:
    """One question of each kind (question values for `make_course`)."""
    return [
        question_value("Satu jawaban?", [("Benar", True), ("Salah", False), ("Mungkin", False)]),
        question_value("Beberapa jawaban?", [("A", True), ("B", False), ("C", True)], kind=QuestionKind.MULTIPLE),
        question_value("Benar atau salah?", [("Benar", True), ("Salah", False)], kind=QuestionKind.TRUEFALSE),
    ]


def sample_questions_stream(questions=SAMPLE_QUESTIONS, *, explanations: bool = True) -> str:
    return questions_stream(
        [
            question_value(prompt, choices, kind=kind, explanation=f"PEMBAHASAN-{i}" if explanations else "")
            for i, (prompt, choices, kind) in enumerate(questions)
        ]
    )


class CourseIndexPageFactory(PublishedPageFactory):
    title = "Katalog"
    slug = "kursus-uji"

    class Meta:
        model = CourseIndexPage


class CoursePageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Kursus {n}")
    slug = factory.Sequence(lambda n: f"kursus-{n}")
    summary = factory.Sequence(lambda n: f"Ringkasan kursus {n}")
    level = "dasar"
    is_mandatory = False
    jp_credit = Decimal("2")
    estimated_minutes = 60

    class Meta:
        model = CoursePage
        skip_postgeneration_save = True

    @factory.post_generation
    def standards(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_standards.set(extracted)
            if self.live:
                self.save_revision().publish()
                self.refresh_from_db()


class ModulePageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Modul {n}")
    slug = factory.Sequence(lambda n: f"modul-{n}")
    estimated_minutes = 15
    body = factory.LazyFunction(lambda: body_stream("Isi modul."))
    questions = factory.LazyFunction(sample_questions_stream)

    class Meta:
        model = ModulePage


class FinalAssessmentPageFactory(PublishedPageFactory):
    title = "Ujian akhir"
    slug = "ujian-akhir"
    questions = factory.LazyFunction(lambda: sample_questions_stream(explanations=False))

    class Meta:
        model = FinalAssessmentPage


# --- The call sites' vocabulary --------------------------------------------------------------------------------
def course_index(home):
    return CourseIndexPage.objects.child_of(home).first() or CourseIndexPageFactory(parent=home)


def course(index, *, title=None, standards=(), level="dasar", mandatory=False, jp="2", minutes=60, publish=True):
    extra = {"title": title} if title else {}
    return CoursePageFactory(
        parent=index,
        standards=list(standards),
        level=level,
        is_mandatory=mandatory,
        jp_credit=Decimal(jp),
        estimated_minutes=minutes,
        publish=publish,
        **extra,
    )


def module(course_page, *, title=None, questions=SAMPLE_QUESTIONS, minutes=15, publish=True, body_text="Isi modul."):
    extra = {"title": title} if title else {}
    return ModulePageFactory(
        parent=course_page,
        estimated_minutes=minutes,
        body=body_stream(body_text),
        questions=sample_questions_stream(questions),
        publish=publish,
        **extra,
    )


def final_assessment(course_page, *, questions=SAMPLE_QUESTIONS, publish=True):
    return FinalAssessmentPageFactory(
        parent=course_page, questions=sample_questions_stream(questions, explanations=False), publish=publish
    )


def make_course(slug="kursus-uji", *, quiz_options=None, final=None, modules=3, **kwargs) -> CoursePage:
    """A live course of `modules` modules under the catalogue; the last one has a three-question quiz (options in
    `quiz_options`). `final` is a final assessment spec (`questions` as question values, quiz options)."""
    ensure_tree_roots()
    index = ensure_course_index(site_home())
    specs = [{"title": f"Modul {i}", "slug": f"modul-{i}"} for i in range(1, modules + 1)]
    specs[-1].update({"questions": three_questions(), "pass_mark": 70, **(quiz_options or {})})
    return build_course(index, title=f"Kursus {slug}", slug=slug, modules=specs, final=final, **kwargs)


def right_answers(page) -> dict[str, list[str]]:
    return {q.id: sorted(q.correct_ids) for q in quiz_questions(page.specific)}


def wrong_answers(page) -> dict[str, list[str]]:
    return {q.id: [next(c.id for c in q.choices if not c.is_correct)] for q in quiz_questions(page.specific)}


# --- Admin form data -------------------------------------------------------------------------------------------
def choices_form(choices):
    data = {}
    for i, (text, correct, feedback) in enumerate(choices):
        value = {"text": text, "feedback": feedback}
        if correct:
            value["is_correct"] = "on"
        data[str(i)] = {"value": value, "deleted": "", "order": str(i), "id": ""}
    data["count"] = str(len(choices))
    return data


def questions_form(questions):
    return streamfield(
        [
            ("question", {"kind": kind, "prompt": prompt, "choices": choices_form(choices), "explanation": ""})
            for prompt, choices, kind in questions
        ]
    )


def module_form(title, slug, questions, *, pass_mark=70, draw_count=0, extra=None):
    data = {
        "title": title,
        "slug": slug,
        "estimated_minutes": "20",
        "is_required": "on",
        "body": streamfield([("paragraph", rich_text("<p>Isi modul.</p>"))]),
        "questions": questions_form(questions),
        "pass_mark": str(pass_mark),
        "max_attempts": "0",
        "draw_count": str(draw_count),
        "time_limit_minutes": "0",
    }
    data.update(extra or {})
    return nested_form_data(data)
