"""Field mode: the app working on a package, on a laptop without the office database.

The package is decrypted into memory (models.field_store) and the app runs on it as on any SQLite
database: the same services, the same checks. After every commit the whole package is sealed back
into its file (atomically: a laptop that dies mid-seal keeps the previous seal), so the file on
the laptop's disk is never unencrypted and never more than one transaction behind.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from desktop.models import connection, db, field_store, migrations
from desktop.models.base import now
from desktop.services.errors import DomainError
from desktop.services.field import package


@dataclass(frozen=True)
class FieldInfo:
    """The package a laptop works on, as the window's banner names it."""

    path: Path
    package_uid: str
    case_id: int
    case_number: str
    case_title: str
    laptop: str
    leader: str
    taken_on: str  # dd-mm-yyyy

    @property
    def banner(self) -> str:
        return (
            f"Mode lapangan: {self.case_number} {self.case_title}, dibawa {self.taken_on} oleh {self.leader}"
        )


class SealFailed(DomainError):
    """The package file could not be written (a full or removed flash disk)."""


class _Open:
    def __init__(self, info: FieldInfo, header: package.Header, key: bytes, anchor: sqlite3.Connection):
        self.info, self.header, self.key, self.anchor = info, header, key, anchor
        self.sealed_version: int | None = None
        self.lock = threading.Lock()


_current: _Open | None = None


def current() -> FieldInfo | None:
    """The package this process works on, or None at the office."""
    return _current.info if _current is not None else None


def is_field_mode() -> bool:
    return _current is not None


def made_in_field(entity: str, row_id: int) -> bool:
    """Whether a row of the open package was made on a field laptop (not brought from the office)."""
    if _current is None:
        return False
    found = db.execute_sql("SELECT 1 FROM field_base WHERE entity = ? AND row_id = ?", (entity, row_id))
    return found.fetchone() is None


def open_package(path: Path, passphrase: str) -> FieldInfo:
    """Open a package on this laptop and point the app's database at it (in memory)."""
    global _current
    path = package.as_path(path)
    header, payload, key = package.open_package(path, passphrase=passphrase)
    name = field_store.memory_name("lapangan")
    try:
        anchor = field_store.load(payload, name)
    except sqlite3.DatabaseError as exc:
        raise package.PackageRefused(package.MSG_DAMAGED.format(name=path.name)) from exc
    meta = dict(anchor.execute("SELECT key, value FROM field_meta").fetchall())
    if meta.get("package_uid") != header.package_uid:
        anchor.close()
        raise package.PackageRefused(package.MSG_DAMAGED.format(name=path.name))
    info = FieldInfo(
        path=path,
        package_uid=header.package_uid,
        case_id=header.case_id,
        case_number=header.case_number,
        case_title=header.case_title,
        laptop=header.laptop,
        leader=header.leader,
        taken_on=header.taken_on,
    )
    close()
    state = _Open(info, header, key, anchor)
    database = field_store.FieldDatabase(name, on_commit=seal_if_changed)
    connection.close()
    db.initialize(database)
    database.connect()
    _current = state
    migrations.upgrade()  # a package comes at the first schema; this app's version brings it up
    seal()
    return info


def seal_if_changed() -> None:
    """Seal the package when something was committed since the last seal."""
    state = _current
    if state is None:
        return
    with state.lock:
        version = state.anchor.execute("PRAGMA data_version").fetchone()[0]
        if version != state.sealed_version:
            _seal(state, version)


def seal() -> None:
    """Seal the package now."""
    state = _current
    if state is None:
        return
    with state.lock:
        _seal(state, state.anchor.execute("PRAGMA data_version").fetchone()[0])


def _seal(state: _Open, version: int) -> None:
    fields = {k: v for k, v in state.header.raw.items() if k not in ("format", "payload_sha256", "nonce")}
    fields["sealed_at"] = now().isoformat(" ")
    fields["state"] = "dikerjakan"
    try:
        package.seal(state.info.path, fields, state.key, field_store.serialize(state.anchor))
    except OSError as exc:
        raise SealFailed(
            f"Paket lapangan {state.info.path.name} tidak dapat disimpan ({exc.strerror or exc}). "
            "Data tetap ada di memori: jangan tutup aplikasi; pasang kembali flashdisk atau kosongkan "
            "ruang disk, lalu simpan lagi."
        ) from exc
    state.sealed_version = version


def close() -> None:
    """Seal and leave field mode (the app's database is closed)."""
    global _current
    state = _current
    if state is None:
        return
    try:
        seal_if_changed()
    finally:
        connection.close()
        state.anchor.close()
        _current = None
