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


def insert_rows(model, columns: list[str], rows: list[tuple], *, json_columns: tuple[str, ...] = ()) -> int:
    """Bulk-insert plain tuples (values in the order of `columns`, attribute names such as `user_id`): PostgreSQL's
    COPY, several times faster than INSERT for the millions of rows of scale data, and no model instance per row;
    other databases get `bulk_create`. Values must be complete: database defaults are not Django's defaults.
    `json_columns` hold Python objects, serialised once per distinct object (scale rows share their snapshots)."""
    if not rows:
        return 0
    if connection.vendor != "postgresql":
        model.objects.bulk_create([model(**dict(zip(columns, row, strict=True))) for row in rows], batch_size=2000)
        return len(rows)
    import json

    opts, qn = model._meta, connection.ops.quote_name
    names = ", ".join(qn(opts.get_field(c).column) for c in columns)
    positions = [columns.index(c) for c in json_columns]
    dumped: dict[int, str] = {}
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {qn(opts.db_table)} ({names}) FROM STDIN") as copy:
        for row in rows:
            if positions:
                row = list(row)
                for i in positions:
                    key = id(row[i])
                    if key not in dumped:
                        dumped[key] = json.dumps(row[i])
                    row[i] = dumped[key]
            copy.write_row(row)
    return len(rows)
