"""Every non-trivial read of learning, in a fixed number of queries: the content pages (`catalogue`), a learner's
own records (`records`), and many learners at once for the pages of other apps (`summary`).

Upper apps read learning only through `learning.selectors.summary`."""

from .catalogue import catalogue, course_outline, live_courses, module_context
from .records import (
    attempt_for_user,
    attempt_questions,
    course_progress,
    enrollment_with_page_state,
    export_rows,
    learner_dashboard,
    module_state,
    reminder_due_enrollments,
)
from .summary import (
    LearningSummary,
    OnboardingStatus,
    assignment_covered_user_ids,
    completions_per_week,
    learning_annotations,
    learning_summaries,
    learning_summary,
)

__all__ = [
    "LearningSummary",
    "OnboardingStatus",
    "learning_summaries",
    "learning_summary",
    "learning_annotations",
    "completions_per_week",
    "assignment_covered_user_ids",
    "attempt_for_user",
    "attempt_questions",
    "catalogue",
    "course_outline",
    "course_progress",
    "enrollment_with_page_state",
    "export_rows",
    "learner_dashboard",
    "live_courses",
    "module_context",
    "module_state",
    "reminder_due_enrollments",
]
