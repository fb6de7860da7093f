from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import RICH_FEATURES, ExampleBlock, article_blocks
from .routing import TypedChildrenRouteMixin


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """Who runs the portal: shown in the header, footer, mails and certificates."""

    organisation_name = models.CharField(_("nama organisasi"), max_length=150, default="Pemerintah Distrik Walesi")
    region = models.CharField(
        _("wilayah"),
        max_length=200,
        blank=True,
        default="Distrik Welesi (95.01.35), Kabupaten Jayawijaya, Provinsi Papua Pegunungan",
    )
    contact_email = models.EmailField(_("email kontak"), blank=True)
    contact_phone = models.CharField(_("telepon kontak"), max_length=40, blank=True)

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("region"),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
    ]

    class Meta:
        verbose_name = _("pengaturan organisasi")


class HomePage(Page):
    """The site root: a welcome, then what is new."""

    intro = RichTextField(_("pengantar"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("beranda")

    def get_context(self, request, *args, **kwargs):
        from .selectors import current_announcement, latest_articles

        context = super().get_context(request, *args, **kwargs)
        context["announcement"] = current_announcement()
        context["latest_articles"] = latest_articles(limit=3)
        return context


# --- BerAKHLAK core values and announcements (snippets) ----------------------------------------------------


class CoreValue(index.Indexed, models.Model):
    """One of the seven BerAKHLAK core values of the ASN (SE MenPANRB 20/2021) with its three behaviour guides."""

    name = models.CharField(_("nama nilai"), max_length=60, unique=True)
    slug = models.SlugField(_("kode"), max_length=60, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    behaviour_1 = models.CharField(_("panduan perilaku 1"), max_length=300)
    behaviour_2 = models.CharField(_("panduan perilaku 2"), max_length=300)
    behaviour_3 = models.CharField(_("panduan perilaku 3"), max_length=300)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
        MultiFieldPanel(
            [FieldPanel("behaviour_1"), FieldPanel("behaviour_2"), FieldPanel("behaviour_3")],
            heading=_("Panduan perilaku"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("nilai dasar BerAKHLAK")
        verbose_name_plural = _("nilai dasar BerAKHLAK")

    def __str__(self):
        return self.name

    @property
    def behaviours(self) -> list[str]:
        return [b for b in (self.behaviour_1, self.behaviour_2, self.behaviour_3) if b]


class Announcement(models.Model):
    """A message leadership runs for a while, shown on the home page during its dates (WIT).

    Not a campaign that assigns courses: those belong to the development plans (`Enrollment.Source.CAMPAIGN`).
    """

    title = models.CharField(_("judul"), max_length=150)
    message = models.TextField(_("pesan"), max_length=600)
    start_date = models.DateField(_("mulai"))
    end_date = models.DateField(_("selesai"))
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("halaman tautan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link_label = models.CharField(_("teks tautan"), max_length=60, blank=True, default=_("Selengkapnya"))

    panels = [
        FieldPanel("title"),
        FieldPanel("message"),
        FieldPanel("start_date"),
        FieldPanel("end_date"),
        FieldPanel("link_page"),
        FieldPanel("link_label"),
    ]

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("pengumuman")
        verbose_name_plural = _("pengumuman")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="announcement_end_after_start"
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Tanggal selesai tidak boleh sebelum tanggal mulai.")})

    def is_current(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.start_date <= today <= self.end_date


# --- Standards ---------------------------------------------------------------------------------------


class StandardIndexPage(TypedChildrenRouteMixin, Page):
    """The list of the published performance standards."""

    intro = RichTextField(_("pengantar"), blank=True, features=RICH_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("daftar standar kinerja")

    def get_context(self, request, *args, **kwargs):
        from .selectors import standards_for_index

        context = super().get_context(request, *args, **kwargs)
        context["standards"] = standards_for_index(self)
        return context


class StandardPage(Page):
    """One performance standard of the ASN in Walesi: what it asks, why, how it shows, real examples."""

    code = models.CharField(
        _("kode"), max_length=20, help_text=_("Kode singkat yang unik, mis. DK untuk Disiplin Kerja.")
    )
    summary = models.TextField(_("ringkasan"), max_length=500)
    why_it_matters = RichTextField(_("mengapa penting"), features=RICH_FEATURES)
    indicators = StreamField(
        [("indicator", blocks.CharBlock(label=_("indikator"), max_length=300))],
        verbose_name=_("indikator yang dapat diamati"),
        help_text=_("Perilaku atau hasil yang dapat dilihat, berurutan."),
    )
    examples = StreamField([("example", ExampleBlock())], verbose_name=_("contoh nyata"), blank=True)
    core_values = ParentalManyToManyField(
        CoreValue, verbose_name=_("nilai BerAKHLAK terkait"), blank=True, related_name="standards"
    )

    content_panels = Page.content_panels + [
        FieldPanel("code"),
        FieldPanel("summary"),
        FieldPanel("why_it_matters"),
        FieldPanel("indicators"),
        FieldPanel("examples"),
        FieldPanel("core_values", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("code"),
        index.SearchField("summary"),
        index.SearchField("why_it_matters"),
        index.SearchField("indicators"),
        index.SearchField("examples"),
        index.AutocompleteField("code"),
    ]
    parent_page_types = ["home.StandardIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("standar kinerja")
        verbose_name_plural = _("standar kinerja")

    @property
    def name(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        self.code = (self.code or "").strip().upper()
        clash = StandardPage.objects.filter(code=self.code)
        if self.pk:
            clash = clash.exclude(pk=self.pk)
        if clash.exists():
            raise ValidationError({"code": _("Kode ini sudah dipakai standar lain.")})

    def get_context(self, request, *args, **kwargs):
        from .selectors import standard_related

        context = super().get_context(request, *args, **kwargs)
        context.update(standard_related(self))
        return context


# --- Socialization articles --------------------------------------------------------------------------


class ArticleKind(models.TextChoices):
    BERITA = "berita", _("Berita")
    PANDUAN = "panduan", _("Panduan")
    TANYA_JAWAB = "tanya-jawab", _("Tanya-jawab")


class ArticleIndexPage(TypedChildrenRouteMixin, Page):
    """Socialization material: news, guides and questions and answers, newest first."""

    intro = RichTextField(_("pengantar"), blank=True, features=RICH_FEATURES)
    per_page = models.PositiveSmallIntegerField(_("artikel per halaman"), default=10, validators=[MinValueValidator(1)])

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("per_page")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = _("daftar materi sosialisasi")

    def get_context(self, request, *args, **kwargs):
        from .selectors import article_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(article_listing(self, request.GET))
        return context


class ArticlePage(Page):
    """One piece of socialization material."""

    kind = models.CharField(_("jenis"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.BERITA)
    publish_date = models.DateField(_("tanggal terbit"), default=timezone.localdate)
    summary = models.TextField(_("ringkasan"), max_length=400)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar sampul"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(article_blocks(), verbose_name=_("isi"))
    related_standards = ParentalManyToManyField(
        StandardPage, verbose_name=_("standar terkait"), blank=True, related_name="articles"
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("publish_date"),
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        FieldPanel("related_standards", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("publish_date"),
    ]
    parent_page_types = ["home.ArticleIndexPage"]
    subpage_types: list = []
    route_select_related = ("cover_image",)

    class Meta:
        verbose_name = _("materi sosialisasi")
        verbose_name_plural = _("materi sosialisasi")
        indexes = [models.Index(fields=["-publish_date"], name="home_article_publish_idx")]
