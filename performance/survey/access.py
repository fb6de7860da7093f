"""Who sees which service unit's reports and comments. Citizens see only the form, the thank-you page and the
public results; HR every unit; leadership the units in their scope; a unit head their own unit. Anything else 404."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from performance.access import leadership_unit_ids, own_employee
from portal.roles import Role, has_role, is_hr_admin, is_leadership, may_see_performance_data

from .models import ServiceUnit


def visible_service_units(user) -> QuerySet[ServiceUnit]:
    if user is None or not user.is_authenticated or not user.is_active:
        return ServiceUnit.objects.none()
    if is_hr_admin(user):
        return ServiceUnit.objects.all()
    if not may_see_performance_data(user):
        return ServiceUnit.objects.none()
    condition = Q(pk__in=[])
    if is_leadership(user):
        condition |= Q(unit_id__in=leadership_unit_ids(user))
    me = own_employee(user)
    if me is not None:
        condition |= Q(unit__head_id=me.pk)
    return ServiceUnit.objects.filter(condition)


def may_use_reports(user) -> bool:
    """HR, leadership and supervisors (who may head a service unit) reach the overview; others only when they head
    a service unit."""
    if has_role(user, Role.ADMIN_KEPEGAWAIAN, Role.PIMPINAN, Role.ATASAN):
        return True
    return visible_service_units(user).exists()


def can_moderate(user, service_unit: ServiceUnit) -> bool:
    """HR and the unit's head read the comments, hide abusive ones and follow complaints up."""
    if is_hr_admin(user):
        return True
    me = own_employee(user)
    return bool(me and service_unit.unit.head_id == me.pk and may_see_performance_data(user))
