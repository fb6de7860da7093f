"""The portal's roles and the predicates views use to check them (object-level checks build on these).

Role membership is read once per request and cached on the user object, so a page asks the database at most
once however many checks its templates make.
"""

from __future__ import annotations

from enum import StrEnum
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _


class Role(StrEnum):
    PEGAWAI = "Pegawai"
    PELATIH = "Pelatih"
    ATASAN = "Atasan"
    PIMPINAN = "Pimpinan"
    ADMIN_KEPEGAWAIAN = "Admin Kepegawaian"


ROLE_LABELS = {
    Role.PEGAWAI: _("Pegawai (ASN)"),
    Role.PELATIH: _("Pelatih"),
    Role.ATASAN: _("Atasan langsung"),
    Role.PIMPINAN: _("Pimpinan"),
    Role.ADMIN_KEPEGAWAIAN: _("Admin Kepegawaian (BKPSDM)"),
}

#: Roles that reach staff pages and, when the setting is on, must use two-factor authentication.
STAFF_ROLES = frozenset({Role.PELATIH, Role.ATASAN, Role.PIMPINAN, Role.ADMIN_KEPEGAWAIAN})

#: The reviewer group of the content workflow (seeded with the content).
REVIEWER_GROUP = "Penelaah Materi"


def user_roles(user) -> frozenset[str]:
    """The names of the role groups a user belongs to (cached on the user for the request)."""
    if user is None or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_portal_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._portal_roles = cached
    return cached


def has_role(user, *roles: str) -> bool:
    """True when the user holds any of the roles; superusers hold all."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return bool(user_roles(user) & set(roles))


def is_pegawai(user) -> bool:
    return has_role(user, Role.PEGAWAI)


def is_trainer(user) -> bool:
    return has_role(user, Role.PELATIH)


def is_supervisor(user) -> bool:
    return has_role(user, Role.ATASAN)


def is_leadership(user) -> bool:
    return has_role(user, Role.PIMPINAN)


def is_hr_admin(user) -> bool:
    return has_role(user, Role.ADMIN_KEPEGAWAIAN)


def is_staff_role(user) -> bool:
    """Holds a staff role (or is a superuser): such accounts must use MFA when the setting requires it."""
    if user is None or not user.is_authenticated:
        return False
    return user.is_superuser or bool(user_roles(user) & STAFF_ROLES)


def may_see_performance_data(user) -> bool:
    """Trainers never see personal performance data unless they also hold a role that does."""
    return has_role(user, Role.PEGAWAI, Role.ATASAN, Role.PIMPINAN, Role.ADMIN_KEPEGAWAIAN)


def staff_page(view):
    """Marks a view as a staff page: the MFA middleware guards it."""
    view.portal_staff_page = True
    return view


def own_page(view):
    """Opt-out: the view shows or changes only the signed-in person's own data, so it is not a staff page
    even inside an app whose views are staff pages by default (PORTAL_STAFF_VIEW_MODULES)."""
    view.portal_own_page = True
    return view


def own_when(is_own):
    """Opt-out for one object: `is_own(request, view_kwargs) -> bool` says whether the object in the URL is the
    signed-in person's own (their assessment, say); then the view is not a staff page for that request. Asked only
    when it matters: a staff account without MFA where MFA is required."""

    def decorator(view):
        view.portal_own_when = is_own
        return view

    return decorator


def role_required(*roles: str, staff: bool = True, hidden: bool = False):
    """Login required, then one of the roles; otherwise the friendly 403 page, or with `hidden` a 404 (pages of
    scoped figures, such as leadership's dashboard: for someone without a scope there is nothing there).

    Object-level access (someone else's record) is decided in the view and answered with a 404.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles):
                if hidden:
                    raise Http404
                raise PermissionDenied
            return view(request, *args, **kwargs)

        if staff:
            wrapped.portal_staff_page = True
        return wrapped

    return decorator
