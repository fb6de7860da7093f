from django.urls import path

from . import views

app_name = "home"

urlpatterns: list = [
    path("standar/", views.standards_redirect, name="standards"),
    path("sosialisasi/", views.articles_redirect, name="articles"),
    path("cari/", views.search, name="search"),
]
