import logging
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand

from portal import demo
from portal.devdata.loading import setting_callable, setting_module

# Wagtail logs a line per page created, edited and published, Celery one per eager task: hundreds of lines that
# hide the accounts. The seeders report counts instead.
QUIET_LOGGERS = ("wagtail", "celery", "django.request")


@contextmanager
def _quiet(names=QUIET_LOGGERS):
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = "Create or refresh the demo site, content and accounts (idempotent)."

    def handle(self, *args, **options):
        # Every seeder is imported first: a misspelt entry fails before anything is written.
        modules = [setting_module(path, setting="PORTAL_DEMO_SEEDERS") for path in settings.PORTAL_DEMO_SEEDERS]
        for path in settings.PORTAL_DEMO_SEEDERS:
            setting_callable(f"{path}.seed", setting="PORTAL_DEMO_SEEDERS")
        totals: dict[str, int] = {}
        with _quiet():
            for module in modules:
                counter = getattr(module, "counts", None)
                # A seeder that reports counts() writes nothing; one that does not yet may write its own line.
                module.seed(stdout=None if counter else self.stdout)
            # counted once everything is written: a later seeder adds to an earlier one's tables (enrolments)
            for module in modules:
                counter = getattr(module, "counts", None)
                for label, number in (counter() if counter else {}).items():
                    totals[label] = totals.get(label, 0) + number
        summary = ", ".join(f"{number} {label}" for label, number in totals.items())
        self.stdout.write(self.style.SUCCESS(f"Demo data ready at http://127.0.0.1:8000/ ({summary})."))
        self.stdout.write(demo.describe())
