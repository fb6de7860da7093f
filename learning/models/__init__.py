"""The learning app's tables: content pages (`pages.py`) and learning records (`records.py`)."""

from ..rules import ScorePolicy
from .pages import (
    CompletionRule,
    CourseIndexPage,
    CourseLevel,
    CoursePage,
    FinalAssessmentPage,
    ModulePage,
    QuizMixin,
)
from .records import (
    AttemptAnswer,
    Certificate,
    CourseCompletion,
    Enrollment,
    JPLedgerEntry,
    JPYearTotal,
    ModuleProgress,
    QuizAttempt,
    ReminderLog,
    certificate_upload_to,
    new_certificate_code,
)

__all__ = [
    "AttemptAnswer",
    "Certificate",
    "CompletionRule",
    "CourseCompletion",
    "CourseIndexPage",
    "CourseLevel",
    "CoursePage",
    "Enrollment",
    "FinalAssessmentPage",
    "JPLedgerEntry",
    "JPYearTotal",
    "ModuleProgress",
    "ModulePage",
    "QuizAttempt",
    "QuizMixin",
    "ReminderLog",
    "ScorePolicy",
    "certificate_upload_to",
    "new_certificate_code",
]
