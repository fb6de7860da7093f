from django.core.management.base import BaseCommand, CommandError

from learning.export import FORMATS, write_export
from learning.selectors import export_rows


class Command(BaseCommand):
    help = "Ekspor rekam belajar (kursus selesai) satu tahun WIT ke CSV atau XLSX: NIP, Nama, Unit, Kursus, JP, Tanggal selesai, Nilai."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="Tahun (WIT)")
        parser.add_argument("--format", choices=FORMATS, default="xlsx")
        parser.add_argument("--output", required=True, help="Berkas tujuan")
        parser.add_argument("--unit", default="", help="Kode unit (termasuk sub-unitnya)")

    def handle(self, *args, year, format, output, unit, **options):
        if not 2000 <= year <= 2100:
            raise CommandError("Tahun tidak valid.")
        rows = export_rows(year=year, unit_code=unit)
        count = write_export(rows, format, output)
        self.stdout.write(self.style.SUCCESS(f"{count} baris ditulis ke {output}"))
