from django.urls import path

from . import views

app_name = "learning"

urlpatterns: list = [
    path("katalog/", views.catalogue_redirect, name="catalogue"),
    # Learning records
    path("belajar/", views.dashboard, name="dashboard"),
    path("belajar/kursus/<int:course_id>/daftar/", views.enroll, name="enroll"),
    path("belajar/kursus/<int:course_id>/lanjutkan/", views.resume, name="resume"),
    path("belajar/modul/<int:page_id>/selesai/", views.module_done, name="module_done"),
    path("belajar/kuis/<int:page_id>/mulai/", views.attempt_start, name="attempt_start"),
    path("belajar/percobaan/<int:pk>/", views.attempt_page, name="attempt"),
    path("belajar/percobaan/<int:pk>/jawab/", views.attempt_answer, name="attempt_answer"),
    path("belajar/percobaan/<int:pk>/kirim/", views.attempt_submit, name="attempt_submit"),
    path("belajar/percobaan/<int:pk>/hasil/", views.attempt_result, name="attempt_result"),
    path("belajar/sertifikat/<str:code>/unduh/", views.certificate_download, name="certificate_download"),
    path("belajar/ekspor/", views.export_home, name="export"),
    path("belajar/ekspor/<int:pk>/", views.export_job, name="export_job"),
    path("belajar/ekspor/<int:pk>/unduh/", views.export_download, name="export_download"),
    path("sertifikat/<str:code>/", views.certificate_verify, name="certificate_verify"),
]
