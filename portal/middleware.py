from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from csp.middleware import CSPMiddleware, PolicyParts

from .roles import is_staff_role


class PortalCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere, a relaxed one on the Wagtail admin, which needs inline scripts and styles."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(tuple(settings.PORTAL_CSP_RELAXED_PREFIXES)):
            relaxed = {
                "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
                "style-src": ["'self'", "'unsafe-inline'"],
                "img-src": ["'self'", "data:", "blob:"],
                "frame-ancestors": ["'self'"],  # the page editor previews in a same-origin iframe
            }
            parts.replace = {**(parts.replace or {}), **relaxed}
        return parts


def user_has_mfa(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class StaffMFAMiddleware:
    """When required by settings, a staff account must enroll TOTP before it reaches any staff page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(settings, "PORTAL_REQUIRE_MFA_FOR_STAFF", False):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        is_staff_path = request.path_info.startswith(tuple(settings.PORTAL_STAFF_PATH_PREFIXES))
        if not (is_staff_path or getattr(view_func, "portal_staff_page", False)):
            return None
        if not is_staff_role(user) or user_has_mfa(user):
            return None
        messages.warning(
            request,
            _("Akun staf wajib memakai verifikasi dua langkah. Aktifkan aplikasi autentikator terlebih dahulu."),
        )
        return redirect(f"{reverse('mfa_activate_totp')}?next={request.get_full_path()}")
