"""Reads of notifications: the bell's unread count (cached), the inbox page, one's own notice, preferences."""

from __future__ import annotations

from django.core.cache import cache
from django.core.paginator import Page, Paginator

from . import kinds
from .models import Notification, NotificationPreference

UNREAD_CACHE_SECONDS = 5 * 60  # bounds how long a count can be stale after a race with a commit
UNREAD_CAP = 100  # the bell shows "99+"; counting stops there
INBOX_PAGE_SIZE = 20


def _unread_key(user) -> str:
    # date_joined with the pk: a pk reused after an account was deleted (SQLite, test rollbacks) never reads
    # the previous owner's count.
    joined = user.date_joined.timestamp() if getattr(user, "date_joined", None) else 0
    return f"notifications:unread:{user.pk}:{joined:.6f}"


def unread_count(user) -> int:
    """Unread notices of `user`, at most UNREAD_CAP: from the cache, else one COUNT on the unread index."""
    if not getattr(user, "is_authenticated", False):
        return 0
    key = _unread_key(user)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True)[:UNREAD_CAP].count()
        cache.set(key, count, UNREAD_CACHE_SECONDS)
    return count


def unread_count_forget(user) -> None:
    cache.delete(_unread_key(user))


def inbox_page(*, user, page_number) -> Page:
    """One page of the person's notices, newest first (two queries: count and rows)."""
    notices = Notification.objects.filter(recipient=user).only(
        "id", "kind", "title", "body", "link", "created_at", "read_at"
    )
    return Paginator(notices, INBOX_PAGE_SIZE).get_page(page_number)


def notification_of(*, user, pk) -> Notification | None:
    """The notice if it is `user`'s; None for anyone else's (the view answers 404)."""
    return Notification.objects.filter(recipient=user, pk=pk).select_related("recipient").first()


def email_preferences(*, user) -> list[dict]:
    """Per registered kind: its code, label and whether the person gets its email (their choice or the default)."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "email"))
    return [
        {"kind": k.code, "label": k.label, "email": chosen.get(k.code, k.email_default)}
        for k in kinds.registered_kinds()
    ]
