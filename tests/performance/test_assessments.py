from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

import pytest

from performance import rules
from performance.models import Assessment, AssessmentAuditEntry
from performance.selectors import assessment_standards
from performance.services import AssessmentInput, assessment_correct, assessment_save

pytestmark = pytest.mark.django_db


def form_data(hasil="1", perilaku="3", **extra):
    data = {"hasil_kerja": hasil, "perilaku_kerja": perilaku, "berakhlak": ["akuntabel", "loyal"], "summary": "Baik."}
    for code, _title in assessment_standards():
        data[f"std_{code}_rating"] = "2"
        data[f"std_{code}_evidence"] = f"Bukti {code}"
    data.update(extra)
    return data


def assess_url(demo_org, key="pegawai", period=None):
    employee = demo_org["employees"][key]
    return reverse(
        "performance:assess", kwargs={"nip": employee.nip, "period_id": (period or demo_org["periods"][-1]).pk}
    )


def test_full_flow_draft_submit_acknowledge_with_audit(demo_org, login):
    pegawai = demo_org["employees"]["pegawai"]
    period = demo_org["periods"][-1]
    client = login("atasan@walesi.test")
    url = assess_url(demo_org)
    assert client.get(url).status_code == 200

    response = client.post(url, {**form_data(hasil="", perilaku=""), "save": "1"})
    assert response.status_code == 302
    draft = Assessment.objects.get(employee=pegawai, period=period)
    assert draft.status == "draft" and draft.predikat is None
    # The draft is the assessor's working copy: the employee and those above do not see it yet.
    assert client.get(reverse("performance:assessment", args=[draft.pk])).status_code == 200
    for email in ("pegawai@walesi.test", "pimpinan@walesi.test"):
        assert login(email).get(reverse("performance:assessment", args=[draft.pk])).status_code == 404
    client = login("atasan@walesi.test")

    # The client sends a predikat of its own: it is ignored, the matrix decides (Di atas + Di bawah = Kurang).
    response = client.post(url, {**form_data(), "predikat": "1", "submit": "1"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "submitted"
    assert draft.predikat == rules.Predikat.KURANG
    assert draft.standard_ratings.count() == 3 and draft.berakhlak == ["akuntabel", "loyal"]

    # Double submit: nothing twice.
    client.post(url, {**form_data(hasil="2", perilaku="2"), "submit": "1"})
    assert Assessment.objects.filter(employee=pegawai, period=period).count() == 1
    draft.refresh_from_db()
    assert draft.predikat == rules.Predikat.KURANG
    assert AssessmentAuditEntry.objects.filter(assessment=draft, action="submitted").count() == 1

    employee_client = login("pegawai@walesi.test")
    page = employee_client.get(reverse("performance:assessment", args=[draft.pk]))
    assert b"Saya terima penilaian ini" in page.content
    employee_client.post(
        reverse("performance:acknowledge", args=[draft.pk]), {"response": "Saya akan memperbaiki perilaku."}
    )
    employee_client.post(reverse("performance:acknowledge", args=[draft.pk]), {"response": "lagi"})
    draft.refresh_from_db()
    assert draft.status == "acknowledged" and draft.employee_response == "Saya akan memperbaiki perilaku."

    actions = list(draft.audit_entries.values_list("action", "actor__email"))
    assert actions == [
        ("created", "atasan@walesi.test"),
        ("submitted", "atasan@walesi.test"),
        ("acknowledged", "pegawai@walesi.test"),
    ]
    submitted = draft.audit_entries.get(action="submitted")
    assert submitted.changes["predikat"] == [None, int(rules.Predikat.KURANG)]
    assert submitted.changes["status"] == ["draft", "submitted"]
    page = employee_client.get(reverse("performance:assessment", args=[draft.pk]))
    assert "Jejak audit" in page.content.decode() and "Diterima pegawai" in page.content.decode()


def test_correction_creates_new_revision_and_keeps_old(demo_org, login):
    client = login("atasan@walesi.test")
    url = assess_url(demo_org)
    client.post(url, {**form_data(hasil="2", perilaku="2"), "submit": "1"})
    first = Assessment.objects.get(employee=demo_org["employees"]["pegawai"], period=demo_org["periods"][-1])
    assert first.predikat == rules.Predikat.BAIK

    # Editing a submitted assessment in place is impossible: the form redirects to the read-only page.
    assert client.get(url)["Location"] == reverse("performance:assessment", args=[first.pk])

    client.post(reverse("performance:correct", args=[first.pk]))
    client.post(reverse("performance:correct", args=[first.pk]))  # double click opens one correction
    revisions = Assessment.objects.filter(employee=first.employee, period=first.period).order_by("revision")
    assert [r.revision for r in revisions] == [1, 2]
    second = revisions[1]
    assert second.supersedes == first and second.status == "draft" and second.is_current
    client.post(url, {**form_data(hasil="1", perilaku="1"), "submit": "1"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.predikat == rules.Predikat.BAIK and first.status == "submitted" and not first.is_current
    assert second.predikat == rules.Predikat.SANGAT_BAIK and second.status == "submitted"
    assert first.audit_entries.filter(action="superseded").exists()
    assert list(second.audit_entries.values_list("action", flat=True)) == ["correction_opened", "submitted"]
    # The profile shows the latest revision for the period.
    profile = client.get(reverse("dashboard:profile", args=[first.employee.nip])).content.decode()
    assert "Sangat Baik" in profile and "revisi 2" in profile


def test_submit_requires_every_standard_and_both_ratings(demo_org):
    atasan = demo_org["users"]["atasan@walesi.test"]
    data = AssessmentInput(hasil_kerja=2, perilaku_kerja=None, standards=[{"code": "INO", "rating": 2}])
    with pytest.raises(ValidationError) as err:
        assessment_save(
            actor=atasan,
            employee=demo_org["employees"]["pegawai"],
            period=demo_org["periods"][-1],
            data=data,
            standards=assessment_standards(),
            submit=True,
        )
    assert "perilaku_kerja" in err.value.message_dict and "standards" in err.value.message_dict
    assert not Assessment.objects.filter(period=demo_org["periods"][-1]).exists()


def test_only_the_direct_supervisor_assesses(demo_org, login):
    pimpinan = demo_org["users"]["pimpinan@walesi.test"]  # above atasan, but not pegawai's direct supervisor
    with pytest.raises(PermissionDenied):
        assessment_save(
            actor=pimpinan,
            employee=demo_org["employees"]["pegawai"],
            period=demo_org["periods"][-1],
            data=AssessmentInput(hasil_kerja=2, perilaku_kerja=2),
            standards=assessment_standards(),
        )
    assert login("pimpinan@walesi.test").get(assess_url(demo_org)).status_code == 404
    # The Kepala Distrik is atasan@'s direct supervisor.
    assert login("pimpinan@walesi.test").get(assess_url(demo_org, key="kasi_pel")).status_code == 200


def test_closed_period_cannot_be_assessed(demo_org, login):
    closed = demo_org["periods"][0]
    atasan = demo_org["users"]["atasan@walesi.test"]
    target = demo_org["employees"]["pegawai"]
    Assessment.objects.filter(employee=target, period=closed).delete()
    with pytest.raises(ValidationError):
        assessment_save(
            actor=atasan,
            employee=target,
            period=closed,
            data=AssessmentInput(hasil_kerja=2, perilaku_kerja=2),
            standards=assessment_standards(),
        )
    response = login("atasan@walesi.test").get(assess_url(demo_org, period=closed))
    assert response.status_code == 302 and response["Location"] == reverse("dashboard:team")


def test_correction_of_closed_period_refused(demo_org):
    closed = demo_org["periods"][1]
    a = Assessment.objects.get(employee=demo_org["employees"]["pegawai"], period=closed)
    with pytest.raises(ValidationError):
        assessment_correct(actor=demo_org["users"]["atasan@walesi.test"], assessment=a)


def test_only_one_current_revision_in_database(demo_org):
    from django.db import IntegrityError, transaction

    a = Assessment.objects.filter(period=demo_org["periods"][0]).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.create(
            employee=a.employee, period=a.period, assessor=a.assessor, revision=a.revision + 1, is_current=True
        )


def test_pppk_with_golongan_rejected_by_database(demo_org):
    from django.db import IntegrityError, transaction

    from performance.models import Employee

    pppk = Employee.objects.filter(employment_type="PPPK").first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Employee.objects.filter(pk=pppk.pk).update(golongan="II/a")
