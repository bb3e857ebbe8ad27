"""Backups of a SQLite database (daily and automatic, or made by the Administrator), their
retention, and restoring one.

At most one backup a day, made with SQLite's online backup API (a consistent copy while the
app is in use) into the backups folder (desktop.config.backup_dir()) and named with its date,
e.g. dinas-desk-20261121-harian.sqlite3. A backup is written under a temporary name and
renamed when complete, so a file with a daily name is always whole. The newest `keep` daily
backups stay; older daily backups are deleted. Other files in the folder (copies made before a
migration or a restore, or by hand) are never deleted here.

A PostgreSQL database is not backed up by the app: the server is, with pg_dump (see
docs/security.md); ensure_daily_backup() returns None there.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from peewee import DatabaseError

from desktop import config
from desktop.models import connection, db, field_store, migrations
from desktop.roles import ADMINISTRATOR
from desktop.services.errors import DomainError, InvalidInput, WorkflowError
from desktop.services.security import audit
from desktop.services.security.auth import require_role
from desktop.services.session import Session

DEFAULT_KEEP = 14
DAILY = re.compile(r"dinas-desk-(\d{8})-harian\.sqlite3")
PARTIAL_SUFFIX = ".sebagian"
KIND_MARKS = (  # the labels in the names that backup_now, restore and migrations give their copies
    ("-manual", "Dibuat Administrator"),
    ("-sebelum-pemulihan", "Sebelum pemulihan"),
    ("-sebelum-migrasi", "Sebelum pembaruan skema"),
)
POSTGRES_BACKUP_ADVICE = (
    "Database ini berada di server PostgreSQL kantor. Cadangkan dengan pg_dump di server, misalnya "
    "setiap malam: pg_dump -Fc -h SERVER -U PENGGUNA NAMA_DB -f dinas-desk-TANGGAL.dump, simpan "
    "berkasnya di luar server, dan pulihkan dengan pg_restore -c -d NAMA_DB BERKAS.dump. "
    "Pencadangan dari aplikasi hanya untuk database berkas SQLite."
)


class BackupFailed(DomainError):
    """A backup could not be written (disk full, folder not writable); the database is untouched."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    name: str
    size_bytes: int
    modified: dt.datetime
    day: dt.date | None  # the day of an automatic daily backup; None for any other copy

    @property
    def is_daily(self) -> bool:
        return self.day is not None

    @property
    def kind_label(self) -> str:
        """What made the copy, as the Administrator's table names it."""
        if self.is_daily:
            return "Harian otomatis"
        for mark, label in KIND_MARKS:
            if mark in self.name:
                return label
        return "Lainnya"


@dataclass(frozen=True)
class Restored:
    source: Path
    safety_copy: Path  # the database as it was just before the restore: restore it to undo
    schema_version: int


def daily_name(day: dt.date) -> str:
    return f"dinas-desk-{day:%Y%m%d}-harian.sqlite3"


def _day_of(name: str) -> dt.date | None:
    match = DAILY.fullmatch(name)
    if match is None:
        return None
    try:
        return dt.datetime.strptime(match.group(1), "%Y%m%d").date()
    except ValueError:
        return None


def _info(path: Path) -> BackupInfo:
    stat = path.stat()
    modified = dt.datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0)
    return BackupInfo(path, path.name, stat.st_size, modified, _day_of(path.name))


def ensure_daily_backup(
    now: dt.datetime | None = None, keep: int = DEFAULT_KEEP, *, folder: Path | None = None
) -> Path | None:
    """Back up the SQLite database if today has no backup yet, then keep the newest `keep` daily ones.

    Returns the new backup, or None when none was made (PostgreSQL, or today's already exists).
    Call it outside a transaction. The app calls it on a worker thread once the login window is up
    (desktop.ui.daily_backup): the copy reads through a connection of its own, never the UI thread's.
    """
    if keep < 1:
        raise InvalidInput("Jumlah cadangan harian yang disimpan paling sedikit 1.", field="keep")
    if not connection.is_sqlite() or field_store.in_field_mode():
        return None  # a field package is its own (sealed) copy: never an open one on the laptop's disk
    folder = folder or config.backup_dir()
    target = folder / daily_name((now or dt.datetime.now()).date())
    if target.exists():
        prune(keep, folder=folder)
        return None
    _write_copy(target, own_connection=True)
    prune(keep, folder=folder)
    with db.atomic():
        audit.record(None, "cadangan_harian_dibuat", "database", None, berkas=target.name)
    return target


