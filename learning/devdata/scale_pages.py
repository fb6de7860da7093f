"""Builds course trees fast (one revision per page, or none): used by the scale data generator and the tests.

StreamField JSON comes from `portal.streamfield`, like the demo content's.
"""

from __future__ import annotations

from decimal import Decimal

from wagtail.models import Page

from portal import streamfield

from ..models import CompletionRule, CourseIndexPage, CoursePage, FinalAssessmentPage, ModulePage
from ..rules import QuestionKind, ScorePolicy


def question_value(
    prompt: str, choices: list[tuple], *, kind: str = QuestionKind.SINGLE, explanation: str = "", key: str | None = None
) -> dict:
    """A quiz question as a QuestionBlock value; choices are (text, is_correct) or (text, is_correct, feedback).

    With a `key` the choice ids are stable (the demo); without, random (scale data, tests)."""
    values = []
    for choice in choices:
        text, ok = choice[0], choice[1]
        feedback = choice[2] if len(choice) > 2 else ("Tepat." if ok else "Kurang tepat.")
        values.append({"text": text, "is_correct": ok, "feedback": feedback})
    return {"kind": kind, "prompt": prompt, "choices": streamfield.items(key, values), "explanation": explanation}


def questions_stream(questions: list[dict], key: str | None = None) -> str:
    """The raw `questions` StreamField of a quiz from question values."""
    return streamfield.stream(key, [("question", q) for q in questions])


def body_stream(text: str, key: str | None = None) -> str:
    return streamfield.stream(key, [("paragraph", streamfield.p(text))])


def ensure_course_index(home: Page) -> CourseIndexPage:
    index = CourseIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=CourseIndexPage(title="Kursus", slug="kursus"))
    return index


def build_course(
    index: Page,
    *,
    title: str,
    slug: str,
    modules: list[dict],
    final: dict | None = None,
    jp: Decimal | str = "2",
    issues_certificate: bool = True,
    completion_rule: str = CompletionRule.MODULES,
    score_policy: str = ScorePolicy.HIGHEST,
    summary: str = "",
    revisions: bool = True,
) -> CoursePage:
    """A live course with its modules; a module dict has title and optionally questions (question values), quiz
    options, is_required; `final` likewise for the final assessment."""
    course = index.add_child(
        instance=CoursePage(
            title=title,
            slug=slug,
            summary=summary or f"Kursus singkat: {title}.",
            jp_credit=Decimal(jp),
            estimated_minutes=15 * max(1, len(modules)),
            issues_certificate=issues_certificate,
            completion_rule=completion_rule,
            score_policy=score_policy,
        )
    )
    if revisions:
        course.save_revision().publish()
    for i, spec in enumerate(modules, start=1):
        spec = dict(spec)
        questions = spec.pop("questions", [])
        module = course.add_child(
            instance=ModulePage(
                title=spec.pop("title", f"Modul {i}"),
                slug=spec.pop("slug", f"modul-{i}"),
                body=body_stream(spec.pop("text", f"Isi modul {i}.")),
                questions=questions_stream(questions),
                **spec,
            )
        )
        if revisions:
            module.save_revision().publish()
    if final is not None:
        final = dict(final)
        questions = final.pop("questions", [])
        page = course.add_child(
            instance=FinalAssessmentPage(
                title=final.pop("title", "Ujian akhir"),
                slug=final.pop("slug", "ujian-akhir"),
                questions=questions_stream(questions),
                **final,
            )
        )
        if revisions:
            page.save_revision().publish()
    return course
