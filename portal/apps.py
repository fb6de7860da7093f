from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from .permissions import on_post_migrate

        # Once per migrate run, after every app's tables exist (sender is this app's config).
        post_migrate.connect(on_post_migrate, sender=self, dispatch_uid="portal-role-permissions")
