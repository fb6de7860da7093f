"""Demo supervision data: a past dialogue with pegawai@ with one open agreed action, a team meeting of the
service section with an open decision, and an appreciation; nothing for pegawai2@. Idempotent."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from performance.models import Employee
from portal import dates

from .. import services
from ..models import Appreciation, Dialogue, TeamMeeting


@transaction.atomic
def seed(stdout=None) -> None:
    User = get_user_model()
    atasan = User.objects.filter(email="atasan@walesi.test").first()
    pegawai = Employee.objects.filter(email="pegawai@walesi.test").select_related("supervisor").first()
    if atasan is None or pegawai is None or pegawai.supervisor is None:
        return
    today = dates.today()
    if not Dialogue.objects.filter(employee=pegawai).exists():
        services.dialogue_record(
            actor=atasan,
            employee=pegawai,
            data=services.DialogueInput(
                held_on=today - dt.timedelta(days=14),
                topics="Antrean loket KTP pada hari pasar; sikap kepada warga yang datang dari kampung jauh.",
                went_well="Berkas selesai tepat waktu; warga merasa disambut dengan ramah.",
                to_improve="Menjelaskan persyaratan sejak awal agar warga tidak bolak-balik.",
                next_date=today + dt.timedelta(days=14),
                actions=[
                    services.FollowUp(
                        description="Membuat daftar persyaratan bergambar untuk ditempel di loket",
                        owner="employee",
                        due_date=today + dt.timedelta(days=7),
                    )
                ],
            ),
        )
    supervisor = pegawai.supervisor
    if not TeamMeeting.objects.filter(organiser=supervisor).exists():
        team = services.meeting_team(supervisor)
        services.meeting_record(
            actor=atasan,
            data=services.MeetingInput(
                held_on=today - dt.timedelta(days=7),
                agenda="Capaian layanan bulan ini; masalah jaringan di kantor distrik.",
                achievements="212 dokumen kependudukan selesai; tidak ada keluhan tertulis.",
                problems="Jaringan putus dua hari; pencetakan KTP tertunda.",
                attendee_nips=[e.nip for e in team],
                decisions=[
                    services.FollowUp(
                        description="Mencatat permohonan secara manual saat jaringan putus",
                        owner=pegawai.nip,
                        due_date=today + dt.timedelta(days=10),
                    )
                ],
            ),
        )
    if not Appreciation.objects.filter(employee=pegawai).exists():
        services.appreciation_give(
            actor=atasan,
            employee=pegawai,
            value_code="berorientasi-pelayanan",
            message="Terima kasih sudah tetap melayani warga dengan sabar saat jaringan putus.",
            show_on_team=True,
        )


def counts() -> dict[str, int]:
    """What the demo holds, for seed_demo's summary line."""
    return {
        "dialogues": Dialogue.objects.count(),
        "team meetings": TeamMeeting.objects.count(),
        "appreciations": Appreciation.objects.count(),
    }
