from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("notifikasi/", views.inbox, name="inbox"),
    path("notifikasi/<int:pk>/", views.open_notice, name="open"),
    path("notifikasi/tandai-semua-dibaca/", views.mark_all_read, name="mark_all_read"),
    path("notifikasi/pengaturan/", views.preferences, name="preferences"),
]
