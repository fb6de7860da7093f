from django.urls import path, register_converter

from . import views


class NipConverter:
    regex = "[0-9]{18}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(NipConverter, "nip")

app_name = "performance"

urlpatterns = [
    path("tim/<nip:nip>/periode/<int:period_id>/", views.assess, name="assess"),
    path("penilaian/<int:pk>/", views.assessment_detail, name="assessment"),
    path("penilaian/<int:pk>/terima/", views.assessment_acknowledge, name="acknowledge"),
    path("penilaian/<int:pk>/koreksi/", views.assessment_correct, name="correct"),
    path("kepegawaian/", views.hr_home, name="hr_home"),
    path("kepegawaian/pegawai/", views.hr_employees, name="hr_employees"),
    path("kepegawaian/impor/", views.roster_upload, name="roster_upload"),
    path("kepegawaian/impor/contoh.csv", views.roster_sample, name="roster_sample"),
    path("kepegawaian/impor/<str:token>/", views.roster_preview, name="roster_preview"),
    path("kepegawaian/periode/", views.period_create, name="period_create"),
    path("kepegawaian/periode/<int:pk>/status/", views.period_status, name="period_status"),
]
