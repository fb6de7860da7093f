from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevelopmentConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "performance.development"
    label = "development"
    verbose_name = _("Pengembangan pegawai")

    def ready(self):
        from performance.panels import register_profile_panel
        from portal.notifications.kinds import register_kind

        from . import notices

        def plan_section(request, employee, *, assessments):
            from .selectors import profile_plan
            from .services import may_write_plan

            own = employee.user_id == request.user.pk
            return {
                "plan": profile_plan(employee, own=own, assessments=assessments),
                "own": own,
                "may_write_plan": may_write_plan(request.user, employee),
                "employee": employee,
            }

        register_profile_panel(
            "development.plan", template="development/includes/profile_plan.html", context=plan_section
        )

        for kind, label in notices.KINDS.items():
            register_kind(kind, label=label, email_default=True)
