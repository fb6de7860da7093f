"""The registry of notification kinds: each app declares its kinds once, in its `AppConfig.ready()`.

    from portal.notifications.kinds import register_kind
    register_kind("performance.assessment_submitted", label=_("Penilaian kinerja dikirim"), email_default=True)

`notify()` refuses a kind that is not registered, so a typo fails loudly instead of sending an unlabelled notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

KIND_PATTERN = re.compile(r"^[a-z][a-z0-9_.-]{1,63}$")


class UnknownKind(LookupError):
    """`notify()` was called with a kind nobody registered."""


@dataclass(frozen=True)
class Kind:
    code: str
    label: str  # usually a lazy gettext string, shown on the preferences page
    email_default: bool = True


_registry: dict[str, Kind] = {}


def register_kind(kind: str, label, email_default: bool = True) -> Kind:
    """Declare a kind (idempotent for the same declaration; a different one under the same code is an error)."""
    if not KIND_PATTERN.match(kind):
        raise ImproperlyConfigured(f"Notification kind {kind!r}: lowercase letters, digits, '.', '_', '-' (2-64).")
    declared = Kind(code=kind, label=label, email_default=bool(email_default))
    existing = _registry.get(kind)
    if existing is not None and (str(existing.label), existing.email_default) != (str(label), declared.email_default):
        raise ImproperlyConfigured(f"Notification kind {kind!r} is registered twice with different settings.")
    _registry[kind] = declared
    return declared


def get_kind(kind: str) -> Kind:
    try:
        return _registry[kind]
    except KeyError:
        raise UnknownKind(
            f"Notification kind {kind!r} is not registered (register_kind in AppConfig.ready())."
        ) from None


def registered_kinds() -> list[Kind]:
    """Every registered kind, in registration order (the order of the preferences page)."""
    return list(_registry.values())


def unregister_kind(kind: str) -> None:
    """For tests that register a kind of their own."""
    _registry.pop(kind, None)
