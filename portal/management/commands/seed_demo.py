from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand

from portal import demo


class Command(BaseCommand):
    help = "Create or refresh the demo site, content and accounts (idempotent)."

    def handle(self, *args, **options):
        for module_path in settings.PORTAL_DEMO_SEEDERS:
            try:
                module = import_module(module_path)
            except ModuleNotFoundError as exc:
                if exc.name != module_path:
                    raise
                continue  # that app has no demo data (yet)
            self.stdout.write(f"Seeding {module_path} ...")
            module.seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data ready at http://127.0.0.1:8000/"))
        self.stdout.write(demo.describe())
