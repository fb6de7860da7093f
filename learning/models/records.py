"""Learning records: who enrolled, what they finished, how their quizzes went, the JP they earned, certificates.

Re-exported by `learning.models`.
Every rule that must hold under concurrency is a database constraint here.
"""

from __future__ import annotations

__all__ = [
    "Enrollment",
    "ModuleProgress",
    "QuizAttempt",
    "AttemptAnswer",
    "CourseCompletion",
    "JPLedgerEntry",
    "Certificate",
    "ReminderLog",
]

import secrets
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_certificate_code() -> str:
    """An unguessable, URL-safe verification code (about 120 bits)."""
    return secrets.token_urlsafe(15)


class Enrollment(models.Model):
    """A learner taking a course: self-enrolled or assigned (by a supervisor, a plan or a campaign)."""

    class Source(models.TextChoices):
        SELF = "self", _("Mendaftar sendiri")
        ASSIGNED = "assigned", _("Ditugaskan")
        PLAN = "plan", _("Rencana pengembangan")
        CAMPAIGN = "campaign", _("Kampanye")

    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("Terdaftar")
        IN_PROGRESS = "in_progress", _("Sedang berjalan")
        COMPLETED = "completed", _("Selesai")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("peserta"), on_delete=models.CASCADE, related_name="enrollments"
    )
    course = models.ForeignKey(
        "learning.CoursePage", verbose_name=_("kursus"), on_delete=models.CASCADE, related_name="enrollments"
    )
    source = models.CharField(_("sumber"), max_length=16, choices=Source.choices, default=Source.SELF)
    due_date = models.DateField(_("tenggat"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditugaskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.ENROLLED)
    enrolled_at = models.DateTimeField(_("terdaftar pada"), default=timezone.now)
    started_at = models.DateTimeField(_("mulai"), null=True, blank=True)
    completed_at = models.DateTimeField(_("selesai"), null=True, blank=True)

    class Meta:
        verbose_name = _("pendaftaran kursus")
        verbose_name_plural = _("pendaftaran kursus")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="learning_enrollment_one_per_course"),
            models.CheckConstraint(
                condition=Q(status="completed", completed_at__isnull=False) | ~Q(status="completed"),
                name="learning_enrollment_completed_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "status"]),
            models.Index(fields=["due_date"], condition=Q(due_date__isnull=False), name="learning_enr_due_idx"),
            # a course's learners with their state, read from the index alone (dashboard and campaign counts)
            models.Index(
                fields=["course", "user"],
                include=["status", "started_at", "source", "due_date"],
                name="learning_enr_course_user_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.course_id}"


class ModuleProgress(models.Model):
    """A learner's progress in one module: opened (started) and, once, completed."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_progress")
    module = models.ForeignKey(
        "learning.ModulePage", verbose_name=_("modul"), on_delete=models.CASCADE, related_name="progress"
    )
    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="module_progress")
    started_at = models.DateTimeField(_("dibuka"), default=timezone.now)
    completed_at = models.DateTimeField(_("selesai"), null=True, blank=True)

    class Meta:
        verbose_name = _("kemajuan modul")
        verbose_name_plural = _("kemajuan modul")
        constraints = [models.UniqueConstraint(fields=["user", "module"], name="learning_progress_one_per_module")]
        indexes = [models.Index(fields=["enrollment", "completed_at"])]

    def __str__(self) -> str:
        return f"{self.user_id}/{self.module_id}"


class QuizAttempt(models.Model):
    """One attempt at a quiz (a module's knowledge check or a final assessment).

    The questions, their order and each question's choice order are fixed on the server when the attempt starts
    (`questions` is the snapshot the learner answers, so an edit to the quiz mid-attempt changes nothing for them).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    quiz_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("kuis"), on_delete=models.CASCADE, related_name="+"
    )
    enrollment = models.ForeignKey(
        Enrollment, null=True, blank=True, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    number = models.PositiveSmallIntegerField(_("percobaan ke"))
    question_ids = models.JSONField(_("urutan soal"), default=list)
    choice_order = models.JSONField(_("urutan pilihan"), default=dict)
    questions = models.JSONField(_("soal yang diberikan"), default=dict)
    pass_mark = models.PositiveSmallIntegerField(_("nilai lulus (%)"), default=70)
    started_at = models.DateTimeField(_("mulai"), default=timezone.now)
    deadline = models.DateTimeField(_("batas waktu"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("dikirim"), null=True, blank=True)
    score = models.DecimalField(_("nilai (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    correct_count = models.PositiveSmallIntegerField(_("jawaban benar"), default=0)
    passed = models.BooleanField(_("lulus"), null=True, blank=True)
    late = models.BooleanField(_("terlambat"), default=False)
    ignored_answers = models.PositiveSmallIntegerField(_("jawaban tidak dihitung"), default=0)

    class Meta:
        verbose_name = _("percobaan kuis")
        verbose_name_plural = _("percobaan kuis")
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "quiz_page", "number"], name="learning_attempt_number_unique"),
            models.UniqueConstraint(
                fields=["user", "quiz_page"],
                condition=Q(submitted_at__isnull=True),
                name="learning_attempt_one_open",
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="learning_attempt_number_positive"),
        ]
        indexes = [
            models.Index(fields=["user", "-submitted_at"], name="learning_attempt_recent_idx"),
            # A quiz's latest attempts first: the course analytics find each question's latest snapshot in it.
            models.Index(fields=["quiz_page", "-submitted_at", "-id"], name="learning_attempt_quiz_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}/{self.quiz_page_id}#{self.number}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def question_count(self) -> int:
        return len(self.question_ids)


class AttemptAnswer(models.Model):
    """The choices a learner selected for one question of an attempt (saved as they go)."""

    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    question_id = models.CharField(max_length=64)
    selected = models.JSONField(_("pilihan"), default=list)
    answered_at = models.DateTimeField(_("dijawab"), default=timezone.now)

    class Meta:
        verbose_name = _("jawaban")
        verbose_name_plural = _("jawaban")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question_id"], name="learning_answer_one_per_question")
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}/{self.question_id}"


class CourseCompletion(models.Model):
    """A course completed by a learner: exactly once; keeps the title and JP as they were at completion."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_completions")
    course = models.ForeignKey(
        "learning.CoursePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="completions"
    )
    enrollment = models.OneToOneField(
        Enrollment, null=True, blank=True, on_delete=models.SET_NULL, related_name="completion"
    )
    course_title = models.CharField(_("judul kursus"), max_length=255)
    completed_at = models.DateTimeField(_("selesai pada"))
    score = models.DecimalField(_("nilai (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    jp = models.DecimalField(_("JP"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("kursus selesai")
        verbose_name_plural = _("kursus selesai")
        ordering = ["-completed_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="learning_completion_once"),
            models.CheckConstraint(condition=Q(jp__gte=0), name="learning_completion_jp_positive"),
        ]
        indexes = [models.Index(fields=["completed_at"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.course_title}"


class JPLedgerEntry(models.Model):
    """JP credited to a learner for a year in WIT; one entry per completion."""

    class Source(models.TextChoices):
        COURSE = "course", _("Kursus")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jp_entries")
    year = models.PositiveSmallIntegerField(_("tahun (WIT)"))
    jp = models.DecimalField(_("JP"), max_digits=5, decimal_places=2)
    source = models.CharField(_("sumber"), max_length=16, choices=Source.choices, default=Source.COURSE)
    course = models.ForeignKey(
        "learning.CoursePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    completion = models.OneToOneField(CourseCompletion, on_delete=models.CASCADE, related_name="jp_entry")
    description = models.CharField(_("keterangan"), max_length=255)
    created_at = models.DateTimeField(_("dicatat"), default=timezone.now)

    class Meta:
        verbose_name = _("catatan JP")
        verbose_name_plural = _("catatan JP")
        ordering = ["-created_at"]
        constraints = [models.CheckConstraint(condition=Q(jp__gte=0), name="learning_jp_entry_positive")]
        # a user's JP of a year (summaries, the dashboard's per-person JP) read from the index alone
        indexes = [models.Index(fields=["user", "year", "jp"], name="learning_jp_user_year_jp")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.year}: {self.jp} JP"


class JPYearTotal(models.Model):
    """A learner's JP of a year: the sum of their ledger entries, kept beside the ledger (`services.jp`, on every
    entry saved or deleted) so a dashboard over 50,000 people joins one row per person instead of summing the
    ledger. The ledger stays the record; `jp_totals_rebuild` recomputes these from it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jp_totals")
    year = models.PositiveSmallIntegerField(_("tahun (WIT)"))
    total = models.DecimalField(_("JP"), max_digits=8, decimal_places=2, default=Decimal("0"))

    class Meta:
        verbose_name = _("jumlah JP setahun")
        verbose_name_plural = _("jumlah JP setahun")
        constraints = [models.UniqueConstraint(fields=["user", "year"], name="learning_jp_total_once")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.year}: {self.total} JP"


def certificate_upload_to(instance, filename: str) -> str:
    return f"sertifikat/{instance.issued_at:%Y}/{instance.code}.pdf"


class Certificate(models.Model):
    """The certificate of a completion; its PDF is rendered by a task after the completion commits."""

    completion = models.OneToOneField(CourseCompletion, on_delete=models.CASCADE, related_name="certificate")
    code = models.CharField(_("kode verifikasi"), max_length=32, unique=True, default=new_certificate_code)
    pdf = models.FileField(_("berkas PDF"), upload_to=certificate_upload_to, blank=True)
    issued_at = models.DateTimeField(_("diterbitkan"), default=timezone.now)
    pdf_generated_at = models.DateTimeField(_("PDF dibuat"), null=True, blank=True)

    class Meta:
        verbose_name = _("sertifikat")
        verbose_name_plural = _("sertifikat")
        ordering = ["-issued_at"]
        indexes = [models.Index(fields=["issued_at"], condition=Q(pdf=""), name="learning_cert_pending_idx")]

    def __str__(self) -> str:
        return self.code


class ReminderLog(models.Model):
    """One reminder mail per learner per day (WIT), however often the task runs."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("tanggal (WIT)"))
    course_count = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("pengingat terkirim")
        verbose_name_plural = _("pengingat terkirim")
        constraints = [models.UniqueConstraint(fields=["user", "date"], name="learning_reminder_once_a_day")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.date}"
