"""Issue 9 for the learning pages: formula-safe export (item 3), 404 for what is not yours (item 9),
the result of a failed old attempt says what is true for it (item 13)."""

import csv
import io

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import PageViewRestriction

import openpyxl
import pytest

from learning import services
from learning.models import ModulePage
from portal.models import BackgroundJob

from .factories import make_course, right_answers, wrong_answers

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://x.test","klik")', "+SUM(1,2)", "-1+2", "@cmd", "\tTab", "\rCR"]


@pytest.fixture
def formula_records(demo_users):
    from portal.dates import today

    learners = [demo_users["pegawai@walesi.test"], demo_users["pegawai2@walesi.test"]]
    course = make_course("kursus-rumus", modules=1, jp="2")
    course.title = "=1+1 Kursus"
    course.save_revision().publish()
    module = ModulePage.objects.child_of(course).get()
    for i, user in enumerate(learners):
        user.first_name, user.last_name = FORMULAS[i * 2], FORMULAS[i * 2 + 1]
        user.save()
        services.enrollment_create(user=user, course=course)
        attempt = services.attempt_start(user=user, quiz_page=module)
        services.attempt_submit(user=user, attempt_id=attempt.pk, answers=right_answers(module))
    return today().year


def _download(client, year, fmt, capture):
    with capture(execute=True):
        client.post(reverse("learning:export"), {"year": str(year), "format": fmt, "unit": ""})
    job = BackgroundJob.objects.filter(owner__email="admin@walesi.test").order_by("-pk").first()
    response = client.get(reverse("learning:export_download", args=[job.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_csv_export_writes_formula_like_text_as_text(formula_records, login, django_capture_on_commit_callbacks):
    client = login("admin@walesi.test")
    data = _download(client, formula_records, "csv", django_capture_on_commit_callbacks)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 2
    for row in rows:
        for column in ("Nama", "Kursus"):
            assert row[column].startswith("'"), (column, row[column])
    assert {row["Kursus"] for row in rows} == {"'=1+1 Kursus"}


def test_xlsx_export_never_writes_a_formula(formula_records, login, django_capture_on_commit_callbacks):
    client = login("admin@walesi.test")
    data = _download(client, formula_records, "xlsx", django_capture_on_commit_callbacks)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    header = [c.value for c in sheet[1]]
    seen = 0
    for row in sheet.iter_rows(min_row=2):
        for column in ("Nama", "Kursus"):
            cell = row[header.index(column)]
            assert cell.data_type == "s", (column, cell.value, cell.data_type)
            seen += 1
    assert seen == 4
    assert {sheet.cell(row=r, column=header.index("Kursus") + 1).value for r in (2, 3)} == {"=1+1 Kursus"}


@pytest.fixture
def admins_job(demo_users):
    admin = demo_users["admin@walesi.test"]
    return BackgroundJob.objects.create(owner=admin, kind=services.EXPORT_JOB_KIND, status="done", progress=100)


@pytest.mark.parametrize("email", ["pegawai@walesi.test", "atasan@walesi.test", "pelatih@walesi.test"])
def test_someone_elses_export_job_is_404_not_403(client, login, admins_job, email):
    login(email)
    for url in (
        reverse("learning:export_job", args=[admins_job.pk]),
        reverse("learning:export_job", args=[admins_job.pk]) + "?format=json",
        reverse("learning:export_download", args=[admins_job.pk]),
    ):
        assert client.get(url).status_code == 404, url


@pytest.fixture
def group_course(demo_users):
    course = make_course("kursus-tertutup", modules=2)
    group = Group.objects.create(name="Tim Khusus")
    restriction = PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(group)
    return course, group


def test_group_course_url_is_not_revealed_by_redirects(client, login, group_course):
    course, _group = group_course
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    login("pegawai@walesi.test")
    responses = [
        client.get(reverse("learning:resume", args=[course.pk])),
        client.post(reverse("learning:module_done", args=[modules[0].pk])),
        client.post(reverse("learning:attempt_start", args=[modules[-1].pk])),
    ]
    for response in responses:
        assert response.status_code == 404
        assert "kursus-tertutup" not in response.get("Location", "")


def test_group_member_still_resumes(client, login, demo_users, group_course):
    course, group = group_course
    demo_users["pegawai@walesi.test"].groups.add(group)
    login("pegawai@walesi.test")
    response = client.get(reverse("learning:resume", args=[course.pk]))
    assert response.status_code == 302 and "kursus-tertutup" in response["Location"]


def test_failed_old_attempt_of_a_completed_course_says_what_is_true(client, login, demo_users):
    user = demo_users["pegawai@walesi.test"]
    course = make_course("kursus-ulang", modules=1)
    module = ModulePage.objects.child_of(course).get()
    services.enrollment_create(user=user, course=course)
    failed = services.attempt_start(user=user, quiz_page=module)
    services.attempt_submit(user=user, attempt_id=failed.pk, answers=wrong_answers(module))
    passed = services.attempt_start(user=user, quiz_page=module)
    services.attempt_submit(user=user, attempt_id=passed.pk, answers=right_answers(module))
    login("pegawai@walesi.test")
    old = client.get(reverse("learning:attempt_result", args=[failed.pk])).content.decode()
    assert "Belum lulus" in old
    assert "Selamat! Kursus ini sudah selesai" not in old
    assert "Percobaan ini belum lulus" in old
    new = client.get(reverse("learning:attempt_result", args=[passed.pk])).content.decode()
    assert "Selamat! Kursus ini sudah selesai" in new
