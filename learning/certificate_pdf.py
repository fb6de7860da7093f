"""Renders a certificate as a one-page A4 landscape PDF (fpdf2) with a QR code (segno) to its public check.

fpdf2's core fonts cover latin-1 only; text is folded to latin-1 (accents kept where latin-1 has them, other
marks dropped) so a name like "Ŋgwe" never breaks the rendering.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

import segno
from fpdf import FPDF

from portal.dates import format_date_id


@dataclass(frozen=True)
class CertificateData:
    name: str
    nip: str
    course_title: str
    jp: Decimal
    completed_on: dt.date
    code: str
    verify_url: str
    organisation: str = "Distrik Walesi"


def latin1(text: str) -> str:
    """Text the core PDF fonts can draw: latin-1 as is, everything else decomposed or replaced by '?'."""
    out = []
    for ch in text or "":
        try:
            ch.encode("latin-1")
            out.append(ch)
            continue
        except UnicodeEncodeError:
            pass
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        try:
            base.encode("latin-1")
            out.append(base)
        except UnicodeEncodeError:
            out.append(
                {"\u2013": "-", "\u2014": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}.get(ch, "?")
            )
    return "".join(out)


def _jp_text(jp: Decimal) -> str:
    value = Decimal(jp).normalize()
    text = format(value, "f")
    return text.replace(".", ",")  # Indonesian decimal comma


def render_certificate_pdf(data: CertificateData) -> bytes:
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_title(latin1(f"Sertifikat {data.course_title}"))
    pdf.set_author(latin1(data.organisation))
    pdf.set_creator("Portal ASN Walesi")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    width = pdf.w

    # Border
    pdf.set_draw_color(11, 93, 59)
    pdf.set_line_width(1.5)
    pdf.rect(10, 10, width - 20, pdf.h - 20)
    pdf.set_line_width(0.4)
    pdf.rect(14, 14, width - 28, pdf.h - 28)

    pdf.set_text_color(11, 93, 59)
    pdf.set_font("Helvetica", "B", 30)
    pdf.set_xy(20, 28)
    pdf.cell(width - 40, 14, "SERTIFIKAT", align="C")
    pdf.set_font("Helvetica", "", 13)
    pdf.set_text_color(60, 60, 60)
    pdf.set_xy(20, 44)
    pdf.cell(width - 40, 8, latin1(f"Pengembangan Kompetensi ASN - {data.organisation}"), align="C")

    pdf.set_xy(20, 62)
    pdf.cell(width - 40, 8, "Diberikan kepada", align="C")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("Helvetica", "B", 24)
    pdf.set_xy(20, 72)
    pdf.cell(width - 40, 12, latin1(data.name), align="C")
    pdf.set_font("Helvetica", "", 13)
    pdf.set_xy(20, 85)
    pdf.cell(width - 40, 8, latin1(f"NIP {data.nip}" if data.nip else "NIP -"), align="C")

    pdf.set_text_color(60, 60, 60)
    pdf.set_xy(20, 100)
    pdf.cell(width - 40, 8, "telah menyelesaikan kursus", align="C")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("Helvetica", "B", 18)
    pdf.set_xy(40, 110)
    pdf.multi_cell(width - 80, 9, latin1(data.course_title), align="C")
    pdf.set_font("Helvetica", "", 13)
    pdf.set_xy(20, pdf.get_y() + 3)
    pdf.cell(
        width - 40,
        8,
        latin1(f"{_jp_text(data.jp)} JP  -  selesai pada {format_date_id(data.completed_on)}"),
        align="C",
    )

    # QR code and verification code, bottom right / left
    qr = segno.make(data.verify_url, error="m")
    buf = io.BytesIO()
    qr.save(buf, kind="png", scale=6, border=2)
    buf.seek(0)
    pdf.image(buf, x=width - 62, y=pdf.h - 66, w=40, h=40)
    pdf.set_font("Helvetica", "", 10)
    pdf.set_text_color(60, 60, 60)
    pdf.set_xy(24, pdf.h - 44)
    pdf.cell(150, 6, latin1(f"Kode verifikasi: {data.code}"))
    pdf.set_xy(24, pdf.h - 38)
    pdf.cell(150, 6, latin1(f"Periksa keaslian: {data.verify_url}"), link=data.verify_url)
    return bytes(pdf.output())
