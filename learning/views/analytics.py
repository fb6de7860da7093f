"""Course analytics in the Wagtail admin (Reports menu): the list of the courses the user may edit and one
course's report. Aggregates only; a course the user may not edit is a 404. Wagtail's admin URLs already refuse
anyone without admin access (`portal.middleware.AdminAccessMiddleware` answers them with the 403 page).
"""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from portal.exports import csv_safe
from portal.models import BackgroundJob

from .. import rules
from ..selectors.analytics import (
    check_report,
    course_check,
    course_overview,
    course_report,
    editable_course,
    editable_courses,
)
from ..services.course_report_export import COURSE_REPORT_JOB_KIND, course_report_job_create

INDEX_URL_NAME = "learning_course_analytics"
REPORT_URL_NAME = "learning_course_analytics_report"
CHECK_URL_NAME = "learning_course_analytics_check"
EXPORT_URL_NAME = "learning_course_analytics_export"
EXPORT_JOB_URL_NAME = "learning_course_analytics_export_job"
EXPORT_DOWNLOAD_URL_NAME = "learning_course_analytics_export_download"


class CourseAnalyticsIndexView(ReportView):
    """The courses the user may edit, with enrolled / started / completed, completion and pass rates."""

    page_title = _("Analitik kursus")
    header_icon = "table"
    index_url_name = INDEX_URL_NAME
    index_results_url_name = INDEX_URL_NAME
    template_name = "learning/admin/course_analytics_index.html"
    results_template_name = "learning/admin/course_analytics_results.html"
    paginate_by = 50
    # Wagtail's XLSX/CSV export of the list (the figures of every course the user may edit, not one page). Its
    # XLSX never writes a formula; its CSV would, so text passes through the portal's formula-safe cell.
    export_filename = "analitik-kursus"
    list_export = [
        "course.title",
        "counts.enrolled",
        "counts.started",
        "counts.completed",
        "counts.completion_percent",
        "pass_rates.first_percent",
        "pass_rates.any_percent",
    ]
    export_headings = {
        "course.title": _("Kursus"),
        "counts.enrolled": _("Terdaftar"),
        "counts.started": _("Sudah mulai"),
        "counts.completed": _("Selesai"),
        "counts.completion_percent": _("Selesai (%)"),
        "pass_rates.first_percent": _("Lulus ujian akhir pada percobaan pertama (%)"),
        "pass_rates.any_percent": _("Peserta yang lulus ujian akhir, semua percobaan (%)"),
    }
    custom_field_preprocess = {"course.title": {"csv": csv_safe}}

    def get_queryset(self):
        return editable_courses(self.request.user)

    def decorate_paginated_queryset(self, object_list):
        return course_overview(list(object_list))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["no_results_message"] = _("Belum ada kursus yang boleh Anda sunting.")
        context["min_attempts"] = rules.ANALYTICS_MIN_ATTEMPTS
        return context


class CourseAnalyticsReportView(WagtailAdminTemplateMixin, TemplateView):
    """One course's report: enrollments per week, the module funnel, the median time, the final quiz."""

    template_name = "learning/admin/course_analytics.html"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        self.course = editable_course(request.user, kwargs["course_id"])
        if self.course is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Analitik kursus: %(title)s") % {"title": self.course.title}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse_lazy(INDEX_URL_NAME), "label": _("Analitik kursus")},
            {"url": "", "label": self.course.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(course_report(self.course))
        context["course"] = self.course
        context["edit_url"] = reverse("wagtailadmin_pages:edit", args=[self.course.pk])
        return context


class CourseCheckReportView(CourseAnalyticsReportView):
    """A module's knowledge check: its pass rates and per-question statistics, as the final assessment's."""

    template_name = "learning/admin/course_analytics_check.html"

    def dispatch(self, request, *args, **kwargs):
        course = editable_course(request.user, kwargs["course_id"])
        self.module = course_check(course, kwargs["module_id"]) if course is not None else None
        if self.module is None:
            raise Http404
        self.course = course
        return super(CourseAnalyticsReportView, self).dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Kuis pemahaman: %(title)s") % {"title": self.module.title}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse_lazy(INDEX_URL_NAME), "label": _("Analitik kursus")},
            {"url": reverse(REPORT_URL_NAME, args=[self.course.pk]), "label": self.course.title},
            {"url": "", "label": self.module.title},
        ]

    def get_context_data(self, **kwargs):
        context = super(CourseAnalyticsReportView, self).get_context_data(**kwargs)
        context.update(check_report(self.module))
        context["course"] = self.course
        context["module"] = self.module
        context["report_url"] = reverse(REPORT_URL_NAME, args=[self.course.pk])
        context["edit_url"] = reverse("wagtailadmin_pages:edit", args=[self.module.pk])
        return context


@require_POST
def export_start(request, course_id: int):
    """Queue the course's workbook (a course the user may not edit is a 404) and show the job's progress."""
    course = editable_course(request.user, course_id)
    if course is None:
        raise Http404
    job = course_report_job_create(owner=request.user, course=course)
    return redirect(EXPORT_JOB_URL_NAME, job_id=job.pk)


def _own_job(request, job_id: int) -> BackgroundJob:
    return get_object_or_404(BackgroundJob, pk=job_id, kind=COURSE_REPORT_JOB_KIND, owner=request.user)


class ExportJobView(WagtailAdminTemplateMixin, TemplateView):
    """The export's progress (the page reloads itself while the job waits or runs), then its download link."""

    template_name = "learning/admin/course_analytics_export.html"
    header_icon = "download"
    page_title = _("Ekspor analitik kursus")

    def dispatch(self, request, *args, **kwargs):
        self.job = _own_job(request, kwargs["job_id"])
        self.course = editable_course(request.user, self.job.params.get("course_id"))
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = [{"url": reverse_lazy(INDEX_URL_NAME), "label": _("Analitik kursus")}]
        if self.course is not None:
            items.append({"url": reverse(REPORT_URL_NAME, args=[self.course.pk]), "label": self.course.title})
        return self.breadcrumbs_items + items + [{"url": "", "label": _("Ekspor")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["job"] = self.job
        context["course"] = self.course
        context["waiting"] = self.job.status in (BackgroundJob.Status.PENDING, BackgroundJob.Status.RUNNING)
        return context


def export_download(request, job_id: int):
    job = _own_job(request, job_id)
    if job.status != BackgroundJob.Status.DONE or not job.result_file:
        raise Http404
    return FileResponse(
        job.result_file.open("rb"), as_attachment=True, filename=job.result_file.name.rsplit("/", 1)[-1]
    )