def _write_copy(target: Path, *, own_connection: bool = False) -> None:
    """A consistent copy of the open database at `target`, or BackupFailed with nothing left behind."""
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        migrations.backup_sqlite(partial, own_connection=own_connection)
        os.replace(partial, target)
    except (OSError, sqlite3.Error, DatabaseError) as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise BackupFailed(
            f"Cadangan database tidak dapat dibuat di {target.parent} ({exc}). Periksa ruang disk dan izin "
            "folder cadangan; data di database tidak berubah."
        ) from exc


def prune(keep: int = DEFAULT_KEEP, *, folder: Path | None = None) -> list[Path]:
    """Delete daily backups beyond the newest `keep` (and leftovers of interrupted ones); return them."""
    folder = folder or config.backup_dir()
    daily = sorted(((b.day, b.path) for b in _scan(folder) if b.day is not None), reverse=True)
    doomed = [path for _, path in daily[keep:]]
    doomed += [
        p for p in folder.glob(f"*{PARTIAL_SUFFIX}") if DAILY.fullmatch(p.name[: -len(PARTIAL_SUFFIX)])
    ]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def _scan(folder: Path) -> list[BackupInfo]:
    return [_info(p) for p in folder.glob("*.sqlite3") if p.is_file()]


def backup_now(actor: Session, destination: Path | None = None) -> BackupInfo:
    """A copy of the open database made now, at `destination` or in the backups folder (Administrator)."""
    _administrator_on_sqlite(actor)
    if destination is None:
        target = _unused(config.backup_dir() / f"dinas-desk-{dt.datetime.now():%Y%m%d-%H%M%S}-manual")
    else:
        target = Path(destination)
        if target.exists():
            target = _unused(target.with_name(f"{target.stem}-{dt.datetime.now():%H%M%S}"), target.suffix)
    _write_copy(target)
    with db.atomic():
        audit.record(actor, "cadangan_dibuat", "database", None, berkas=str(target))
    return _info(target)


def list_backups(actor: Session, *, folder: Path | None = None) -> list[BackupInfo]:
    """Every backup in the backups folder (daily and other copies), newest first (Administrator)."""
    require_role(actor, ADMINISTRATOR)
    found = _scan(folder or config.backup_dir())
    return sorted(found, key=lambda b: (b.modified, b.name), reverse=True)


def _administrator_on_sqlite(actor: Session) -> None:
    require_role(actor, ADMINISTRATOR)
    if not connection.is_sqlite():
        raise WorkflowError(POSTGRES_BACKUP_ADVICE)


def restore(actor: Session, path: Path) -> Restored:
    """Replace the whole SQLite database with a checked backup, after copying the current one aside.

    Administrator only. Not one transaction: SQLite's backup API writes the pages itself. The
    file is checked before anything is touched; the audit line goes into the restored database.
    """
    _administrator_on_sqlite(actor)
    source = Path(path)
    _check_restorable(source)
    safety = _unused(config.backup_dir() / f"dinas-desk-{dt.datetime.now():%Y%m%d-%H%M%S}-sebelum-pemulihan")
    _write_copy(safety)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    try:
        migrations.restore_sqlite(source)
    except (OSError, sqlite3.Error, DatabaseError) as exc:
        raise BackupFailed(
            f"Pemulihan dari {source.name} gagal ({exc}). Database yang dipakai sebelum pemulihan tersimpan "
            f"di {safety}; pulihkan berkas itu bila data tampak tidak lengkap."
        ) from exc
    migrations.upgrade(config.backup_dir())  # a backup from an older version is brought up to date
    with db.atomic():
        audit.record(
            actor,
            "database_dipulihkan",
            "database",
            None,
            dari=str(source),
            sha256=digest,
            salinan=safety.name,
        )
    return Restored(source, safety, migrations.current_version())


def _unused(stem: Path, suffix: str = ".sqlite3") -> Path:
    """`stem` with `suffix`, or stem-2, stem-3 ... when taken (two copies within one second)."""
    path, n = stem.with_name(stem.name + suffix), 1
    while path.exists():
        n += 1
        path = stem.with_name(f"{stem.name}-{n}{suffix}")
    return path


def _check_restorable(source: Path) -> None:
    problem = migrations.check_sqlite_file(source)
    if problem:
        raise InvalidInput(problem, field="path")
    if source.resolve() == Path(db.database).resolve():
        raise InvalidInput("Berkas itu adalah database yang sedang dipakai, bukan cadangan.", field="path")
    con = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        version = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
    finally:
        con.close()
    if version > migrations.LATEST_VERSION:
        raise InvalidInput(
            f"Cadangan {source.name} dibuat oleh versi aplikasi yang lebih baru (skema {version}, "
            f"aplikasi ini skema {migrations.LATEST_VERSION}). Perbarui aplikasi dulu, lalu pulihkan.",
            field="path",
        )
