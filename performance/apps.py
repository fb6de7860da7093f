from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PerformanceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "performance"
    verbose_name = _("Kinerja")

    def ready(self):
        import home.selectors  # noqa: F401  (connects the receivers that clear the BerAKHLAK cache)
        from portal.identity import register_identity_provider
        from portal.notifications.kinds import register_kind
        from portal.permissions import grant
        from portal.roles import Role

        from .identity import EmployeeIdentityProvider

        register_identity_provider(EmployeeIdentityProvider())
        register_kind("performance.assessment_submitted", label=_("Penilaian kinerja dikirim kepada saya"))
        perms = []
        for model in ("orgunit", "employee", "performanceperiod", "leadershipscope"):
            perms += [f"performance.{action}_{model}" for action in ("add", "change", "view", "delete")]
        grant(Role.ADMIN_KEPEGAWAIAN, *perms)
