"""Every write to learning records, one topic per module. Each service is atomic and safe to replay: a double
click, a retried request or two simultaneous requests create nothing twice (row locks plus the constraints in
`learning/models/records.py`). Callers import from here: `from learning.services import enrollment_create`."""

from .attempts import attempt_save_answer, attempt_start, attempt_submit, grace_seconds, score_attempt
from .certificates import certificate_render_pdf, certificate_verify_url
from .completion import course_check_completion
from .enrollment import enrollment_create, enrollment_mark_started, enrollments_assign_many
from .export import EXPORT_JOB_KIND, export_job_create, export_job_run
from .jp import jp_total_refresh, jp_totals_rebuild
from .modules import module_complete, module_start
from .reminders import reminders_send

__all__ = [
    "EXPORT_JOB_KIND",
    "attempt_save_answer",
    "attempt_start",
    "attempt_submit",
    "certificate_render_pdf",
    "certificate_verify_url",
    "course_check_completion",
    "enrollment_create",
    "enrollment_mark_started",
    "enrollments_assign_many",
    "export_job_create",
    "export_job_run",
    "grace_seconds",
    "jp_total_refresh",
    "jp_totals_rebuild",
    "module_complete",
    "module_start",
    "reminders_send",
    "score_attempt",
]
