from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "performance.survey"
    label = "survey"
    verbose_name = _("Survei kepuasan masyarakat")

    def ready(self):
        from portal.notifications.kinds import register_kind
        from portal.permissions import grant
        from portal.roles import Role

        perms = []
        for model in ("serviceunit", "servicekind", "surveyofficer", "surveyperiod", "unitpopulation"):
            perms += [f"survey.{action}_{model}" for action in ("add", "change", "view", "delete")]
        perms += ["survey.view_surveyresponse"]
        grant(Role.ADMIN_KEPEGAWAIAN, *perms)
        register_kind("survey.complaint", label=_("Pengaduan warga dari survei kepuasan"), email_default=True)
