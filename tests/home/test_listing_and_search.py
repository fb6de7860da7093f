"""Article listing (filters, paging, constant queries), search, and the demo content."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from home.models import Announcement, ArticlePage, CoreValue, StandardPage
from tests.learning import factories as lf

from . import factories as cf


def _queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, organisation settings) as a running server has them
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response


@pytest.mark.django_db
def test_article_listing_filters_by_kind_and_standard(client):
    home = cf.site_home()
    std_a = cf.standard(cf.standard_index(home), title="Inovasi")
    std_b = cf.standard(cf.standard_index(home), title="Disiplin Kerja")
    index = cf.article_index(home)
    cf.article(index, title="Berita inovasi", kind="berita", standards=[std_a])
    cf.article(index, title="Panduan inovasi", kind="panduan", standards=[std_a])
    cf.article(index, title="Panduan disiplin", kind="panduan", standards=[std_b])

    html = client.get(index.url, {"jenis": "panduan"}).content.decode()
    assert "Panduan inovasi" in html and "Panduan disiplin" in html and "Berita inovasi" not in html

    html = client.get(index.url, {"standar": std_a.pk}).content.decode()
    assert "Berita inovasi" in html and "Panduan inovasi" in html and "Panduan disiplin" not in html

    html = client.get(index.url, {"jenis": "panduan", "standar": std_a.pk}).content.decode()
    assert "Panduan inovasi" in html and "Panduan disiplin" not in html and "Berita inovasi" not in html

    # Nonsense filters are ignored, not errors.
    response = client.get(index.url, {"jenis": "<script>", "standar": "abc", "halaman": "999"})
    assert response.status_code == 200
    assert "Panduan disiplin" in response.content.decode()


@pytest.mark.django_db
def test_article_listing_pages_newest_first(client):
    import datetime

    home = cf.site_home()
    index = cf.article_index(home, per_page=2)
    for day in range(1, 6):
        cf.article(index, title=f"Artikel hari {day}", publish_date=datetime.date(2026, 11, day))
    first = client.get(index.url).content.decode()
    assert "Artikel hari 5" in first and "Artikel hari 4" in first and "Artikel hari 3" not in first
    assert "Halaman 1 dari 3" in first
    third = client.get(index.url, {"halaman": 3}).content.decode()
    assert "Artikel hari 1" in third and "Artikel hari 2" not in third


@pytest.mark.django_db
def test_unpublished_articles_are_not_listed(client):
    home = cf.site_home()
    index = cf.article_index(home)
    draft = cf.article(index, title="Draf rahasia")
    draft.unpublish()
    assert "Draf rahasia" not in client.get(index.url).content.decode()


@pytest.mark.django_db
def test_article_listing_and_home_query_count_does_not_grow(client):
    home = cf.site_home()
    stds = [cf.standard(cf.standard_index(home)) for _ in range(3)]
    index = cf.article_index(home, per_page=50)
    for i in range(3):
        cf.article(index, standards=stds[: i + 1])
    client.get("/")  # warm the per-process caches (site root paths, organisation settings), as a server has them
    small_list, _ = _queries(client, index.url)
    small_home, _ = _queries(client, "/")
    small_article, _ = _queries(client, ArticlePage.objects.first().url)
    small_std_index, _ = _queries(client, cf.standard_index(home).url)
    for i in range(27):
        cf.article(index, standards=stds[: (i % 3) + 1])
    for _ in range(5):
        cf.standard(cf.standard_index(home), values=CoreValue.objects.all()[:3])
    big_list, response = _queries(client, index.url)
    assert response.content.decode().count('class="card"') == 30
    assert big_list == small_list
    assert _queries(client, "/")[0] == small_home
    assert _queries(client, ArticlePage.objects.last().url)[0] == small_article
    assert _queries(client, cf.standard_index(home).url)[0] == small_std_index
    assert big_list <= 15 and small_home <= 15 and small_std_index <= 15


@pytest.mark.django_db
def test_search_finds_standards_articles_and_courses(client):
    home = cf.site_home()
    cf.standard(cf.standard_index(home), title="Kualitas Pelayanan Publik")
    cf.article(cf.article_index(home), title="Tanya-jawab survei", body_text="Survei kepuasan masyarakat berkala")
    course_index = lf.course_index(home)
    lf.course(course_index, title="Inovasi dalam pekerjaan sehari-hari")
    draft = lf.course(course_index, title="Inovasi draf tersembunyi", publish=False)
    assert not draft.live

    html = client.get("/cari/", {"q": "pelayanan"}).content.decode()
    assert "Kualitas Pelayanan Publik" in html
    html = client.get("/cari/", {"q": "survei"}).content.decode()
    assert "Tanya-jawab survei" in html
    html = client.get("/cari/", {"q": "inovasi"}).content.decode()
    assert "Inovasi dalam pekerjaan sehari-hari" in html
    assert "Inovasi draf tersembunyi" not in html
    html = client.get("/cari/", {"q": "zzzqqq"}).content.decode()
    assert "Tidak ada hasil" in html
    assert client.get("/cari/").status_code == 200


@pytest.mark.django_db
def test_demo_content_loads_twice_without_duplicates():
    from wagtail.images import get_image_model
    from wagtail.models import Page, Revision, Workflow

    from home.devdata import demo as home_demo
    from learning.devdata import demo as learning_demo
    from learning.models import CoursePage, FinalAssessmentPage, ModulePage
    from portal import demo as portal_demo

    def counts():
        return {
            "pages": Page.objects.count(),
            "revisions": Revision.objects.count(),
            "standards": StandardPage.objects.count(),
            "articles": ArticlePage.objects.count(),
            "courses": CoursePage.objects.count(),
            "modules": ModulePage.objects.count(),
            "finals": FinalAssessmentPage.objects.count(),
            "announcements": Announcement.objects.count(),
            "values": CoreValue.objects.count(),
            "images": get_image_model().objects.count(),
            "workflows": Workflow.objects.filter(name="Tinjauan Materi").count(),
        }

    for _ in range(2):
        portal_demo.seed()
        home_demo.seed()
        learning_demo.seed()
        if _ == 0:
            first = counts()
    assert counts() == first
    assert first["standards"] == 3 and first["articles"] >= 4 and first["courses"] == 3 and first["values"] == 7
    assert set(StandardPage.objects.values_list("title", flat=True)) == {
        "Disiplin Kerja",
        "Kualitas Pelayanan Publik",
        "Inovasi",
    }
    assert len(set(ArticlePage.objects.values_list("kind", flat=True))) == 3
    assert first["workflows"] == 1
    assert any(c.is_current() for c in Announcement.objects.all())
