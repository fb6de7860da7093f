"""In a real browser at 360 px: HR imports a roster (fixing a bad file first); a supervisor assesses pegawai@,
who acknowledges with a response."""

import pytest

from .signin import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADER = "nip;nama;jenis_kepegawaian;jabatan;jenis_jabatan;kode_unit;golongan;nip_atasan;email"


def _seed(home):
    from performance.devdata import demo as performance_demo
    from portal import demo as portal_demo
    from portal.permissions import sync_role_permissions
    from tests.performance.factories import published_standards

    sync_role_permissions()  # groups survive a flush by an earlier transactional test
    portal_demo.seed()
    published_standards(home)
    return performance_demo.seed()


def _roster(boss_nip, bad):
    rows = [
        f"199001012015011001;Andreas Kogoya;PNS;Analis Pemerintahan;fungsional_keahlian;WLS.PEM;III/a;{boss_nip};andreas@walesi.test",
        f"199202022020022002;Benny Tabuni;PPPK;Pengadministrasi Umum;pelaksana;{'WLS.XYZ' if bad else 'WLS.PEM'};;{boss_nip};",
    ]
    return ("\ufeff" + "\r\n".join([HEADER, *rows]) + "\r\n").encode()


def _no_horizontal_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_roster_import_then_assessment_and_acknowledgement(page, demo_site):
    org = _seed(demo_site)
    boss = org["employees"]["kasi_pem"].nip

    # HR: a file with an unknown unit code, then the corrected file.
    sign_in(page, "admin@walesi.test")
    page.goto(page.base_url + "/kepegawaian/")
    page.set_input_files(
        "#id_file", files=[{"name": "daftar.csv", "mimeType": "text/csv", "buffer": _roster(boss, bad=True)}]
    )
    page.get_by_role("button", name="Unggah dan pratinjau").click()
    page.wait_for_selector("text=Masalah yang harus diperbaiki")
    assert page.locator(".perf-problem-list li", has_text="Baris 3").count() == 1
    assert "WLS.XYZ" in page.inner_text(".perf-problem-list")
    assert page.get_by_role("button", name="Terapkan impor").count() == 0
    _no_horizontal_scroll(page)

    page.set_input_files(
        "#id_file", files=[{"name": "daftar-benar.csv", "mimeType": "text/csv", "buffer": _roster(boss, bad=False)}]
    )
    page.get_by_role("button", name="Unggah dan pratinjau").click()
    page.wait_for_selector("text=Pegawai baru")
    assert "Benny Tabuni" in page.content()
    page.get_by_role("button", name="Terapkan impor").click()
    page.wait_for_selector("text=Daftar pegawai diterapkan: 2 baru")

    from performance.models import Employee

    assert Employee.objects.filter(nip__in=["199001012015011001", "199202022020022002"]).count() == 2

    # Supervisor: assess pegawai@ (Yosina Wenda) for the open quarter.
    sign_in(page, "atasan@walesi.test")
    page.goto(page.base_url + "/tim/")
    _no_horizontal_scroll(page)
    page.locator("li.card", has_text="Yosina Wenda").get_by_role("link", name="Nilai", exact=True).click()
    for code in ("DK", "KPP", "INO"):  # StandardPage.code
        page.select_option(f"#id_std_{code}_rating", "1")
        page.fill(f"#id_std_{code}_evidence", "Layanan KTP selesai tepat waktu.")
    page.select_option("#id_hasil_kerja", "1")
    page.select_option("#id_perilaku_kerja", "2")
    page.get_by_label("Berorientasi Pelayanan").check()
    page.get_by_label("Akuntabel").check()
    _no_horizontal_scroll(page)
    page.get_by_role("button", name="Serahkan penilaian").click()
    page.wait_for_selector("text=Penilaian diserahkan. Predikat: Baik.")

    # Employee: acknowledge with a response.
    sign_in(page, "pegawai@walesi.test")
    page.goto(page.base_url + "/pegawai/saya/")
    page.locator(".callout").get_by_role("link", name="Triwulan IV 2026").click()
    page.fill("#id_response", "Terima kasih, saya akan pertahankan.")
    page.get_by_role("button", name="Saya terima penilaian ini").click()
    page.wait_for_selector("text=penilaian telah Anda terima")
    assert "Terima kasih, saya akan pertahankan." in page.content()
    _no_horizontal_scroll(page)

    from performance.models import Assessment

    a = Assessment.objects.get(employee=org["employees"]["pegawai"], period=org["periods"][-1])
    assert a.status == "acknowledged" and a.predikat == 2
    assert list(a.audit_entries.values_list("action", flat=True)) == ["submitted", "acknowledged"]
