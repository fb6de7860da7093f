import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from learning.models import CoursePage, Enrollment
from learning.services import module_complete
from performance.development import rules, selectors, services
from performance.development.models import ActionEvidence, DevelopmentPlan, PlanAction
from performance.models import Assessment, StandardRating
from portal import dates

pytestmark = pytest.mark.django_db

KPP = "KPP"


def _plan(team, with_suggestion=True):
    atasan, pegawai = team["users"]["atasan"], team["employees"]["pegawai"]
    plan = services.plan_create(actor=atasan, employee=pegawai, period=team["periods"][-1])
    if with_suggestion:
        services.suggestion_apply(actor=atasan, plan=plan, standard_code=KPP)
    return plan


def test_suggestions_are_the_weak_standards_with_only_published_courses(team):
    pegawai = team["employees"]["pegawai"]
    result = selectors.suggestions(pegawai)
    assert [s["code"] for s in result["standards"]] == [KPP]
    titles = {c.slug for c in result["standards"][0]["courses"]}
    assert titles == {"pelayanan-publik-ramah-dan-informatif", "standar-kinerja-asn-walesi"}
    CoursePage.objects.get(slug="pelayanan-publik-ramah-dan-informatif").unpublish()
    result = selectors.suggestions(pegawai)
    assert {c.slug for c in result["standards"][0]["courses"]} == {"standar-kinerja-asn-walesi"}
    # pegawai2 has no weak standard: nothing to suggest.
    assert selectors.suggestions(team["employees"]["pegawai2"])["standards"] == []


def test_competency_rated_low_after_coaching_is_suggested(team):
    from performance.models import CompetencyRating

    source = services.latest_assessment(team["employees"]["pegawai"])
    CompetencyRating.objects.create(assessment=source, competency="Komunikasi", score=2, reason="Perlu latihan.")
    CompetencyRating.objects.create(assessment=source, competency="Arsip", score=4, reason="Baik.")
    assert [c.competency for c in selectors.suggestions(team["employees"]["pegawai"])["competencies"]] == ["Komunikasi"]


def test_plan_flow_enrolls_with_plan_source_and_progress_follows_learning(team):
    atasan, me = team["users"]["atasan"], team["users"]["pegawai"]
    plan = _plan(team)
    goal = plan.goals.get()
    assert goal.standard_code == KPP and goal.baseline_rating == 3
    actions = list(goal.actions.all())
    assert {a.kind for a in actions} == {"course"} and len(actions) == 2
    # The demo learner started the onboarding course on her own and has the service course assigned.
    onboarding = Enrollment.objects.get(user=me, course__slug="standar-kinerja-asn-walesi")
    assert onboarding.source == Enrollment.Source.SELF  # a draft plan enrolls nobody and changes nothing
    services.plan_activate(actor=atasan, plan=plan)
    onboarding.refresh_from_db()
    assert (onboarding.source, onboarding.due_date) == (Enrollment.Source.PLAN, team["periods"][-1].end_date)
    service = Enrollment.objects.get(user=me, course__slug="pelayanan-publik-ramah-dan-informatif")
    assert service.source == Enrollment.Source.ASSIGNED and service.due_date < team["periods"][-1].end_date

    detail = selectors.plan_detail(plan.pk, DevelopmentPlan.objects.all())
    start = detail.percent
    course = CoursePage.objects.get(slug="pelayanan-publik-ramah-dan-informatif")
    modules = list(course.get_modules())
    module_complete(user=me, module=modules[0], via_quiz=True)
    detail = selectors.plan_detail(plan.pk, DevelopmentPlan.objects.all())
    action = next(a for g in detail.goal_list for a in g.action_list if a.course_id == course.pk)
    assert 0 < action.percent < 100 and detail.percent > start
    for module in modules[1:]:
        module_complete(user=me, module=module, via_quiz=True)
    detail = selectors.plan_detail(plan.pk, DevelopmentPlan.objects.all())
    action = next(a for g in detail.goal_list for a in g.action_list if a.course_id == course.pk)
    assert action.percent == 100 and action.done

    services.plan_acknowledge(actor=me, plan=plan, comment="Siap.")
    services.plan_acknowledge(actor=me, plan=plan, comment="Lagi")  # double click keeps the first
    plan.refresh_from_db()
    assert plan.acknowledgement == "Siap." and plan.acknowledged_at
    with pytest.raises(ValidationError):
        services.plan_finish(actor=atasan, plan=plan, status="completed")  # one course still open
    services.plan_finish(actor=atasan, plan=plan, status="closed", note="Pindah tugas.")
    plan.refresh_from_db()
    assert plan.status == "closed"


