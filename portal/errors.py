"""The portal's error pages: Indonesian first, in the portal's layout, saying what happened in words."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _


def _back_url(request) -> str:
    referer = request.META.get("HTTP_REFERER", "")
    try:
        host = request.get_host()
    except Exception:  # DisallowedHost: the 400 page must still render
        return ""
    if referer and url_has_allowed_host_and_scheme(referer, allowed_hosts={host}):
        return referer
    return ""


def render_error(request, *, code: int, title: str, paragraphs: list[str], template: str | None = None):
    context = {"error_code": code, "error_title": title, "error_paragraphs": paragraphs, "back_url": _back_url(request)}
    return render(request, template or f"{code}.html", context, status=code)


def _megabytes(size: int | None) -> str:
    return f"{(size or 0) / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def bad_request(request, exception=None):
    if isinstance(exception, RequestDataTooBig):
        return render_error(
            request,
            code=400,
            title=_("Formulir terlalu besar"),
            paragraphs=[
                _(
                    "Data yang Anda kirim melebihi batas %(limit)s MB, sehingga tidak dapat diterima. "
                    "Kurangi isinya atau kirim berkas yang lebih kecil, lalu coba lagi."
                )
                % {"limit": _megabytes(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)}
            ],
        )
    if isinstance(exception, TooManyFieldsSent | TooManyFilesSent):
        return render_error(
            request,
            code=400,
            title=_("Formulir terlalu besar"),
            paragraphs=[
                _("Formulir ini berisi terlalu banyak isian atau berkas untuk diterima sekaligus. Kirim sebagian saja.")
            ],
        )
    return render_error(
        request,
        code=400,
        title=_("Permintaan tidak dapat diproses"),
        paragraphs=[
            _("Permintaan dari peramban Anda tidak lengkap atau tidak sah. Muat ulang halaman, lalu coba lagi.")
        ],
    )


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    return render_error(
        request,
        code=403,
        template="403_csrf.html",
        title=_("Formulir sudah kedaluwarsa"),
        paragraphs=[
            _(
                "Demi keamanan, formulir ini tidak dapat dikirim: halamannya terlalu lama terbuka, Anda sudah keluar "
                "dan masuk lagi, atau cookie peramban dimatikan."
            ),
            _(
                "Kembali ke halaman sebelumnya, muat ulang, lalu kirim lagi. Isian yang belum tersimpan perlu diisi ulang."
            ),
        ],
    )


def too_many_requests(request, exception=None):
    return render_error(
        request,
        code=429,
        title=_("Terlalu banyak percobaan"),
        paragraphs=[
            _("Anda mengirim terlalu banyak permintaan dalam waktu singkat. Tunggu beberapa menit, lalu coba lagi.")
        ],
    )


def method_not_allowed(request):
    return render_error(
        request,
        code=405,
        title=_("Cara membuka halaman ini tidak didukung"),
        paragraphs=[
            _(
                "Alamat ini hanya dipakai oleh formulir di portal. Buka halamannya dari menu, lalu kirim formulirnya dari sana."
            )
        ],
    )


def server_error(request):
    # No context processors: the database may be the thing that failed.
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render())


class FriendlyErrorPagesMiddleware:
    """Django answers a wrong method with an empty 405; the user gets a page in words instead (Allow is kept)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content and not response.streaming:
            friendly = method_not_allowed(request)
            if response.has_header("Allow"):
                friendly["Allow"] = response["Allow"]
            return friendly
        return response
