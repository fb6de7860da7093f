"""A campaign: one course for every active employee in a unit subtree, with a due date and a message."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from performance import rules as perf_rules


class Campaign(models.Model):
    name = models.CharField(_("nama kampanye"), max_length=200)
    course = models.ForeignKey(
        "learning.CoursePage", verbose_name=_("kursus"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey("performance.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    include_subunits = models.BooleanField(_("termasuk subunit"), default=True)
    jabatan_kind = models.CharField(
        _("jenis jabatan"), max_length=30, choices=perf_rules.JABATAN_KINDS, blank=True, help_text=_("Kosong = semua.")
    )
    due_date = models.DateField(_("tenggat"))
    message = models.TextField(_("pesan"), blank=True)
    active = models.BooleanField(_("aktif"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    #: The create form's one-time token: a double-clicked submit finds the campaign the first click made.
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("kampanye")
        verbose_name_plural = _("kampanye")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["active", "course"])]

    def __str__(self) -> str:
        return self.name


class CampaignReminder(models.Model):
    """One reminder event sent (7 days before, on the due date, overdue): each is sent once per learner."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("7 hari sebelum tenggat")
        DUE = "due", _("Hari tenggat")
        OVERDUE = "overdue", _("Lewat tenggat")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField(_("dikirim"), default=timezone.now)

    class Meta:
        verbose_name = _("pengingat kampanye")
        verbose_name_plural = _("pengingat kampanye")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "user", "kind"], name="campaigns_reminder_once"),
        ]

    def __str__(self) -> str:
        return f"{self.campaign_id}/{self.user_id}/{self.kind}"
