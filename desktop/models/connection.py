"""Opening the database from a URL: a local SQLite file or a shared PostgreSQL server."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath, PureWindowsPath
from urllib.parse import urlsplit

from peewee import Database, InterfaceError, SqliteDatabase
from peewee import DatabaseError as PeeweeDatabaseError
from playhouse import db_url

from desktop.errors import DatabaseUnavailable

from .base import db
from .resilience import ResilientPostgresqlDatabase, ResilientSqliteDatabase

NETWORK_FS_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smbfs",
        "smb3",
        "fuse.sshfs",
        "sshfs",
        "9p",
        "afs",
        "ncpfs",
        "davfs",
        "fuse.davfs2",
    }
)


MSG_TLS = (
    "Sambungan aman (TLS) ke server database gagal: sertifikat server tidak cocok atau tidak "
    "dipercaya. Periksa berkas sertifikat CA di pengaturan workstation."
)
# libpq's words for a refused TLS handshake, a certificate it does not trust or a name it does not match.
_TLS_HINTS = (
    "certificate",
    "ssl error",
    "ssl was required",
    "does not support ssl",
    "tlsv1 alert",
    "ssl syscall",
)


class DatabaseConfigError(Exception):
    """The database URL or location cannot be used; the message is for the user."""


def is_tls_failure_text(text: str) -> bool:
    """True when a connection error says the TLS handshake or the server's certificate failed."""
    lowered = text.lower()
    return any(hint in lowered for hint in _TLS_HINTS)


def _tls_failure(exc: BaseException) -> str:
    """libpq's line about the TLS failure behind `exc` (through its causes), or ""."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    lines = (line.strip() for e in chain for line in str(e).splitlines())
    return next((line for line in lines if is_tls_failure_text(line)), "")


def _connect(database: Database) -> None:
    """Connect; a TLS failure says so (it would otherwise read as "server unreachable")."""
    try:
        database.connect(reuse_if_open=True)
    except (DatabaseUnavailable, PeeweeDatabaseError, InterfaceError) as exc:
        detail = _tls_failure(exc)
        if detail:
            raise DatabaseUnavailable(f"{MSG_TLS} ({detail[:200]})") from exc
        raise


@dataclass(frozen=True)
class DatabaseInfo:
    backend: str  # "sqlite" or "postgresql"
    location: str  # file path, or host:port/dbname (never the password)


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def is_network_path(path: Path | str) -> bool:
    """True when a path is on a network share (UNC, mapped drive, NFS/SMB mount)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        return _windows_drive_is_remote(text)
    return _mount_fs_type(Path(text)) in NETWORK_FS_TYPES


def _windows_drive_is_remote(text: str) -> bool:  # pragma: no cover - Windows only
    import ctypes

    drive = PureWindowsPath(os.path.abspath(text)).drive
    if not drive:
        return False
    DRIVE_REMOTE = 4
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE


def _mount_fs_type(path: Path, mounts_file: str = "/proc/self/mounts") -> str:
    """The file-system type of the longest mount point containing `path`."""
    try:
        lines = Path(mounts_file).read_text().splitlines()
    except OSError:
        return ""
    target = PurePath(os.path.abspath(path))
    best, fs_type = "", ""
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        if (target == PurePath(mount_point) or PurePath(mount_point) in target.parents) and len(
            mount_point
        ) > len(best):
            best, fs_type = mount_point, parts[2]
    return fs_type


def make_database(url: str) -> Database:
    """Build (but do not connect) a peewee database for a sqlite:/// or postgresql:// URL."""
    scheme = urlsplit(url).scheme
    if scheme == "sqlite":
        return _make_sqlite(db_url.parse(url)["database"])
    if scheme in ("postgresql", "postgres"):
        params = db_url.parse(url)
        params.setdefault("connect_timeout", 10)
        params.setdefault("application_name", "dinas-desk")
        return ResilientPostgresqlDatabase(autorollback=False, **params)
    raise DatabaseConfigError(
        f"Alamat database '{scheme}://' tidak dikenal. Gunakan sqlite:///... atau postgresql://..."
    )


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only (POSIX), unless it exists.

    SQLite creates its database, and its -wal and -shm files with the same mode, as the
    umask allows (often world-readable); an empty file is a valid empty database. On Windows
    the file inherits the folder's ACL (the user's profile).
    """
    if os.name != "posix" or path.exists():
        return
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass


def _make_sqlite(path: str) -> ResilientSqliteDatabase:
    if not path or path == ":memory:":
        raise DatabaseConfigError("Database SQLite harus berupa berkas, bukan memori.")
    if is_network_path(path):
        raise DatabaseConfigError(
            f"Berkas database {path} berada di folder jaringan. SQLite tidak aman di folder jaringan: "
            "data dapat rusak bila dua komputer menulis bersamaan. Simpan berkas di disk komputer ini, "
            "atau gunakan server PostgreSQL kantor untuk banyak komputer."
        )
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    create_private_file(Path(path))
    return ResilientSqliteDatabase(
        path,
        pragmas={"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1},
        timeout=15,  # busy timeout in seconds: wait for another writer rather than fail
        lock_type="IMMEDIATE",  # writers take the lock at BEGIN: no deadlock on upgrade
    )


def initialize(url: str) -> DatabaseInfo:
    """Point the global proxy at the database named by `url` and connect."""
    database = make_database(url)
    close()
    db.initialize(database)
    _connect(database)
    return describe(url)


def initialize_postgresql(params: dict) -> None:
    """Point the global proxy at PostgreSQL with explicit connection parameters (a user's own login)."""
    params = dict(params)
    database = ResilientPostgresqlDatabase(params.pop("dbname"), autorollback=False, **params)
    close()
    db.initialize(database)
    _connect(database)


def describe(url: str) -> DatabaseInfo:
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        return DatabaseInfo("sqlite", db_url.parse(url)["database"])
    host = parts.hostname or "localhost"
    return DatabaseInfo("postgresql", f"{host}:{parts.port or 5432}{parts.path}")


def is_sqlite() -> bool:
    return isinstance(db.obj, SqliteDatabase)


# Rows SQLite's ANALYZE samples per index: enough for the planner, fast on a million rows.
ANALYSIS_LIMIT = 400


def close() -> None:
    if db.obj is not None and not db.is_closed():
        if is_sqlite():
            _refresh_sqlite_statistics()
        db.close()


def _refresh_sqlite_statistics() -> None:
    """SQLite's advice before closing: re-analyze the tables whose statistics have gone stale.

    Without statistics SQLite cannot tell that service_record holds few (nagari, category,
    outcome) groups, and the recap sorts a whole period instead of skip-scanning (migration 10).
    Usually a no-op; a locked, full or read-only file only keeps the old statistics, and
    closing never waits long for another writer.
    """
    if db.in_transaction():
        return
    try:
        db.execute_sql("PRAGMA busy_timeout = 200")
        db.execute_sql(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        db.execute_sql("PRAGMA optimize")
    except (PeeweeDatabaseError, InterfaceError, DatabaseUnavailable):
        pass
