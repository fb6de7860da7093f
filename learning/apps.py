from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "learning"
    verbose_name = _("Pembelajaran")

    def ready(self):
        from portal.tasks import register_job_task

        from .services.export import EXPORT_JOB_KIND

        # A broker outage must not leave an export "Menunggu" forever: the job sweep resends it.
        register_job_task(EXPORT_JOB_KIND, "learning.tasks.export_records_job")
