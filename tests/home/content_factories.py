"""Builders for content trees in tests (plain functions; the page tree is data, so each test builds its own)."""

from __future__ import annotations

import itertools
import json
import uuid
from decimal import Decimal

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

_seq = itertools.count(1)


def site_home():
    """The HomePage at the site root (created like the demo does)."""
    from home.devdata.demo import ensure_site

    return ensure_site()


def add_page(parent, page, *, publish=True):
    page.live = publish
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def standard_index(home):
    from home.models import StandardIndexPage

    existing = StandardIndexPage.objects.child_of(home).first()
    return existing or add_page(home, StandardIndexPage(title="Standar", slug="standar-kinerja"))


def standard(index, *, title=None, code=None, values=()):
    from home.models import StandardPage

    n = next(_seq)
    page = StandardPage(
        title=title or f"Standar {n}",
        slug=f"standar-{n}",
        code=code or f"S{n}",
        summary=f"Ringkasan standar {n}",
        why_it_matters="<p>Karena penting.</p>",
        indicators=json.dumps([{"type": "indicator", "value": "Indikator satu", "id": str(uuid.uuid4())}]),
    )
    parent = index
    parent.add_child(instance=page)
    if values:
        page.core_values.set(values)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def article_index(home, per_page=10):
    from home.models import ArticleIndexPage

    existing = ArticleIndexPage.objects.child_of(home).first()
    return existing or add_page(home, ArticleIndexPage(title="Sosialisasi", slug="sosialisasi-uji", per_page=per_page))


def article(index, *, title=None, kind="berita", standards=(), publish_date=None, body_text="Isi artikel."):
    import datetime

    from home.models import ArticlePage

    n = next(_seq)
    page = ArticlePage(
        title=title or f"Artikel {n}",
        slug=f"artikel-{n}",
        kind=kind,
        summary=f"Ringkasan artikel {n}",
        publish_date=publish_date or datetime.date(2026, 11, 1),
        body=json.dumps([{"type": "paragraph", "value": f"<p>{body_text}</p>", "id": str(uuid.uuid4())}]),
    )
    index.add_child(instance=page)
    if standards:
        page.related_standards.set(standards)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def course_index(home):
    from learning.models import CourseIndexPage

    existing = CourseIndexPage.objects.child_of(home).first()
    return existing or add_page(home, CourseIndexPage(title="Katalog", slug="kursus-uji"))


def course(index, *, title=None, standards=(), level="dasar", mandatory=False, jp="2", minutes=60, publish=True):
    from learning.models import CoursePage

    n = next(_seq)
    page = CoursePage(
        title=title or f"Kursus {n}",
        slug=f"kursus-{n}",
        summary=f"Ringkasan kursus {n}",
        level=level,
        is_mandatory=mandatory,
        jp_credit=Decimal(jp),
        estimated_minutes=minutes,
    )
    page.live = publish
    index.add_child(instance=page)
    if standards:
        page.target_standards.set(standards)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def question_raw(prompt, choices, kind="single", qid=None, explanation=""):
    """One question as raw StreamField data: choices are (text, is_correct, feedback)."""
    return {
        "type": "question",
        "id": qid or str(uuid.uuid4()),
        "value": {
            "kind": kind,
            "prompt": prompt,
            "explanation": explanation,
            "choices": [
                {"type": "item", "id": str(uuid.uuid4()), "value": {"text": t, "is_correct": c, "feedback": f}}
                for t, c, f in choices
            ],
        },
    }


SAMPLE_QUESTIONS = [
    (
        "Berapa standar kinerja ASN Walesi?",
        [("Tiga", True, "UMPAN-BALIK-TEPAT-Q1"), ("Lima", False, "umpan-balik-keliru-q1")],
        "single",
    ),
    (
        "Pilih standar kinerja.",
        [
            ("Inovasi", True, "UMPAN-BALIK-TEPAT-Q2"),
            ("Disiplin Kerja", True, "UMPAN-BALIK-TEPAT-Q2B"),
            ("Senioritas", False, "umpan-balik-keliru-q2"),
        ],
        "multiple",
    ),
    (
        "Survei kepuasan dilakukan berkala.",
        [("Benar", True, "UMPAN-BALIK-TEPAT-Q3"), ("Salah", False, "umpan-balik-keliru-q3")],
        "truefalse",
    ),
]


def module(course_page, *, title=None, questions=SAMPLE_QUESTIONS, minutes=15, publish=True, body_text="Isi modul."):
    from learning.models import ModulePage

    n = next(_seq)
    page = ModulePage(
        title=title or f"Modul {n}",
        slug=f"modul-{n}",
        estimated_minutes=minutes,
        body=json.dumps([{"type": "paragraph", "value": f"<p>{body_text}</p>", "id": str(uuid.uuid4())}]),
        questions=json.dumps(
            [question_raw(p, c, k, explanation=f"PEMBAHASAN-{i}") for i, (p, c, k) in enumerate(questions)]
        ),
    )
    return add_page(course_page, page, publish=publish)


def final_assessment(course_page, *, questions=SAMPLE_QUESTIONS, publish=True):
    from learning.models import FinalAssessmentPage

    page = FinalAssessmentPage(
        title="Ujian akhir",
        slug="ujian-akhir",
        questions=json.dumps([question_raw(p, c, k) for p, c, k in questions]),
    )
    return add_page(course_page, page, publish=publish)


# --- Admin form data ---------------------------------------------------------------------------------------
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
