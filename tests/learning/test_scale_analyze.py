"""Bulk loaders leave the planner informed: generate_scale_data runs ANALYZE (issue 9, item 16)."""

from django.db import connection, transaction

import pytest

from learning.devdata.scale import generate

pytestmark = pytest.mark.django_db


def _planner_knows(table: str) -> bool:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # -1: never analyzed (PostgreSQL 14+); ANALYZE sets the row estimate, visible in this transaction.
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
            return cursor.fetchone()[0] > 0
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone() is None:
            return False
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = %s", [table])
        return cursor.fetchone()[0] > 0


def test_generate_scale_data_analyzes_the_tables_it_filled(demo_users):
    # No "before" check: on PostgreSQL autovacuum or an earlier test may already have analyzed the table.
    generate(4, seed=3)
    for table in ("learning_moduleprogress", "learning_quizattempt", "learning_enrollment", "portal_user"):
        assert _planner_knows(table), table


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_postgresql_vacuums_too_so_covering_indexes_serve_at_once():
    from django.test.utils import CaptureQueriesContext

    from learning.models import Enrollment
    from portal.db import analyze_tables

    with CaptureQueriesContext(connection) as outside:
        analyze_tables(Enrollment, vacuum=True)
    with CaptureQueriesContext(connection) as inside, transaction.atomic():
        analyze_tables(Enrollment, vacuum=True)  # VACUUM cannot run in a transaction block: statistics only
    verbs = [q["sql"].split(" ")[0] for q in outside.captured_queries + inside.captured_queries]
    verbs = [v for v in verbs if v not in ("BEGIN", "COMMIT")]
    assert verbs == (["VACUUM", "ANALYZE"] if connection.vendor == "postgresql" else ["ANALYZE", "ANALYZE"])
