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
