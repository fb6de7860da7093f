"""In a real browser at 360 px: pegawai@ answers the open readiness pulse without touching JavaScript-only parts;
the result shows nowhere until enough colleagues have answered and the pulse is closed."""

import pytest

from portal.demo import DEMO_PASSWORD

from .signin import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _seed():
    from home.devdata import demo as home_demo
    from performance.devdata import demo as performance_demo
    from performance.pulse.devdata import demo as pulse_demo
    from portal import demo as portal_demo
    from portal.permissions import sync_role_permissions

    sync_role_permissions()
    home_demo.ensure_site()
    portal_demo.seed()
    performance_demo.seed()
    return pulse_demo.seed()


def _no_horizontal_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_pegawai_answers_and_nothing_shows_until_enough_answers(page):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from performance.models import OrgUnit
    from performance.pulse import services
    from performance.pulse.devdata.demo import OPEN_TITLE
    from portal.roles import Role
    from tests.performance import factories

    pulses = _seed()
    pulse = pulses[OPEN_TITLE]

    sign_in(page, "pegawai@walesi.test")
    page.get_by_role("navigation").get_by_role("link", name="Pulse kesiapan").click()
    page.get_by_role("link", name="Jawab sekarang").click()
    _no_horizontal_scroll(page)
    for i, value in enumerate(["Setuju", "Sangat setuju", "Ragu-ragu", "Setuju", "Tidak setuju"], start=1):
        page.locator("fieldset.pulse-item").nth(i - 1).get_by_label(value, exact=True).check()
    page.fill("#id_open_answer", "Sinyal di kantor sering hilang.")
    page.get_by_role("button", name="Kirim jawaban").click()
    page.wait_for_selector("text=Jawaban Anda tersimpan tanpa nama")
    assert "Sudah dijawab" in page.inner_text("main")
    _no_horizontal_scroll(page)
    # An ASN has no results page at all.
    assert page.goto(page.base_url + f"/hasil-kesiapan/{pulse.pk}/").status == 404

    # HR closes the pulse; leadership sees the seksi as "too few answers", no score, no open answer.
    sign_in(page, "admin@walesi.test")
    page.goto(page.base_url + "/kepegawaian/kesiapan/")
    page.locator("li", has_text=OPEN_TITLE).get_by_role("button", name="Tutup").click()
    page.wait_for_selector("text=ditutup")
    sign_in(page, "pimpinan@walesi.test")
    page.goto(page.base_url + f"/hasil-kesiapan/{pulse.pk}/")
    text = page.inner_text("main")
    assert "Terlalu sedikit jawaban" in text
    assert "Indeks kesiapan:" not in text and "Sinyal di kantor" not in text
    _no_horizontal_scroll(page)

    # Four colleagues of the same seksi answer as well (reopened for them): now the seksi has five answers.
    from performance.pulse.models import Pulse

    Pulse.objects.filter(pk=pulse.pk).update(status=Pulse.Status.OPEN)
    pulse.refresh_from_db()
    group = Group.objects.get(name=Role.PEGAWAI)
    for i in range(4):
        user = get_user_model().objects.create_user(email=f"rekan{i}@walesi.test", password=DEMO_PASSWORD)
        user.groups.add(group)
        factories.employee(OrgUnit.objects.get(code="WLS.PEL"), user=user, name=f"Rekan {i}")
        services.pulse_answer(pulse=pulse, user=user, scores=[4, 4, 4, 4, 4])
    services.pulse_close(pulse=pulse)
    page.reload()
    seksi = page.locator("section.pulse-unit", has_text="Seksi Pelayanan Umum")
    assert "Indeks kesiapan" in seksi.inner_text()
    assert "Sinyal di kantor" not in page.inner_text("main")  # 5 answers: scores yes, open answers not yet (< 10)
    _no_horizontal_scroll(page)
