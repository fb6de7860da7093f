"""The demo course text (learning/devdata/courses/*.yaml): complete, valid quizzes, ids that never change."""

import json

from django.core.exceptions import ValidationError

import pytest

from learning.blocks import QuestionBlock
from learning.devdata.course_text import load_courses
from portal.streamfield import stable_id

COURSES = load_courses()


def test_three_courses_in_catalogue_order_and_one_onboarding():
    assert [c.slug for c in COURSES] == [
        "standar-kinerja-asn-walesi",
        "pelayanan-publik-ramah-dan-informatif",
        "inovasi-dalam-pekerjaan-sehari-hari",
    ]
    assert [c.onboarding for c in COURSES] == [True, False, False]
    assert COURSES[0].final is not None and COURSES[0].completion_rule == "modules_and_final"
    assert all(m.body and json.loads(m.questions) for c in COURSES for m in c.modules)


def test_question_and_choice_ids_are_stable():
    course = COURSES[0]
    module = course.modules[0]
    questions = json.loads(module.questions)
    assert questions[0]["id"] == stable_id(f"{course.slug}/{module.slug}/quiz", 0, "question")
    assert [c["id"] for c in questions[0]["value"]["choices"]] == [stable_id("m1q1", "item", i) for i in range(4)]
    assert load_courses()[0].modules[0].questions == module.questions  # the same on every read


@pytest.mark.parametrize(
    "quiz",
    [(c.slug, m.slug, m.questions) for c in COURSES for m in c.modules]
    + [(c.slug, c.final.slug, c.final.questions) for c in COURSES if c.final],
    ids=lambda q: f"{q[0]}/{q[1]}",
)
def test_every_demo_question_passes_the_authoring_checks(quiz):
    block = QuestionBlock()
    for raw in json.loads(quiz[2]):
        try:
            block.clean(block.to_python(raw["value"]))
        except ValidationError as exc:  # pragma: no cover - the message says which question
            pytest.fail(f"{quiz[0]}/{quiz[1]}: {raw['value']['prompt']!r}: {exc}")
