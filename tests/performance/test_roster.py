import io
import time

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

import pytest
from openpyxl import Workbook

from performance.devdata.scale import roster_csv
from performance.models import Employee
from performance.roster import ALL_COLUMNS, REQUIRED_COLUMNS, sample_csv
from performance.services import roster_import

from . import factories as f

pytestmark = pytest.mark.django_db

HEADER = "nip,nama,jenis_kepegawaian,jabatan,jenis_jabatan,kode_unit,golongan,nip_atasan,email"
BOSS = "198503122010011001"
STAFF = "199002152014032002"
PPPK = "199104012022012003"


def good_rows():
    return [
        f"{BOSS},Yakobus Wenda,PNS,Kepala Seksi Pemerintahan,pengawas,PEM,III/c,,yakobus@walesi.test",
        f"{STAFF},Maria Lokobal,PNS,Analis Pemerintahan,fungsional_keahlian,PEM,III/a,{BOSS},maria@walesi.test",
        f"{PPPK},Selfina Hisage,PPPK,Pengadministrasi Umum,pelaksana,PEM,,{BOSS},",
    ]


def csv_bytes(rows, header=HEADER, sep=",", bom=False):
    text = "\r\n".join([header.replace(",", sep)] + [r.replace(",", sep) for r in rows]) + "\r\n"
    return (("\ufeff" if bom else "") + text).encode("utf-8")


@pytest.fixture
def units():
    root = f.unit("WLS", kind="distrik")
    return {"WLS": root, "PEM": f.unit("PEM", parent=root)}


def problems_of(result):
    return [(p.row, p.column, p.message) for p in result.preview.problems]


