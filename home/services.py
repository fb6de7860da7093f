"""Writes for the published content: who may edit which part of the page tree, and the review workflow."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from portal.roles import REVIEWER_GROUP, Role

WORKFLOW_NAME = "Tinjauan Materi"
TASK_NAME = "Persetujuan Penelaah Materi"

#: Page permissions on the whole site tree: trainers write and submit, reviewers also publish.
PAGE_PERMISSIONS = {
    Role.PELATIH.value: ["add_page", "change_page"],
    REVIEWER_GROUP: ["add_page", "change_page", "publish_page"],
}
#: Collection permissions (images and documents live in collections, not in group model permissions).
COLLECTION_PERMISSIONS = {
    Role.PELATIH.value: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    REVIEWER_GROUP: [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
}


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def content_access_ensure(*, root: Page) -> Workflow:
    """Give trainers and reviewers their rights on `root`'s subtree and assign the review workflow to it.

    Idempotent: running it again creates nothing twice. Trainers never get `publish_page`, so what they write
    goes live only after a reviewer approves it in the "Tinjauan Materi" workflow.
    """
    groups = {}
    for name in PAGE_PERMISSIONS:
        groups[name], _created = Group.objects.get_or_create(name=name)
    for name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[name], page=root, permission=_permission(f"wagtailcore.{codename}")
            )
    # A trainer must not keep publish rights granted by hand earlier on this subtree.
    GroupPagePermission.objects.filter(
        group=groups[Role.PELATIH.value], permission__codename__in=["publish_page", "bulk_delete_page"]
    ).delete()
    collection = Collection.get_first_root_node()
    for name, perms in COLLECTION_PERMISSIONS.items():
        for dotted in perms:
            GroupCollectionPermission.objects.get_or_create(
                group=groups[name], collection=collection, permission=_permission(dotted)
            )

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([groups[REVIEWER_GROUP]])
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count())
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow
