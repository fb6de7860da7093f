from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Beranda dan konten")

    def ready(self):
        from portal.permissions import grant
        from portal.roles import REVIEWER_GROUP, Role

        from . import context_processors  # noqa: F401  (connects the cache-clearing signals)

        snippet_perms = (
            "home.view_corevalue",
            "home.change_corevalue",
            "home.view_announcement",
            "home.add_announcement",
            "home.change_announcement",
            "home.delete_announcement",
        )
        grant(Role.PELATIH, *snippet_perms)
        grant(REVIEWER_GROUP, *snippet_perms)
