from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevelopmentConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "performance.development"
    label = "development"
    verbose_name = _("Pengembangan pegawai")

    def ready(self):
        from portal.notifications.kinds import register_kind

        from . import notices

        for kind, label in notices.KINDS.items():
            register_kind(kind, label=label, email_default=True)
