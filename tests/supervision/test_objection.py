from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

import pytest

from performance.models import Assessment, AssessmentAuditEntry
from performance.supervision import services
from performance.supervision.models import AssessmentObjection

pytestmark = pytest.mark.django_db


def _submitted(team):
    """pegawai's Triwulan III assessment, still only submitted (not yet accepted)."""
    a = Assessment.objects.get(employee=team["employees"]["pegawai"], period=team["periods"][1], is_current=True)
    Assessment.objects.filter(pk=a.pk).update(status="submitted", acknowledged_at=None)
    a.refresh_from_db()
    return a


def test_objection_goes_to_the_assessors_supervisor_who_decides_once(team, client):
    a = _submitted(team)
    me = team["users"]["pegawai"]
    with pytest.raises(ValidationError, match="alasan"):
        services.objection_file(actor=me, assessment=a, reason=" ")
    with pytest.raises(PermissionDenied):
        services.objection_file(actor=team["users"]["pegawai2"], assessment=a, reason="Tidak adil")
    client.force_login(me)
    page = client.get(reverse("performance:assessment", args=[a.pk])).content.decode()
    assert "Saya keberatan" in page and "Saya terima penilaian ini" in page
    client.post(reverse("supervision:objection_file", args=[a.pk]), {"reason": "Antrean karena jaringan putus."})
    page = client.get(reverse("performance:assessment", args=[a.pk])).content.decode()
    assert "Menunggu keputusan" in page and "Saya terima penilaian ini" not in page
    assert "Keberatan diajukan pegawai" in page  # in the audit trail
    client.post(reverse("supervision:objection_file", args=[a.pk]), {"reason": "Lagi"})  # double click
    objection = AssessmentObjection.objects.get()
    kepala = team["employees"]["kepala"]  # atasan's supervisor: the atasan pejabat penilai
    assert objection.decider == kepala and objection.reason == "Antrean karena jaringan putus."
    # The assessor may not decide on an objection to their own assessment; the decider may.
    url = reverse("supervision:objection", args=[objection.pk])
    for key, code in {"atasan": 404, "pegawai": 404, "kasi.pmk": 404, "pelatih": 404, "pimpinan": 200}.items():
        client.force_login(team["users"][key])
        assert client.get(url).status_code == code, key
    with pytest.raises(PermissionDenied):
        services.objection_decide(actor=team["users"]["atasan"], objection=objection, uphold=True, note="x")
    client.force_login(team["users"]["pimpinan"])
    client.post(url, {"decision": "correction", "note": "Periksa lagi catatan antrean."})
    objection.refresh_from_db()
    assert objection.status == "correction" and objection.decided_at
    with pytest.raises(ValidationError, match="sudah diputuskan"):
        services.objection_decide(actor=team["users"]["pimpinan"], objection=objection, uphold=True, note="x")
    actions = list(AssessmentAuditEntry.objects.filter(assessment=a).values_list("action", flat=True))
    assert actions[-2:] == ["objection_filed", "objection_correction"]


def test_no_objection_to_an_accepted_assessment(team):
    a = Assessment.objects.filter(employee=team["employees"]["pegawai"], status="acknowledged").first()
    with pytest.raises(ValidationError, match="belum Anda terima"):
        services.objection_file(actor=team["users"]["pegawai"], assessment=a, reason="Tidak setuju")
    assert not AssessmentObjection.objects.exists()
