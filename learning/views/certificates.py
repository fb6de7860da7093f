"""Certificates: the learner's download and the public check."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from portal.dates import format_date
from portal.identity import identity_for

from .. import services
from ..models import Certificate


@login_required
@require_GET
def certificate_download(request, code: str):
    certificate = (
        Certificate.objects.filter(code=code, completion__user=request.user).select_related("completion").first()
    )
    if certificate is None:
        raise Http404
    if not certificate.pdf:
        # The task has not run yet (or the broker is down): render it now; the service is idempotent.
        services.certificate_render_pdf(certificate_id=certificate.pk)
        certificate.refresh_from_db()
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"sertifikat-{certificate.code}.pdf",
        content_type="application/pdf",
    )


@require_GET
def certificate_verify(request, code: str):
    """Public check of a certificate: name, course and date only."""
    certificate = Certificate.objects.filter(code=code).select_related("completion__user").first()
    if certificate is None:
        return render(request, "learning/records/certificate_unknown.html", {"code": code}, status=404)
    completion = certificate.completion
    context = {
        "name": identity_for(completion.user).name or completion.user.display_name,
        "course_title": completion.course_title,
        "date_text": format_date(completion.completed_at, get_language()),
        "code": certificate.code,
    }
    return render(request, "learning/records/certificate_verify.html", context)
