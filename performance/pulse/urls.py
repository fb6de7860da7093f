from django.urls import path

from . import views

app_name = "pulse"

urlpatterns = [
    path("kesiapan/", views.pulse_list, name="list"),
    path("kesiapan/<int:pk>/", views.pulse_answer, name="answer"),
    path("hasil-kesiapan/", views.results, name="results"),
    path("hasil-kesiapan/<int:pk>/", views.report, name="report"),
    path("kepegawaian/kesiapan/", views.manage, name="manage"),
    path("kepegawaian/kesiapan/<int:pk>/tutup/", views.close, name="close"),
]