def test_did_it_work_compares_the_source_and_the_next_assessment(team):
    pegawai = team["employees"]["pegawai"]
    plan = _plan(team)
    detail = selectors.plan_detail(plan.pk, DevelopmentPlan.objects.all())
    assert detail.goal_list[0].outcome == rules.Outcome.PENDING
    # An older assessment (Triwulan II) is not "the next one".
    period = team["periods"][-1]
    nxt = Assessment.objects.create(
        employee=pegawai,
        period=period,
        assessor=pegawai.supervisor,
        status="submitted",
        hasil_kerja=2,
        perilaku_kerja=2,
        predikat=2,
        submitted_at=dates.now(),
    )
    StandardRating.objects.create(assessment=nxt, standard_code=KPP, standard_title="KPP", rating=2)
    detail = selectors.plan_detail(plan.pk, DevelopmentPlan.objects.all())
    goal = detail.goal_list[0]
    assert (goal.baseline_rating, goal.after_rating, goal.outcome) == (3, 2, rules.Outcome.IMPROVED)


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (3, 2, "improved"),
        (3, 1, "improved"),
        (2, 2, "same"),
        (1, 3, "lower"),
        (None, 2, "pending"),
        (2, None, "pending"),
    ],
)
def test_outcome_rule(before, after, expected):
    assert rules.outcome(before, after) == expected


def test_bad_input_changes_nothing(team):
    atasan, me = team["users"]["atasan"], team["users"]["pegawai"]
    plan = _plan(team, with_suggestion=False)
    with pytest.raises(ValidationError, match="Pilih standar"):
        services.goal_add(actor=atasan, plan=plan, standard_code="", target="Naik")
    goal = services.goal_add(actor=atasan, plan=plan, standard_code=KPP, target="Naik")
    today, end = dates.today(), plan.period.end_date
    for due, message in [(today - dt.timedelta(days=1), "masa lalu"), (end + dt.timedelta(days=1), "akhir periode")]:
        with pytest.raises(ValidationError, match=message):
            services.action_add(actor=atasan, goal=goal, kind="on_the_job", title="Loket", due_date=due)
    assert PlanAction.objects.count() == 0
    action = services.action_add(actor=atasan, goal=goal, kind="on_the_job", title="Loket", due_date=end)
    services.plan_activate(actor=atasan, plan=plan)
    services.plan_activate(actor=atasan, plan=plan)  # double click
    big = SimpleUploadedFile("bukti.pdf", b"%PDF-" + b"0" * rules.EVIDENCE_MAX_BYTES, "application/pdf")
    with pytest.raises(ValidationError, match="terlalu besar"):
        services.evidence_submit(actor=me, action=action, note="Sudah", upload=big)
    exe = SimpleUploadedFile("bukti.pdf", b"MZ\x90\x00", "application/pdf")
    with pytest.raises(ValidationError, match="Jenis berkas"):
        services.evidence_submit(actor=me, action=action, note="Sudah", upload=exe)
    assert ActionEvidence.objects.count() == 0
    with pytest.raises(PermissionDenied):
        services.plan_acknowledge(actor=team["users"]["pegawai2"], plan=plan)
    evidence = services.evidence_submit(
        actor=me, action=action, note="Sudah", upload=SimpleUploadedFile("b.png", b"\x89PNG\r\n\x1a\n1", "image/png")
    )
    with pytest.raises(ValidationError, match="menunggu tinjauan"):
        services.evidence_submit(actor=me, action=action, note="Lagi")
    with pytest.raises(ValidationError, match="alasan"):
        services.evidence_review(actor=atasan, evidence=evidence, accept=False)
    services.evidence_review(actor=atasan, evidence=evidence, accept=True)
    with pytest.raises(ValidationError, match="sudah ditinjau"):
        services.evidence_review(actor=atasan, evidence=evidence, accept=True)
    assert DevelopmentPlan.objects.count() == 1
    # Another supervisor may not write a plan for pegawai.
    with pytest.raises(PermissionDenied):
        services.plan_create(actor=team["users"]["kasi.pmk"], employee=team["employees"]["pegawai"], period=plan.period)


