"""The identity provider `learning/` reads through `portal.identity` (name, NIP, unit per user)."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model

from portal.identity import Identity, Unit

from .models import Employee, OrgUnit


class EmployeeIdentityProvider:
    def identities(self, user_ids: Iterable[int]) -> dict[int, Identity]:
        ids = {int(i) for i in user_ids}
        if not ids:
            return {}
        result: dict[int, Identity] = {}
        for row in Employee.objects.filter(user_id__in=ids).values(
            "user_id", "full_name", "nip", "unit__code", "unit__name"
        ):
            result[row["user_id"]] = Identity(
                user_id=row["user_id"],
                name=row["full_name"],
                nip=row["nip"],
                unit_code=row["unit__code"],
                unit_name=row["unit__name"],
            )
        missing = ids - result.keys()
        if missing:
            for user in get_user_model().objects.filter(pk__in=missing).only("id", "first_name", "last_name", "email"):
                result[user.pk] = Identity(user_id=user.pk, name=user.get_full_name() or user.email)
        return result

    def user_ids_in_unit(self, unit_code: str, include_subunits: bool = True) -> set[int]:
        from .access import unit_ids_below_sql

        employees = Employee.objects.filter(user__isnull=False)
        if include_subunits:
            table = OrgUnit._meta.db_table
            employees = employees.filter(
                unit_id__in=unit_ids_below_sql(f"SELECT id FROM {table} WHERE code = %s", (unit_code,))
            )
        else:
            employees = employees.filter(unit__code=unit_code)
        return set(employees.values_list("user_id", flat=True))

    def units(self) -> list[Unit]:
        return [Unit(code=c, name=n) for c, n in OrgUnit.objects.order_by("code").values_list("code", "name")]
