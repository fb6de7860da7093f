from django.core.management.base import BaseCommand, CommandError

from learning.devdata.scale import generate


class Command(BaseCommand):
    help = (
        "Bangun data skala: 30 kursus x 8 modul (halaman Wagtail), N peserta dengan ~200 kemajuan modul dan "
        "~40 percobaan kuis masing-masing (bulk insert). Menambah peserta yang belum ada saja."
    )

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=5000)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, learners, seed, **options):
        if learners < 1:
            raise CommandError("--learners harus paling sedikit 1.")
        counts = generate(learners, seed=seed, out=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Selesai: {counts}"))
