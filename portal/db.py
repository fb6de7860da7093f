"""Database helpers shared by the apps."""

from __future__ import annotations

import logging

from django.db import connection

logger = logging.getLogger(__name__)


def analyze_tables(*models) -> None:
    """Refresh the planner's statistics after a bulk load (ANALYZE), so the next queries are planned for the
    data as it now is: right after a million-row load PostgreSQL otherwise plans for empty tables until autovacuum
    gets round to it. With no models, the whole database. Runs outside any transaction block on SQLite too."""
    tables = [model._meta.db_table for model in models]
    quoted = ", ".join(connection.ops.quote_name(t) for t in tables)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {quoted}" if tables else "ANALYZE")
        elif connection.vendor == "sqlite":
            for table in tables or [""]:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}" if table else "ANALYZE")
    logger.info("ANALYZE %s", ", ".join(tables) or "(all tables)")