def test_good_file_creates_employees_users_and_invitations(units, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = roster_import(data=csv_bytes(good_rows()), filename="daftar.csv")
    assert result.applied and problems_of(result) == []
    assert result.created == 3
    staff = Employee.objects.get(nip=STAFF)
    assert staff.supervisor.nip == BOSS and staff.golongan == "III/a" and staff.unit == units["PEM"]
    assert Employee.objects.get(nip=PPPK).golongan == ""
    user = staff.user
    assert user.email == "maria@walesi.test" and not user.has_usable_password()
    assert Employee.objects.get(nip=PPPK).user is None  # no email, no account
    assert sorted(m.to[0] for m in mail.outbox) == ["maria@walesi.test", "yakobus@walesi.test"]
    assert "/akun/password/reset/key/" in mail.outbox[0].body
    assert Employee.objects.filter(invited_at__isnull=False).count() == 2
    # The link lets the person set a password (allauth's reset-from-key form).
    link = next(line for line in mail.outbox[0].body.splitlines() if "/akun/password/reset/key/" in line).strip()
    page = client.get(link.replace("http://testserver", ""), follow=True)
    assert page.status_code == 200 and 'name="password1"' in page.content.decode()
    # Sending again (a retried task) mails nobody twice.
    from performance.services.invitations import send_pending_invitations

    assert send_pending_invitations([staff.user_id]) == 0


def test_reimport_is_idempotent(units, django_capture_on_commit_callbacks):
    data = csv_bytes(good_rows())
    with django_capture_on_commit_callbacks(execute=True):
        roster_import(data=data, filename="a.csv")
    before = list(Employee.objects.order_by("pk").values())
    users = get_user_model().objects.count()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = roster_import(data=data, filename="a.csv")
    assert again.preview.counts == {"create": 0, "update": 0, "unchanged": 3, "deactivate": 0, "problems": 0}
    assert list(Employee.objects.order_by("pk").values()) == before
    assert get_user_model().objects.count() == users
    assert callbacks == [] and mail.outbox == []


def test_update_and_deactivate_missing_only_when_asked(units):
    roster_import(data=csv_bytes(good_rows()), filename="a.csv")
    rows = good_rows()[:2]
    rows[1] = rows[1].replace("III/a", "III/b")
    keep = roster_import(data=csv_bytes(rows), filename="a.csv")
    assert keep.updated == 1 and Employee.objects.get(nip=PPPK).active
    assert Employee.objects.get(nip=STAFF).golongan == "III/b"
    dropped = roster_import(data=csv_bytes(rows), filename="a.csv", deactivate_missing=True)
    assert dropped.deactivated == 1
    assert not Employee.objects.get(nip=PPPK).active  # deactivated, never deleted
    assert Employee.objects.count() == 3


@pytest.mark.parametrize(
    ("row", "column", "fragment"),
    [
        ("19850230201001100,X,PNS,J,pelaksana,PEM,,,", "nip", "18 digit"),
        ("198502302010011009,X,PNS,J,pelaksana,PEM,,,", "nip", "Tanggal lahir"),
        ("1.98503E+17,X,PNS,J,pelaksana,PEM,,,", "nip", "spreadsheet"),
        (f"{BOSS},Duplikat,PNS,J,pelaksana,PEM,,,", "nip", "sudah muncul di baris 2"),
        ("198001012005011005,X,PNS,J,pelaksana,NOPE,,,", "kode_unit", "Kode unit 'NOPE' tidak dikenal"),
        ("198001012005011005,X,PNS,J,pelaksana,PEM,,197001012000011999,", "nip_atasan", "tidak ditemukan"),
        ("198001012005011005,X,PNS,J,pelaksana,PEM,V/a,,", "golongan", "tidak ada dalam tabel"),
        ("199104012022012009,X,PPPK,J,pelaksana,PEM,II/a,,", "golongan", "PPPK tidak memiliki golongan"),
        ("198001012005011005,X,HONORER,J,pelaksana,PEM,,,", "jenis_kepegawaian", "PNS atau PPPK"),
        ("198001012005011005,X,PNS,J,kepala,PEM,,,", "jenis_jabatan", "tidak dikenal"),
        ("198001012005011005,X,PNS,J,pelaksana,PEM,,,bukan-email", "email", "tidak sah"),
    ],
)
def test_each_error_kind_is_reported_and_changes_nothing(units, row, column, fragment):
    result = roster_import(data=csv_bytes(good_rows() + [row]), filename="x.csv")
    assert not result.applied
    assert Employee.objects.count() == 0
    found = [p for p in result.preview.problems if p.column == column]
    assert found, problems_of(result)
    assert found[0].row == 5  # header is row 1, the bad row is the fourth data row
    assert fragment in found[0].message


def test_supervisor_loop_detected(units):
    a, b, c = "198001012005011005", "198102022006021006", "198203032007031007"
    rows = [
        f"{a},A,PNS,J,pengawas,PEM,,{c},",
        f"{b},B,PNS,J,pelaksana,PEM,,{a},",
        f"{c},C,PNS,J,pelaksana,PEM,,{b},",
        f"{BOSS},D,PNS,J,pelaksana,PEM,,{BOSS},",  # own supervisor
    ]
    result = roster_import(data=csv_bytes(rows), filename="x.csv")
    loops = [p for p in result.preview.problems if "berputar" in p.message]
    assert {p.row for p in loops} == {2, 3, 4, 5}
    assert Employee.objects.count() == 0


def test_loop_through_existing_roster_detected(units):
    roster_import(data=csv_bytes(good_rows()), filename="a.csv")
    # The boss now reports to the staff member, who reports to the boss (in the database).
    result = roster_import(data=csv_bytes([good_rows()[0].replace("III/c,,", f"III/c,{STAFF},")]), filename="b.csv")
    assert any("berputar" in p.message for p in result.preview.problems)
    assert Employee.objects.get(nip=BOSS).supervisor is None


def test_missing_required_column_lists_expected(units):
    header = "nip,nama,jabatan,kode_unit"
    result = roster_import(data=csv_bytes(["198001012005011005,A,J,PEM"], header=header), filename="x.csv")
    [problem] = result.preview.problems
    assert problem.row == 1
    assert "jenis_kepegawaian" in problem.message and "jenis_jabatan" in problem.message
    for column in ALL_COLUMNS:
        assert column in problem.message


def test_semicolon_csv_with_bom(units):
    result = roster_import(data=csv_bytes(good_rows(), sep=";", bom=True), filename="excel.csv")
    assert result.applied and result.created == 3
    assert Employee.objects.filter(nip=BOSS).exists()  # the BOM did not eat the first column name


def test_comma_csv_with_bom_and_header_variants(units):
    header = " NIP ,Nama,Jenis Kepegawaian,Jabatan,Jenis Jabatan,Kode Unit,Golongan,NIP Atasan,Email"
    result = roster_import(data=csv_bytes(good_rows(), header=header, bom=True), filename="x.csv")
    assert result.applied, problems_of(result)


def xlsx_bytes(rows, nip_as_number=False):
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER.split(","))
    for r in rows:
        cells = r.split(",")
        if nip_as_number:
            cells[0] = int(cells[0])
        ws.append(cells)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_xlsx_import(units):
    result = roster_import(data=xlsx_bytes(good_rows()), filename="daftar.xlsx")
    assert result.applied and result.created == 3
    assert Employee.objects.get(nip=STAFF).supervisor.nip == BOSS


