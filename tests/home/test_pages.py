"""Home content page types: where they may live, that trainers can create them in the admin, how they render."""

import datetime

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from home.models import (
    Announcement,
    ArticleIndexPage,
    ArticlePage,
    CoreValue,
    HomePage,
    StandardIndexPage,
    StandardPage,
)
from learning.models import CourseIndexPage
from tests.learning import factories as lf

from . import factories as cf


class HomePageTypesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = cf.site_home()
        cls.standards = cf.standard_index(cls.home)
        cls.articles = cf.article_index(cls.home)

    def setUp(self):
        self.login()  # a superuser, for the admin forms

    def test_parent_page_types(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedParentPageTypes(StandardIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(StandardPage, {StandardIndexPage})
        self.assertAllowedParentPageTypes(ArticleIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})

    def test_subpage_types(self):
        self.assertAllowedSubpageTypes(StandardIndexPage, {StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, set())
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})
        self.assertAllowedSubpageTypes(ArticlePage, set())
        self.assertCanCreateAt(HomePage, CourseIndexPage)
        self.assertCanNotCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(HomePage, ArticlePage)

    def test_can_create_standard_index(self):
        StandardIndexPage.objects.all().delete()  # max_count = 1
        self.assertCanCreate(
            self.home,
            StandardIndexPage,
            nested_form_data({"title": "Standar kinerja", "slug": "standar-baru", "intro": rich_text("<p>Hai</p>")}),
        )

    def test_can_create_standard(self):
        value = CoreValue.objects.get(slug="akuntabel")
        data = nested_form_data(
            {
                "title": "Disiplin Kerja",
                "slug": "disiplin-kerja",
                "code": "dk",
                "summary": "Hadir tepat waktu.",
                "why_it_matters": rich_text("<p>Warga datang dari jauh.</p>"),
                "indicators": streamfield([("indicator", "Hadir tepat waktu"), ("indicator", "Memberi kabar")]),
                "examples": streamfield(
                    [("example", {"title": "Loket buka", "text": rich_text("<p>Pukul 08.00.</p>")})]
                ),
            }
        )
        data["core_values"] = [str(value.pk)]
        self.assertCanCreate(self.standards, StandardPage, data)
        page = StandardPage.objects.get(slug="disiplin-kerja")
        assert page.code == "DK"  # normalised
        assert [b.value for b in page.indicators] == ["Hadir tepat waktu", "Memberi kabar"]
        assert list(page.core_values.all()) == [value]

    def test_can_create_article_index(self):
        ArticleIndexPage.objects.all().delete()
        self.assertCanCreate(
            self.home,
            ArticleIndexPage,
            nested_form_data(
                {"title": "Sosialisasi", "slug": "sosialisasi-baru", "intro": rich_text(""), "per_page": "10"}
            ),
        )

    def test_can_create_article(self):
        self.assertCanCreate(
            self.articles,
            ArticlePage,
            nested_form_data(
                {
                    "title": "Panduan SKP",
                    "slug": "panduan-skp",
                    "kind": "panduan",
                    "publish_date": "2026-11-20",
                    "summary": "Cara menyusun SKP.",
                    "body": streamfield(
                        [
                            ("heading", "Langkah"),
                            ("paragraph", rich_text("<p>Siapkan dialog kinerja.</p>")),
                            ("qa", {"question": "Kapan?", "answer": rich_text("<p>Awal tahun.</p>")}),
                        ]
                    ),
                }
            ),
        )

    def test_duplicate_standard_code_is_refused(self):
        cf.standard(self.standards, code="DK")
        page = StandardPage(title="Lain", slug="lain", code="dk", summary="x", why_it_matters="<p>x</p>")
        with pytest.raises(Exception) as excinfo:
            page.full_clean()
        assert "Kode ini sudah dipakai" in str(excinfo.value)


@pytest.mark.django_db
def test_core_values_are_seeded_with_three_guides_each():
    values = list(CoreValue.objects.order_by("sort_order"))
    assert [v.name for v in values] == [
        "Berorientasi Pelayanan",
        "Akuntabel",
        "Kompeten",
        "Harmonis",
        "Loyal",
        "Adaptif",
        "Kolaboratif",
    ]
    assert all(len(v.behaviours) == 3 for v in values)
    assert values[0].behaviours[1] == "Ramah, cekatan, solutif, dan dapat diandalkan"


@pytest.mark.django_db
def test_standard_page_renders_indicators_values_courses_and_articles(client):
    home = cf.site_home()
    index = cf.standard_index(home)
    std = cf.standard(index, title="Kualitas Pelayanan Publik", values=CoreValue.objects.filter(slug="harmonis"))
    cf.article(cf.article_index(home), title="Artikel terkait layanan", standards=[std])
    lf.course(lf.course_index(home), title="Kursus layanan ramah", standards=[std])
    response = client.get(std.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Indikator satu" in html
    assert "Harmonis" in html and "Suka menolong orang lain" in html
    assert "Artikel terkait layanan" in html and "Kursus layanan ramah" in html


@pytest.mark.django_db
def test_home_shows_current_announcement_and_latest_articles(client):
    home = cf.site_home()
    articles = cf.article_index(home)
    for day in range(1, 5):
        cf.article(articles, title=f"Berita tanggal {day}", publish_date=datetime.date(2026, 11, day))
    today = datetime.date.today()
    Announcement.objects.create(
        title="Kampanye lama",
        message="x",
        start_date=today - datetime.timedelta(days=30),
        end_date=today - datetime.timedelta(days=1),
    )
    Announcement.objects.create(
        title="Kampanye berjalan",
        message="Ayo belajar",
        start_date=today,
        end_date=today + datetime.timedelta(days=5),
        link_page=articles,
    )
    html = client.get("/").content.decode()
    assert "Kampanye berjalan" in html and "Kampanye lama" not in html
    # The three newest, newest first.
    assert html.index("Berita tanggal 4") < html.index("Berita tanggal 3") < html.index("Berita tanggal 2")
    assert "Berita tanggal 1" not in html


@pytest.mark.django_db
def test_announcement_dates_are_validated():
    announcement = Announcement(
        title="x", message="y", start_date=datetime.date(2026, 12, 2), end_date=datetime.date(2026, 12, 1)
    )
    with pytest.raises(Exception) as excinfo:
        announcement.full_clean()
    assert "tidak boleh sebelum" in str(excinfo.value)


@pytest.mark.django_db
def test_named_urls_redirect_to_the_index_pages(client):
    assert client.get(reverse("home:standards")).status_code == 404
    assert client.get(reverse("home:articles")).status_code == 404
    home = cf.site_home()
    standards = cf.standard_index(home)
    articles = cf.article_index(home)
    assert client.get(reverse("home:standards"))["Location"] == standards.url
    assert client.get(reverse("home:articles"))["Location"] == articles.url


@pytest.mark.django_db
def test_named_url_serves_the_page_when_the_slug_is_the_same(client):
    from home.models import ArticleIndexPage

    home = cf.site_home()
    cf.add_page(home, ArticleIndexPage(title="Sosialisasi", slug="sosialisasi"))
    response = client.get(reverse("home:articles"))
    assert response.status_code == 200  # no redirect loop