def test_evidence_sent_back_can_be_resubmitted(team):
    atasan, me = team["users"]["atasan"], team["users"]["pegawai"]
    plan = _plan(team, with_suggestion=False)
    goal = services.goal_add(actor=atasan, plan=plan, standard_code=KPP, target="Naik")
    action = services.action_add(
        actor=atasan, goal=goal, kind="coaching", title="Bimbingan", due_date=plan.period.end_date
    )
    services.plan_activate(actor=atasan, plan=plan)
    first = services.evidence_submit(actor=me, action=action, note="Sudah")
    services.evidence_review(actor=atasan, evidence=first, accept=False, comment="Lengkapi notulanya.")
    services.evidence_submit(actor=me, action=action, note="Dengan notula")
    detail = selectors.plan_detail(plan.pk, DevelopmentPlan.objects.all())
    a = detail.goal_list[0].action_list[0]
    assert [e.status for e in a.history] == ["returned", "pending"] and a.percent == 0


def test_course_assignment_is_idempotent_and_never_moves_a_due_date_later(team):
    atasan, pegawai = team["users"]["atasan"], team["employees"]["pegawai"]
    course = CoursePage.objects.get(slug="inovasi-dalam-pekerjaan-sehari-hari")
    soon, later = dates.today() + dt.timedelta(days=10), dates.today() + dt.timedelta(days=20)
    services.course_assign(actor=atasan, employees=[pegawai], course_id=course.pk, due_date=later)
    services.course_assign(actor=atasan, employees=[pegawai], course_id=course.pk, due_date=soon)
    services.course_assign(actor=atasan, employees=[pegawai], course_id=course.pk, due_date=later)
    enrollment = Enrollment.objects.get(user=pegawai.user, course=course)
    assert (enrollment.source, enrollment.due_date) == (Enrollment.Source.ASSIGNED, soon)
    assert pegawai.course_assignments.get().due_date == soon
    with pytest.raises(PermissionDenied):
        services.course_assign(
            actor=atasan, employees=[team["employees"]["pegawai2"]], course_id=course.pk, due_date=soon
        )
    with pytest.raises(ValidationError, match="masa lalu"):
        services.course_assign(
            actor=atasan, employees=[pegawai], course_id=course.pk, due_date=dates.today() - dt.timedelta(days=1)
        )
    # It shows on the learner's dashboard with its due date.
    client = __import__("django.test", fromlist=["Client"]).Client()
    client.force_login(pegawai.user)
    page = client.get(reverse("learning:dashboard")).content.decode()
    assert course.title in page


def test_who_may_see_and_do_what(team, client):
    plan = _plan(team)
    services.plan_activate(actor=team["users"]["atasan"], plan=plan)
    staff_url = reverse("development:plan", args=[plan.pk])
    own_url = reverse("development:my_plan", args=[plan.pk])
    member_url = reverse("development:member_plans", args=[team["employees"]["pegawai"].nip])
    expected = {
        "atasan": (200, 404, 200),
        "pimpinan": (200, 404, 200),
        "admin": (200, 404, 200),
        "pegawai": (404, 200, 404),
        "pegawai2": (404, 404, 404),
        "kasi.pmk": (404, 404, 404),
        "pelatih": (404, 404, 404),
    }
    for key, codes in expected.items():
        client.force_login(team["users"][key])
        got = tuple(client.get(url).status_code for url in (staff_url, own_url, member_url))
        assert got == codes, key
    # Writes by someone who only reads are 404 as well, and change nothing.
    client.force_login(team["users"]["pimpinan"])
    response = client.post(reverse("development:goal_add", args=[plan.pk]), {"standard_code": "inovasi", "target": "x"})
    assert response.status_code == 404 and plan.goals.count() == 1
    client.force_login(team["users"]["kasi.pmk"])
    assert client.post(reverse("development:plan_status", args=[plan.pk]), {"status": "closed"}).status_code == 404
