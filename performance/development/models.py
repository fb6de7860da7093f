"""Development plans (rencana pengembangan) with goals, actions and evidence; course assignments.

Standards and BerAKHLAK values are referred to by their stable codes (with the title kept for history), the same
way assessments store their standard ratings.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from performance import rules as perf_rules

from . import rules


class DevelopmentPlan(models.Model):
    """One employee's plan for one period, written by the direct supervisor (or the assessor)."""

    class Status(models.TextChoices):
        DRAFT = rules.PlanStatus.DRAFT, _("Draf")
        ACTIVE = rules.PlanStatus.ACTIVE, _("Aktif")
        COMPLETED = rules.PlanStatus.COMPLETED, _("Selesai")
        CLOSED = rules.PlanStatus.CLOSED, _("Ditutup")

    employee = models.ForeignKey(
        "performance.Employee", verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="development_plans"
    )
    period = models.ForeignKey(
        "performance.PerformancePeriod", verbose_name=_("periode"), on_delete=models.PROTECT, related_name="+"
    )
    author = models.ForeignKey(
        "performance.Employee", verbose_name=_("penyusun"), on_delete=models.PROTECT, related_name="+"
    )
    source_assessment = models.ForeignKey(
        "performance.Assessment",
        verbose_name=_("berdasarkan penilaian"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    note = models.TextField(_("catatan penyusun"), blank=True, max_length=2000)
    activated_at = models.DateTimeField(_("diaktifkan"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("dibaca pegawai"), null=True, blank=True)
    acknowledgement = models.TextField(_("tanggapan pegawai"), blank=True, max_length=2000)
    finished_at = models.DateTimeField(_("selesai/ditutup"), null=True, blank=True)
    closing_note = models.TextField(_("catatan penutup"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("rencana pengembangan")
        verbose_name_plural = _("rencana pengembangan")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "period"],
                condition=Q(status__in=["draft", "active"]),
                name="development_one_open_plan_per_period",
            ),
            models.CheckConstraint(
                condition=Q(acknowledged_at__isnull=True) | ~Q(status="draft"),
                name="development_draft_not_acknowledged",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee.full_name} · {self.period}"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.ACTIVE)


class PlanGoal(models.Model):
    """A goal: improve one published standard (and optionally show one BerAKHLAK value), with a target."""

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.CASCADE, related_name="goals")
    standard_code = models.CharField(_("kode standar"), max_length=80)
    standard_title = models.CharField(_("standar"), max_length=200)
    value_code = models.CharField(_("nilai BerAKHLAK"), max_length=60, blank=True)
    value_name = models.CharField(_("nama nilai BerAKHLAK"), max_length=60, blank=True)
    target = models.CharField(_("target"), max_length=300)
    baseline_rating = models.PositiveSmallIntegerField(
        _("penilaian awal"), choices=perf_rules.RATING_CHOICES, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sasaran pengembangan")
        verbose_name_plural = _("sasaran pengembangan")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "standard_code"], name="development_goal_one_per_standard")
        ]

    def __str__(self) -> str:
        return self.standard_title


class PlanAction(models.Model):
    """A step towards a goal: a course (progress from learning records), on-the-job work, or a coaching session."""

    class Kind(models.TextChoices):
        COURSE = "course", _("Kursus")
        ON_THE_JOB = "on_the_job", _("Penugasan di tempat kerja")
        COACHING = "coaching", _("Sesi bimbingan")

    goal = models.ForeignKey(PlanGoal, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("judul"), max_length=200)
    description = models.TextField(_("uraian"), blank=True, max_length=2000)
    course = models.ForeignKey(
        "learning.CoursePage",
        verbose_name=_("kursus"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_date = models.DateField(_("tenggat"))
    accepted_at = models.DateTimeField(_("diterima"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("langkah pengembangan")
        verbose_name_plural = _("langkah pengembangan")
        ordering = ["due_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="course") & Q(course__isnull=False)) | (~Q(kind="course") & Q(course__isnull=True)),
                name="development_action_course_iff_kind",
            ),
            models.UniqueConstraint(
                fields=["goal", "course"], condition=Q(course__isnull=False), name="development_action_course_once"
            ),
        ]
        indexes = [models.Index(fields=["due_date"], name="development_action_due_idx")]

    def __str__(self) -> str:
        return self.title


def evidence_upload_to(instance, filename: str) -> str:
    import secrets

    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"evidence/{instance.action_id}/{secrets.token_hex(8)}.{ext}"


class ActionEvidence(models.Model):
    """What the employee hands in for an on-the-job or coaching action; the supervisor accepts or sends it back."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu tinjauan")
        ACCEPTED = "accepted", _("Diterima")
        RETURNED = "returned", _("Dikembalikan")

    action = models.ForeignKey(PlanAction, on_delete=models.CASCADE, related_name="evidence")
    note = models.TextField(_("catatan"), max_length=2000)
    file = models.FileField(_("berkas"), upload_to=evidence_upload_to, blank=True)
    original_name = models.CharField(max_length=200, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("dikirim"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("ditinjau"), null=True, blank=True)
    review_comment = models.TextField(_("komentar peninjau"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("bukti pelaksanaan")
        verbose_name_plural = _("bukti pelaksanaan")
        ordering = ["submitted_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["action"], condition=Q(status__in=["pending", "accepted"]), name="development_evidence_one_live"
            ),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(reviewed_at__isnull=False), name="development_evidence_reviewed_time"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action} · {self.get_status_display()}"


class CourseAssignment(models.Model):
    """A supervisor's assignment of a course to a team member, with a due date (the enrollment carries it too)."""

    employee = models.ForeignKey(
        "performance.Employee", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="course_assignments"
    )
    course = models.ForeignKey(
        "learning.CoursePage", verbose_name=_("kursus"), on_delete=models.PROTECT, related_name="+"
    )
    assigned_by = models.ForeignKey(
        "performance.Employee", verbose_name=_("ditugaskan oleh"), on_delete=models.PROTECT, related_name="+"
    )
    due_date = models.DateField(_("tenggat"))
    note = models.CharField(_("catatan"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("penugasan kursus")
        verbose_name_plural = _("penugasan kursus")
        ordering = ["due_date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["employee", "course"], name="development_assignment_once_per_course")
        ]

    def __str__(self) -> str:
        return f"{self.employee} → {self.course_id}"
