"""What upper apps add to home's pages, registered at start-up (the `portal/identity.py` pattern).

home sits below learning and performance and never imports them. Where a standard's page lists an upper app's
pages (learning's courses) or the site search looks into them, that app registers a source in its
`AppConfig.ready()`; home reads only this registry. Without registrations home shows its own content only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Q


@dataclass(frozen=True)
class RelatedSource:
    """A section on a standard's page: `fetch(standard, public)` returns its pages in one query.

    `public` is the Q that hides pages under a view restriction; apply it to any page queryset.
    """

    key: str
    heading: str
    fetch: Callable[[object, Q], Iterable]


@dataclass(frozen=True)
class SearchSource:
    """A page model the site search looks into, with the label its hits carry (e.g. "Kursus")."""

    model: type
    label: str


_related: dict[str, RelatedSource] = {}
_search: dict[str, SearchSource] = {}


def register_related(key: str, *, heading, fetch: Callable[[object, Q], Iterable]) -> None:
    """Show a section `heading` on every standard's page, listing `fetch(standard, public)`; re-registering a key
    replaces it (ready() may run twice in tests)."""
    _related[key] = RelatedSource(key=key, heading=heading, fetch=fetch)


def register_search_source(model: type, *, label) -> None:
    """Let the site search find live pages of `model`; hits are listed after home's own, in registration order."""
    _search[model._meta.label_lower] = SearchSource(model=model, label=label)


def related_sources() -> list[RelatedSource]:
    return list(_related.values())


def search_sources() -> list[SearchSource]:
    return list(_search.values())
