"""Learning page types: tree rules, admin creation, catalogue filters and query counts, quiz pages without answers."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from home.models import HomePage
from learning.models import CourseIndexPage, CoursePage, FinalAssessmentPage, ModulePage
from learning.quiz import quiz_questions
from tests.home import factories as cf
from tests.learning import factories as lf


class LearningPageTypesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = cf.site_home()
        cls.catalogue = lf.course_index(cls.home)
        cls.standard = cf.standard(cf.standard_index(cls.home), title="Inovasi")
        cls.course = lf.course(cls.catalogue, title="Kursus contoh")

    def setUp(self):
        self.login()

    def test_parent_page_types(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedParentPageTypes(FinalAssessmentPage, {CoursePage})

    def test_subpage_types(self):
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage, FinalAssessmentPage})
        self.assertAllowedSubpageTypes(ModulePage, set())
        self.assertAllowedSubpageTypes(FinalAssessmentPage, set())

    def test_can_create_course_index(self):
        CourseIndexPage.objects.all().delete()
        self.assertCanCreate(
            self.home,
            CourseIndexPage,
            nested_form_data({"title": "Katalog", "slug": "katalog-baru", "intro": rich_text("<p>Kursus</p>")}),
        )

    def test_can_create_course(self):
        data = nested_form_data(
            {
                "title": "Pelayanan ramah",
                "slug": "pelayanan-ramah",
                "summary": "Cara melayani warga dengan ramah.",
                "learning_objectives": streamfield([("objective", "Menyapa warga"), ("objective", "Mendengar")]),
                "jp_credit": "1.5",
                "estimated_minutes": "90",
                "level": "dasar",
                "is_mandatory": "on",
                "issues_certificate": "on",
                "completion_rule": "modules_and_final",
                "score_policy": "latest",
            }
        )
        data["target_standards"] = [str(self.standard.pk)]
        self.assertCanCreate(self.catalogue, CoursePage, data)
        course = CoursePage.objects.get(slug="pelayanan-ramah")
        assert str(course.jp_credit) == "1.50"
        assert list(course.target_standards.all()) == [self.standard]

    def test_can_create_module_with_quiz(self):
        self.assertCanCreate(self.course, ModulePage, lf.module_form("Modul satu", "modul-satu", lf.SAMPLE_QUESTIONS))
        module = ModulePage.objects.get(slug="modul-satu")
        questions = quiz_questions(module)
        assert [q.kind for q in questions] == ["single", "multiple", "truefalse"]
        assert all(q.id and all(c.id for c in q.choices) for q in questions)
        assert questions[1].correct_ids == {questions[1].choices[0].id, questions[1].choices[1].id}

    def test_can_create_module_without_quiz(self):
        self.assertCanCreate(self.course, ModulePage, lf.module_form("Bacaan", "bacaan", []))
        assert not ModulePage.objects.get(slug="bacaan").has_quiz

    def test_can_create_final_assessment_once_per_course(self):
        data = lf.module_form("Ujian akhir", "ujian", lf.SAMPLE_QUESTIONS)
        for key in [k for k in data if k.startswith("body") or k in ("estimated_minutes", "is_required")]:
            data.pop(key)
        data["intro"] = rich_text("<p>Semoga berhasil.</p>")
        self.assertCanCreate(self.course, FinalAssessmentPage, data)
        assert not FinalAssessmentPage.can_create_at(self.course)
        other = lf.course(self.catalogue)
        assert FinalAssessmentPage.can_create_at(other)


@pytest.mark.django_db
def test_course_modules_and_final_assessment_accessors():
    home = cf.site_home()
    course = lf.course(lf.course_index(home))
    first = lf.module(course, title="Pertama")
    draft = lf.module(course, title="Draf", publish=False)
    second = lf.module(course, title="Kedua")
    assert course.get_final_assessment() is None
    final = lf.final_assessment(course)
    assert [m.pk for m in course.get_modules()] == [first.pk, second.pk]
    assert draft.pk not in [m.pk for m in course.get_modules()]
    assert [m.title for m in course.get_modules().specific()] == ["Pertama", "Kedua"]
    assert course.get_final_assessment().pk == final.pk
    assert first.has_quiz and first.questions_per_attempt == 3


@pytest.mark.django_db
def test_question_and_choice_ids_survive_a_new_revision():
    home = cf.site_home()
    module = lf.module(lf.course(lf.course_index(home)))
    before = quiz_questions(module)
    # The trainer edits the prompt of the first question and publishes again.
    module = ModulePage.objects.get(pk=module.pk)
    raw = list(module.questions.raw_data)
    raw[0]["value"]["prompt"] = "Berapa jumlah standar kinerja?"
    module.questions = raw
    module.save_revision().publish()
    after = quiz_questions(ModulePage.objects.get(pk=module.pk))
    assert [q.id for q in after] == [q.id for q in before]
    assert [[c.id for c in q.choices] for q in after] == [[c.id for c in q.choices] for q in before]
    assert after[0].prompt == "Berapa jumlah standar kinerja?"


FORBIDDEN_MARKERS = re.compile(r"is_correct|correct|benar|umpan-balik|PEMBAHASAN", re.IGNORECASE)


@pytest.mark.django_db
def test_module_and_final_pages_carry_no_marker_of_the_correct_answers(client, demo_users):
    home = cf.site_home()
    course = lf.course(lf.course_index(home))
    module = lf.module(course, body_text="Bacalah materi ini dengan teliti.")
    final = lf.final_assessment(course)
    for page in (module, final):
        html = client.get(page.url).content.decode()
        assert "Nilai lulus" in html  # the rules are shown
        for _prompt, choices, _kind in lf.SAMPLE_QUESTIONS:
            for _text, _correct, feedback in choices:
                assert feedback not in html
        assert "UMPAN-BALIK-TEPAT" not in html
        assert not FORBIDDEN_MARKERS.search(html), FORBIDDEN_MARKERS.search(html)
        assert "data-correct" not in html


@pytest.mark.django_db
def test_demo_quiz_pages_show_no_feedback_or_explanations(client):
    from home.devdata import demo as home_demo
    from learning.devdata import demo as learning_demo

    home_demo.seed()
    learning_demo.seed()
    pages = list(ModulePage.objects.live()) + list(FinalAssessmentPage.objects.live())
    assert len(pages) == 9
    for page in pages:
        html = client.get(page.url).content.decode()
        for question in quiz_questions(page):
            assert question.explanation == "" or question.explanation not in html
            for choice in question.choices:
                if choice.feedback:
                    assert choice.feedback not in html
        assert "is_correct" not in html and "correct" not in html.lower()


@pytest.mark.django_db
def test_catalogue_filters(client):
    home = cf.site_home()
    index = lf.course_index(home)
    inov = cf.standard(cf.standard_index(home), title="Inovasi")
    layan = cf.standard(cf.standard_index(home), title="Kualitas Pelayanan Publik")
    lf.course(index, title="Kursus wajib dasar", mandatory=True, standards=[layan])
    lf.course(index, title="Kursus inovasi lanjut", level="lanjut", standards=[inov])
    lf.course(index, title="Kursus menengah campuran", level="menengah", standards=[inov, layan])

    def titles(**params):
        html = client.get(index.url, params).content.decode()
        return {t for t in ("Kursus wajib dasar", "Kursus inovasi lanjut", "Kursus menengah campuran") if t in html}

    assert titles() == {"Kursus wajib dasar", "Kursus inovasi lanjut", "Kursus menengah campuran"}
    assert titles(standar=inov.pk) == {"Kursus inovasi lanjut", "Kursus menengah campuran"}
    assert titles(wajib="1") == {"Kursus wajib dasar"}
    assert titles(wajib="0") == {"Kursus inovasi lanjut", "Kursus menengah campuran"}
    assert titles(tingkat="lanjut") == {"Kursus inovasi lanjut"}
    assert titles(standar=layan.pk, tingkat="menengah") == {"Kursus menengah campuran"}
    assert titles(standar="x", tingkat="nope", wajib="2") == titles()


@pytest.mark.django_db
def test_catalogue_cards_show_jp_and_duration(client):
    home = cf.site_home()
    index = lf.course_index(home)
    lf.course(index, title="Kursus singkat", jp="1.5", minutes=90)
    html = client.get(index.url).content.decode()
    assert "1,5" in html and "1 jam 30 menit" in html


def _count(client, url):
    client.get(url)  # warm per-process caches (site root paths, organisation settings) as a running server has them
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_catalogue_query_count_is_the_same_with_3_and_30_courses(client):
    home = cf.site_home()
    index = lf.course_index(home)
    stds = [cf.standard(cf.standard_index(home)) for _ in range(3)]
    for i in range(3):
        lf.course(index, standards=stds[: i + 1])
    small = _count(client, index.url)
    small_filtered = _count(client, f"{index.url}?standar={stds[0].pk}&wajib=0&tingkat=dasar")
    for i in range(27):
        lf.course(index, standards=stds[: (i % 3) + 1])
    assert _count(client, index.url) == small
    assert _count(client, f"{index.url}?standar={stds[0].pk}&wajib=0&tingkat=dasar") == small_filtered
    assert client.get(index.url).content.decode().count("course-card") == 30
    assert small <= 15


@pytest.mark.django_db
def test_course_and_module_query_counts_do_not_grow_with_modules(client):
    home = cf.site_home()
    course = lf.course(lf.course_index(home), standards=[cf.standard(cf.standard_index(home))])
    modules = [lf.module(course) for _ in range(2)]
    lf.final_assessment(course)
    small_course = _count(client, course.url)
    small_module = _count(client, modules[1].url)
    for _ in range(10):
        lf.module(course)
    assert _count(client, course.url) == small_course
    assert _count(client, modules[1].url) == small_module
    assert small_course <= 15 and small_module <= 15


@pytest.mark.django_db
def test_catalogue_named_url(client):
    assert client.get(reverse("learning:catalogue")).status_code == 404
    index = lf.course_index(cf.site_home())
    assert client.get(reverse("learning:catalogue"))["Location"] == index.url


@pytest.mark.django_db
def test_course_page_shows_outline_and_leaves_the_actions_block_empty(client):
    home = cf.site_home()
    course = lf.course(lf.course_index(home), title="Kursus outline", jp="4", minutes=180)
    lf.module(course, title="Modul pembuka", minutes=25)
    lf.module(course, title="Modul draf", publish=False)
    html = client.get(course.url).content.decode()
    assert "Modul pembuka" in html and "25 menit" in html and "Modul draf" not in html
    assert "3 jam" in html and ">4<" in html


@pytest.mark.django_db
def test_trainer_can_preview_a_new_and_an_edited_module(client, demo_users):
    from home.services import content_access_ensure

    home = cf.site_home()
    content_access_ensure(root=home)
    course = lf.course(lf.course_index(home))
    client.force_login(demo_users["pelatih@walesi.test"])
    data = lf.module_form("Modul pratinjau", "modul-pratinjau", lf.SAMPLE_QUESTIONS)

    url = reverse("wagtailadmin_pages:preview_on_add", args=("learning", "modulepage", course.pk))
    assert client.post(url, data).json()["is_valid"]
    html = client.get(url).content.decode()
    assert "Modul pratinjau" in html and "UMPAN-BALIK-TEPAT" not in html

    module = lf.module(course, title="Modul tersimpan")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(module.pk,))
    assert client.post(url, lf.module_form("Modul diubah", module.slug, lf.SAMPLE_QUESTIONS)).json()["is_valid"]
    html = client.get(url).content.decode()
    assert "Modul diubah" in html and "Modul 1 dari 1" in html
