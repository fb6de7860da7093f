"""Reads for the published content, each in a fixed number of queries whatever the amount of content."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import registry
from .models import Announcement, ArticleIndexPage, ArticleKind, ArticlePage, CoreValue, StandardIndexPage, StandardPage


def current_announcement(today=None) -> Announcement | None:
    """The announcement running today (WIT); the most recently started one when several overlap."""
    today = today or timezone.localdate()
    return (
        Announcement.objects.filter(start_date__lte=today, end_date__gte=today)
        .select_related("link_page")
        .order_by("-start_date", "-pk")
        .first()
    )


def public_q() -> Q:
    """Excludes pages under a view restriction; one query, reused by every listing of a request's selector."""
    from wagtail.models import PageViewRestriction

    private = Q()
    for restriction in PageViewRestriction.objects.select_related("page").only("page__path"):
        private |= Q(path__startswith=restriction.page.path)
    return ~private if private else Q()


def live_articles(public: Q | None = None):
    return (
        ArticlePage.objects.live()
        .filter(public_q() if public is None else public)
        .defer_streamfields()
        .select_related("cover_image")
        .order_by("-publish_date", "-pk")
    )


def latest_articles(*, limit: int = 3) -> list[ArticlePage]:
    return list(live_articles()[:limit])


def live_standards(public: Q | None = None):
    return (
        StandardPage.objects.live()
        .filter(public_q() if public is None else public)
        .defer_streamfields()
        .order_by("path")
    )


def standards_for_index(index_page: StandardIndexPage) -> list[StandardPage]:
    return list(
        live_standards()
        .child_of(index_page)
        .prefetch_related(Prefetch("core_values", queryset=CoreValue.objects.order_by("sort_order")))
    )


def standard_related(standard: StandardPage) -> dict:
    """The BerAKHLAK values and latest articles that belong with a standard, and one section per related source an
    upper app registered (learning's courses): one query each."""
    public = public_q()
    values = list(standard.core_values.order_by("sort_order"))
    articles = list(live_articles(public).filter(related_standards=standard)[:3])
    sections = []
    for source in registry.related_sources():
        items = list(source.fetch(standard, public))
        if items:
            sections.append({"key": source.key, "heading": source.heading, "items": items})
    return {"core_values": values, "related_articles": articles, "related_sections": sections}


def article_listing(index_page: ArticleIndexPage, params) -> dict:
    """One page of the index's articles, filtered by kind and standard (invalid filters are ignored)."""
    public = public_q()
    qs = live_articles(public).child_of(index_page)
    kind = params.get("jenis") or ""
    if kind not in ArticleKind.values:
        kind = ""
    if kind:
        qs = qs.filter(kind=kind)
    standards = list(live_standards(public).only("id", "title", "code"))
    standard = None
    raw = params.get("standar") or ""
    if raw.isdigit():
        standard = next((s for s in standards if s.pk == int(raw)), None)
    if standard is not None:
        qs = qs.filter(related_standards=standard)
    paginator = Paginator(
        qs.prefetch_related(Prefetch("related_standards", queryset=StandardPage.objects.only("id", "title", "code"))),
        index_page.per_page,
    )
    page_obj = paginator.get_page(params.get("halaman"))
    return {
        "articles": page_obj.object_list,
        "page_obj": page_obj,
        "paginator": paginator,
        "kinds": ArticleKind.choices,
        "selected_kind": kind,
        "standards": standards,
        "selected_standard": standard,
    }


SEARCH_LIMIT = 20


def search_content(query: str, *, request=None) -> list[dict]:
    """Search hits from standards, articles and every registered source (courses), each as a small dict."""
    sources = [(StandardPage, _("Standar")), (ArticlePage, _("Materi"))]
    sources += [(source.model, source.label) for source in registry.search_sources()]
    results = []
    public = public_q()
    for model, label in sources:
        qs = model.objects.live().filter(public).defer_streamfields()
        for hit in qs.search(query, operator="and")[:SEARCH_LIMIT]:
            results.append(
                {
                    "kind_label": label,
                    "title": hit.title,
                    "url": hit.get_url(request),
                    "summary": getattr(hit, "summary", ""),
                }
            )
    return results
