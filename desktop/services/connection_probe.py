"""Testing a database URL on a separate connection (never the app's own): the administrator's
"Uji koneksi", the TLS check and the first start all use it. No role check here: callers check."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peewee import DatabaseError, InterfaceError

from desktop import credentials
from desktop.models import connection
from desktop.services.errors import DatabaseUnavailable


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    backend: str
    location: str
    message: str
    server_version: str = ""
    schema_version: int | None = None


def without_password(url: str) -> str:
    """The URL with any password left out (for showing and logging)."""
    return credentials.split_password(url)[0]


def with_password(url: str, password: str) -> str:
    """The URL with `password` put in (kept as typed in the URL when `password` is empty)."""
    url = url.strip()
    return credentials.join_password(without_password(url), password) if password else url


def probe_database(url: str, password: str = "") -> ConnectionCheck:
    """The connection test itself, with no role check: the caller has checked who may run it
    (the administrator's connection test; the first start of an office, which has no account yet)."""
    full = with_password(url, password)
    try:
        database = connection.make_database(full)
        info = connection.describe(full)
    except (connection.DatabaseConfigError, ValueError) as exc:
        return ConnectionCheck(False, "", without_password(url), str(exc))
    if info.backend == "sqlite" and not Path(info.location).is_file():
        return ConnectionCheck(
            False, info.backend, info.location, f"Berkas database {info.location} tidak ditemukan."
        )
    try:
        database.connect()
        database.execute_sql("SELECT 1").fetchone()
        version = _server_version(database, info.backend)
        schema = None
        if database.table_exists("schema_version"):
            schema = database.execute_sql("SELECT MAX(version) FROM schema_version").fetchone()[0]
    except (DatabaseError, InterfaceError, OSError, DatabaseUnavailable) as exc:
        cause = exc.__cause__ if isinstance(exc, DatabaseUnavailable) and exc.__cause__ else exc
        detail = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
        return ConnectionCheck(False, info.backend, info.location, f"Koneksi gagal: {detail}")
    finally:
        if not database.is_closed():
            database.close()
    state = f"skema v{schema}" if schema else "database kosong; akan disiapkan saat pertama dibuka"
    return ConnectionCheck(True, info.backend, info.location, f"Koneksi berhasil ({state}).", version, schema)


def _server_version(database: Any, backend: str) -> str:
    if backend == "postgresql":
        text = database.execute_sql("SHOW server_version").fetchone()[0]
        return f"PostgreSQL {text}"
    return "SQLite " + database.execute_sql("SELECT sqlite_version()").fetchone()[0]
