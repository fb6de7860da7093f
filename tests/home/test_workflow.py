"""Trainer workflow: trainers write and submit, only reviewers publish (through "Tinjauan Materi")."""

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from home.services import WORKFLOW_NAME, content_access_ensure
from learning.models import CoursePage, ModulePage
from learning.quiz import quiz_questions
from portal.roles import REVIEWER_GROUP
from tests.learning import factories as lf

from . import factories as cf


@pytest.fixture
def tree(demo_users):
    home = cf.site_home()
    content_access_ensure(root=home)
    course = lf.course(lf.course_index(home), title="Kursus asli")
    return {"home": home, "course": course, "users": demo_users}


def _course_form(title, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Ringkasan yang diperbarui.",
            "learning_objectives": streamfield([("objective", "Memahami standar")]),
            "jp_credit": "2",
            "estimated_minutes": "60",
            "level": "dasar",
            "issues_certificate": "on",
            "completion_rule": "modules",
            "score_policy": "highest",
        }
    )


def _approve(client, page):
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    return client.post(url, {"comment": "Sudah sesuai."}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")


@pytest.mark.django_db
def test_trainer_has_edit_but_not_publish_rights_and_is_no_reviewer(tree):
    trainer = tree["users"]["pelatih@walesi.test"]
    perms = tree["course"].permissions_for_user(trainer)
    assert perms.can_edit() and perms.can_submit_for_moderation()
    assert not perms.can_publish()
    assert tree["course"].get_workflow().name == WORKFLOW_NAME
    task = tree["course"].get_workflow().tasks.first().specific
    assert list(task.groups.values_list("name", flat=True)) == [REVIEWER_GROUP]
    assert not trainer.groups.filter(name=REVIEWER_GROUP).exists()


@pytest.mark.django_db
def test_content_access_is_idempotent(tree):
    from wagtail.models import GroupPagePermission, Workflow, WorkflowTask

    before = (GroupPagePermission.objects.count(), Workflow.objects.count(), WorkflowTask.objects.count())
    content_access_ensure(root=tree["home"])
    assert (GroupPagePermission.objects.count(), Workflow.objects.count(), WorkflowTask.objects.count()) == before


@pytest.mark.django_db
def test_trainer_edit_waits_for_approval_then_goes_live(client, tree):
    course = tree["course"]
    client.force_login(tree["users"]["pelatih@walesi.test"])
    edit_url = reverse("wagtailadmin_pages:edit", args=(course.pk,))
    assert client.get(edit_url).status_code == 200

    # Asking to publish directly does not publish: the trainer lacks the right.
    data = _course_form("Kursus diperbarui", course.slug)
    client.post(edit_url, {**data, "action-publish": "action-publish"})
    assert CoursePage.objects.get(pk=course.pk).title == "Kursus asli"

    response = client.post(edit_url, {**data, "action-submit": "action-submit"})
    assert response.status_code == 302
    course = CoursePage.objects.get(pk=course.pk)
    assert course.title == "Kursus asli"  # the live version is unchanged
    assert course.has_unpublished_changes
    state = course.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME
    public = Client().get(course.url).content.decode()  # a visitor still sees the live version
    assert "Kursus asli" in public and "Kursus diperbarui" not in public

    # The trainer cannot approve their own submission.
    _approve(client, course)
    assert CoursePage.objects.get(pk=course.pk).title == "Kursus asli"

    client.force_login(tree["users"]["admin@walesi.test"])
    _approve(client, course)
    course = CoursePage.objects.get(pk=course.pk)
    assert course.title == "Kursus diperbarui" and course.live
    assert WorkflowState.objects.get(pk=state.pk).status == WorkflowState.STATUS_APPROVED


@pytest.mark.django_db
def test_new_module_by_trainer_is_not_live_until_a_reviewer_approves(client, tree):
    from portal.demo import DEMO_PASSWORD

    reviewer = tree["users"]["atasan@walesi.test"]
    reviewer.groups.add(Group.objects.get(name=REVIEWER_GROUP))
    course = tree["course"]
    client.force_login(tree["users"]["pelatih@walesi.test"])
    add_url = reverse("wagtailadmin_pages:add", args=("learning", "modulepage", course.pk))
    data = lf.module_form("Modul baru", "modul-baru", lf.SAMPLE_QUESTIONS[:2])
    response = client.post(add_url, {**data, "action-submit": "action-submit"})
    assert response.status_code == 302
    module = ModulePage.objects.get(slug="modul-baru")
    assert not module.live
    assert Client().get(f"{course.url}modul-baru/").status_code == 404

    assert client.login(email=reviewer.email, password=DEMO_PASSWORD)
    _approve(client, module)
    module = ModulePage.objects.get(pk=module.pk)
    assert module.live
    assert Client().get(module.url).status_code == 200
    assert [q.kind for q in quiz_questions(module)] == ["single", "multiple"]


@pytest.mark.django_db
def test_trainer_cannot_open_user_management_or_django_admin(client, tree):
    client.force_login(tree["users"]["pelatih@walesi.test"])
    assert client.get(reverse("wagtailusers_users:index")).status_code in (302, 403)
    response = client.get("/django-admin/")
    assert response.status_code in (302, 403)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
