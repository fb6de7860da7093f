from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "performance.supervision"
    label = "supervision"
    verbose_name = _("Pembinaan pegawai")
