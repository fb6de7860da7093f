"""Shared helpers of the learning views."""

from __future__ import annotations

from django.core.exceptions import ValidationError


def error_text(exc: ValidationError) -> str:
    return " ".join(str(m) for m in exc.messages)


def page_url(request, page) -> str:
    return page.get_url(request) or "/"
