"""What development needs from the layers below (learning's courses and records, home's standards and values),
in one place and each in a fixed number of queries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q

from learning.models import CoursePage, Enrollment, ModulePage, ModuleProgress
from performance import rules as perf_rules
from performance.selectors import assessment_standards


def standards() -> list[tuple[str, str]]:
    """The published standards as (stable code, title): the same codes the assessments store."""
    return assessment_standards()


def core_values() -> list[tuple[str, str]]:
    """The BerAKHLAK values as (code, name), in their order: the codes assessments store."""
    return list(perf_rules.BERAKHLAK_VALUES)


@dataclass(frozen=True)
class CourseRow:
    """A published course as plans need it: enough for a list, a form choice and a link."""

    pk: int
    title: str
    slug: str
    path: str
    depth: int
    url_path: str
    standard_codes: frozenset[str]


def course_catalogue() -> list[CourseRow]:
    """Every published course with the codes of the published standards it targets, in one query."""
    rows: dict[int, dict] = {}
    for pk, title, slug, path, depth, url_path, code, standard_live in (
        CoursePage.objects.live()
        .order_by("title", "pk")
        .values_list(
            "pk", "title", "slug", "path", "depth", "url_path", "target_standards__slug", "target_standards__live"
        )
    ):
        row = rows.setdefault(
            pk, {"title": title, "slug": slug, "path": path, "depth": depth, "url_path": url_path, "codes": set()}
        )
        if code and standard_live:
            row["codes"].add(code)
    return [
        CourseRow(pk, r["title"], r["slug"], r["path"], r["depth"], r["url_path"], frozenset(r["codes"]))
        for pk, r in rows.items()
    ]


def published_courses_for_standards(codes, catalogue: list[CourseRow] | None = None) -> dict[str, list[CourseRow]]:
    """Published courses that target each standard (by code), in catalogue order."""
    catalogue = course_catalogue() if catalogue is None else catalogue
    return {code: [c for c in catalogue if code in c.standard_codes] for code in codes}


def live_courses() -> list[CourseRow]:
    """Every published course, for the forms."""
    return course_catalogue()


def live_course(course_id) -> CoursePage | None:
    try:
        return CoursePage.objects.live().defer_streamfields().filter(pk=int(course_id)).first()
    except (TypeError, ValueError):
        return None


def course_progress(pairs, courses=None) -> dict[tuple[int, int], dict]:
    """Per (user id, course id): percent of the course's required modules done and whether it is completed,
    straight from the learning records (four queries whatever the number of pairs; three when the caller
    passes the course pages it has already loaded)."""
    pairs = {(u, c) for u, c in pairs if u and c}
    result = {pair: {"percent": 0, "done": False, "enrolled": False, "due_date": None} for pair in pairs}
    if not pairs:
        return result
    user_ids = {u for u, _c in pairs}
    course_ids = {c for _u, c in pairs}
    enrollments = {
        (e["user_id"], e["course_id"]): e
        for e in Enrollment.objects.filter(user_id__in=user_ids, course_id__in=course_ids).values(
            "id", "user_id", "course_id", "status", "due_date"
        )
    }
    if courses is None:
        courses = list(CoursePage.objects.filter(pk__in=course_ids).only("id", "path", "depth"))
    courses = [c for c in {c.pk: c for c in courses}.values() if c.pk in course_ids]
    required: dict[int, set[int]] = defaultdict(set)
    if courses:
        condition = Q()
        for c in courses:
            condition |= Q(path__startswith=c.path, depth=c.depth + 1)
        by_path = {c.path: c.pk for c in courses}
        steplen = ModulePage.steplen
        rows = list(ModulePage.objects.live().filter(condition).values_list("id", "path", "is_required"))
        any_modules: dict[int, set[int]] = defaultdict(set)
        for pk, path, is_required in rows:
            course_id = by_path[path[:-steplen]]
            any_modules[course_id].add(pk)
            if is_required:
                required[course_id].add(pk)
        for course_id, modules in any_modules.items():
            required.setdefault(course_id, set())
            if not required[course_id]:
                required[course_id] = modules
    done_counts: dict[tuple[int, int], int] = defaultdict(int)
    enrollment_ids = [e["id"] for e in enrollments.values()]
    if enrollment_ids:
        all_modules = set().union(*required.values()) if required else set()
        for user_id, course_id, module_id in ModuleProgress.objects.filter(
            enrollment_id__in=enrollment_ids, completed_at__isnull=False, module_id__in=all_modules
        ).values_list("user_id", "enrollment__course_id", "module_id"):
            if module_id in required.get(course_id, ()):
                done_counts[(user_id, course_id)] += 1
    for pair in pairs:
        enrollment = enrollments.get(pair)
        if enrollment is None:
            continue
        total = len(required.get(pair[1], ()))
        done = enrollment["status"] == Enrollment.Status.COMPLETED
        percent = 100 if done else (round(done_counts[pair] * 100 / total) if total else 0)
        result[pair] = {
            "percent": min(percent, 100),
            "done": done,
            "enrolled": True,
            "due_date": enrollment["due_date"],
        }
    return result
