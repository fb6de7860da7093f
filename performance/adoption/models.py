"""One snapshot per unit, day and course of the dashboard's figures (the unit's own employees, not its subtree,
so any subtree's figure is a sum). The period figures (assessed, in a plan, improved, plans, dialogues, meetings)
are of the period current that day and the same in every course's row."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitSnapshot(models.Model):
    unit = models.ForeignKey("performance.OrgUnit", on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("tanggal (WIT)"))
    #: The course whose enrolment figures the row holds; 0 = none (a plain id: a unique key without NULLs).
    course_key = models.PositiveIntegerField(default=0)
    headcount = models.PositiveIntegerField(default=0)
    reached = models.PositiveIntegerField(default=0)
    enrolled = models.PositiveIntegerField(default=0)
    started = models.PositiveIntegerField(default=0)
    completed = models.PositiveIntegerField(default=0)
    jp_total = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    jp_met = models.PositiveIntegerField(default=0)
    assessed = models.PositiveIntegerField(default=0)
    #: The performance period the figures below refer to: the current one that day (WIT), as the dashboard's default.
    period = models.ForeignKey(
        "performance.PerformancePeriod", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    in_plan = models.PositiveIntegerField(default=0)
    improved = models.PositiveIntegerField(default=0)
    plans_active = models.PositiveIntegerField(default=0)
    plans_completed = models.PositiveIntegerField(default=0)
    dialogues = models.PositiveIntegerField(default=0)
    meetings = models.PositiveIntegerField(default=0)
    #: The readiness index (1–5) of the unit's subtree in the latest closed pulse, as the pulse's selector hands it
    #: out (None: too few answers to show), and that pulse's title; empty title: the pulse has no group here.
    #: Not a sum: stored in the course_key 0 row only.
    readiness = models.FloatField(null=True, blank=True)
    readiness_pulse = models.CharField(max_length=200, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("potret unit")
        verbose_name_plural = _("potret unit")
        constraints = [
            models.UniqueConstraint(fields=["unit", "day", "course_key"], name="adoption_snapshot_once"),
        ]
        indexes = [models.Index(fields=["course_key", "day"])]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.day} {self.course_key}"
