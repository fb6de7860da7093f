"""Model permissions each role needs; assigned after every migrate (idempotent).

Apps add what their own models need with `grant()` in their AppConfig.ready(). Page-level permissions
(which part of the page tree a group may edit) are seeded with the content, since pages are data.
"""

from collections import defaultdict

from .roles import REVIEWER_GROUP, Role

ROLE_PERMISSIONS: dict[str, set[str]] = defaultdict(set)


def grant(role: str, *perms: str) -> None:
    """Declare that `role` needs the permissions `app_label.codename`."""
    ROLE_PERMISSIONS[str(role)].update(perms)


grant(
    Role.PELATIH,
    "wagtailadmin.access_admin",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)
grant(
    REVIEWER_GROUP,
    "wagtailadmin.access_admin",
    "wagtailimages.choose_image",
    "wagtaildocs.choose_document",
)
grant(
    Role.ADMIN_KEPEGAWAIAN,
    "wagtailadmin.access_admin",
    "wagtailusers.add_user",
    "wagtailusers.change_user",
    "wagtailusers.delete_user",
)


def sync_role_permissions(using="default") -> None:
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    for name in [*(r.value for r in Role), REVIEWER_GROUP]:
        Group.objects.using(using).get_or_create(name=name)
    for role, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.using(using).get_or_create(name=role)
        wanted = []
        for perm in sorted(perms):
            app_label, codename = perm.split(".", 1)
            found = Permission.objects.using(using).filter(content_type__app_label=app_label, codename=codename).first()
            if found is not None:
                wanted.append(found)
        group.permissions.add(*wanted)


def on_post_migrate(sender, using="default", **kwargs) -> None:
    sync_role_permissions(using=using)
