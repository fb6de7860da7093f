"""The learning views, one topic per module; thin: check who asks, call a service or a selector, render."""

from .attempts import attempt_answer, attempt_page, attempt_result, attempt_start, attempt_submit
from .catalogue import catalogue_redirect
from .certificates import certificate_download, certificate_verify
from .export import export_download, export_home, export_job
from .learner import dashboard, enroll, module_done, resume

__all__ = [
    "attempt_answer",
    "attempt_page",
    "attempt_result",
    "attempt_start",
    "attempt_submit",
    "catalogue_redirect",
    "certificate_download",
    "certificate_verify",
    "dashboard",
    "enroll",
    "export_download",
    "export_home",
    "export_job",
    "module_done",
    "resume",
]
