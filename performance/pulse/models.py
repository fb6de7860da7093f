"""Tables of the readiness pulse. Anonymity is a property of these tables, not of the code that reads them:

- `PulseAnswer` has no user, no participation, no timestamp and a random UUID key; its unit is the unit the
  pulse reports at (a unit of fewer than five people is stored as its parent), fixed when the pulse opens.
- `PulseParticipation` says only that a user took part (it drives "answer once" and the reminder); it has no
  time and no reference to an answer, and the answer has none to it.
Nothing outside `performance.pulse` imports this module; the admin registers neither answers nor participations.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from performance.models import OrgUnit

from . import rules

SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class Pulse(models.Model):
    """One round of the pulse (a quarter or a campaign) for the units in scope."""

    class Kind(models.TextChoices):
        QUARTERLY = "quarterly", _("Triwulanan")
        CAMPAIGN = "campaign", _("Kampanye")

    class Status(models.TextChoices):
        OPEN = "open", _("Dibuka")
        CLOSED = "closed", _("Ditutup")

    title = models.CharField(_("judul"), max_length=120)
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default=Kind.QUARTERLY)
    opens_on = models.DateField(_("dibuka pada"))
    closes_on = models.DateField(_("ditutup pada"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.OPEN)
    units = models.ManyToManyField(OrgUnit, verbose_name=_("unit (dengan subunitnya)"), related_name="+")
    statement_1 = models.CharField(_("pernyataan 1"), max_length=300)
    statement_2 = models.CharField(_("pernyataan 2"), max_length=300)
    statement_3 = models.CharField(_("pernyataan 3"), max_length=300)
    statement_4 = models.CharField(_("pernyataan 4"), max_length=300)
    statement_5 = models.CharField(_("pernyataan 5"), max_length=300)
    open_question = models.CharField(_("pertanyaan terbuka (boleh kosong)"), max_length=300, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuka oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    invited_on = models.DateField(_("undangan terkirim"), null=True, blank=True, editable=False)
    reminder_sent_on = models.DateField(_("pengingat terkirim"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("pulse kesiapan")
        verbose_name_plural = _("pulse kesiapan")
        ordering = ["-opens_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="pulse_dates_ordered"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def statements(self) -> list[str]:
        return [getattr(self, f"statement_{i}") for i in range(1, rules.STATEMENT_COUNT + 1)]

    def accepts_answers_on(self, day) -> bool:
        return self.status == self.Status.OPEN and self.opens_on <= day <= self.closes_on


class PulseUnit(models.Model):
    """A unit in a pulse's scope, fixed when the pulse opens: its headcount then and the unit its answers are
    stored under (itself, or an ancestor when it had fewer than five people)."""

    pulse = models.ForeignKey(Pulse, on_delete=models.CASCADE, related_name="pulse_units")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    parent = models.ForeignKey(OrgUnit, null=True, on_delete=models.PROTECT, related_name="+")
    storage_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    headcount = models.PositiveIntegerField(_("jumlah pegawai"))

    class Meta:
        verbose_name = _("unit pulse")
        verbose_name_plural = _("unit pulse")
        constraints = [models.UniqueConstraint(fields=["pulse", "unit"], name="pulseunit_unique")]

    def __str__(self) -> str:
        return f"{self.pulse} · {self.unit}"


class PulseParticipation(models.Model):
    """That a user answered a pulse: nothing else (no time, no answer, no unit)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pulse = models.ForeignKey(Pulse, on_delete=models.CASCADE, related_name="participations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("keikutsertaan pulse")
        verbose_name_plural = _("keikutsertaan pulse")
        constraints = [models.UniqueConstraint(fields=["user", "pulse"], name="pulseparticipation_once")]

    def __str__(self) -> str:
        return f"{self.pulse} · {self.user_id}"


class PulseAnswer(models.Model):
    """One anonymous answer: five scores, the optional open answer, the unit at its reporting level."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pulse = models.ForeignKey(Pulse, on_delete=models.CASCADE, related_name="answers")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    score_1 = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    score_2 = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    score_3 = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    score_4 = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    score_5 = models.PositiveSmallIntegerField(validators=SCORE_VALIDATORS)
    open_answer = models.TextField(blank=True, validators=[MaxLengthValidator(rules.OPEN_ANSWER_MAX)])

    class Meta:
        verbose_name = _("jawaban pulse")
        verbose_name_plural = _("jawaban pulse")
        # No default ordering: rows come back unordered or aggregated, never in the order they were written.
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    score_1__gte=1, score_1__lte=5, score_2__gte=1, score_2__lte=5, score_3__gte=1, score_3__lte=5,
                    score_4__gte=1, score_4__lte=5, score_5__gte=1, score_5__lte=5,
                ),
                name="pulseanswer_scores_1_to_5",
            ),
        ]  # fmt: skip

    def __str__(self) -> str:
        return str(_("jawaban anonim"))