def test_xlsx_nip_stored_as_number_is_reported(units):
    result = roster_import(data=xlsx_bytes(good_rows(), nip_as_number=True), filename="daftar.xlsx")
    assert not result.applied
    numeric = [p for p in result.preview.problems if p.column == "nip"]
    assert [p.row for p in numeric] == [2, 3, 4]
    assert "angka" in numeric[0].message and "Teks" in numeric[0].message


def test_unreadable_files(units):
    assert "kosong" in roster_import(data=b"", filename="x.csv").preview.problems[0].message
    latin1 = "nip;nama\n1;Andr\xe9\n".encode("latin-1")
    assert "UTF-8" in roster_import(data=latin1, filename="x.csv").preview.problems[0].message
    assert "Excel" in roster_import(data=b"PK\x03\x04garbage", filename="x.xlsx").preview.problems[0].message


def test_dry_run_writes_nothing(units):
    result = roster_import(data=csv_bytes(good_rows()), filename="x.csv", dry_run=True)
    assert not result.applied and result.preview.counts["create"] == 3
    assert Employee.objects.count() == 0 and get_user_model().objects.count() == 0


def test_email_of_another_employees_account_is_refused(units):
    roster_import(data=csv_bytes(good_rows()), filename="x.csv")
    row = "198001012005011005,X,PNS,J,pelaksana,PEM,,,maria@walesi.test"
    result = roster_import(data=csv_bytes(good_rows() + [row]), filename="x.csv")
    assert any(p.column == "email" and STAFF in p.message for p in result.preview.problems)


def test_existing_account_is_linked_not_duplicated(units):
    user = get_user_model().objects.create_user(email="maria@walesi.test", password="x-Walesi-2026")
    roster_import(data=csv_bytes(good_rows()), filename="x.csv")
    assert Employee.objects.get(nip=STAFF).user == user
    assert user.has_usable_password() or True  # untouched
    user.refresh_from_db()
    assert user.check_password("x-Walesi-2026")


def test_sample_file_imports_cleanly():
    f.unit("WLS.PEM")
    data = sample_csv().encode()
    assert sample_csv().splitlines()[0].split(",") == list(ALL_COLUMNS)
    result = roster_import(data=data, filename="contoh.csv", dry_run=True)
    assert result.preview.problems == [] and result.preview.counts["create"] == 2
    assert set(REQUIRED_COLUMNS) <= set(ALL_COLUMNS)


