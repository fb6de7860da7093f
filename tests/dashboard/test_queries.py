"""The profile, team and leadership (/pimpinan/) pages ask the database the same number of times whatever the data size."""

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("email", "url_name", "args"),
    [
        ("atasan@walesi.test", "dashboard:team", []),
        ("pegawai@walesi.test", "dashboard:my_profile", []),
        ("atasan@walesi.test", "dashboard:profile", ["pegawai"]),
        ("pimpinan@walesi.test", "adoption:dashboard", []),
    ],
)
def test_query_count_constant(demo_org, constant_queries, email, url_name, args):
    url = reverse(url_name, args=[demo_org["employees"][a].nip for a in args])
    print(f"{url_name}: {constant_queries(email, url)} queries")


@pytest.mark.parametrize(
    ("email", "url_name", "args"),
    [
        ("pegawai@walesi.test", "dashboard:my_profile", []),
        ("atasan@walesi.test", "dashboard:profile", ["pegawai"]),
    ],
)
def test_full_profile_within_budget(demo_org, constant_queries, email, url_name, args):
    """The profile with everything on it: a completed course with its certificate and quiz attempts, the plan with
    its goals and "did it work", dialogues, an appreciation and the survey section."""
    from learning import services
    from performance.development.devdata import demo as development_demo
    from performance.supervision.devdata import demo as supervision_demo
    from performance.survey.devdata import demo as survey_demo
    from tests.learning.factories import make_course, right_answers

    user = demo_org["users"]["pegawai@walesi.test"]
    course = make_course("profil-lengkap", modules=1, jp="2")
    services.enrollment_create(user=user, course=course)
    quiz = course.get_children().specific().first()
    attempt = services.attempt_start(user=user, quiz_page=quiz)
    services.attempt_submit(user=user, attempt_id=attempt.pk, answers=right_answers(quiz))
    development_demo.seed()
    supervision_demo.seed()
    survey_demo.seed()
    url = reverse(url_name, args=[demo_org["employees"][a].nip for a in args])
    print(f"{url_name} (full): {constant_queries(email, url)} queries")
