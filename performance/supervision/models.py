"""Performance dialogues (dialog kinerja), team meetings (pertemuan rutin) and appreciation (apresiasi)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Dialogue(models.Model):
    """A one-to-one between a supervisor and a direct report (PermenPANRB 6/2022: continuous feedback)."""

    employee = models.ForeignKey(
        "performance.Employee", verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="dialogues"
    )
    supervisor = models.ForeignKey(
        "performance.Employee", verbose_name=_("atasan"), on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField(_("tanggal"))
    topics = models.TextField(_("topik"), max_length=2000)
    went_well = models.TextField(_("yang sudah baik"), blank=True, max_length=2000)
    to_improve = models.TextField(_("yang perlu ditingkatkan"), blank=True, max_length=2000)
    next_date = models.DateField(_("dialog berikutnya"), null=True, blank=True)
    employee_response = models.TextField(_("tanggapan pegawai"), blank=True, max_length=2000)
    responded_at = models.DateTimeField(_("ditanggapi"), null=True, blank=True)
    created_at = models.DateTimeField(_("dicatat"), auto_now_add=True)

    class Meta:
        verbose_name = _("dialog kinerja")
        verbose_name_plural = _("dialog kinerja")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(next_date__isnull=True) | Q(next_date__gt=models.F("held_on")),
                name="supervision_dialogue_next_after",
            )
        ]
        indexes = [models.Index(fields=["employee", "-held_on"], name="supervision_dialogue_emp_idx")]

    def __str__(self) -> str:
        return f"{self.employee.full_name} · {self.held_on}"


class AgreedAction(models.Model):
    """A follow-up agreed in a dialogue; open ones carry over to the next dialogue until done."""

    class Owner(models.TextChoices):
        EMPLOYEE = "employee", _("Pegawai")
        SUPERVISOR = "supervisor", _("Atasan")

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("tindak lanjut"), max_length=300)
    owner = models.CharField(_("penanggung jawab"), max_length=10, choices=Owner.choices)
    due_date = models.DateField(_("tenggat"))
    done_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    closed_in = models.ForeignKey(
        Dialogue, null=True, blank=True, on_delete=models.SET_NULL, related_name="closed_actions"
    )

    class Meta:
        verbose_name = _("tindak lanjut yang disepakati")
        verbose_name_plural = _("tindak lanjut yang disepakati")
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return self.description


class TeamMeeting(models.Model):
    """A regular meeting of a unit's team: agenda, achievements, problems, decisions."""

    unit = models.ForeignKey("performance.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    organiser = models.ForeignKey(
        "performance.Employee", verbose_name=_("pemimpin rapat"), on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField(_("tanggal"))
    attendees = models.ManyToManyField(
        "performance.Employee", verbose_name=_("peserta"), related_name="team_meetings", blank=True
    )
    agenda = models.TextField(_("agenda"), max_length=2000)
    achievements = models.TextField(_("capaian"), blank=True, max_length=2000)
    problems = models.TextField(_("masalah"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("dicatat"), auto_now_add=True)

    class Meta:
        verbose_name = _("pertemuan rutin")
        verbose_name_plural = _("pertemuan rutin")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["unit", "held_on"], name="supervision_meeting_unit_idx")]

    def __str__(self) -> str:
        return f"{self.unit} · {self.held_on}"


class MeetingDecision(models.Model):
    """A decision with an owner and a due date; the next meeting of the unit shows the open ones."""

    meeting = models.ForeignKey(TeamMeeting, on_delete=models.CASCADE, related_name="decisions")
    description = models.CharField(_("keputusan"), max_length=300)
    owner = models.ForeignKey(
        "performance.Employee", verbose_name=_("penanggung jawab"), on_delete=models.PROTECT, related_name="+"
    )
    due_date = models.DateField(_("tenggat"))
    done_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    closed_in = models.ForeignKey(
        TeamMeeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="closed_decisions"
    )

    class Meta:
        verbose_name = _("keputusan rapat")
        verbose_name_plural = _("keputusan rapat")
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return self.description


class Appreciation(models.Model):
    """A short appreciation from a supervisor or leader, tied to one BerAKHLAK value."""

    employee = models.ForeignKey(
        "performance.Employee", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="appreciations"
    )
    giver = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pemberi"), on_delete=models.PROTECT, related_name="+"
    )
    giver_name = models.CharField(_("nama pemberi"), max_length=200)
    value_code = models.CharField(_("nilai BerAKHLAK"), max_length=60)
    value_name = models.CharField(_("nama nilai"), max_length=60)
    message = models.CharField(_("pesan"), max_length=500)
    show_on_team = models.BooleanField(_("tampilkan di halaman tim"), default=False)
    created_at = models.DateTimeField(_("diberikan"), auto_now_add=True)

    class Meta:
        verbose_name = _("apresiasi")
        verbose_name_plural = _("apresiasi")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.employee.full_name} · {self.value_name}"


class AssessmentObjection(models.Model):
    """An employee's objection (keberatan) to a submitted assessment, decided by the assessor's own supervisor
    (atasan pejabat penilai): upheld, or a correction asked of the assessor (the existing revision flow)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu keputusan")
        UPHELD = "upheld", _("Penilaian dipertahankan")
        CORRECTION = "correction", _("Koreksi diminta")

    assessment = models.ForeignKey(
        "performance.Assessment", verbose_name=_("penilaian"), on_delete=models.CASCADE, related_name="objections"
    )
    employee = models.ForeignKey(
        "performance.Employee", verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="+"
    )
    decider = models.ForeignKey(
        "performance.Employee", verbose_name=_("atasan pejabat penilai"), on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("alasan keberatan"), max_length=2000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decision_note = models.TextField(_("catatan keputusan"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("diajukan"), auto_now_add=True)
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)

    class Meta:
        verbose_name = _("keberatan atas penilaian")
        verbose_name_plural = _("keberatan atas penilaian")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["assessment"], name="supervision_one_objection_per_assessment"),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(decided_at__isnull=False), name="supervision_objection_decided_time"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee.full_name} · {self.assessment_id}"


class PreparationNote(models.Model):
    """A supervisor's private notes to prepare the next dialogue with one report. Only their author ever reads
    them: not the employee, not leadership, not HR; no page but the author's dialogue page shows them."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    employee = models.ForeignKey(
        "performance.Employee", verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="+"
    )
    text = models.TextField(_("catatan persiapan"), blank=True, max_length=4000)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("catatan persiapan dialog")
        verbose_name_plural = _("catatan persiapan dialog")
        constraints = [
            models.UniqueConstraint(fields=["author", "employee"], name="supervision_one_prep_note_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.author_id} · {self.employee_id}"
