"""home.Campaign becomes home.Announcement: a home-page message, not the campaigns that assign courses."""

from django.db import migrations, models

OLD, NEW = "campaign", "announcement"


def rename_permissions(apps, schema_editor, old=OLD, new=NEW):
    # RenameModel renames the content type but not its permissions; renaming them keeps every group's grants.
    Permission = apps.get_model("auth", "Permission")
    home_perms = Permission.objects.filter(content_type__app_label="home")
    for perm in home_perms.filter(codename__endswith=f"_{old}"):
        action = perm.codename.removesuffix(f"_{old}")
        if home_perms.filter(codename=f"{action}_{new}").exists():
            perm.delete()  # post_migrate already created the new one
            continue
        perm.codename = f"{action}_{new}"
        perm.name = f"Can {action} {new}"
        perm.save()


def restore_permissions(apps, schema_editor):
    rename_permissions(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0003_seed_core_values"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="campaign", name="campaign_end_after_start"),
        migrations.RenameModel(old_name="Campaign", new_name="Announcement"),
        migrations.AlterModelOptions(
            name="announcement",
            options={"ordering": ["-start_date", "-pk"], "verbose_name": "pengumuman", "verbose_name_plural": "pengumuman"},
        ),
        migrations.AddConstraint(
            model_name="announcement",
            constraint=models.CheckConstraint(
                condition=models.Q(("end_date__gte", models.F("start_date"))), name="announcement_end_after_start"
            ),
        ),
        migrations.RunPython(rename_permissions, restore_permissions),
    ]
