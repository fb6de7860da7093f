from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TITLE_MAX = 200
BODY_MAX = 500
LINK_MAX = 500


class Notification(models.Model):
    """One notice to one person about one event; `event_key` makes the same event notify only once."""

    class EmailStatus(models.TextChoices):
        PENDING = "pending", _("Menunggu dikirim")
        SENT = "sent", _("Terkirim")
        SKIPPED = "skipped", _("Tidak dikirim")  # email turned off for this kind, or no usable address
        EXPIRED = "expired", _("Kedaluwarsa")  # its task was lost and the sweep found it too old to be useful

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penerima"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("jenis"), max_length=64)
    event_key = models.CharField(_("kunci peristiwa"), max_length=200, unique=True)
    title = models.CharField(_("judul"), max_length=TITLE_MAX)
    body = models.CharField(_("isi singkat"), max_length=BODY_MAX, blank=True)
    link = models.CharField(_("tautan"), max_length=LINK_MAX, blank=True)
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    read_at = models.DateTimeField(_("dibaca"), null=True, blank=True)
    email_status = models.CharField(
        _("status email"), max_length=16, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    emailed_at = models.DateTimeField(_("email terkirim"), null=True, blank=True)

    class Meta:
        verbose_name = _("pemberitahuan")
        verbose_name_plural = _("pemberitahuan")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The inbox: a recipient's notices, newest first.
            models.Index(fields=["recipient", "-created_at"], name="notif_recipient_created"),
            # The bell: a recipient's unread notices (small: read ones leave the index).
            models.Index(fields=["recipient"], condition=Q(read_at__isnull=True), name="notif_unread"),
            # The mail sweep: only notices whose mail is still due are in it.
            models.Index(fields=["created_at"], condition=Q(email_status="pending"), name="notif_email_pending"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """A person's choice of email for one kind; without a row the kind's default applies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("jenis"), max_length=64)
    email = models.BooleanField(_("kirim email"), default=True)

    class Meta:
        verbose_name = _("preferensi pemberitahuan")
        verbose_name_plural = _("preferensi pemberitahuan")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notif_pref_one_per_kind")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {'email' if self.email else '-'}"
