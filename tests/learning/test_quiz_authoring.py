"""Quiz authoring validation: the trainer gets a clear Indonesian message and nothing is saved."""

import json

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from learning.blocks import QuestionBlock
from learning.models import ModulePage
from tests.home import factories as cf
from tests.learning import factories as lf


def _value(kind, choices):
    block = QuestionBlock()
    return block, block.to_python(lf.question_value("Soal?", choices, kind=kind))


def _messages(excinfo) -> str:
    errors = excinfo.value.block_errors["choices"].non_block_errors.as_data()
    return " ".join(" ".join(e.messages) for e in errors)


@pytest.mark.parametrize(
    "kind, choices, message",
    [
        ("single", [("A", False, ""), ("B", False, "")], "paling sedikit satu pilihan"),
        ("multiple", [("A", False, ""), ("B", False, "")], "paling sedikit satu pilihan"),
        ("single", [("A", True, ""), ("B", True, "")], "tepat satu jawaban"),
        ("truefalse", [("Benar", True, ""), ("Salah", True, "")], "tepat satu jawaban"),
        ("truefalse", [("Benar", True, ""), ("Salah", False, ""), ("Ragu", False, "")], "tepat dua pilihan"),
        ("single", [("Sama", True, ""), ("sama", False, "")], "tidak boleh sama"),
    ],
)
def test_invalid_questions_are_refused(kind, choices, message):
    block, value = _value(kind, choices)
    with pytest.raises(ValidationError) as excinfo:
        block.clean(value)
    assert message in _messages(excinfo)


@pytest.mark.parametrize(
    "kind, choices",
    [
        ("single", [("A", True, "ya"), ("B", False, "tidak")]),
        ("multiple", [("A", True, ""), ("B", True, ""), ("C", False, "")]),
        ("truefalse", [("Benar", False, ""), ("Salah", True, "")]),
    ],
)
def test_valid_questions_pass(kind, choices):
    block, value = _value(kind, choices)
    assert block.clean(value)["kind"] == kind


@pytest.mark.django_db
def test_page_rules_draw_count_and_pass_mark():
    home = cf.site_home()
    module = lf.module(lf.course(lf.course_index(home)))
    module.draw_count = 4  # only three questions
    with pytest.raises(ValidationError) as excinfo:
        module.full_clean()
    assert "melebihi jumlah soal" in str(excinfo.value.message_dict["draw_count"])
    module.draw_count = 2
    module.pass_mark = 0
    with pytest.raises(ValidationError) as excinfo:
        module.full_clean()
    assert "pass_mark" in excinfo.value.message_dict
    module.pass_mark = 101
    with pytest.raises(ValidationError):
        module.full_clean()
    module.pass_mark = 80
    module.full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "question, message",
    [
        (("Tanpa kunci?", [("A", False, ""), ("B", False, "")], "single"), "paling sedikit satu pilihan"),
        (("Dua kunci?", [("A", True, ""), ("B", True, "")], "single"), "tepat satu jawaban"),
    ],
)
def test_admin_form_shows_the_error_and_saves_nothing(client, demo_users, question, message):
    home = cf.site_home()
    course = lf.course(lf.course_index(home))
    client.force_login(demo_users["admin@walesi.test"])
    url = reverse("wagtailadmin_pages:add", args=("learning", "modulepage", course.pk))
    response = client.post(url, lf.module_form("Modul salah", "modul-salah", [question]))
    assert response.status_code == 200
    assert not ModulePage.objects.filter(slug="modul-salah").exists()
    # The block errors travel to the editor as JSON inside the page.
    assert message in json.dumps(response.content.decode(), ensure_ascii=False)


@pytest.mark.django_db
def test_admin_form_refuses_draw_count_above_the_pool(client, demo_users):
    home = cf.site_home()
    course = lf.course(lf.course_index(home))
    client.force_login(demo_users["admin@walesi.test"])
    url = reverse("wagtailadmin_pages:add", args=("learning", "modulepage", course.pk))
    response = client.post(url, lf.module_form("Modul undian", "modul-undian", lf.SAMPLE_QUESTIONS, draw_count=5))
    assert response.status_code == 200
    assert "melebihi jumlah soal" in response.content.decode()
    assert not ModulePage.objects.filter(slug="modul-undian").exists()
