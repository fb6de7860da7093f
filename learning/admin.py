"""Learning records in the Django admin: read-only (records change only through the services)."""

from django.contrib import admin

from .models import Certificate, CourseCompletion, Enrollment, JPLedgerEntry, QuizAttempt


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Enrollment)
class EnrollmentAdmin(ReadOnlyAdmin):
    list_display = ("user", "course", "source", "status", "due_date", "enrolled_at", "completed_at")
    list_filter = ("status", "source")
    search_fields = ("user__email", "user__last_name")
    list_select_related = ("user", "course")
    raw_id_fields = ("user", "course", "assigned_by")


@admin.register(CourseCompletion)
class CourseCompletionAdmin(ReadOnlyAdmin):
    list_display = ("user", "course_title", "completed_at", "jp", "score")
    search_fields = ("user__email", "course_title")
    list_select_related = ("user",)
    raw_id_fields = ("user", "course", "enrollment")


@admin.register(JPLedgerEntry)
class JPLedgerEntryAdmin(ReadOnlyAdmin):
    list_display = ("user", "year", "jp", "description", "created_at")
    list_filter = ("year",)
    search_fields = ("user__email", "description")
    list_select_related = ("user",)
    raw_id_fields = ("user", "course", "completion")


@admin.register(QuizAttempt)
class QuizAttemptAdmin(ReadOnlyAdmin):
    list_display = ("user", "quiz_page", "number", "score", "passed", "late", "submitted_at")
    list_filter = ("passed", "late")
    search_fields = ("user__email",)
    list_select_related = ("user", "quiz_page")
    exclude = ("questions",)  # the snapshot holds the right answers; not needed to read a result
    raw_id_fields = ("user", "quiz_page", "enrollment")


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    list_display = ("code", "completion", "issued_at", "pdf_generated_at")
    search_fields = ("code", "completion__user__email")
    list_select_related = ("completion__user",)
    raw_id_fields = ("completion",)
