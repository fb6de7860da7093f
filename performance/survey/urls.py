from django.urls import path

from . import views

app_name = "survey"

urlpatterns = [
    path("survei/", views.unit_list, name="units"),
    path("survei/<slug:code>/", views.survey_form, name="form"),
    path("survei/<slug:code>/terima-kasih/", views.thanks, name="thanks"),
    path("survei/<slug:code>/hasil/", views.public_results, name="results"),
    path("skm/", views.overview, name="overview"),
    path("skm/periode/", views.period_action, name="period_action"),
    path("skm/<slug:code>/", views.unit_report, name="report"),
    path("skm/<slug:code>/periode/<int:period_id>/laporan.pdf", views.report_pdf, name="report_pdf"),
    path("skm/<slug:code>/periode/<int:period_id>/ekspor.xlsx", views.report_xlsx, name="report_xlsx"),
    path("skm/<slug:code>/poster/", views.posters, name="poster"),
    path("skm/<slug:code>/poster/<slug:officer_code>/", views.posters, name="officer_poster"),
    path("skm/<slug:code>/komentar/", views.comment_list, name="comments"),
    path("skm/komentar/<int:pk>/sembunyikan/", views.comment_hide, name="comment_hide"),
    path("skm/komentar/<int:pk>/tindak-lanjut/", views.complaint_follow_up, name="follow_up"),
]