def test_command_exit_codes(units, tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_bytes(csv_bytes(good_rows()))
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes(good_rows() + ["123,X,PNS,J,pelaksana,PEM,,,"]))
    with pytest.raises(CommandError) as err:
        call_command("import_roster", str(bad))
    assert "1 masalah" in str(err.value)
    assert "Baris 5, kolom nip" in capsys.readouterr().err
    assert Employee.objects.count() == 0
    call_command("import_roster", str(good), "--dry-run")
    assert Employee.objects.count() == 0
    call_command("import_roster", str(good))
    assert Employee.objects.count() == 3


def test_command_line_exit_status(units, tmp_path, monkeypatch, capsys):
    """Through the command-line entry point: the exit status is what a shell script sees."""
    from django.core.management import ManagementUtility
    from django.db import connections

    monkeypatch.setattr(connections, "close_all", lambda: None)  # keep the test's transaction open
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes(["123,X,PNS,J,pelaksana,PEM,,,"]))
    with pytest.raises(SystemExit) as exited:
        ManagementUtility(["manage.py", "import_roster", str(bad), "--dry-run"]).execute()
    assert exited.value.code == 1
    assert "18 digit" in capsys.readouterr().err


def test_ten_thousand_rows_under_15_seconds(units):
    data = roster_csv(10_000, unit_codes=["PEM", "WLS"])
    started = time.perf_counter()
    result = roster_import(data=data, filename="besar.csv")
    elapsed = time.perf_counter() - started
    assert result.applied, problems_of(result)[:5]
    assert result.created == 10_000 and Employee.objects.count() == 10_000
    assert Employee.objects.filter(supervisor__isnull=False).count() == 9_000
    print(f"\n10,000-row roster import: {elapsed:.2f} s")
    assert elapsed < 15
    started = time.perf_counter()
    again = roster_import(data=data, filename="besar.csv")
    print(f"10,000-row re-import (unchanged): {time.perf_counter() - started:.2f} s")
    assert len(again.preview.unchanged) == 10_000


def test_concurrent_write_reported_not_raised(units, monkeypatch):
    from django.db import IntegrityError

    from performance.services import roster as roster_services

    def boom(preview):
        raise IntegrityError("duplicate key")

    monkeypatch.setattr(roster_services, "_roster_apply", boom)
    result = roster_import(data=csv_bytes(good_rows()), filename="x.csv")
    assert not result.applied and "bersamaan" in result.preview.problems[0].message
    assert Employee.objects.count() == 0


def test_chain_listed_bottom_up_is_linked(units):
    a, b, c = "198001012005011005", "198102022006021006", "198203032007031007"
    rows = [  # c reports to b, b to a; the file lists the lowest first
        f"{c},C,PNS,J,pelaksana,PEM,,{b},",
        f"{b},B,PNS,J,pengawas,PEM,,{a},",
        f"{a},A,PNS,J,administrator,WLS,,,",
    ]
    result = roster_import(data=csv_bytes(rows), filename="x.csv")
    assert result.applied, problems_of(result)
    assert Employee.objects.get(nip=c).supervisor.supervisor.nip == a
    assert Employee.objects.get(nip=a).supervisor is None


@pytest.mark.parametrize(("threshold", "analyzed"), [(3, True), (4, False)])
def test_a_large_import_refreshes_the_planners_statistics(
    units, monkeypatch, django_capture_on_commit_callbacks, threshold, analyzed
):
    """Bulk writes leave PostgreSQL planning for the old table sizes until ANALYZE (issue 9, item 16): an import
    of at least ANALYZE_AFTER_ROWS rows runs it once committed; a small one leaves it to autovacuum."""
    from performance.services import roster as roster_service

    calls = []
    monkeypatch.setattr(roster_service, "ANALYZE_AFTER_ROWS", threshold)
    monkeypatch.setattr(roster_service, "analyze_tables", lambda *models: calls.append(models))
    with django_capture_on_commit_callbacks(execute=True):
        result = roster_import(data=csv_bytes(good_rows()), filename="daftar.csv")
    assert result.applied and result.created == 3
    assert bool(calls) is analyzed
    if analyzed:
        assert Employee in calls[0]
