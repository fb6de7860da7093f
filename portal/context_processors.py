from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .navigation import nav_for
from .roles import ROLE_LABELS, user_roles


def portal(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {
        "signup_open": settings.PORTAL_SIGNUP_OPEN,
        "nav_items": SimpleLazyObject(lambda: nav_for(user, request.path)),
        "role_labels": SimpleLazyObject(
            lambda: [str(label) for role, label in ROLE_LABELS.items() if role in user_roles(user)]
        ),
    }
