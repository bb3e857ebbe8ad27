"""A SQLite database and its backups are readable by their owner only (issue 13, class 14, POSIX)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop.models import connection, migrations
from desktop.services.office.reference_defaults import ensure_reference_data

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes (Windows: the profile's ACL)")


def _others_can_read(path: Path) -> bool:
    return bool(path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO))


def test_a_new_database_its_wal_and_its_backups_are_private(tmp_path: Path):
    previous = os.umask(0o022)  # the usual umask: new files world-readable
    try:
        path = tmp_path / "kantor" / "dinas-desk.sqlite3"
        connection.initialize(connection.sqlite_url(path))
        try:
            migrations.upgrade()
            ensure_reference_data()
            backup = migrations.backup_sqlite(tmp_path / "cadangan" / "salinan.sqlite3")
            files = [path, backup, *path.parent.glob("*-wal"), *path.parent.glob("*-shm")]
            assert len(files) >= 3
            assert [f.name for f in files if _others_can_read(f)] == []
        finally:
            connection.close()
    finally:
        os.umask(previous)
