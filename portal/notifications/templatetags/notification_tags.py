"""The header bell: `{% notification_bell %}` in templates/base.html (signed-in users only)."""

from django import template

from ..selectors import UNREAD_CAP, unread_count

register = template.Library()


@register.inclusion_tag("notifications/_bell.html", takes_context=True)
def notification_bell(context):
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    count = unread_count(user) if user is not None else 0
    return {"count": count, "shown": f"{UNREAD_CAP - 1}+" if count >= UNREAD_CAP else str(count)}
