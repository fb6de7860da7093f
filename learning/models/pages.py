"""Learning content as Wagtail pages: the catalogue, courses, their modules and final assessments.

Learning records (enrollment, progress, attempts, certificates) live beside these in `records.py`.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import RICH_FEATURES, content_blocks
from home.routing import TypedChildrenRouteMixin

from ..blocks import QuestionBlock
from ..rules import ScorePolicy


class CourseLevel(models.TextChoices):
    DASAR = "dasar", _("Dasar")
    MENENGAH = "menengah", _("Menengah")
    LANJUT = "lanjut", _("Lanjut")


class CompletionRule(models.TextChoices):
    MODULES = "modules", _("Semua modul wajib selesai")
    MODULES_AND_FINAL = "modules_and_final", _("Semua modul wajib selesai dan ujian akhir lulus")


class CourseIndexPage(TypedChildrenRouteMixin, Page):
    """The course catalogue."""

    intro = RichTextField(_("pengantar"), blank=True, features=RICH_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["learning.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("katalog kursus")

    def get_context(self, request, *args, **kwargs):
        from ..selectors.catalogue import catalogue

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue(self, request.GET))
        return context


class CoursePage(TypedChildrenRouteMixin, Page):
    """A course: what it teaches, for which standards, how much it counts, and when it is complete."""

    summary = models.TextField(_("ringkasan"), max_length=600)
    learning_objectives = StreamField(
        [("objective", blocks.CharBlock(label=_("tujuan"), max_length=300))],
        verbose_name=_("tujuan pembelajaran"),
        blank=True,
    )
    target_standards = ParentalManyToManyField(
        "home.StandardPage", verbose_name=_("standar sasaran"), blank=True, related_name="courses"
    )
    jp_credit = models.DecimalField(
        _("JP"),
        max_digits=5,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("Jam pelajaran yang dicatat saat kursus selesai."),
    )
    estimated_minutes = models.PositiveIntegerField(_("perkiraan durasi (menit)"), default=0)
    level = models.CharField(_("tingkat"), max_length=10, choices=CourseLevel.choices, default=CourseLevel.DASAR)
    is_mandatory = models.BooleanField(_("wajib"), default=False)
    is_onboarding = models.BooleanField(
        _("kursus orientasi"),
        default=False,
        help_text=_(
            "Kursus orientasi bagi setiap ASN; statusnya tampil di profil dan ringkasan tim. "
            "Bila lebih dari satu ditandai, yang pertama dalam katalog yang dipakai."
        ),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar sampul"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issues_certificate = models.BooleanField(_("terbitkan sertifikat"), default=True)
    completion_rule = models.CharField(
        _("syarat selesai"), max_length=20, choices=CompletionRule.choices, default=CompletionRule.MODULES
    )
    score_policy = models.CharField(
        _("nilai kuis yang dipakai"), max_length=10, choices=ScorePolicy.choices, default=ScorePolicy.HIGHEST
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("learning_objectives"),
        FieldPanel("target_standards", widget=forms.CheckboxSelectMultiple),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("jp_credit"), FieldPanel("estimated_minutes")]),
                FieldRowPanel([FieldPanel("level"), FieldPanel("is_mandatory"), FieldPanel("is_onboarding")]),
                FieldPanel("issues_certificate"),
                FieldPanel("completion_rule"),
                FieldPanel("score_policy"),
            ],
            heading=_("Bobot dan penyelesaian"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("learning_objectives"),
        index.FilterField("level"),
        index.FilterField("is_mandatory"),
        index.FilterField("is_onboarding"),
    ]
    parent_page_types = ["learning.CourseIndexPage"]
    subpage_types = ["learning.ModulePage", "learning.FinalAssessmentPage"]
    route_select_related = ("cover_image",)

    class Meta:
        verbose_name = _("kursus")
        verbose_name_plural = _("kursus")

    def get_modules(self):
        """The live modules of this course in tree order."""
        return ModulePage.objects.child_of(self).live().order_by("path")

    def get_final_assessment(self):
        """The live final assessment of this course, or None."""
        return FinalAssessmentPage.objects.child_of(self).live().order_by("path").first()

    def get_context(self, request, *args, **kwargs):
        from ..selectors.catalogue import course_outline

        context = super().get_context(request, *args, **kwargs)
        context.update(course_outline(self))
        return context


class QuizMixin(models.Model):
    """The quiz fields shared by a module's knowledge check and a course's final assessment."""

    questions = StreamField(
        [("question", QuestionBlock())],
        verbose_name=_("soal"),
        blank=True,
        help_text=_("Kosongkan bila tidak ada kuis."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("nilai lulus (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(_("batas percobaan"), default=0, help_text=_("0 = tanpa batas."))
    shuffle_questions = models.BooleanField(_("acak urutan soal"), default=False)
    shuffle_choices = models.BooleanField(_("acak urutan pilihan"), default=False)
    draw_count = models.PositiveSmallIntegerField(
        _("jumlah soal yang diambil"),
        default=0,
        help_text=_("0 = semua soal; selain itu sejumlah ini diambil acak dari bank soal."),
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("batas waktu (menit)"), default=0, help_text=_("0 = tanpa batas waktu.")
    )

    quiz_panels = [
        FieldPanel("questions"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("max_attempts")]),
                FieldRowPanel([FieldPanel("draw_count"), FieldPanel("time_limit_minutes")]),
                FieldRowPanel([FieldPanel("shuffle_questions"), FieldPanel("shuffle_choices")]),
            ],
            heading=_("Aturan kuis"),
        ),
    ]

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @classmethod
    def quiz_edit_handler(cls, content_panels):
        return TabbedInterface(
            [
                ObjectList(content_panels, heading=_("Isi")),
                ObjectList(cls.quiz_panels, heading=_("Kuis")),
                ObjectList(Page.promote_panels, heading=_("Promosi")),
                ObjectList(Page.settings_panels, heading=_("Pengaturan")),
            ]
        )

    @property
    def question_count(self) -> int:
        return len(self.questions)

    @property
    def has_quiz(self) -> bool:
        return self.question_count > 0

    @property
    def questions_per_attempt(self) -> int:
        total = self.question_count
        return min(self.draw_count, total) if self.draw_count else total

    def clean(self):
        super().clean()
        errors = self.clean_quiz()
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from ..selectors.catalogue import module_context

        context = super().get_context(request, *args, **kwargs)
        context.update(module_context(self))  # the course and the neighbouring modules
        return context

    def clean_quiz(self) -> dict:
        errors = {}
        if not 1 <= (self.pass_mark or 0) <= 100:
            errors["pass_mark"] = _("Nilai lulus harus antara 1 dan 100 persen.")
        if self.draw_count and self.draw_count > self.question_count:
            errors["draw_count"] = _(
                "Jumlah soal yang diambil (%(draw)s) melebihi jumlah soal yang ada (%(total)s)."
            ) % {"draw": self.draw_count, "total": self.question_count}
        return errors


class ModulePage(QuizMixin, Page):
    """One lesson of a course, read in order; may end with a knowledge check."""

    body = StreamField(content_blocks(), verbose_name=_("isi modul"))
    estimated_minutes = models.PositiveIntegerField(_("perkiraan durasi (menit)"), default=10)
    is_required = models.BooleanField(_("wajib untuk menyelesaikan kursus"), default=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("is_required")]),
        FieldPanel("body"),
    ]
    edit_handler = QuizMixin.quiz_edit_handler(content_panels)
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["learning.CoursePage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("modul")
        verbose_name_plural = _("modul")


class FinalAssessmentPage(QuizMixin, Page):
    """The final assessment of a course (at most one per course)."""

    intro = RichTextField(_("pengantar"), blank=True, features=RICH_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    edit_handler = QuizMixin.quiz_edit_handler(content_panels)
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["learning.CoursePage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("ujian akhir")
        verbose_name_plural = _("ujian akhir")

    @classmethod
    def can_create_at(cls, parent):
        # One final assessment per course.
        return super().can_create_at(parent) and not cls.objects.child_of(parent).exists()
