from django.urls import path

from performance.urls import NipConverter  # noqa: F401  (registers the "nip" converter)

from . import views

app_name = "supervision"

urlpatterns = [
    path("tim/<nip:nip>/dialog/", views.member_dialogues, name="member_dialogues"),
    path("tim/<nip:nip>/dialog/persiapan/", views.preparation_note, name="preparation_note"),
    path("tim/<nip:nip>/apresiasi/", views.appreciate, name="appreciate"),
    path("tim/dialog/<int:pk>/", views.dialogue, name="dialogue"),
    path("tim/pertemuan/", views.meetings, name="meetings"),
    path("pertemuan/<int:pk>/", views.meeting, name="meeting"),
    path("penilaian/<int:assessment_pk>/keberatan/", views.objection_file, name="objection_file"),
    path("tim/keberatan/", views.objections, name="objections"),
    path("tim/keberatan/<int:pk>/", views.objection, name="objection"),
    path("pegawai/saya/dialog/", views.my_dialogues, name="my_dialogues"),
    path("pegawai/saya/dialog/<int:pk>/", views.my_dialogue, name="my_dialogue"),
]
