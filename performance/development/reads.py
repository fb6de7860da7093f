"""What development needs from the layers below (learning's courses and records, home's standards and values),
in one place and each in a fixed number of queries.
"""

from __future__ import annotations

from home.selectors import core_value_choices
from learning.selectors.summary import CourseRow, course_progress_for, published_course, published_courses
from performance.selectors import assessment_standards


def standards() -> list[tuple[str, str]]:
    """The published standards as (stable code, title): the same codes the assessments store."""
    return assessment_standards()


def core_values() -> list[tuple[str, str]]:
    """The BerAKHLAK values as (code, name), in their order: the codes assessments store."""
    return core_value_choices()


def course_catalogue() -> list[CourseRow]:
    """Every published course with the codes of the standards it targets (one query)."""
    return published_courses()


def published_courses_for_standards(codes, catalogue: list[CourseRow] | None = None) -> dict[str, list[CourseRow]]:
    """Published courses that target each standard (by code), in catalogue order."""
    catalogue = published_courses() if catalogue is None else catalogue
    return {code: [c for c in catalogue if code in c.standard_codes] for code in codes}


def live_courses() -> list[CourseRow]:
    return published_courses()


def live_course(course_id):
    """The published course page with this id (for enrolment), or None."""
    return published_course(course_id)


def course_progress(pairs, courses=None) -> dict[tuple[int, int], dict]:
    """Per (user id, course id): percent of required modules done and whether the course is completed, from the
    learning records (learning.selectors.summary)."""
    return course_progress_for(pairs, courses)
