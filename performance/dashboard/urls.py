from django.urls import path

from performance.urls import NipConverter  # noqa: F401  (registers the "nip" path converter)

from . import views

app_name = "dashboard"

urlpatterns = [
    path("pegawai/saya/", views.my_profile, name="my_profile"),
    path("pegawai/<nip:nip>/", views.profile, name="profile"),
    path("tim/", views.team, name="team"),
]
