"""Organisation, employees, periods and assessments. Tables and constraints only; workflows live in services."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import rules


class OrgUnit(models.Model):
    """A unit of the organisation (perangkat daerah, distrik, seksi, kampung…); a tree through `parent`."""

    class Kind(models.TextChoices):
        SEKRETARIAT = "sekretariat", _("Sekretariat")
        INSPEKTORAT = "inspektorat", _("Inspektorat")
        DINAS = "dinas", _("Dinas")
        BADAN = "badan", _("Badan")
        DISTRIK = "distrik", _("Distrik")
        BAGIAN = "bagian", _("Bagian")
        BIDANG = "bidang", _("Bidang")
        SEKSI = "seksi", _("Seksi")
        SUBBAGIAN = "subbagian", _("Subbagian")
        KAMPUNG = "kampung", _("Kampung")
        UPTD = "uptd", _("UPTD")

    name = models.CharField(_("nama"), max_length=200)
    code = models.CharField(_("kode"), max_length=40, unique=True)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("unit induk"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    head = models.ForeignKey(
        "Employee",
        verbose_name=_("kepala unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="headed_units",
    )

    class Meta:
        verbose_name = _("unit organisasi")
        verbose_name_plural = _("unit organisasi")
        ordering = ["code"]
        constraints = [models.CheckConstraint(condition=~Q(parent=models.F("id")), name="orgunit_not_own_parent")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        from django.core.exceptions import ValidationError

        seen, current = {self.pk}, self.parent_id
        for _step in range(100):
            if current is None:
                return
            if current in seen:
                raise ValidationError({"parent": _("Unit induk ini membuat pohon organisasi berputar.")})
            seen.add(current)
            current = OrgUnit.objects.filter(pk=current).values_list("parent_id", flat=True).first()


class Employee(models.Model):
    """An ASN (PNS with a NIP, PPPK with an NI PPPK) on the roster."""

    class EmploymentType(models.TextChoices):
        PNS = "PNS", _("PNS")
        PPPK = "PPPK", _("PPPK")

    nip = models.CharField(_("NIP / NI PPPK"), max_length=18, unique=True)
    full_name = models.CharField(_("nama lengkap"), max_length=200)
    employment_type = models.CharField(_("jenis kepegawaian"), max_length=4, choices=EmploymentType.choices)
    jabatan = models.CharField(_("nama jabatan"), max_length=200)
    jabatan_kind = models.CharField(_("jenis jabatan"), max_length=30, choices=rules.JABATAN_KINDS)
    golongan = models.CharField(_("golongan"), max_length=6, choices=rules.GOLONGAN_CHOICES, blank=True)
    unit = models.ForeignKey(OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="employees")
    supervisor = models.ForeignKey(
        "self",
        verbose_name=_("atasan langsung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="direct_reports",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun pengguna"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="employee",
    )
    email = models.EmailField(_("email"), blank=True)
    active = models.BooleanField(_("aktif"), default=True)
    invited_at = models.DateTimeField(_("undangan terkirim"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["full_name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(employment_type="PPPK") | Q(golongan=""), name="employee_pppk_has_no_golongan"
            ),
            models.CheckConstraint(condition=~Q(supervisor=models.F("id")), name="employee_not_own_supervisor"),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.nip})"

    @property
    def pangkat(self) -> str:
        return rules.pangkat(self.golongan)

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        check = rules.check_identifier(self.nip, self.employment_type)
        if not check.ok:
            errors["nip"] = check.message
        if self.employment_type == self.EmploymentType.PPPK and self.golongan:
            errors["golongan"] = _("PPPK tidak memiliki golongan PNS.")
        if self.supervisor_id and self.pk and self.supervisor_id == self.pk:
            errors["supervisor"] = _("Pegawai tidak bisa menjadi atasan dirinya sendiri.")
        elif self.supervisor_id and self.pk and self._chain_reaches_self():
            errors["supervisor"] = _("Rantai atasan akan berputar kembali ke pegawai ini.")
        if errors:
            raise ValidationError(errors)

    def _chain_reaches_self(self) -> bool:
        # Admin edits only: one query per level of the chain, bounded.
        seen, current = {self.pk}, self.supervisor_id
        for _step in range(100):
            if current is None:
                return False
            if current in seen:
                return True
            seen.add(current)
            current = Employee.objects.filter(pk=current).values_list("supervisor_id", flat=True).first()
        return True


class LeadershipScope(models.Model):
    """Which units (with their subunits) a leader (Pimpinan) sees."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pimpinan"), on_delete=models.CASCADE, related_name="leadership_scopes"
    )
    unit = models.ForeignKey(OrgUnit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("cakupan pimpinan")
        verbose_name_plural = _("cakupan pimpinan")
        constraints = [models.UniqueConstraint(fields=["user", "unit"], name="leadershipscope_unique")]

    def __str__(self) -> str:
        return f"{self.user} → {self.unit}"


class PerformancePeriod(models.Model):
    """A period of assessment: a quarter (TRIWULAN I–IV) or the year (TAHUNAN); HR opens and closes it."""

    class Kind(models.TextChoices):
        TRIWULAN_I = "TRIWULAN_I", _("Triwulan I")
        TRIWULAN_II = "TRIWULAN_II", _("Triwulan II")
        TRIWULAN_III = "TRIWULAN_III", _("Triwulan III")
        TRIWULAN_IV = "TRIWULAN_IV", _("Triwulan IV")
        TAHUNAN = "TAHUNAN", _("Tahunan")

    class Status(models.TextChoices):
        OPEN = "open", _("Dibuka")
        CLOSED = "closed", _("Ditutup")

    year = models.PositiveSmallIntegerField(_("tahun"))
    kind = models.CharField(_("jenis"), max_length=14, choices=Kind.choices)
    start_date = models.DateField(_("tanggal mulai"))
    end_date = models.DateField(_("tanggal selesai"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.CLOSED)

    class Meta:
        verbose_name = _("periode penilaian")
        verbose_name_plural = _("periode penilaian")
        ordering = ["-year", "-start_date"]
        constraints = [
            models.UniqueConstraint(fields=["year", "kind"], name="period_unique_year_kind"),
            models.CheckConstraint(condition=Q(end_date__gte=models.F("start_date")), name="period_dates_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def clean(self):
        from django.core.exceptions import ValidationError

        from . import rules

        if self.year is None or self.start_date is None or self.end_date is None or not self.kind:
            return
        problems = rules.period_problems(
            year=self.year, kind=self.kind, start=self.start_date, end=self.end_date, kind_label=self.get_kind_display()
        )
        duplicate = PerformancePeriod.objects.filter(year=self.year, kind=self.kind).exclude(pk=self.pk)
        if not problems and duplicate.exists():
            problems["kind"] = _(
                "Periode %(period)s sudah ada. Ubah status periode yang ada, bukan membuat yang baru."
            ) % {"period": str(self)}
        if problems:
            raise ValidationError(problems)

    def validate_constraints(self, exclude=None):
        # Both constraints are checked in clean() with messages in words (Django's would show the constraint's
        # name, or its wrong Indonesian "... tidak ada"); the database still enforces them under concurrency.
        return None


class Assessment(models.Model):
    """A supervisor's assessment of one employee for one period; a correction is a new revision."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        SUBMITTED = "submitted", _("Diserahkan")
        ACKNOWLEDGED = "acknowledged", _("Diterima pegawai")

    employee = models.ForeignKey(
        Employee, verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="assessments"
    )
    period = models.ForeignKey(
        PerformancePeriod, verbose_name=_("periode"), on_delete=models.PROTECT, related_name="assessments"
    )
    assessor = models.ForeignKey(
        Employee, verbose_name=_("pejabat penilai"), on_delete=models.PROTECT, related_name="assessments_made"
    )
    status = models.CharField(_("status"), max_length=14, choices=Status.choices, default=Status.DRAFT)
    revision = models.PositiveSmallIntegerField(_("revisi"), default=1)
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("menggantikan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    is_current = models.BooleanField(_("revisi berlaku"), default=True)
    hasil_kerja = models.PositiveSmallIntegerField(
        _("hasil kerja"), choices=rules.RATING_CHOICES, null=True, blank=True
    )
    perilaku_kerja = models.PositiveSmallIntegerField(
        _("perilaku kerja"), choices=rules.RATING_CHOICES, null=True, blank=True
    )
    berakhlak = models.JSONField(_("nilai BerAKHLAK yang tampak"), default=list, blank=True)
    # Computed by the service from the two ratings; never taken from a form.
    predikat = models.PositiveSmallIntegerField(
        _("predikat kinerja"), choices=rules.PREDIKAT_CHOICES, null=True, blank=True, editable=False
    )
    summary = models.TextField(_("catatan penilai"), blank=True)
    employee_response = models.TextField(_("tanggapan pegawai"), blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)
    submitted_at = models.DateTimeField(_("diserahkan"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("diterima"), null=True, blank=True)

    class Meta:
        verbose_name = _("penilaian kinerja")
        verbose_name_plural = _("penilaian kinerja")
        ordering = ["-period__year", "-period__start_date", "-revision"]
        constraints = [
            models.UniqueConstraint(fields=["employee", "period", "revision"], name="assessment_unique_revision"),
            models.UniqueConstraint(
                fields=["employee", "period"], condition=Q(is_current=True), name="assessment_one_current"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | (Q(predikat__isnull=False) & Q(submitted_at__isnull=False)),
                name="assessment_submitted_has_predikat",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee.full_name} · {self.period} · r{self.revision}"

    @property
    def predikat_tone(self) -> str:
        return rules.PREDIKAT_TONE.get(self.predikat, "") if self.predikat else ""


class StandardRating(models.Model):
    """A rating on one published standard (stored by stable code + title, see services)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="standard_ratings")
    standard_code = models.CharField(_("kode standar"), max_length=80)
    standard_title = models.CharField(_("standar"), max_length=200)
    rating = models.PositiveSmallIntegerField(_("penilaian"), choices=rules.RATING_CHOICES)
    evidence = models.TextField(_("bukti / catatan"), blank=True)

    class Meta:
        verbose_name = _("penilaian standar")
        verbose_name_plural = _("penilaian standar")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "standard_code"], name="standardrating_unique"),
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=3), name="standardrating_rating_range"),
        ]

    def __str__(self) -> str:
        return f"{self.standard_title}: {self.get_rating_display()}"


