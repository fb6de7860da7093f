from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Announcement, CoreValue


class CoreValueViewSet(SnippetViewSet):
    model = CoreValue
    icon = "pick"
    menu_label = _("Nilai BerAKHLAK")
    list_display = ["name", "sort_order"]
    ordering = ["sort_order"]
    add_to_admin_menu = True
    menu_order = 250


class AnnouncementViewSet(SnippetViewSet):
    model = Announcement
    icon = "calendar-alt"
    menu_label = _("Pengumuman")
    list_display = ["title", "start_date", "end_date"]
    add_to_admin_menu = True
    menu_order = 260


register_snippet(CoreValueViewSet)
register_snippet(AnnouncementViewSet)
