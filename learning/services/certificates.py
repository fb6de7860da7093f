"""Certificates: the public verification link and the PDF, rendered once after the completion commits."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from portal.dates import wit_date
from portal.identity import identity_for
from portal.links import absolute_reverse

from ..certificate_pdf import CertificateData, render_certificate_pdf
from ..models import Certificate


def certificate_verify_url(code: str) -> str:
    """The absolute address of a certificate's public check (printed and in the QR code)."""
    return absolute_reverse("learning:certificate_verify", code)


@transaction.atomic
def certificate_render_pdf(*, certificate_id: int) -> bool:
    """Render and store a certificate's PDF once; False when it already has one (or no longer exists)."""
    certificate = (
        Certificate.objects.select_for_update(of=("self",))
        .select_related("completion__user")
        .filter(pk=certificate_id)
        .first()
    )
    if certificate is None or certificate.pdf:
        return False
    completion = certificate.completion
    who = identity_for(completion.user)
    data = CertificateData(
        name=who.name or completion.user.display_name,
        nip=who.nip,
        course_title=completion.course_title,
        jp=completion.jp,
        completed_on=wit_date(completion.completed_at),
        code=certificate.code,
        verify_url=certificate_verify_url(certificate.code),
        organisation=_organisation_name(),
    )
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(render_certificate_pdf(data)), save=False)
    certificate.pdf_generated_at = timezone.now()
    certificate.save(update_fields=["pdf", "pdf_generated_at"])
    return True


def _organisation_name() -> str:
    from home.context_processors import organisation_settings

    return organisation_settings()["organisation_name"]
