"""A supervisor's private preparation notes: only their author ever reads them."""

from django.urls import reverse

import pytest

from performance.supervision.models import PreparationNote

pytestmark = pytest.mark.django_db

SECRET = "Tanyakan soal antrean pagi; jangan lupa pujian untuk loket"


def test_only_the_author_reads_the_preparation_notes(team, client):
    pegawai = team["employees"]["pegawai"]
    url = reverse("supervision:member_dialogues", args=[pegawai.nip])
    client.force_login(team["users"]["atasan"])
    response = client.post(reverse("supervision:preparation_note", args=[pegawai.nip]), {"text": SECRET}, follow=True)
    assert "Catatan persiapan disimpan" in response.content.decode()
    client.post(reverse("supervision:preparation_note", args=[pegawai.nip]), {"text": SECRET})  # double click
    assert PreparationNote.objects.count() == 1
    assert SECRET in client.get(url).content.decode()

    # Nobody else: the employee (own profile, dialogues), leadership and HR (the same pages), another supervisor.
    pages = {
        "pegawai": [reverse("dashboard:my_profile"), reverse("supervision:my_dialogues")],
        "pimpinan": [url, reverse("dashboard:profile", args=[pegawai.nip])],
        "admin": [url, reverse("dashboard:profile", args=[pegawai.nip])],
        "kasi.pmk": [url],
    }
    for who, urls in pages.items():
        client.force_login(team["users"][who])
        for page in urls:
            response = client.get(page)
            assert SECRET not in response.content.decode(), (who, page)


def test_someone_not_the_direct_supervisor_cannot_write_them(team, client):
    pegawai = team["employees"]["pegawai"]
    for who in ("kasi.pmk", "pimpinan", "pegawai2"):
        client.force_login(team["users"][who])
        response = client.post(reverse("supervision:preparation_note", args=[pegawai.nip]), {"text": "x"})
        assert response.status_code == 404, who
    assert not PreparationNote.objects.exists()


def test_an_overlong_note_changes_nothing(team, client):
    pegawai = team["employees"]["pegawai"]
    client.force_login(team["users"]["atasan"])
    response = client.post(
        reverse("supervision:preparation_note", args=[pegawai.nip]), {"text": "a" * 4001}, follow=True
    )
    assert "paling panjang 4.000 karakter" in response.content.decode()
    assert not PreparationNote.objects.exclude(text="").exists()
