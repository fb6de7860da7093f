"""Who may see and assess whom: the single place for object-level access to performance data.

Builds on `portal.roles`. Views fetch employees and assessments through these helpers and answer 404 for
anything outside them. Trainers see nobody but themselves (and only when they have an employee record).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from portal.roles import is_hr_admin, is_leadership, may_see_performance_data

from .models import Assessment, Employee, LeadershipScope, OrgUnit


def subordinate_ids_sql(root_employee_id: int) -> RawSQL:
    """Everyone below an employee in the supervisor chain, as one recursive subquery (UNION stops loops)."""
    table = Employee._meta.db_table
    return RawSQL(
        f"WITH RECURSIVE sub(id) AS ("
        f" SELECT id FROM {table} WHERE supervisor_id = %s"
        f" UNION SELECT e.id FROM {table} e JOIN sub ON e.supervisor_id = sub.id"
        f") SELECT id FROM sub",
        (root_employee_id,),
    )


def unit_ids_below_sql(unit_ids_sql: str, params: tuple) -> RawSQL:
    """The units given by a subquery with all their subunits, as one recursive subquery."""
    table = OrgUnit._meta.db_table
    return RawSQL(
        f"WITH RECURSIVE tree(id) AS ({unit_ids_sql}"
        f" UNION SELECT u.id FROM {table} u JOIN tree ON u.parent_id = tree.id"
        f") SELECT id FROM tree",
        params,
    )


def scope_unit_ids_sql(user_id: int) -> RawSQL:
    scope_table = LeadershipScope._meta.db_table
    return unit_ids_below_sql(f"SELECT unit_id FROM {scope_table} WHERE user_id = %s", (user_id,))


def unit_and_subunit_ids_sql(unit_id: int) -> RawSQL:
    table = OrgUnit._meta.db_table
    return unit_ids_below_sql(f"SELECT id FROM {table} WHERE id = %s", (unit_id,))


def own_employee(user) -> Employee | None:
    """The user's employee record (cached on the user for the request)."""
    if user is None or not user.is_authenticated:
        return None
    if not hasattr(user, "_perf_employee"):
        user._perf_employee = Employee.objects.select_related("unit").filter(user=user).first()
    return user._perf_employee


def visible_employees(user) -> QuerySet[Employee]:
    """Employees whose performance data the user may see."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Employee.objects.none()
    if is_hr_admin(user):
        return Employee.objects.all()
    condition = Q(user=user)
    if may_see_performance_data(user):
        me = own_employee(user)
        if me is not None:
            condition |= Q(pk__in=subordinate_ids_sql(me.pk))
        if is_leadership(user):
            condition |= Q(unit_id__in=scope_unit_ids_sql(user.pk))
    return Employee.objects.filter(condition)


def can_view_employee(user, employee: Employee) -> bool:
    return visible_employees(user).filter(pk=employee.pk).exists()


def can_assess(user, employee: Employee) -> bool:
    """Only the direct supervisor (atasan langsung) assesses, and never a pure trainer."""
    if not may_see_performance_data(user):
        return False
    me = own_employee(user)
    return bool(me and me.active and employee.supervisor_id == me.pk and employee.pk != me.pk)


def visible_assessments(user) -> QuerySet[Assessment]:
    return Assessment.objects.filter(employee__in=visible_employees(user))
