from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PulseConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "performance.pulse"
    label = "pulse"
    verbose_name = _("Pulse kesiapan perubahan")

    def ready(self):
        from . import notices

        notices.register_kinds()
