"""Citizens' satisfaction survey (SKM): service units, their kinds of service and officers, survey periods, the
population served, and the anonymous responses. Tables and constraints only; workflows live in services."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from performance.models import Employee, OrgUnit

from . import rules

COMMENT_MAX_LENGTH = 1000

unit_code_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9-]{1,38}$", _("Kode hanya huruf kecil, angka dan tanda hubung (2–39 karakter).")
)
officer_code_validator = RegexValidator(
    r"^[A-Z0-9][A-Z0-9-]{1,15}$", _("Kode petugas hanya huruf besar, angka dan tanda hubung (2–16 karakter).")
)


class ServiceUnit(models.Model):
    """An organisation unit that serves citizens and runs the SKM; its code is the public address /survei/<code>/."""

    unit = models.OneToOneField(
        OrgUnit, verbose_name=_("unit organisasi"), on_delete=models.PROTECT, related_name="service_unit"
    )
    code = models.CharField(_("kode publik"), max_length=39, unique=True, validators=[unit_code_validator])
    name = models.CharField(_("nama unit layanan"), max_length=200)
    address = models.CharField(_("alamat"), max_length=300, blank=True)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("unit layanan")
        verbose_name_plural = _("unit layanan")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ServiceKind(models.Model):
    """A kind of service a unit gives (rekomendasi KTP/KK, surat keterangan, administrasi kampung…)."""

    service_unit = models.ForeignKey(
        ServiceUnit, verbose_name=_("unit layanan"), on_delete=models.CASCADE, related_name="kinds"
    )
    name = models.CharField(_("jenis layanan"), max_length=150)
    position = models.PositiveSmallIntegerField(_("urutan"), default=0)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("jenis layanan")
        verbose_name_plural = _("jenis layanan")
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["service_unit", "name"], name="servicekind_unique_name")]

    def __str__(self) -> str:
        return self.name


class SurveyOfficer(models.Model):
    """An officer a citizen may name; the short code goes on the officer's own poster (never the NIP)."""

    service_unit = models.ForeignKey(
        ServiceUnit, verbose_name=_("unit layanan"), on_delete=models.CASCADE, related_name="officers"
    )
    employee = models.ForeignKey(
        Employee, verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="survey_officer_posts"
    )
    code = models.CharField(_("kode petugas"), max_length=16, unique=True, validators=[officer_code_validator])
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("petugas layanan")
        verbose_name_plural = _("petugas layanan")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["service_unit", "employee"], name="surveyofficer_unique_employee")
        ]

    def __str__(self) -> str:
        return f"{self.employee.full_name} ({self.code})"


