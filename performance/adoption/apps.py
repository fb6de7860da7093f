from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdoptionConfig(AppConfig):
    """The leadership dashboard /pimpinan/ (adoption, development, supervision, survey and readiness figures per
    unit), its nightly unit snapshots and exports (issue 12). A dashboard layer like `performance.dashboard`
    (profile and team pages): it reads the other sub-apps, none of them imports it (pyproject importlinter)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "performance.adoption"
    label = "adoption"
    verbose_name = _("Adopsi")

    def ready(self):
        # A broker outage must not leave a job "Menunggu" forever: the job sweep resends what it dropped.
        from portal.tasks import register_job_task

        from .export import JOB_KIND
        from .services import NOTIFY_JOB_KIND

        register_job_task(JOB_KIND, "performance.adoption.tasks.export_task")
        register_job_task(NOTIFY_JOB_KIND, "performance.adoption.tasks.notify_task")
