import datetime as dt
from decimal import Decimal

from django.core.management import call_command
from django.urls import reverse

import pandas as pd
import pytest

from learning import services
from learning.export import EXPORT_COLUMNS
from learning.models import JPLedgerEntry, ModulePage
from portal import identity
from portal.models import BackgroundJob

from .factories import make_course, right_answers

pytestmark = pytest.mark.django_db


class FakeProvider:
    def __init__(self, users):
        self.users = users

    def identities(self, user_ids):
        return {
            u.pk: identity.Identity(
                u.pk,
                u.get_full_name(),
                nip=f"19850312201001200{u.pk % 10}",
                unit_code="DST",
                unit_name="Distrik Walesi",
            )
            for u in self.users
            if u.pk in set(user_ids)
        }

    def user_ids_in_unit(self, unit_code, include_subunits=True):
        return {self.users[0].pk} if unit_code == "DST" else set()

    def units(self):
        return [identity.Unit("DST", "Distrik Walesi")]


@pytest.fixture
def completed(demo_users, monkeypatch):
    a, b = demo_users["pegawai@walesi.test"], demo_users["pegawai2@walesi.test"]
    monkeypatch.setattr(identity, "_provider", FakeProvider([a, b]))
    course = make_course(modules=1, jp="2.5")
    module = ModulePage.objects.child_of(course).get()
    for user in (a, b):
        services.enrollment_create(user=user, course=course)
        attempt = services.attempt_start(user=user, quiz_page=module)
        services.attempt_submit(user=user, attempt_id=attempt.pk, answers=right_answers(module))
    JPLedgerEntry.objects.filter(user=b).update(year=2025)  # b's completion counts for another year
    return a, b


def test_command_xlsx_columns_and_rows(completed, tmp_path):
    a, _b = completed
    year = JPLedgerEntry.objects.get(user=a).year
    out = tmp_path / "rekam.xlsx"
    call_command("export_learning_records", "--year", str(year), "--format", "xlsx", "--output", str(out))
    frame = pd.read_excel(out, dtype={"NIP": str})
    assert list(frame.columns) == EXPORT_COLUMNS
    assert len(frame) == 1
    row = frame.iloc[0]
    assert row["Nama"] == "Yosina Wenda" and row["Kursus"] == "Kursus kursus-uji" and row["Unit"] == "Distrik Walesi"
    assert Decimal(str(row["JP"])) == Decimal("2.5") and row["Nilai"] == 100 and len(row["NIP"]) == 18


def test_command_csv_unit_filter(completed, tmp_path):
    year = JPLedgerEntry.objects.get(user=completed[0]).year
    out = tmp_path / "rekam.csv"
    call_command(
        "export_learning_records", "--year", str(year), "--format", "csv", "--output", str(out), "--unit", "NONE"
    )
    assert list(pd.read_csv(out, encoding="utf-8-sig").columns) == EXPORT_COLUMNS
    assert len(pd.read_csv(out, encoding="utf-8-sig")) == 0
    call_command("export_learning_records", "--year", "2025", "--format", "csv", "--output", str(out))
    frame = pd.read_csv(out, encoding="utf-8-sig", dtype={"NIP": str})
    assert list(frame["Nama"]) == ["Markus Lokobal"]


def test_hr_screen_runs_job_and_only_owner_downloads(completed, login, django_capture_on_commit_callbacks):
    year = JPLedgerEntry.objects.get(user=completed[0]).year
    client = login("pegawai@walesi.test")
    assert client.get(reverse("learning:export")).status_code == 403
    client = login("admin@walesi.test")
    assert client.get(reverse("learning:export")).status_code == 200
    bad = client.post(reverse("learning:export"), {"year": str(year), "format": "pdf", "unit": ""})
    assert bad.status_code == 400 and "Format harus CSV atau XLSX" in bad.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("learning:export"), {"year": str(year), "format": "xlsx", "unit": "DST"})
    job = BackgroundJob.objects.get()
    assert response.url == reverse("learning:export_job", args=[job.pk])
    status = client.get(reverse("learning:export_job", args=[job.pk]) + "?format=json").json()
    assert status["status"] == "done" and status["progress"] == 100 and status["download"]
    download = client.get(status["download"])
    assert download.status_code == 200
    frame = pd.read_excel(pd.io.common.BytesIO(b"".join(download.streaming_content)))
    assert list(frame.columns) == EXPORT_COLUMNS and len(frame) == 1
    # another HR admin (or anyone else) gets a 404 for this job
    from django.contrib.auth.models import Group

    other = completed[1]
    other.groups.add(Group.objects.get(name="Admin Kepegawaian"))
    client = login("pegawai2@walesi.test")
    assert client.get(status["download"]).status_code == 404
    assert client.get(reverse("learning:export_job", args=[job.pk])).status_code == 404


def test_export_dates_are_wit_dates(completed):
    from learning.selectors import export_rows

    a = completed[0]
    year = JPLedgerEntry.objects.get(user=a).year
    rows = export_rows(year=year)
    assert isinstance(rows[0]["Tanggal selesai"], dt.date)
