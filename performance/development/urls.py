from django.urls import path

from performance.urls import NipConverter  # noqa: F401  (registers the "nip" converter)

from . import views

app_name = "development"

urlpatterns = [
    path("tim/<nip:nip>/rencana/", views.member_plans, name="member_plans"),
    path("tim/rencana/<int:pk>/", views.plan, name="plan"),
    path("tim/rencana/<int:pk>/sasaran/", views.goal_add, name="goal_add"),
    path("tim/rencana/<int:pk>/saran/", views.suggestion_apply, name="suggestion_apply"),
    path("tim/rencana/<int:pk>/status/", views.plan_status, name="plan_status"),
    path("tim/sasaran/<int:goal_pk>/langkah/", views.action_add, name="action_add"),
    path("tim/sasaran/<int:goal_pk>/ubah/", views.goal_edit, name="goal_edit"),
    path("tim/sasaran/<int:goal_pk>/hapus/", views.goal_remove, name="goal_remove"),
    path("tim/langkah/<int:pk>/ubah/", views.action_edit, name="action_edit"),
    path("tim/langkah/<int:pk>/hapus/", views.action_remove, name="action_remove"),
    path("tim/bukti/<int:pk>/tinjau/", views.evidence_review, name="evidence_review"),
    path("tim/bukti/<int:pk>/berkas/", views.evidence_file_staff, name="evidence_file_staff"),
    path("tim/tugaskan-kursus/", views.assign, name="assign"),
    path("pegawai/saya/rencana/", views.my_plans, name="my_plans"),
    path("pegawai/saya/rencana/<int:pk>/", views.my_plan, name="my_plan"),
    path("pegawai/saya/rencana/<int:pk>/konfirmasi/", views.my_plan_acknowledge, name="my_plan_acknowledge"),
    path("pegawai/saya/langkah/<int:action_pk>/bukti/", views.my_evidence_submit, name="my_evidence_submit"),
    path("pegawai/saya/bukti/<int:pk>/berkas/", views.my_evidence_file, name="my_evidence_file"),
]
