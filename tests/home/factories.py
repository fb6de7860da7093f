"""Factories for home's pages in tests (wagtail-factories): the site home, standards, articles.

Each test builds the tree it needs; `site_home()` gives the HomePage at the site root, made as the demo makes it.
Courses, modules and quizzes are in `tests/learning/factories.py`.
"""

from __future__ import annotations

import datetime

from wagtail.models import Collection, Locale, Page, Site

import factory
import wagtail_factories

from home.models import ArticleIndexPage, ArticlePage, HomePage, OrganisationSettings, StandardIndexPage, StandardPage
from portal import streamfield

ORGANISATION_NAME = "Pemerintah Distrik Walesi"


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page added under `parent` with a first revision, published unless `publish=False` (then a draft)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, publish=True, **kwargs):
        kwargs["live"] = publish
        page = super()._create(model_class, *args, **kwargs)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page


class HomePageFactory(PublishedPageFactory):
    title = "Portal Pembelajaran dan Kinerja ASN Walesi"
    slug = "beranda"
    intro = "<p>Portal ini adalah tempat ASN Distrik Walesi mempelajari standar kinerja yang baru.</p>"

    class Meta:
        model = HomePage


class StandardIndexPageFactory(PublishedPageFactory):
    title = "Standar"
    slug = "standar-kinerja"

    class Meta:
        model = StandardIndexPage


class StandardPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Standar {n}")
    slug = factory.Sequence(lambda n: f"standar-{n}")
    code = factory.Sequence(lambda n: f"S{n}")
    summary = factory.Sequence(lambda n: f"Ringkasan standar {n}")
    why_it_matters = "<p>Karena penting.</p>"
    indicators = factory.LazyFunction(lambda: streamfield.stream(None, [("indicator", "Indikator satu")]))

    class Meta:
        model = StandardPage
        skip_postgeneration_save = True

    @factory.post_generation
    def values(self, create, extracted, **kwargs):
        if create and extracted:
            self.core_values.set(extracted)
            self.save_revision().publish()
            self.refresh_from_db()


class ArticleIndexPageFactory(PublishedPageFactory):
    title = "Sosialisasi"
    slug = "sosialisasi-uji"
    per_page = 10

    class Meta:
        model = ArticleIndexPage


class ArticlePageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Artikel {n}")
    slug = factory.Sequence(lambda n: f"artikel-{n}")
    kind = "berita"
    summary = factory.Sequence(lambda n: f"Ringkasan artikel {n}")
    publish_date = datetime.date(2026, 11, 1)
    body = factory.LazyFunction(lambda: streamfield.stream(None, [("paragraph", streamfield.p("Isi artikel."))]))

    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    @factory.post_generation
    def standards(self, create, extracted, **kwargs):
        if create and extracted:
            self.related_standards.set(extracted)
            self.save_revision().publish()
            self.refresh_from_db()


def ensure_tree_roots() -> Page:
    """The page tree root, locale and root collection (a flushed database, in transactional tests, lost them)."""
    if not Locale.objects.exists():
        Locale.objects.create(language_code="id")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    return root


def site_home() -> HomePage:
    """The HomePage at the default site's root (created once, with the organisation's name)."""
    home = HomePage.objects.first()
    if home is None:
        root = ensure_tree_roots()
        for child in root.get_children():  # Wagtail's placeholder "Welcome" page
            if child.specific_class is Page:
                Site.objects.filter(root_page=child).delete()
                child.delete()
        home = HomePageFactory(parent=root)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Portal ASN Walesi"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    organisation = OrganisationSettings.for_site(site)
    if not organisation.organisation_name:
        organisation.organisation_name = ORGANISATION_NAME
        organisation.save()
    return home


# --- The call sites' vocabulary --------------------------------------------------------------------------------
def add_page(parent, page, *, publish=True):
    """Add an already built page under `parent` (for page types without a factory here)."""
    page.live = publish
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def standard_index(home):
    return StandardIndexPage.objects.child_of(home).first() or StandardIndexPageFactory(parent=home)


def standard(index, *, title=None, code=None, values=()):
    extra = {k: v for k, v in (("title", title), ("code", code)) if v}
    return StandardPageFactory(parent=index, values=list(values), **extra)


def article_index(home, per_page=10):
    return ArticleIndexPage.objects.child_of(home).first() or ArticleIndexPageFactory(parent=home, per_page=per_page)


def article(index, *, title=None, kind="berita", standards=(), publish_date=None, body_text="Isi artikel."):
    extra = {"title": title} if title else {}
    return ArticlePageFactory(
        parent=index,
        kind=kind,
        standards=list(standards),
        publish_date=publish_date or datetime.date(2026, 11, 1),
        body=streamfield.stream(None, [("paragraph", streamfield.p(body_text))]),
        **extra,
    )
