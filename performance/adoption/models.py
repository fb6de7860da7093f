"""One snapshot per unit, day and course of the dashboard's figures (the unit's own employees, not its subtree,
so any subtree's figure is a sum)."""

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
