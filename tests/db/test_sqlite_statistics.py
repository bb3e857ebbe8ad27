"""SQLite's planner statistics are refreshed when the app closes its database, never at any cost.

The recap's plan depends on them (migration 10); closing must still be quick and quiet when
another program holds the file's write lock.
"""

from __future__ import annotations

import sqlite3
import time

from desktop.models import connection, db, migrations

from .factories import make_office
from .test_permissions import at_step
from .test_record_query import fill_records


def _open(path) -> None:
    connection.initialize(connection.sqlite_url(path))
    migrations.upgrade()


def _office_with_records(path) -> None:
    """The demo office and 3,000 records, with no statistics yet, open and just read."""
    _open(path)
    make_office()
    fill_records([at_step("pelayanan")], 3000)
    connection.close()
    _forget_statistics(path)
    _open(path)
    _query_records()


def _statistics(path) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT idx FROM sqlite_stat1 WHERE tbl = 'service_record'").fetchall()
    finally:
        con.close()


def _forget_statistics(path) -> None:
    con = sqlite3.connect(path)
    with con:
        con.execute("DELETE FROM sqlite_stat1")
    con.close()


def _query_records() -> None:
    db.execute_sql(
        "SELECT nagari_id, category_id, outcome_id, COUNT(*) FROM service_record "
        "WHERE served_on >= '2026-01-01' AND served_on <= '2026-12-31' GROUP BY 1, 2, 3"
    ).fetchall()


def test_closing_writes_statistics_of_the_tables_the_app_read(tmp_path):
    path = tmp_path / "stat.sqlite3"
    _office_with_records(path)
    connection.close()
    assert ("service_record_recap_groups",) in _statistics(path)


def test_closing_is_quiet_and_quick_while_another_program_holds_the_lock(tmp_path):
    path = tmp_path / "locked.sqlite3"
    _office_with_records(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        started = time.monotonic()
        connection.close()  # no "database is locked", and no wait for the app's 15 s busy timeout
        assert time.monotonic() - started < 5
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _statistics(path) == []
