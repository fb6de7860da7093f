from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    """Campaigns (kampanye sosialisasi): a course assigned to every active employee of a unit subtree.

    A small app of its own for now: ARCHITECTURE puts campaigns in `performance/development/`, whose migrations
    belong to another branch at the time of writing; the lead may fold this app into `development` later.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "performance.campaigns"
    label = "campaigns"
    verbose_name = _("Kampanye")

    def ready(self):
        from django.db.models.signals import post_save

        from performance.models import Employee

        from . import signals

        # HR edits one employee (admin form): a move into a covered unit enrols them. The roster import writes in
        # bulk (no signals) and is covered by the periodic sweep `campaigns.tasks.campaigns_sweep`.
        post_save.connect(signals.employee_saved, sender=Employee, dispatch_uid="campaigns-employee-saved")

        from portal.notifications.kinds import register_kind
        from portal.tasks import register_job_task

        from .export import JOB_KIND as EXPORT_JOB_KIND

        register_job_task(EXPORT_JOB_KIND, "performance.campaigns.tasks.campaign_export_task")

        register_kind("campaign-reminder", label=_("Pengingat kampanye kursus"), email_default=True)
        register_kind("campaign-overdue-member", label=_("Anggota tim lewat tenggat kampanye"), email_default=True)
        register_kind("campaign-not-started", label=_("Anggota tim belum memulai kursus kampanye"), email_default=True)
