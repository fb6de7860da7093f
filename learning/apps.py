from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "learning"
    verbose_name = _("Pembelajaran")

    def ready(self):
        from portal.notifications.kinds import register_kind

        from .services.reminders import REMINDER_KIND

        register_kind(
            REMINDER_KIND, label=_("Pengingat kursus yang mendekati atau melewati tenggat"), email_default=True
        )
