from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    """The profile and team pages: they read every other app and write nothing (the leadership dashboard and its
    snapshots are `performance.adoption`)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "performance.dashboard"
    label = "dashboard"
    verbose_name = _("Dasbor kinerja")
