"""Database helpers shared by the apps."""

from __future__ import annotations

import logging

from django.db import connection

logger = logging.getLogger(__name__)


def analyze_tables(*models, vacuum: bool = False) -> None:
    """Refresh the planner's statistics after a bulk load (ANALYZE), so the next queries are planned for the
    data as it now is: right after a million-row load PostgreSQL otherwise plans for empty tables until autovacuum
    gets round to it. With no models, the whole database. Runs outside any transaction block on SQLite too.
    `vacuum` (PostgreSQL, outside a transaction): VACUUM too, which sets the visibility map, so covering indexes
    serve index-only scans at once, as they do in production once autovacuum has visited the loaded tables."""
    tables = [model._meta.db_table for model in models]
    quoted = ", ".join(connection.ops.quote_name(t) for t in tables)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            verb = "VACUUM (ANALYZE)" if vacuum and not connection.in_atomic_block else "ANALYZE"
            cursor.execute(f"{verb} {quoted}" if tables else verb)
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


def insert_objects(model, objs: list) -> int:
    """Bulk-insert unsaved model instances (no primary key back, no signals): COPY on PostgreSQL through
    `insert_rows`, `bulk_create` elsewhere. For scale data of millions of rows, where INSERT's SQL building is
    the bottleneck; callers that need the ids query them afterwards."""
    if not objs:
        return 0
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objs, batch_size=2000)
        return len(objs)
    from django.db import models

    fields = [f for f in model._meta.concrete_fields if not isinstance(f, models.AutoField)]
    json_columns = tuple(f.attname for f in fields if isinstance(f, models.JSONField))
    files = {i for i, f in enumerate(fields) if isinstance(f, models.FileField)}
    rows = []
    for obj in objs:
        row = [f.pre_save(obj, True) for f in fields]  # applies auto_now_add like INSERT does
        for i in files:
            row[i] = row[i].name or ""
        rows.append(row)
    return insert_rows(model, [f.attname for f in fields], rows, json_columns=json_columns)


class bulk_load:
    """A session tuned for loading generated scale data on PostgreSQL, as `pg_restore --disable-triggers` does:
    commits do not wait for the WAL flush (`synchronous_commit = off`: a crash may lose the last seconds of the
    load, never consistency) and, where the role may (a superuser: the bench's own database), the deferred
    foreign-key triggers are skipped (`session_replication_role = replica`): they cost a third of the load, and the
    loader writes only ids it has just read. Never use it for data that did not come from such a loader."""

    def __enter__(self):
        self.replica = False
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit TO OFF")
                cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                row = cursor.fetchone()
                if row and row[0] and not connection.in_atomic_block:
                    cursor.execute("SET session_replication_role = replica")
                    self.replica = True
        return self

    def __exit__(self, *exc):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("RESET synchronous_commit")
                if self.replica:
                    cursor.execute("RESET session_replication_role")
        return False
