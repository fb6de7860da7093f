from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "performance.supervision"
    label = "supervision"
    verbose_name = _("Pembinaan pegawai")

    def ready(self):
        from performance.panels import register_assessment_panel, register_profile_panel

        from . import notices
        from .selectors import objection_context

        register_assessment_panel(
            "supervision.objection",
            template="supervision/_objection.html",
            context=lambda request, assessment: objection_context(assessment, request.user),
        )

        def supervision_section(request, employee, **_shared):
            from .selectors import profile_sections

            return {
                "supervision": profile_sections(employee, request.user),
                "own": employee.user_id == request.user.pk,
                "employee": employee,
            }

        register_profile_panel(
            "supervision.profile",
            template="supervision/includes/profile_supervision.html",
            context=supervision_section,
        )
        from portal.notifications.kinds import register_kind

        for kind, label in notices.KINDS.items():
            register_kind(kind, label=label, email_default=True)
