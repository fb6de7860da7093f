"""Upper apps add sections and search sources to home through home.registry; home never looks their models up."""

import pathlib

from django.db.models import Q

import pytest

from home import registry
from home.models import ArticlePage, StandardPage
from home.selectors import search_content, standard_related
from learning.models import CoursePage

HOME_DIR = pathlib.Path(registry.__file__).parent


def test_learning_registers_its_courses_with_home():
    assert [s.key for s in registry.related_sources()] == ["courses"]
    assert [s.model for s in registry.search_sources()] == [CoursePage]


def test_home_code_looks_up_no_model_by_name():
    offenders = [
        str(path.relative_to(HOME_DIR))
        for path in HOME_DIR.rglob("*.py")
        if "migrations" not in path.parts and "get_model(" in path.read_text()
    ]
    assert offenders == []


@pytest.mark.django_db
def test_registered_sources_show_on_the_standard_page_and_in_search(demo_content, client, monkeypatch):
    monkeypatch.setattr(registry, "_related", dict(registry._related))
    monkeypatch.setattr(registry, "_search", dict(registry._search))

    def fetch(standard, public: Q):
        return ArticlePage.objects.live().filter(public).filter(related_standards=standard).order_by("title")

    registry.register_related("extra", heading="Bacaan tambahan", fetch=fetch)
    standard = StandardPage.objects.get(slug="kualitas-pelayanan-publik")
    sections = standard_related(standard)["related_sections"]
    assert [s["key"] for s in sections] == ["courses", "extra"]
    assert all(isinstance(item, CoursePage) for item in sections[0]["items"]) and sections[0]["items"]

    html = client.get(standard.url).content.decode()
    assert "Kursus untuk standar ini" in html and "Bacaan tambahan" in html
    assert html.index("Kursus untuk standar ini") < html.index("Bacaan tambahan")

    labels = {hit["kind_label"] for hit in search_content("pelayanan")}
    assert {"Standar", "Materi", "Kursus"} <= {str(label) for label in labels}
