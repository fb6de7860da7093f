from django.urls import path

from . import views

app_name = "learning"

urlpatterns: list = [
    path("katalog/", views.catalogue_redirect, name="catalogue"),
]
