"""Authentication backends that read the user's roles with the user: one query per request instead of two.

Every signed-in page asks `portal.roles.user_roles`; Django's backends load the user, then the roles cost a second
query. These backends load the user with one EXISTS per role in the same query and leave the answer where
`user_roles` caches it. Behaviour is otherwise Django's and allauth's own.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef

from allauth.account.auth_backends import AuthenticationBackend

from .roles import Role

ROLE_NAMES = tuple(str(role) for role in Role)


def user_with_roles(user_id):
    """The user with `_portal_roles` set (None when there is no such user), in one query."""
    flags = {
        f"portal_role_{i}": Exists(Group.objects.filter(user=OuterRef("pk"), name=name))
        for i, name in enumerate(ROLE_NAMES)
    }
    user = get_user_model()._default_manager.filter(pk=user_id).annotate(**flags).first()
    if user is not None:
        user._portal_roles = frozenset(name for i, name in enumerate(ROLE_NAMES) if getattr(user, f"portal_role_{i}"))
    return user


class _RolesWithUser:
    def get_user(self, user_id):
        user = user_with_roles(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class RolesModelBackend(_RolesWithUser, ModelBackend):
    """Django's ModelBackend, reading the roles with the user."""


class RolesAuthenticationBackend(_RolesWithUser, AuthenticationBackend):
    """allauth's backend (sign-in by email), reading the roles with the user."""
