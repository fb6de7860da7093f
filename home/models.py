from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """Who runs the portal: shown in the header, footer, mails and certificates."""

    organisation_name = models.CharField(
        _("nama organisasi"), max_length=150, default="Pemerintah Distrik Walesi"
    )
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
