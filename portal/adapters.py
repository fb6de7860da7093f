from django.conf import settings

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are provisioned by HR from the roster; public signup only when the setting opens it."""

    def is_open_for_signup(self, request) -> bool:
        return bool(getattr(settings, "PORTAL_SIGNUP_OPEN", False))
