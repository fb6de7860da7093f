"""Admin screens for HR (Admin Kepegawaian): organisation, employees, periods, leadership scopes."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Employee, LeadershipScope, OrgUnit, PerformancePeriod


class OrgUnitViewSet(SnippetViewSet):
    model = OrgUnit
    icon = "site"
    menu_label = _("Unit organisasi")
    list_display = ["name", "code", "kind", "parent", "head"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    panels = [FieldPanel("name"), FieldPanel("code"), FieldPanel("kind"), FieldPanel("parent"), FieldPanel("head")]


class EmployeeViewSet(SnippetViewSet):
    model = Employee
    icon = "user"
    menu_label = _("Pegawai")
    list_display = ["full_name", "nip", "employment_type", "jabatan", "unit", "active"]
    list_filter = ["employment_type", "jabatan_kind", "active", "unit"]
    search_fields = ["full_name", "nip"]
    list_per_page = 50
    panels = [
        FieldPanel("nip"),
        FieldPanel("full_name"),
        FieldPanel("employment_type"),
        FieldPanel("jabatan"),
        FieldPanel("jabatan_kind"),
        FieldPanel("golongan"),
        FieldPanel("unit"),
        FieldPanel("supervisor"),
        FieldPanel("user"),
        FieldPanel("email"),
        FieldPanel("active"),
    ]

    def get_queryset(self, request):
        return Employee.objects.select_related("unit")


class PeriodViewSet(SnippetViewSet):
    model = PerformancePeriod
    icon = "date"
    menu_label = _("Periode penilaian")
    list_display = ["__str__", "start_date", "end_date", "status"]
    list_filter = ["year", "status"]


class LeadershipScopeViewSet(SnippetViewSet):
    model = LeadershipScope
    icon = "view"
    menu_label = _("Cakupan pimpinan")
    list_display = ["user", "unit"]


class PerformanceGroup(SnippetViewSetGroup):
    menu_label = _("Kepegawaian")
    menu_icon = "group"
    menu_order = 300
    items = (OrgUnitViewSet, EmployeeViewSet, PeriodViewSet, LeadershipScopeViewSet)


register_snippet(PerformanceGroup)
