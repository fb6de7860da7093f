from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
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


def view_module(view_func) -> str:
    return getattr(getattr(view_func, "view_class", view_func), "__module__", "") or ""


def is_staff_view(request, view_func) -> bool:
    """A staff page: under a staff path prefix, marked @staff_page, or any view of a staff app (the performance
    apps: every view there shows or changes someone's performance data) not marked @own_page."""
    if request.path_info.startswith(tuple(settings.PORTAL_STAFF_PATH_PREFIXES)):
        return True
    if getattr(view_func, "portal_staff_page", False):
        return True
    if getattr(view_func, "portal_own_page", False):
        return False
    module = view_module(view_func)
    return any(module == prefix or module.startswith(prefix + ".") for prefix in settings.PORTAL_STAFF_VIEW_MODULES)


class StaffMFAMiddleware:
    """When required by settings, a staff account must enroll TOTP before it reaches any staff page.

    Staff pages are the default for whole apps (PORTAL_STAFF_VIEW_MODULES), so a new view there is covered
    without anyone remembering; an employee's own page opts out with `portal.roles.own_page`.
    """

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
        if not is_staff_role(user) or not is_staff_view(request, view_func) or user_has_mfa(user):
            return None
        own_when = getattr(view_func, "portal_own_when", None)
        if own_when is not None and own_when(request, view_kwargs):
            return None  # the person's own record (e.g. their assessment): not a staff page for them
        messages.warning(
            request,
            _("Akun staf wajib memakai verifikasi dua langkah. Aktifkan aplikasi autentikator terlebih dahulu."),
        )
        return redirect(f"{reverse('mfa_activate_totp')}?next={request.get_full_path()}")


ADMIN_OPEN_SUFFIXES = ("login/", "logout/", "password_reset/", "jsi18n/")


class AdminAccessMiddleware:
    """A signed-in user without admin access gets the 403 page, not a redirect to the login page.

    Both admins send such a user to the login page, which (already signed in) sends them back: a loop until the
    browser gives up. Wagtail's admin needs `wagtailadmin.access_admin`; Django's admin needs `is_staff`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        path = request.path_info
        for prefix, allowed in (
            ("/django-admin/", lambda u: u.is_active and u.is_staff),
            ("/admin/", lambda u: u.has_perm("wagtailadmin.access_admin")),
        ):
            if path.startswith(prefix):
                if path[len(prefix) :].startswith(ADMIN_OPEN_SUFFIXES) or allowed(user):
                    return None
                raise PermissionDenied
        return None
