"""python manage.py import_roster PATH [--dry-run] [--deactivate-missing]"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from performance.services import roster_import


class Command(BaseCommand):
    help = "Impor daftar pegawai dari berkas CSV atau XLSX (semua atau tidak sama sekali)."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true", help="Hanya periksa; tidak ada yang ditulis.")
        parser.add_argument(
            "--deactivate-missing", action="store_true", help="Nonaktifkan pegawai yang tidak ada dalam berkas."
        )

    def handle(self, *args, path, dry_run, deactivate_missing, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"Berkas tidak ditemukan: {path}")
        started = time.perf_counter()
        result = roster_import(
            data=file.read_bytes(), filename=file.name, dry_run=dry_run, deactivate_missing=deactivate_missing
        )
        counts = result.preview.counts
        self.stdout.write(
            f"Baru: {counts['create']}, diperbarui: {counts['update']}, tidak berubah: {counts['unchanged']}, "
            f"dinonaktifkan: {counts['deactivate']}, masalah: {counts['problems']}"
        )
        if result.preview.problems:
            for p in result.preview.problems:
                self.stderr.write(f"Baris {p.row}, kolom {p.column or '-'}: {p.message}")
            raise CommandError(f"{counts['problems']} masalah; tidak ada yang diubah.")
        elapsed = time.perf_counter() - started
        if dry_run:
            self.stdout.write(f"Uji coba (--dry-run): tidak ada yang ditulis. ({elapsed:.1f} s)")
        else:
            self.stdout.write(self.style.SUCCESS(f"Selesai dalam {elapsed:.1f} s."))
