from django.urls import reverse

import pytest

from learning import services
from learning.models import Certificate, ModulePage
from learning.tasks import certificate_sweep

from .factories import make_course, right_answers

pytestmark = pytest.mark.django_db


def _complete(user, django_capture_on_commit_callbacks, execute=True):
    course = make_course(modules=1)
    services.enrollment_create(user=user, course=course)
    module = ModulePage.objects.child_of(course).get()
    attempt = services.attempt_start(user=user, quiz_page=module)
    with django_capture_on_commit_callbacks(execute=execute):
        services.attempt_submit(user=user, attempt_id=attempt.pk, answers=right_answers(module))
    return Certificate.objects.get(completion__user=user)


def test_verification_page_valid_shows_only_name_course_date(demo_users, client, django_capture_on_commit_callbacks):
    cert = _complete(demo_users["pegawai@walesi.test"], django_capture_on_commit_callbacks)
    response = client.get(reverse("learning:certificate_verify", args=[cert.code]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sertifikat sah" in html and "Yosina Wenda" in html and "Kursus kursus-uji" in html
    assert "pegawai@walesi.test" not in html and "JP" not in html.split("<main", 1)[1]


def test_unknown_code_is_404_and_says_so(db, client):
    response = client.get(reverse("learning:certificate_verify", args=["tidak-ada-kode"]))
    assert response.status_code == 404
    assert "Tidak ada sertifikat dengan kode" in response.content.decode()


def test_pdf_download_owner_only(demo_users, login, django_capture_on_commit_callbacks):
    cert = _complete(demo_users["pegawai@walesi.test"], django_capture_on_commit_callbacks)
    owner = login("pegawai@walesi.test")
    response = owner.get(reverse("learning:certificate_download", args=[cert.code]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    other = login("pegawai2@walesi.test")
    assert other.get(reverse("learning:certificate_download", args=[cert.code])).status_code == 404


def test_sweep_renders_missing_pdfs_once(demo_users, django_capture_on_commit_callbacks):
    cert = _complete(demo_users["pegawai@walesi.test"], django_capture_on_commit_callbacks, execute=False)
    assert not cert.pdf  # the task was never sent (broker down)
    assert certificate_sweep() == 1
    cert.refresh_from_db()
    assert cert.pdf and cert.pdf_generated_at
    assert certificate_sweep() == 0  # idempotent
