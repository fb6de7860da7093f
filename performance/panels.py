"""Sections that upper apps add to performance's own pages, registered in their `AppConfig.ready()`.

The assessment page shows, for example, supervision's objection ("Saya keberatan") without performance importing
supervision: a panel is a function `(request, assessment) -> dict | None` returning the context of its template.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    template: str
    context: Callable


_assessment_panels: dict[str, Panel] = {}


def register_assessment_panel(name: str, *, template: str, context: Callable) -> None:
    """Add a section to the assessment page (idempotent per name)."""
    _assessment_panels[name] = Panel(template=template, context=context)


def assessment_panels(request, assessment) -> list[dict]:
    """The registered sections for this assessment and viewer, as {"template", "context"} (None hides one)."""
    result = []
    for panel in _assessment_panels.values():
        context = panel.context(request, assessment)
        if context is not None:
            result.append({"template": panel.template, "context": context})
    return result


_profile_panels: dict[str, Panel] = {}


def register_profile_panel(name: str, *, template: str, context: Callable) -> None:
    """Add a section to the profile page: `context(request, employee, *, assessments) -> dict | None`, where
    `assessments` are the ones the profile already read (latest submitted revision per period, with their
    standard ratings and period), so a section need not read them again."""
    _profile_panels[name] = Panel(template=template, context=context)


def profile_panels(request, employee, *, assessments) -> list[dict]:
    result = []
    for panel in _profile_panels.values():
        context = panel.context(request, employee, assessments=assessments)
        if context is not None:
            result.append({"template": panel.template, "context": context})
    return result
