"""Course trees for learning-records tests."""

from __future__ import annotations

from home.devdata import demo as home_demo
from learning.models import CoursePage
from learning.quiz import quiz_questions
from learning.scale_pages import build_course, ensure_course_index, question_raw


def three_questions():
    return [
        question_raw("Satu jawaban?", [("Benar", True), ("Salah", False), ("Mungkin", False)], kind="single"),
        question_raw("Beberapa jawaban?", [("A", True), ("B", False), ("C", True)], kind="multiple"),
        question_raw("Benar atau salah?", [("Benar", True), ("Salah", False)], kind="truefalse"),
    ]


def _ensure_root():
    """A flushed database (transactional tests) has lost the tree root and locale that migrations made."""
    from wagtail.models import Collection, Locale, Page

    if not Locale.objects.exists():
        Locale.objects.create(language_code="id")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def make_course(slug="kursus-uji", *, quiz_options=None, final=None, modules=3, **kwargs) -> CoursePage:
    """A course of `modules` modules; the last one has a three-question quiz (options in quiz_options)."""
    _ensure_root()
    home = home_demo.seed()
    index = ensure_course_index(home)
    specs = [{"title": f"Modul {i}", "slug": f"modul-{i}"} for i in range(1, modules + 1)]
    specs[-1].update({"questions": three_questions(), "pass_mark": 70, **(quiz_options or {})})
    return build_course(index, title=f"Kursus {slug}", slug=slug, modules=specs, final=final, **kwargs)


def right_answers(page) -> dict[str, list[str]]:
    return {q.id: sorted(q.correct_ids) for q in quiz_questions(page.specific)}


def wrong_answers(page) -> dict[str, list[str]]:
    return {q.id: [next(c.id for c in q.choices if not c.is_correct)] for q in quiz_questions(page.specific)}
