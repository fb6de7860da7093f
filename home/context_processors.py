"""The organisation's name and region on every page, from the cache instead of two queries per request."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Site

from .models import OrganisationSettings

CACHE_KEY = "home:organisation-settings"
CACHE_SECONDS = 60 * 60


def organisation_settings() -> dict:
    """Name, region and contacts of the default site's organisation (cached; cleared when edited)."""
    data = cache.get(CACHE_KEY)
    if data is None:
        site = Site.objects.filter(is_default_site=True).only("id").first()
        obj = OrganisationSettings.objects.filter(site=site).first() if site else None
        obj = obj or OrganisationSettings()  # model defaults until HR saves the settings
        data = {
            "organisation_name": obj.organisation_name,
            "region": obj.region,
            "contact_email": obj.contact_email,
            "contact_phone": obj.contact_phone,
        }
        cache.set(CACHE_KEY, data, CACHE_SECONDS)
    return data


def organisation(request):
    return {"organisation": organisation_settings()}


@receiver([post_save, post_delete], sender=OrganisationSettings)
@receiver([post_save, post_delete], sender=Site)
def _forget(sender, **kwargs):
    cache.delete(CACHE_KEY)
