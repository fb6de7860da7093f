import datetime as dt
import io
import zlib
from decimal import Decimal

from learning.certificate_pdf import CertificateData, latin1, render_certificate_pdf


def _text_of(pdf: bytes) -> str:
    """The drawn text of an fpdf2 PDF: inflate its content streams."""
    chunks = []
    start = 0
    while (i := pdf.find(b"stream\n", start)) != -1:
        end = pdf.find(b"endstream", i)
        raw = pdf[i + 7 : end].rstrip(b"\r\n")
        try:
            chunks.append(zlib.decompress(raw).decode("latin-1"))
        except zlib.error:
            pass
        start = end + 9
    return "\n".join(chunks)


def test_certificate_pdf_has_everything():
    data = CertificateData(
        name="Yosina Wenda",
        nip="198503122010012001",
        course_title="Standar Kinerja ASN Walesi",
        jp=Decimal("4.50"),
        completed_on=dt.date(2026, 11, 28),
        code="AbC123xyz",
        verify_url="https://portal.example/sertifikat/AbC123xyz/",
    )
    pdf = render_certificate_pdf(data)
    assert pdf.startswith(b"%PDF-")
    text = _text_of(pdf)
    for expected in (
        "Yosina Wenda",
        "198503122010012001",
        "Standar Kinerja ASN Walesi",
        "4,5 JP",
        "28 November 2026",
        "AbC123xyz",
        "/sertifikat/AbC123xyz/",
    ):
        assert expected in text, expected
    assert b"/Subtype /Image" in pdf  # the QR code


def test_qr_code_encodes_verification_url():
    import segno

    url = "https://portal.example/sertifikat/AbC/"
    buf = io.StringIO()
    segno.make(url, error="m").save(buf, kind="txt")
    assert buf.getvalue().strip()  # segno builds it; the PDF embeds the same symbol as PNG


def test_latin1_folding_never_breaks():
    assert latin1("José Ŋgwe – “Inovasi”") == 'José ?gwe - "Inovasi"'
    assert latin1("Ŝalomé") == "Salomé"
    pdf = render_certificate_pdf(
        CertificateData("Ŧest ŋame 漢字", "", "Kursus – satu", Decimal("1"), dt.date(2026, 1, 1), "x", "http://t/")
    )
    assert pdf.startswith(b"%PDF-")
