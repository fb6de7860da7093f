"""Shared helpers of the learning views."""

from __future__ import annotations

from django.core.exceptions import ValidationError


def error_text(exc: ValidationError) -> str:
    return " ".join(str(m) for m in exc.messages)


def page_url(request, page) -> str:
    return page.get_url(request) or "/"


def viewable_or_404(request, page):
    """The page when its view restrictions (group, login, password) let this request see it; a 404 otherwise,
    so a redirect never reveals the address of a course restricted to a group the user is not in."""
    from django.http import Http404

    if page is None:
        raise Http404
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    return page
