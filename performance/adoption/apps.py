from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdoptionConfig(AppConfig):
    """The adoption dashboard's reads and its nightly unit snapshots (issue 12).

    Its own module set for now: `performance/dashboard/` (profile, team, leadership pages) belongs to a branch not
    on main when this was written; the lead may fold these modules into the `dashboard` app.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "performance.adoption"
    label = "adoption"
    verbose_name = _("Adopsi")
