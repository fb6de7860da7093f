"""Thin views of the performance app, one module per topic: check access through `access`, read through
`selectors`, write through `services`. The profile, team and leadership pages are in `performance.dashboard`."""

from .assessments import assess, assessment_acknowledge, assessment_correct, assessment_detail
from .hr import hr_employees, hr_home, period_create, period_status
from .roster import roster_preview, roster_sample, roster_upload

__all__ = [
    "assess",
    "assessment_acknowledge",
    "assessment_correct",
    "assessment_detail",
    "hr_employees",
    "hr_home",
    "period_create",
    "period_status",
    "roster_preview",
    "roster_sample",
    "roster_upload",
]
