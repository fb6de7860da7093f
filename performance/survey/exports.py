"""The SKM report as a spreadsheet, through the shared formula-safe writer."""

from __future__ import annotations

from portal.exports import write_table

COLUMNS = ["bagian", "unsur", "nama", "jumlah_nilai", "nrr", "nrr_tertimbang", "keterangan"]


def report_rows(report) -> list[dict]:
    f = report.figures
    rows = [
        {
            "bagian": "unsur",
            "unsur": f"U{e.number}",
            "nama": str(e.name),
            "jumlah_nilai": e.total,
            "nrr": float(e.nrr_display) if e.nrr is not None else None,
            "nrr_tertimbang": float(e.weighted_display) if e.nrr is not None else None,
            "keterangan": "",
        }
        for e in f.elements
    ]
    band = f.band
    adequacy = f.adequacy

    def line(name, value, note=""):
        rows.append({"bagian": "ringkasan", "nama": name, "nrr": value, "keterangan": note})

    line("IKM (jumlah NRR tertimbang)", float(f.ikm_raw_display) if f.ikm is not None else None)
    line("IKM konversi", float(f.ikm_display) if f.ikm is not None else None)
    line("Mutu", None, f"{band.letter} {band.label}" if band else "")
    line("Jumlah responden", f.responses)
    if adequacy:
        line("Populasi penerima layanan", f.population)
        line(
            "Sampel minimal (Krejcie-Morgan)",
            adequacy.required,
            "cukup" if adequacy.enough else f"belum cukup: perlu {adequacy.missing} lagi",
        )
    line("Pengaduan", report.complaints, f"{report.complaints_followed_up} ditindaklanjuti")
    for name, items in report.profile.items():
        for label, count in items:
            rows.append({"bagian": f"profil:{name}", "nama": label, "jumlah_nilai": count})
    for kind, count in report.service_kinds:
        rows.append({"bagian": "jenis_layanan", "nama": kind, "jumlah_nilai": count})
    return rows


def write_report(report, target) -> int:
    return write_table(
        report_rows(report),
        COLUMNS,
        "xlsx",
        target,
        sheet_name=f"SKM {report.period.name}"[:31],
        text_columns=["bagian", "unsur", "nama", "keterangan"],
        widths=[14, 8, 40, 14, 10, 14, 30],
    )
