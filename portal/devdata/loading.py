"""Loading what the settings name for demo, scale and bench code: a misspelt entry is an error, never skipped."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from types import ModuleType

from django.core.exceptions import ImproperlyConfigured


def setting_module(dotted: str, *, setting: str) -> ModuleType:
    """The module `dotted` that `setting` names; ImproperlyConfigured (naming both) when it cannot be imported."""
    try:
        return import_module(dotted)
    except ModuleNotFoundError as exc:
        if exc.name and dotted.startswith(exc.name):
            raise ImproperlyConfigured(f"{setting} names {dotted!r}, but there is no module {exc.name!r}.") from exc
        raise  # the module exists; something it imports is missing: that error is the useful one


def setting_callable(dotted: str, *, setting: str) -> Callable:
    """The function `module.name` that `setting` names; ImproperlyConfigured when the module or name is missing."""
    module_path, _, name = dotted.rpartition(".")
    if not module_path:
        raise ImproperlyConfigured(f"{setting} entries are dotted paths module.function; got {dotted!r}.")
    func = getattr(setting_module(module_path, setting=setting), name, None)
    if not callable(func):
        raise ImproperlyConfigured(f"{setting} names {dotted!r}, but {module_path!r} has no function {name!r}.")
    return func


def setting_attribute(dotted: str, attribute: str, *, setting: str):
    """`module.attribute` of the module `setting` names; ImproperlyConfigured when the module lacks it."""
    module = setting_module(dotted, setting=setting)
    if not hasattr(module, attribute):
        raise ImproperlyConfigured(f"{setting} names {dotted!r}, but it defines no {attribute}.")
    return getattr(module, attribute)
