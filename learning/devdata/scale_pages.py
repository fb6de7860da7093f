"""Builds course trees fast (raw StreamField JSON, one revision per page): used by tests, the demo and the
scale data generator."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal

from wagtail.models import Page

from ..models import CourseIndexPage, CoursePage, FinalAssessmentPage, ModulePage


def question_raw(prompt: str, choices: list[tuple[str, bool]], *, kind: str = "single", explanation: str = "") -> dict:
    """A quiz question in StreamField's raw form: [(text, is_correct), ...]."""
    return {
        "type": "question",
        "id": str(uuid.uuid4()),
        "value": {
            "kind": kind,
            "prompt": prompt,
            "choices": [
                {
                    "type": "item",
                    "id": str(uuid.uuid4()),
                    "value": {"text": text, "is_correct": ok, "feedback": ("Tepat." if ok else "Kurang tepat.")},
                }
                for text, ok in choices
            ],
            "explanation": explanation,
        },
    }


def body_raw(text: str) -> str:
    return json.dumps([{"type": "paragraph", "id": str(uuid.uuid4()), "value": f"<p>{text}</p>"}])


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
    completion_rule: str = "modules",
    score_policy: str = "highest",
    summary: str = "",
    revisions: bool = True,
) -> CoursePage:
    """A live course with its modules; a module dict has title and optionally questions, quiz options, is_required."""
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
                body=body_raw(spec.pop("text", f"Isi modul {i}.")),
                questions=json.dumps(questions),
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
                questions=json.dumps(questions),
                **final,
            )
        )
        if revisions:
            page.save_revision().publish()
    return course
