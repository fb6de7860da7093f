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


# --- Reads for other apps: BerAKHLAK values and standards by their stable codes (added for performance) -------
# Performance, development and the dashboard refer to these facts by code and read them only through here.
# `performance.apps` imports this module in `ready()`, so the cache-clearing receivers are always connected.

CORE_VALUES_CACHE_KEY = "home:core-value-choices"
CORE_VALUES_CACHE_SECONDS = 60 * 60


def core_value_choices() -> list[tuple[str, str]]:
    """The BerAKHLAK values as (code, name) in their published order; the code is `CoreValue.slug`.

    Cached (every assessment page names them); cleared when a value is edited.
    """
    from django.core.cache import cache

    choices = cache.get(CORE_VALUES_CACHE_KEY)
    if choices is None:
        choices = list(CoreValue.objects.order_by("sort_order", "name").values_list("slug", "name"))
        cache.set(CORE_VALUES_CACHE_KEY, choices, CORE_VALUES_CACHE_SECONDS)
    return [tuple(c) for c in choices]


def core_value_names(codes, choices: list[tuple[str, str]] | None = None) -> list[str]:
    """The names of these BerAKHLAK codes, in the published order (unknown codes are left out)."""
    wanted = set(codes or [])
    return [name for code, name in (core_value_choices() if choices is None else choices) if code in wanted]


def standard_choices() -> list[tuple[str, str]]:
    """The live performance standards as (code, title) in page-tree order; the code is `StandardPage.code`."""
    return list(StandardPage.objects.live().order_by("path").values_list("code", "title"))


def _forget_core_values(sender, **kwargs):
    from django.core.cache import cache

    cache.delete(CORE_VALUES_CACHE_KEY)


def _connect_core_value_receivers():
    from django.db.models.signals import post_delete, post_save

    post_save.connect(_forget_core_values, sender=CoreValue, dispatch_uid="home-core-values-saved")
    post_delete.connect(_forget_core_values, sender=CoreValue, dispatch_uid="home-core-values-deleted")


_connect_core_value_receivers()
