from django.urls import path

from . import views

app_name = "campaigns"
urlpatterns = [
    path("kampanye/", views.campaign_list, name="list"),
    path("kampanye/baru/", views.campaign_create, name="create"),
    path("kampanye/<int:pk>/", views.campaign_detail, name="detail"),
    path("kampanye/<int:pk>/ekspor/", views.export_start, name="export"),
    path("kampanye/ekspor/<int:pk>/", views.export_job, name="export_job"),
    path("kampanye/ekspor/<int:pk>/unduh/", views.export_download, name="export_download"),
]
