"""Admin screens for HR: service units, kinds of service, officers, survey periods and the population served."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ServiceKind, ServiceUnit, SurveyOfficer, SurveyPeriod, UnitPopulation


class ServiceUnitViewSet(SnippetViewSet):
    model = ServiceUnit
    icon = "site"
    menu_label = _("Unit layanan")
    list_display = ["name", "code", "unit", "active"]
    search_fields = ["name", "code"]


class ServiceKindViewSet(SnippetViewSet):
    model = ServiceKind
    icon = "list-ul"
    menu_label = _("Jenis layanan")
    list_display = ["name", "service_unit", "position", "active"]
    list_filter = ["service_unit"]


class SurveyOfficerViewSet(SnippetViewSet):
    model = SurveyOfficer
    icon = "user"
    menu_label = _("Petugas layanan")
    list_display = ["code", "employee", "service_unit", "active"]
    list_filter = ["service_unit"]


class SurveyPeriodViewSet(SnippetViewSet):
    model = SurveyPeriod
    icon = "date"
    menu_label = _("Periode survei")
    list_display = ["name", "start_date", "end_date", "status"]
    list_filter = ["status"]


class UnitPopulationViewSet(SnippetViewSet):
    model = UnitPopulation
    icon = "group"
    menu_label = _("Jumlah penerima layanan")
    list_display = ["service_unit", "period", "population"]
    list_filter = ["period", "service_unit"]


class SurveyGroup(SnippetViewSetGroup):
    menu_label = _("Survei kepuasan (SKM)")
    menu_icon = "form"
    menu_order = 310
    items = (ServiceUnitViewSet, ServiceKindViewSet, SurveyOfficerViewSet, SurveyPeriodViewSet, UnitPopulationViewSet)


register_snippet(SurveyGroup)
