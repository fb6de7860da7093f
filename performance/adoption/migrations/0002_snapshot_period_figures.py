import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("adoption", "0001_initial"),
        ("performance", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="unitsnapshot",
            name="period",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="performance.performanceperiod",
            ),
        ),
        migrations.AddField(
            model_name="unitsnapshot", name="in_plan", field=models.PositiveIntegerField(default=0)
        ),
        migrations.AddField(
            model_name="unitsnapshot", name="improved", field=models.PositiveIntegerField(default=0)
        ),
        migrations.AddField(
            model_name="unitsnapshot", name="plans_active", field=models.PositiveIntegerField(default=0)
        ),
        migrations.AddField(
            model_name="unitsnapshot", name="plans_completed", field=models.PositiveIntegerField(default=0)
        ),
        migrations.AddField(
            model_name="unitsnapshot", name="dialogues", field=models.PositiveIntegerField(default=0)
        ),
        migrations.AddField(
            model_name="unitsnapshot", name="meetings", field=models.PositiveIntegerField(default=0)
        ),
        migrations.AddField(
            model_name="unitsnapshot", name="readiness", field=models.FloatField(blank=True, null=True)
        ),
        migrations.AddField(
            model_name="unitsnapshot",
            name="readiness_pulse",
            field=models.CharField(blank=True, default="", max_length=200),
        ),
    ]
