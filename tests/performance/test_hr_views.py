from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from performance.models import Employee, PerformancePeriod, RosterUpload

pytestmark = pytest.mark.django_db

HEADER = "nip;nama;jenis_kepegawaian;jabatan;jenis_jabatan;kode_unit;golongan;nip_atasan;email"
BOSS_NIP = None


def roster(demo_org, bad=False):
    boss = demo_org["employees"]["kasi_pem"].nip
    rows = [
        f"199001012015011001;Andreas Baru;PNS;Analis;fungsional_keahlian;WLS.PEM;III/a;{boss};andreas@walesi.test",
        f"199202022020022002;Benny Baru;PPPK;Pengadministrasi;pelaksana;WLS.PEM;{'II/a' if bad else ''};{boss};",
    ]
    return ("\ufeff" + "\r\n".join([HEADER, *rows]) + "\r\n").encode()


def upload(client, data, name="daftar.csv", **extra):
    return client.post(
        reverse("performance:roster_upload"), {"file": SimpleUploadedFile(name, data, "text/csv"), **extra}
    )


def test_upload_preview_apply(demo_org, login, django_capture_on_commit_callbacks):
    client = login("admin@walesi.test")
    before = Employee.objects.count()
    response = upload(client, roster(demo_org, bad=True))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Baris 3" in page and "PPPK tidak memiliki golongan" in page
    assert "Terapkan impor" not in page
    assert "Kolom wajib: <code>nip</code>" in page and "fungsional_keterampilan" in page  # help to fix the file
    assert Employee.objects.count() == before

    response = upload(client, roster(demo_org))
    preview_url = response["Location"]
    page = client.get(preview_url).content.decode()
    assert "Terapkan impor" in page and "Andreas Baru" in page
    upload_row = RosterUpload.objects.latest("created_at")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(preview_url, {"token": upload_row.token, "sha256": upload_row.sha256})
    assert response.status_code == 302
    assert Employee.objects.count() == before + 2
    # Applying twice changes nothing more.
    client.post(preview_url, {"token": upload_row.token, "sha256": upload_row.sha256})
    assert Employee.objects.count() == before + 2


def test_apply_refused_when_file_changed(demo_org, login):
    client = login("admin@walesi.test")
    preview_url = upload(client, roster(demo_org))["Location"]
    row = RosterUpload.objects.latest("created_at")
    with open(row.file.path, "wb") as fh:  # the stored file changes after the preview
        fh.write(roster(demo_org, bad=False).replace(b"Andreas", b"Anderas"))
    before = Employee.objects.count()
    response = client.post(preview_url, {"token": row.token, "sha256": row.sha256}, follow=True)
    assert "telah berubah" in response.content.decode()
    assert Employee.objects.count() == before


def test_preview_of_another_admins_upload_is_404(demo_org, login):
    client = login("admin@walesi.test")
    preview_url = upload(client, roster(demo_org))["Location"]
    row = RosterUpload.objects.latest("created_at")
    row.uploaded_by = demo_org["users"]["pimpinan@walesi.test"]
    row.save()
    assert client.get(preview_url).status_code == 404


def test_wrong_file_type_refused(demo_org, login):
    response = upload(login("admin@walesi.test"), b"%PDF-1.4", name="daftar.pdf")
    assert response.status_code == 200 and "csv atau .xlsx" in response.content.decode()


def test_sample_download(demo_org, login):
    response = login("admin@walesi.test").get(reverse("performance:roster_sample"))
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("nip,nama,jenis_kepegawaian") and len(text.splitlines()) == 3


def test_hr_opens_and_closes_periods(demo_org, login):
    client = login("admin@walesi.test")
    period = demo_org["periods"][0]
    client.post(reverse("performance:period_status", args=[period.pk]), {"status": "open"})
    period.refresh_from_db()
    assert period.status == "open"
    client.post(
        reverse("performance:period_create"),
        {"year": 2027, "kind": "TAHUNAN", "start_date": "2027-01-01", "end_date": "2027-12-31", "status": "closed"},
    )
    assert PerformancePeriod.objects.filter(year=2027, kind="TAHUNAN").exists()
    # The same period twice is refused with a message, not a crash.
    response = client.post(
        reverse("performance:period_create"),
        {"year": 2027, "kind": "TAHUNAN", "start_date": "2027-01-01", "end_date": "2027-12-31", "status": "closed"},
        follow=True,
    )
    assert response.status_code == 200
    assert PerformancePeriod.objects.filter(year=2027, kind="TAHUNAN").count() == 1


def test_non_hr_cannot_post_hr_actions(demo_org, login):
    period = demo_org["periods"][0]
    for email in ["pegawai@walesi.test", "atasan@walesi.test", "pelatih@walesi.test", "pimpinan@walesi.test"]:
        client = login(email)
        assert (
            client.post(reverse("performance:period_status", args=[period.pk]), {"status": "open"}).status_code == 403
        )
        assert upload(client, roster(demo_org)).status_code == 403
    period.refresh_from_db()
    assert period.status == "closed"
