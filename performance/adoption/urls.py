from django.urls import path

from . import views

app_name = "adoption"
urlpatterns = [
    path("pimpinan/", views.dashboard, name="dashboard"),
    path("pimpinan/beri-tahu/", views.notify_not_started, name="notify"),
    path("pimpinan/ekspor/", views.export_start, name="export"),
    path("pimpinan/ekspor/<int:pk>/", views.export_job, name="export_job"),
    path("pimpinan/ekspor/<int:pk>/unduh/", views.export_download, name="export_download"),
]
