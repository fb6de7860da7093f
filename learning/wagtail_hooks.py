from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .models import FinalAssessmentPage, ModulePage
from .selectors.analytics import may_use_course_analytics
from .views.analytics import (
    CHECK_URL_NAME,
    EXPORT_DOWNLOAD_URL_NAME,
    EXPORT_JOB_URL_NAME,
    EXPORT_URL_NAME,
    INDEX_URL_NAME,
    REPORT_URL_NAME,
    CourseAnalyticsIndexView,
    CourseAnalyticsReportView,
    CourseCheckReportView,
    ExportJobView,
    export_download,
    export_start,
)


class CourseAnalyticsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_use_course_analytics(request.user)


@hooks.register("register_admin_urls")
def register_course_analytics_urls():
    return [
        path("laporan/analitik-kursus/", CourseAnalyticsIndexView.as_view(), name=INDEX_URL_NAME),
        path(
            "laporan/analitik-kursus/<int:course_id>/",
            CourseAnalyticsReportView.as_view(),
            name=REPORT_URL_NAME,
        ),
        path(
            "laporan/analitik-kursus/<int:course_id>/kuis/<int:module_id>/",
            CourseCheckReportView.as_view(),
            name=CHECK_URL_NAME,
        ),
        path("laporan/analitik-kursus/<int:course_id>/ekspor/", export_start, name=EXPORT_URL_NAME),
        path("laporan/analitik-kursus/ekspor/<int:job_id>/", ExportJobView.as_view(), name=EXPORT_JOB_URL_NAME),
        path("laporan/analitik-kursus/ekspor/<int:job_id>/unduh/", export_download, name=EXPORT_DOWNLOAD_URL_NAME),
    ]


@hooks.register("register_reports_menu_item")
def register_course_analytics_menu_item():
    return CourseAnalyticsMenuItem(
        _("Analitik kursus"), reverse(INDEX_URL_NAME), name="course-analytics", icon_name="table", order=100
    )


@hooks.register("before_serve_page")
def record_module_opened(page, request, serve_args, serve_kwargs):
    """Opening a module marks it started for an enrolled learner (once; a reload writes nothing).

    One query finds the enrollment with this page's progress and quiz summary; it is kept on the request for the
    module_actions block.
    """
    if request.method != "GET" or not request.user.is_authenticated:
        return None
    if not isinstance(page, ModulePage | FinalAssessmentPage):
        return None
    from .selectors.records import enrollment_with_page_state

    enrollment = enrollment_with_page_state(request.user, page)
    if enrollment is not None and isinstance(page, ModulePage) and enrollment.progress_id is None:
        from .services import module_start

        progress = module_start(user=request.user, module=page, enrollment=enrollment)
        enrollment.progress_id, enrollment.progress_completed_at = progress.pk, progress.completed_at
    request._learning_enrollment = enrollment
    return None
