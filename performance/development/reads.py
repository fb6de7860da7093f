"""What development needs from the layers below (learning's courses and records, home's standards and values),
in one place and each in a fixed number of queries.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q

from home.models import StandardPage
from learning.models import CoursePage, Enrollment, ModulePage, ModuleProgress
from performance import rules as perf_rules
from performance.selectors import assessment_standards


def standards() -> list[tuple[str, str]]:
    """The published standards as (stable code, title): the same codes the assessments store."""
    return assessment_standards()


def core_values() -> list[tuple[str, str]]:
    """The BerAKHLAK values as (code, name), in their order: the codes assessments store."""
    return list(perf_rules.BERAKHLAK_VALUES)


def _standard_pages(codes):
    return StandardPage.objects.live().filter(slug__in=list(codes))


def published_courses_for_standards(codes) -> dict[str, list[CoursePage]]:
    """Live courses that target each standard (by code), in catalogue order; two queries."""
    codes = list(codes)
    result: dict[str, list[CoursePage]] = {code: [] for code in codes}
    if not codes:
        return result
    pages = dict(_standard_pages(codes).values_list("pk", "slug"))
    if not pages:
        return result
    courses = (
        CoursePage.objects.live()
        .filter(target_standards__in=list(pages))
        .defer_streamfields()
        .only("id", "title", "slug", "path", "depth", "url_path", "live", "jp_credit")
        .order_by("path")
        .distinct()
    )
    through = CoursePage.target_standards.through.objects.filter(
        coursepage_id__in=[c.pk for c in courses], standardpage_id__in=list(pages)
    ).values_list("coursepage_id", "standardpage_id")
    by_id = {c.pk: c for c in courses}
    for course_id, standard_id in through:
        result[pages[standard_id]].append(by_id[course_id])
    for code in result:
        result[code].sort(key=lambda c: c.path)
    return result


def live_courses() -> list[CoursePage]:
    """Every published course, for the assignment form."""
    return list(CoursePage.objects.live().defer_streamfields().only("id", "title", "path").order_by("title"))


def live_course(course_id) -> CoursePage | None:
    try:
        return CoursePage.objects.live().defer_streamfields().filter(pk=int(course_id)).first()
    except (TypeError, ValueError):
        return None


def course_progress(pairs) -> dict[tuple[int, int], dict]:
    """Per (user id, course id): percent of the course's required modules done and whether it is completed,
    straight from the learning records (three queries whatever the number of pairs)."""
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
    courses = list(CoursePage.objects.filter(pk__in=course_ids).only("id", "path", "depth"))
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
