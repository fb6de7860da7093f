"""QR codes made here with segno (never fetched from an outside API), as inline SVG for the print page."""

from __future__ import annotations

from django.utils.safestring import mark_safe

import segno


def qr_svg(url: str) -> str:
    """An SVG QR code of the URL, scalable (viewBox, no fixed size), error correction M for a printed poster."""
    code = segno.make(url, error="m", micro=False)
    return mark_safe(code.svg_inline(scale=1, border=4, omitsize=True, svgclass="qr", lineclass="qr-line"))
