"""Every write of the performance app, one module per topic, re-exported here:
`from performance.services import assessment_save`. The invitation mail (`services.invitations`) is imported
by its task only."""

from .assessments import AssessmentInput, assessment_acknowledge, assessment_correct, assessment_save
from .periods import period_create, period_set_status
from .roster import (
    INVITATION_BATCH,
    ApplyOutcome,
    RosterApplyResult,
    RosterResult,
    roster_import,
    roster_upload_apply,
    roster_upload_create,
    roster_upload_data,
    roster_upload_preview,
)

__all__ = [
    "INVITATION_BATCH",
    "ApplyOutcome",
    "AssessmentInput",
    "RosterApplyResult",
    "RosterResult",
    "assessment_acknowledge",
    "assessment_correct",
    "assessment_save",
    "period_create",
    "period_set_status",
    "roster_import",
    "roster_upload_apply",
    "roster_upload_create",
    "roster_upload_data",
    "roster_upload_preview",
]
