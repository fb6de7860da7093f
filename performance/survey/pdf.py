"""The printable SKM report in the layout agencies publish: per element the total score, NRR and weighted NRR;
the IKM (raw and converted), the mutu, the respondent profile, the sample adequacy and the trend."""

from __future__ import annotations

from fpdf import FPDF

from portal import dates

_REPLACE = {"–": "-", "—": "-", "≥": ">=", "≤": "<=", "·": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "..."}


def _t(value) -> str:
    """Text for the core PDF fonts (Latin-1)."""
    text = str(value)
    for a, b in _REPLACE.items():
        text = text.replace(a, b)
    return text.encode("latin-1", "replace").decode("latin-1")


def _num(value, places: int = 2) -> str:
    return "-" if value is None else f"{value:.{places}f}".replace(".", ",")


def report_pdf(report, trend) -> bytes:
    figures = report.figures
    unit, period = report.service_unit, report.period
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.set_title(_t(f"Laporan SKM {unit.name} {period.name}"))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 7, _t("LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT (SKM)"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, _t(f"{unit.name} - {unit.unit.name}"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(
        0,
        6,
        _t(
            f"Periode {period.name} ({dates.format_date_id(period.start_date)} s.d. {dates.format_date_id(period.end_date)})"
        ),
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("Helvetica", "", 9)
    pdf.multi_cell(
        0, 5, _t("Berdasarkan Peraturan Menteri PANRB Nomor 14 Tahun 2017"), align="C", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(4)

    pdf.set_font("Helvetica", "B", 9)
    widths = (12, 80, 28, 28, 32)
    heads = ("No", "Unsur pelayanan", "Jumlah nilai", "NRR", "NRR tertimbang")
    for w, h in zip(widths, heads, strict=True):
        pdf.cell(w, 7, _t(h), border=1, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln()
    pdf.set_font("Helvetica", "", 9)
    for e in figures.elements:
        cells = (f"U{e.number}", e.name, str(e.total), _num(e.nrr_display), _num(e.weighted_display, 3))
        for i, (w, c) in enumerate(zip(widths, cells, strict=True)):
            pdf.cell(w, 6, _t(c), border=1, align="L" if i == 1 else "C")
        pdf.ln()
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(sum(widths[:4]), 6, _t("IKM (jumlah NRR tertimbang)"), border=1)
    pdf.cell(widths[4], 6, _num(figures.ikm_raw_display, 3), border=1, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln()
    pdf.cell(sum(widths[:4]), 6, _t("IKM konversi (x 25)"), border=1)
    pdf.cell(widths[4], 6, _num(figures.ikm_display), border=1, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln()
    band = figures.band
    pdf.cell(sum(widths[:4]), 6, _t("Mutu pelayanan / kinerja unit pelayanan"), border=1)
    pdf.cell(
        widths[4],
        6,
        _t(f"{band.letter} ({band.label})" if band else "-"),
        border=1,
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(9)

    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, _t("Responden dan kecukupan sampel"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    adequacy = figures.adequacy
    lines = [f"Jumlah responden: {figures.responses}"]
    if adequacy:
        lines.append(f"Jumlah penerima layanan (populasi): {figures.population}")
        lines.append(f"Sampel minimal (Krejcie dan Morgan): {adequacy.required}")
        lines.append(
            "Kecukupan sampel: cukup"
            if adequacy.enough
            else f"Kecukupan sampel: belum cukup, perlu {adequacy.missing} lagi"
        )
    else:
        lines.append("Jumlah penerima layanan belum dicatat: kecukupan sampel tidak dapat dinilai.")
    lines.append(
        f"Saran/pengaduan: {report.comments} komentar, {report.complaints} pengaduan, "
        f"{report.complaints_followed_up} sudah ditindaklanjuti"
    )
    if figures.responses:
        weak = ", ".join(f"U{e.number} {e.name} ({_num(e.nrr_display)})" for e in figures.weakest)
        lines.append(f"Unsur terendah: {weak}")
    for line in lines:
        pdf.multi_cell(0, 5, _t(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, _t("Profil responden"), new_x="LMARGIN", new_y="NEXT")
    from .selectors import PROFILE_LABELS

    for name, items in report.profile.items():
        pdf.set_font("Helvetica", "B", 9)
        pdf.cell(0, 5, _t(str(PROFILE_LABELS[name]).capitalize()), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 9)
        text = "; ".join(f"{label}: {count}" for label, count in items if count)
        pdf.multi_cell(0, 5, _t(text or "-"), new_x="LMARGIN", new_y="NEXT")
    if report.service_kinds:
        pdf.set_font("Helvetica", "B", 9)
        pdf.cell(0, 5, _t("Jenis layanan"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 9)
        pdf.multi_cell(0, 5, _t("; ".join(f"{k}: {n}" for k, n in report.service_kinds)), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, _t("Perkembangan IKM"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    for p, f in trend:
        if not f.responses:
            continue
        b = f.band
        pdf.cell(
            0,
            5,
            _t(f"{p.name}: IKM {_num(f.ikm_display)} ({b.letter}), {f.responses} responden"),
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 8)
    pdf.multi_cell(
        0,
        4,
        _t(
            "NRR = jumlah nilai / jumlah responden; NRR tertimbang = NRR x 1/9; IKM konversi = jumlah NRR tertimbang x 25. "
            "Mutu: A >= 88,31; B >= 76,61; C >= 65,00; D < 65,00. "
            f"Dicetak {dates.format_date_id(dates.today())}."
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    return bytes(pdf.output())
