from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "learning"
    verbose_name = _("Pembelajaran")

    def ready(self):
        # home (a layer below) lists courses on a standard's page and in the site search through its registry.
        from home import registry

        from .models import CoursePage

        registry.register_related(
            "courses",
            heading=_("Kursus untuk standar ini"),
            fetch=lambda standard, public: (
                CoursePage.objects.live()
                .filter(public)
                .defer_streamfields()
                .filter(target_standards=standard)
                .order_by("path")
            ),
        )
        registry.register_search_source(CoursePage, label=_("Kursus"))

        # a learner's JP of a year follows every ledger entry saved or deleted (cascades included)
        from django.db.models.signals import post_delete, post_save

        from .models import JPLedgerEntry
        from .services import jp

        post_save.connect(jp.on_entry_saved, sender=JPLedgerEntry, dispatch_uid="learning_jp_total_saved")
        post_delete.connect(jp.on_entry_deleted, sender=JPLedgerEntry, dispatch_uid="learning_jp_total_deleted")

        from portal.tasks import register_job_task

        from .services.course_report_export import COURSE_REPORT_JOB_KIND
        from .services.export import EXPORT_JOB_KIND

        # A broker outage must not leave an export "Menunggu" forever: the job sweep resends it.
        register_job_task(EXPORT_JOB_KIND, "learning.tasks.export_records_job")
        register_job_task(COURSE_REPORT_JOB_KIND, "learning.tasks.course_report_export_job")

        # The kinds of notice learning sends (shown on the email preferences page).
        from portal.notifications.kinds import register_kind

        from .services.reminders import REMINDER_KIND

        register_kind(
            REMINDER_KIND, label=_("Pengingat kursus yang mendekati atau melewati tenggat"), email_default=True
        )
