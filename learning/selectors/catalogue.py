"""Reads for the learning content pages, each in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Prefetch, Q

from home.models import StandardPage
from home.selectors import public_q

from ..models import CourseIndexPage, CourseLevel, CoursePage, FinalAssessmentPage, ModulePage


def _standards_qs():
    return StandardPage.objects.live().only("id", "title", "code", "url_path", "path").order_by("path")


def live_courses(public: Q | None = None):
    return (
        CoursePage.objects.live()
        .filter(public_q() if public is None else public)
        .defer_streamfields()
        .select_related("cover_image")
        .prefetch_related(Prefetch("target_standards", queryset=_standards_qs()))
        .order_by("path")
    )


def catalogue(index_page: CourseIndexPage, params) -> dict:
    """The live courses of the catalogue, filtered by standard, mandatory flag and level."""
    public = public_q()
    qs = live_courses(public).child_of(index_page)
    standards = list(_standards_qs().filter(public))
    standard = None
    raw = params.get("standar") or ""
    if raw.isdigit():
        standard = next((s for s in standards if s.pk == int(raw)), None)
    if standard is not None:
        qs = qs.filter(target_standards=standard)
    level = params.get("tingkat") or ""
    if level not in CourseLevel.values:
        level = ""
    if level:
        qs = qs.filter(level=level)
    mandatory = params.get("wajib") or ""
    if mandatory == "1":
        qs = qs.filter(is_mandatory=True)
    elif mandatory == "0":
        qs = qs.filter(is_mandatory=False)
    else:
        mandatory = ""
    return {
        "courses": list(qs),
        "standards": standards,
        "selected_standard": standard,
        "levels": CourseLevel.choices,
        "selected_level": level,
        "selected_mandatory": mandatory,
    }


def course_outline(course: CoursePage) -> dict:
    """The course's standards, live modules (without their bodies) and final assessment."""
    modules = list(ModulePage.objects.child_of(course).live().defer("body").order_by("path"))
    final = FinalAssessmentPage.objects.child_of(course).live().order_by("path").first()
    return {
        "standards": list(course.target_standards.all().order_by("path")),
        "modules": modules,
        "final_assessment": final,
        "total_module_minutes": sum(m.estimated_minutes for m in modules),
    }


def module_context(page) -> dict:
    """The course a module or final assessment belongs to, and its neighbours in the course."""
    parent = page.get_parent()  # cached by CoursePage.route: no query when the page was routed
    if isinstance(parent, CoursePage):
        course = parent if parent.live else None
    else:
        course = CoursePage.objects.live().filter(pk=parent.pk).defer_streamfields().first() if parent else None
    siblings = []
    if course is not None:
        siblings = list(
            ModulePage.objects.child_of(course).live().order_by("path").only("id", "title", "url_path", "path", "depth")
        )
    previous = next_ = None
    position = None
    for i, sibling in enumerate(siblings):
        if sibling.pk == page.pk:
            position = i + 1
            previous = siblings[i - 1] if i > 0 else None
            next_ = siblings[i + 1] if i + 1 < len(siblings) else None
    return {
        "course": course,
        "module_position": position,
        "module_total": len(siblings),
        "previous_module": previous,
        "next_module": next_,
    }
