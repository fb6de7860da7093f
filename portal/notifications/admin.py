from django.contrib import admin

from .models import Notification, NotificationPreference


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Read-only, for support: what was sent to whom and whether the mail went out."""

    list_display = ["title", "recipient", "kind", "created_at", "read_at", "email_status", "emailed_at"]
    list_filter = ["kind", "email_status"]
    search_fields = ["recipient__email", "event_key", "title"]
    date_hierarchy = "created_at"
    list_select_related = ["recipient"]
    readonly_fields = [f.name for f in Notification._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "email"]
    search_fields = ["user__email"]
    list_select_related = ["user"]
