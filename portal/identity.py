"""Who a user is in the organisation, for lower layers that know users but not employees.

`learning/` needs a learner's NIP and unit (certificates, exports) but must not import `performance/`. The upper
layer registers a provider at start-up (`performance.apps`); without one, users have no NIP and no unit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Identity:
    user_id: int
    name: str
    nip: str = ""
    unit_code: str = ""
    unit_name: str = ""


@dataclass(frozen=True)
class Unit:
    code: str
    name: str


class IdentityProvider(Protocol):
    def identities(self, user_ids: Iterable[int]) -> dict[int, Identity]:
        """Identities of these users, in one or two queries whatever their number."""

    def user_ids_in_unit(self, unit_code: str, include_subunits: bool = True) -> set[int]:
        """Users whose employee record is in the unit (and its subunits)."""

    def units(self) -> list[Unit]:
        """Every unit, in display order, for filters."""


class _NoProvider:
    def identities(self, user_ids):
        from django.contrib.auth import get_user_model

        users = get_user_model().objects.filter(pk__in=list(user_ids)).only("id", "first_name", "last_name", "email")
        return {u.pk: Identity(user_id=u.pk, name=u.get_full_name() or u.email) for u in users}

    def user_ids_in_unit(self, unit_code, include_subunits=True):
        return set()

    def units(self):
        return []


_provider: IdentityProvider = _NoProvider()


def register_identity_provider(provider: IdentityProvider) -> None:
    global _provider
    _provider = provider


def get_identity_provider() -> IdentityProvider:
    return _provider


def identity_for(user) -> Identity:
    return _provider.identities([user.pk]).get(user.pk) or Identity(user_id=user.pk, name=str(user))
