from django.urls import path

from . import record_views, views

app_name = "learning"

urlpatterns: list = [
    path("katalog/", views.catalogue_redirect, name="catalogue"),
    # Learning records
    path("belajar/", record_views.dashboard, name="dashboard"),
    path("belajar/kursus/<int:course_id>/daftar/", record_views.enroll, name="enroll"),
    path("belajar/kursus/<int:course_id>/lanjutkan/", record_views.resume, name="resume"),
    path("belajar/modul/<int:page_id>/selesai/", record_views.module_done, name="module_done"),
    path("belajar/kuis/<int:page_id>/mulai/", record_views.attempt_start, name="attempt_start"),
    path("belajar/percobaan/<int:pk>/", record_views.attempt_page, name="attempt"),
    path("belajar/percobaan/<int:pk>/jawab/", record_views.attempt_answer, name="attempt_answer"),
    path("belajar/percobaan/<int:pk>/kirim/", record_views.attempt_submit, name="attempt_submit"),
    path("belajar/percobaan/<int:pk>/hasil/", record_views.attempt_result, name="attempt_result"),
    path("belajar/sertifikat/<str:code>/unduh/", record_views.certificate_download, name="certificate_download"),
    path("belajar/ekspor/", record_views.export_home, name="export"),
    path("belajar/ekspor/<int:pk>/", record_views.export_job, name="export_job"),
    path("belajar/ekspor/<int:pk>/unduh/", record_views.export_download, name="export_download"),
    path("sertifikat/<str:code>/", record_views.certificate_verify, name="certificate_verify"),
]
