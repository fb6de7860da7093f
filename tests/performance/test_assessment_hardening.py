"""A draft never loses what was typed (item 6); acknowledge and correction at the same time never give a 500
(item 7, threads; the real check runs on PostgreSQL)."""

import threading

from django.db import connection
from django.test import Client
from django.urls import reverse

import pytest

from performance.models import Assessment
from performance.selectors import assessment_standards
from portal.demo import DEMO_PASSWORD

from .test_assessments import assess_url, form_data


@pytest.mark.django_db
def test_evidence_without_rating_is_refused_by_name_and_kept_in_the_form(demo_org, login):
    client = login("atasan@walesi.test")
    code, title = assessment_standards()[0]
    data = form_data(hasil="", perilaku="", **{f"std_{code}_rating": "", f"std_{code}_evidence": "Bukti tanpa nilai"})
    response = client.post(assess_url(demo_org), {**data, "save": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"{title}: bukti sudah diisi tetapi standarnya belum dinilai" in html
    assert "Bukti tanpa nilai" in html  # still in the form
    assert not Assessment.objects.filter(employee=demo_org["employees"]["pegawai"], status="submitted").exists()


@pytest.mark.django_db(transaction=True)
def test_acknowledge_and_correct_at_once_never_500(demo_org):
    if connection.vendor != "postgresql":
        pytest.skip("a race of row locks: needs PostgreSQL (CI and DATABASE_URL runs); SQLite has one writer")
    url = assess_url(demo_org)
    atasan = Client()
    assert atasan.login(email="atasan@walesi.test", password=DEMO_PASSWORD)
    assert atasan.post(url, {**form_data(), "submit": "1"}).status_code == 302
    assessment = Assessment.objects.get(
        employee=demo_org["employees"]["pegawai"], period=demo_org["periods"][-1], is_current=True
    )
    assert assessment.status == "submitted"

    statuses: list[int] = []
    barrier = threading.Barrier(6)
    # SQLite has one writer at a time (its test database would answer "table is locked"): there the requests
    # take turns; on PostgreSQL (CI) they really race.
    serial = threading.Lock() if connection.vendor == "sqlite" else None

    def post(email, path, data):
        client = Client(raise_request_exception=False)
        assert client.login(email=email, password=DEMO_PASSWORD)
        barrier.wait()
        try:
            if serial is None:
                statuses.append(client.post(path, data).status_code)
            else:
                with serial:
                    statuses.append(client.post(path, data).status_code)
        finally:
            connection.close()

    threads = [
        threading.Thread(
            target=post,
            args=("pegawai@walesi.test", reverse("performance:acknowledge", args=[assessment.pk]), {"response": "Ok"}),
        )
        for _ in range(3)
    ] + [
        threading.Thread(
            target=post, args=("atasan@walesi.test", reverse("performance:correct", args=[assessment.pk]), {})
        )
        for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(statuses) == [302] * 6, statuses
    revisions = list(
        Assessment.objects.filter(employee=assessment.employee, period=assessment.period).order_by("revision")
    )
    assert [a.is_current for a in revisions].count(True) == 1
    assert len(revisions) <= 2