class CompetencyRating(models.Model):
    """A competency rated 1–5 after coaching, with the reason."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="competency_ratings")
    competency = models.CharField(_("kompetensi"), max_length=200)
    score = models.PositiveSmallIntegerField(_("nilai (1–5)"))
    reason = models.TextField(_("alasan"))

    class Meta:
        verbose_name = _("penilaian kompetensi")
        verbose_name_plural = _("penilaian kompetensi")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="competency_score_range"),
        ]

    def __str__(self) -> str:
        return f"{self.competency}: {self.score}"


class AssessmentAuditEntry(models.Model):
    """One change to an assessment: who, when, what (a JSON diff), written by the service in its transaction."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="audit_entries")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("oleh"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("tindakan"), max_length=30)
    changes = models.JSONField(_("perubahan"), default=dict, blank=True)
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)

    class Meta:
        verbose_name = _("jejak audit penilaian")
        verbose_name_plural = _("jejak audit penilaian")
        ordering = ["created_at", "id"]

    ACTION_LABELS = {
        "created": _("Draf dibuat"),
        "updated": _("Draf diubah"),
        "submitted": _("Diserahkan"),
        "acknowledged": _("Diterima pegawai"),
        "correction_opened": _("Koreksi dibuka (revisi baru)"),
        "superseded": _("Digantikan revisi baru"),
        "objection_filed": _("Keberatan diajukan pegawai"),
        "objection_upheld": _("Keberatan diputuskan: penilaian dipertahankan"),
        "objection_correction": _("Keberatan diputuskan: koreksi diminta"),
    }

    def __str__(self) -> str:
        return f"{self.action} @ {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def action_label(self) -> str:
        return str(self.ACTION_LABELS.get(self.action, self.action))


class RosterUpload(models.Model):
    """An uploaded roster file between preview and apply; the token names it, the digest pins its content."""

    token = models.CharField(max_length=64, unique=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    file = models.FileField(upload_to="roster/%Y/%m/")
    original_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    deactivate_missing = models.BooleanField(default=False)
    applied_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("unggahan daftar pegawai")
        verbose_name_plural = _("unggahan daftar pegawai")

    def __str__(self) -> str:
        return self.original_name
