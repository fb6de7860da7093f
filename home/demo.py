"""The demo site and its home page."""

from django.db import transaction

from wagtail.models import Locale, Page, Site

from .models import HomePage, OrganisationSettings

HOME_INTRO = (
    "<p>Portal ini adalah tempat ASN Distrik Walesi mempelajari standar kinerja yang baru: "
    "<b>Disiplin Kerja</b>, <b>Kualitas Pelayanan Publik</b>, dan <b>Inovasi</b>. "
    "Pelajari materinya, ikuti kursus singkat dari telepon Anda, dan lihat kemajuan Anda sendiri.</p>"
)


@transaction.atomic
def seed(stdout=None) -> HomePage:
    """Ensure one site whose root is the HomePage; idempotent."""
    home = HomePage.objects.first()
    if home is None:
        Locale.get_default() if Locale.objects.exists() else Locale.objects.create(language_code="id")
        root = Page.get_first_root_node()
        if root is None:  # a flushed database (transactional tests) has lost the root made by migrations
            root = Page.add_root(instance=Page(title="Root", slug="root"))
        # Wagtail's initial migration creates a placeholder "Welcome" page at the site root; replace it.
        for child in root.get_children():
            if child.specific_class is Page:
                Site.objects.filter(root_page=child).delete()
                child.delete()
        home = HomePage(title="Portal Pembelajaran dan Kinerja ASN Walesi", slug="beranda", intro=HOME_INTRO)
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Portal ASN Walesi"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    settings_obj = OrganisationSettings.for_site(site)
    if not settings_obj.organisation_name:
        settings_obj.organisation_name = "Pemerintah Distrik Walesi"
    settings_obj.save()
    return home
