"""Absolute links for mails, certificates, QR codes and notifications: the one place that knows the public host.

`PORTAL_BASE_URL` (environment) is the origin users reach, e.g. https://portal.welesi.go.id; Wagtail's
`WAGTAILADMIN_BASE_URL` is set from it.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse


def base_url() -> str:
    return settings.PORTAL_BASE_URL.rstrip("/")


def absolute(path_or_url: str) -> str:
    """An absolute URL for a path ("/belajar/"); an already absolute URL is returned unchanged."""
    if not path_or_url:
        return base_url() + "/"
    if path_or_url.startswith(("http://", "https://")):
        return path_or_url
    if not path_or_url.startswith("/"):
        path_or_url = "/" + path_or_url
    return base_url() + path_or_url


def absolute_reverse(viewname: str, *args, **kwargs) -> str:
    """`reverse()` made absolute."""
    return absolute(reverse(viewname, args=args or None, kwargs=kwargs or None))
