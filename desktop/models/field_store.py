"""The field package's database at the driver's level: built, serialized, loaded back.

A package is a whole Dinas Desk SQLite database holding one case (services/field decides which
rows). It lives in memory while it is built and while a field laptop works on it: SQLite's memdb
VFS under a name shared by the process's connections (peewee's per thread, and an anchor that
keeps it alive and serializes it), so nothing unencrypted is ever written to the laptop's disk.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Callable, Iterable, Sequence

from peewee import Field, Model, SchemaManager, SqliteDatabase

from .bulk import _sqlite_converter
from .resilience import ResilientSqliteDatabase

# Bookkeeping only a package has: what it says about itself, and the office rows it left with
# (their version at the time), so a merge tells a field edit from an office one.
PACKAGE_TABLES = (
    "CREATE TABLE field_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE field_base (entity TEXT NOT NULL, row_id INTEGER NOT NULL, version INTEGER NOT NULL,"
    " PRIMARY KEY (entity, row_id))",
)
# Every record made on the laptop gets its stable id there, whichever screen wrote it.
_UID_TRIGGER = (
    "CREATE TRIGGER field_record_uid AFTER INSERT ON service_record WHEN NEW.field_uid IS NULL "
    "BEGIN UPDATE service_record SET field_uid = lower(hex(randomblob(16))), field_origin = {origin} "
    "WHERE id = NEW.id; END"
)


def memory_name(tag: str) -> str:
    """A fresh shared in-memory database's URI (one per package opened)."""
    return f"file:/dinas-desk-{tag}-{secrets.token_hex(8)}?vfs=memdb"


def connect_memory(name: str) -> sqlite3.Connection:
    """A connection to the shared in-memory database `name`; the database lives while one is open."""
    conn = sqlite3.connect(name, uri=True, check_same_thread=False, isolation_level=None, timeout=15)
    conn.execute("PRAGMA foreign_keys = OFF")
    return conn


def create_schema(name: str, models: Sequence[type[Model]]) -> None:
    """The tables and indexes of `models` as a new database's first migration creates them, and
    the package's own tables, in the in-memory database `name`."""
    database = SqliteDatabase(name, uri=True, pragmas={"foreign_keys": 0})
    database.connect()
    try:
        for model in models:
            SchemaManager(model, database=database).create_all(safe=False)
        for statement in PACKAGE_TABLES:
            database.execute_sql(statement)
    finally:
        database.close()


def stamp_field_records(conn: sqlite3.Connection, origin: str) -> None:
    """From now on, every record inserted gets its field id and origin (after the office's rows)."""
    conn.execute(_UID_TRIGGER.format(origin=_literal(origin)))


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def insert_rows(
    conn: sqlite3.Connection, model: type[Model], fields: Sequence[Field], rows: Iterable[Sequence]
) -> None:
    """Rows (values in the order of `fields`) into the model's table, stored as peewee stores them."""
    converters = [(i, fn) for i, f in enumerate(fields) if (fn := _sqlite_converter(f)) is not None]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join("?" * len(fields))
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'

    def converted():
        for row in rows:
            out = list(row)
            for i, fn in converters:
                out[i] = fn(out[i])
            yield out

    conn.executemany(sql, converted())


def _references(conn: sqlite3.Connection) -> list[tuple[str, str, str, bool]]:
    """(table, column, parent table, nullable) of every foreign key in the database."""
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    found = []
    for table in tables:
        nullable = {r[1]: not r[3] for r in conn.execute(f'PRAGMA table_info("{table}")')}
        for ref in conn.execute(f'PRAGMA foreign_key_list("{table}")'):
            found.append((table, ref[3], ref[2], nullable[ref[3]]))
    return found


def dangling_ids(conn: sqlite3.Connection, parent: str) -> set[int]:
    """Ids of `parent` that some row refers to but the database does not hold."""
    missing: set[int] = set()
    for table, column, target, _nullable in _references(conn):
        if target != parent:
            continue
        rows = conn.execute(
            f'SELECT DISTINCT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL '
            f'AND "{column}" NOT IN (SELECT id FROM "{parent}")'
        )
        missing.update(r[0] for r in rows)
    return missing


def clear_dangling(conn: sqlite3.Connection) -> None:
    """A reference to a row the package does not carry (a signed document's PDF) becomes NULL;
    a required one is a bug of the package's selection."""
    for table, column, target, nullable in _references(conn):
        where = f'"{column}" IS NOT NULL AND "{column}" NOT IN (SELECT id FROM "{target}")'
        if nullable:
            conn.execute(f'UPDATE "{table}" SET "{column}" = NULL WHERE {where}')
        elif conn.execute(f'SELECT 1 FROM "{table}" WHERE {where} LIMIT 1').fetchone():
            raise RuntimeError(f"package row {table}.{column} names a {target} it does not carry")


def serialize(conn: sqlite3.Connection) -> bytes:
    """The database's bytes, one consistent snapshot (taken through the backup API)."""
    private = sqlite3.connect(":memory:")
    try:
        conn.backup(private)
        return private.serialize()
    finally:
        private.close()


def load(payload: bytes, name: str | None = None) -> sqlite3.Connection:
    """A connection on a package's bytes: a private copy, or the shared in-memory `name`."""
    private = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    try:
        private.deserialize(payload)
        if private.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("package database fails its integrity check")
    except BaseException:
        private.close()
        raise
    if name is None:
        return private
    shared = connect_memory(name)
    try:
        private.backup(shared)
    finally:
        private.close()
    return shared


class FieldDatabase(ResilientSqliteDatabase):
    """The database of a package open on a field laptop: shared memory, sealed after each commit.

    `on_commit` (services/field/mode) re-seals the package file after a transaction commits, so a
    laptop that dies loses at most the transaction it was in.
    """

    def __init__(self, name: str, on_commit: Callable[[], None]):
        super().__init__(
            name,
            uri=True,
            pragmas={"foreign_keys": 1},
            timeout=15,
            lock_type="IMMEDIATE",
        )
        self._on_commit = on_commit

    def commit(self):
        result = super().commit()
        self._on_commit()
        return result