class SurveyPeriod(models.Model):
    """A survey period (a quarter by default), opened and closed by HR; responses are taken while it is open."""

    class Status(models.TextChoices):
        OPEN = "open", _("Dibuka")
        CLOSED = "closed", _("Ditutup")

    name = models.CharField(_("nama periode"), max_length=60)
    start_date = models.DateField(_("tanggal mulai"))
    end_date = models.DateField(_("tanggal selesai"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.CLOSED)

    class Meta:
        verbose_name = _("periode survei")
        verbose_name_plural = _("periode survei")
        ordering = ["-start_date"]
        constraints = [
            models.UniqueConstraint(fields=["start_date", "end_date"], name="surveyperiod_unique_dates"),
            models.CheckConstraint(condition=Q(end_date__gte=models.F("start_date")), name="surveyperiod_ordered"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class UnitPopulation(models.Model):
    """How many citizens a unit served in a period: the population for the sample size."""

    service_unit = models.ForeignKey(
        ServiceUnit, verbose_name=_("unit layanan"), on_delete=models.CASCADE, related_name="populations"
    )
    period = models.ForeignKey(
        SurveyPeriod, verbose_name=_("periode"), on_delete=models.CASCADE, related_name="populations"
    )
    population = models.PositiveIntegerField(_("jumlah penerima layanan"))

    class Meta:
        verbose_name = _("jumlah penerima layanan")
        verbose_name_plural = _("jumlah penerima layanan")
        constraints = [models.UniqueConstraint(fields=["service_unit", "period"], name="unitpopulation_unique")]

    def __str__(self) -> str:
        return f"{self.service_unit} · {self.period}: {self.population}"


class SurveyResponse(models.Model):
    """One citizen's answers: the nine elements (1–4), the service received, an optional profile and comment.

    No name, address or contact is ever asked for; the officer is optional.
    """

    class Gender(models.TextChoices):
        MALE = "L", _("Laki-laki")
        FEMALE = "P", _("Perempuan")

    class AgeBand(models.TextChoices):
        UNDER_20 = "<20", _("Di bawah 20 tahun")
        A20 = "20-29", _("20–29 tahun")
        A30 = "30-39", _("30–39 tahun")
        A40 = "40-49", _("40–49 tahun")
        A50 = "50+", _("50 tahun ke atas")

    class Education(models.TextChoices):
        NONE = "none", _("Tidak/belum sekolah")
        SD = "sd", _("SD")
        SMP = "smp", _("SMP")
        SMA = "sma", _("SMA/SMK")
        DIPLOMA = "diploma", _("Diploma")
        S1 = "s1", _("S1")
        S2 = "s2", _("S2 ke atas")

    class Occupation(models.TextChoices):
        FARMER = "petani", _("Petani/peternak")
        TRADER = "wiraswasta", _("Wiraswasta/pedagang")
        CIVIL = "pns", _("PNS/TNI/Polri")
        PRIVATE = "swasta", _("Pegawai swasta")
        STUDENT = "pelajar", _("Pelajar/mahasiswa")
        HOME = "rumah_tangga", _("Mengurus rumah tangga")
        OTHER = "lainnya", _("Lainnya")

    service_unit = models.ForeignKey(
        ServiceUnit, verbose_name=_("unit layanan"), on_delete=models.PROTECT, related_name="responses"
    )
    period = models.ForeignKey(
        SurveyPeriod, verbose_name=_("periode"), on_delete=models.PROTECT, related_name="responses"
    )
    service_kind = models.ForeignKey(
        ServiceKind, verbose_name=_("jenis layanan"), on_delete=models.PROTECT, related_name="responses"
    )
    officer = models.ForeignKey(
        Employee,
        verbose_name=_("petugas"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    u1 = models.PositiveSmallIntegerField(_("U1"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    u2 = models.PositiveSmallIntegerField(_("U2"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    u3 = models.PositiveSmallIntegerField(_("U3"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    u4 = models.PositiveSmallIntegerField(_("U4"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    u5 = models.PositiveSmallIntegerField(_("U5"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    u6 = models.PositiveSmallIntegerField(_("U6"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    u7 = models.PositiveSmallIntegerField(_("U7"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    u8 = models.PositiveSmallIntegerField(_("U8"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    u9 = models.PositiveSmallIntegerField(_("U9"), validators=[MinValueValidator(1), MaxValueValidator(4)])
    gender = models.CharField(_("jenis kelamin"), max_length=1, choices=Gender.choices, blank=True)
    age_band = models.CharField(_("usia"), max_length=5, choices=AgeBand.choices, blank=True)
    education = models.CharField(_("pendidikan"), max_length=8, choices=Education.choices, blank=True)
    occupation = models.CharField(_("pekerjaan"), max_length=12, choices=Occupation.choices, blank=True)
    comment = models.TextField(_("saran atau pengaduan"), max_length=COMMENT_MAX_LENGTH, blank=True)
    is_complaint = models.BooleanField(_("pengaduan"), default=False)
    comment_hidden = models.BooleanField(_("komentar disembunyikan"), default=False)
    followed_up_at = models.DateTimeField(_("ditindaklanjuti"), null=True, blank=True)
    follow_up_note = models.TextField(_("catatan tindak lanjut"), blank=True)
    followed_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditindaklanjuti oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A default rather than auto_now_add, so that demo and scale data can be dated inside their period.
    created_at = models.DateTimeField(_("dikirim"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("jawaban survei")
        verbose_name_plural = _("jawaban survei")
        ordering = ["-created_at"]
        # Covering indexes: the report's three aggregates read only the index, never the table rows, so a
        # busy unit's report stays fast at any size (SQLite and PostgreSQL index-only scans).
        indexes = [
            models.Index(fields=["service_unit", "period", *rules.ELEMENT_FIELDS], name="surveyresp_unit_scores"),
            models.Index(
                fields=["service_unit", "period", "service_kind", "gender", "age_band", "education", "occupation"]
                + ["officer"],
                name="surveyresp_unit_profile",
            ),
            models.Index(
                fields=["service_unit", "period", "is_complaint", "comment_hidden", "followed_up_at"],
                condition=~Q(comment=""),
                name="surveyresp_unit_comments",
            ),
            models.Index(fields=["officer", "period", "u6", "u7"], name="surveyresp_officer_period"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{f}__gte": rules.SCORE_MIN for f in rules.ELEMENT_FIELDS})
                & Q(**{f"{f}__lte": rules.SCORE_MAX for f in rules.ELEMENT_FIELDS}),
                name="surveyresponse_scores_1_to_4",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service_unit} · {self.period} · #{self.pk}"

    @property
    def scores(self) -> list[int]:
        return [getattr(self, f) for f in rules.ELEMENT_FIELDS]


class UsedFormToken(models.Model):
    """A form token that has been spent: the unique nonce makes a double-tapped or replayed submit store nothing."""

    nonce = models.CharField(max_length=32, unique=True)
    response = models.OneToOneField(SurveyResponse, null=True, on_delete=models.SET_NULL, related_name="+")
    used_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("token formulir terpakai")
        verbose_name_plural = _("token formulir terpakai")

    def __str__(self) -> str:
        return self.nonce


class SubmitCounter(models.Model):
    """Submissions per (hashed) address and hour, in the database so the limit holds when Redis is down."""

    key = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("penghitung kiriman")
        verbose_name_plural = _("penghitung kiriman")
        constraints = [models.UniqueConstraint(fields=["key", "window_start"], name="submitcounter_unique_window")]

    def __str__(self) -> str:
        return f"{self.key[:8]}… {self.window_start:%Y-%m-%d %H}: {self.count}"
