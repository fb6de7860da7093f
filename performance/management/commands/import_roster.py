"""python manage.py import_roster PATH [--dry-run] [--deactivate-missing]"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

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
            raise CommandError(_("Berkas tidak ditemukan: %(path)s") % {"path": path})
        started = time.perf_counter()
        result = roster_import(
            data=file.read_bytes(), filename=file.name, dry_run=dry_run, deactivate_missing=deactivate_missing
        )
        counts = result.preview.counts
        self.stdout.write(
            _(
                "Baru: %(create)s, diperbarui: %(update)s, tidak berubah: %(unchanged)s, "
                "dinonaktifkan: %(deactivate)s, masalah: %(problems)s"
            )
            % counts
        )
        if result.preview.problems:
            for p in result.preview.problems:
                self.stderr.write(
                    _("Baris %(row)s, kolom %(column)s: %(message)s")
                    % {"row": p.row, "column": p.column or "-", "message": p.message}
                )
            raise CommandError(_("%(n)s masalah; tidak ada yang diubah.") % {"n": counts["problems"]})
        elapsed = time.perf_counter() - started
        if dry_run:
            self.stdout.write(_("Uji coba (--dry-run): tidak ada yang ditulis. (%(s).1f s)") % {"s": elapsed})
        else:
            self.stdout.write(self.style.SUCCESS(_("Selesai dalam %(s).1f s.") % {"s": elapsed}))
