"""Who may see and assess whom: the single place for object-level access to performance data.

Builds on `portal.roles`. Views fetch employees and assessments through these helpers and answer 404 for
anything outside them. Trainers see nobody but themselves (and only when they have an employee record).
"""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet
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
        user._perf_employee = Employee.objects.select_related("unit", "supervisor").filter(user=user).first()
    return user._perf_employee


def _visible_ids_sql(user_id: int, leadership: bool) -> RawSQL:
    """Ids of the employees a user sees, as ONE subquery: themselves, everyone below them in the supervisor
    chain, and (leaders) everyone in the units of their scope with the subunits.

    One subquery rather than OR-ed IN clauses: PostgreSQL then plans a hashed semi-join instead of scanning the
    recursive result once per employee row.
    """
    emp, unit, scope = Employee._meta.db_table, OrgUnit._meta.db_table, LeadershipScope._meta.db_table
    # The user's own record is found inside the subquery (no separate query for it); without one, `sub` is empty.
    ctes = [
        f"sub(id) AS (SELECT id FROM {emp} WHERE supervisor_id IN (SELECT id FROM {emp} WHERE user_id = %s)"
        f" UNION SELECT e.id FROM {emp} e JOIN sub ON e.supervisor_id = sub.id)"
    ]
    selects, params = [f"SELECT id FROM {emp} WHERE user_id = %s", "SELECT id FROM sub"], [user_id, user_id]
    if leadership:
        ctes.append(
            f"tree(id) AS (SELECT unit_id FROM {scope} WHERE user_id = %s"
            f" UNION SELECT u.id FROM {unit} u JOIN tree ON u.parent_id = tree.id)"
        )
        params.insert(len(ctes) - 1, user_id)
        selects.append(f"SELECT e2.id FROM {emp} e2 JOIN tree ON e2.unit_id = tree.id")
    prefix = ("WITH RECURSIVE " + ", ".join(ctes) + " ") if ctes else ""
    return RawSQL(prefix + " UNION ".join(selects), tuple(params))


def visible_employees(user) -> QuerySet[Employee]:
    """Employees whose performance data the user may see."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Employee.objects.none()
    if is_hr_admin(user):
        return Employee.objects.all()
    if not may_see_performance_data(user):
        return Employee.objects.filter(user=user)
    return Employee.objects.filter(pk__in=_visible_ids_sql(user.pk, is_leadership(user)))


def leadership_unit_ids(user) -> list[int] | None:
    """Units a leader oversees (scope units with all subunits), in one query; None means every unit (HR)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    if is_hr_admin(user):
        return None
    if not is_leadership(user):
        return []
    sql = scope_unit_ids_sql(user.pk)
    with connection.cursor() as cursor:
        cursor.execute(sql.sql, sql.params)
        return [row[0] for row in cursor.fetchall()]


def can_view_employee(user, employee: Employee) -> bool:
    return visible_employees(user).filter(pk=employee.pk).exists()


def can_assess(user, employee: Employee) -> bool:
    """Only the direct supervisor (atasan langsung) assesses, and never a pure trainer."""
    if not may_see_performance_data(user):
        return False
    if Employee.supervisor.is_cached(employee):  # read with the employee: no query for the viewer's own record
        boss = employee.supervisor
        return bool(boss and boss.active and boss.user_id == user.pk and employee.pk != boss.pk)
    me = own_employee(user)
    return bool(me and me.active and employee.supervisor_id == me.pk and employee.pk != me.pk)


def visible_assessments(user) -> QuerySet[Assessment]:
    return Assessment.objects.filter(employee__in=visible_employees(user))
