"""Numbered migrations on an existing database: only what is pending, a SQLite backup first."""

from __future__ import annotations

import pytest

from desktop.models import Role, connection, db, migrations


def test_upgrade_applies_only_pending_steps_and_backs_up_sqlite_first(backend_url, tmp_path):
    connection.initialize(backend_url)
    try:
        with db.atomic():
            migrations.SchemaVersion.create_table()
            for step in migrations.MIGRATIONS[:2]:
                step.apply(None)
                migrations.SchemaVersion.create(version=step.version, name=step.name)
        Role.create(code="uji", name="Peran uji")
        assert migrations.current_version() == 2

        applied = migrations.upgrade(tmp_path / "cadangan")

        assert [m.version for m in applied] == [3, 4, 5]
        assert migrations.current_version() == migrations.LATEST_VERSION == 5
        assert "service_record_served_on_ids" in {i.name for i in db.get_indexes("service_record")}
        assert Role.get(Role.code == "uji").name == "Peran uji"  # data kept
        backups = list((tmp_path / "cadangan").glob("*sebelum-migrasi-v3*.sqlite3"))
        assert len(backups) == (1 if connection.is_sqlite() else 0)
        assert migrations.upgrade(tmp_path / "cadangan") == []
    finally:
        connection.close()


@pytest.mark.parametrize("path", ["\\\\server\\share\\dinas.sqlite3", "//server/share/dinas.sqlite3"])
def test_sqlite_on_a_network_share_is_refused(path):
    with pytest.raises(connection.DatabaseConfigError, match="folder jaringan"):
        connection.make_database(f"sqlite:///{path}")


def test_a_mounted_smb_or_nfs_share_is_recognised(tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/vda / ext4 rw 0 0\n//10.0.0.5/arsip /mnt/kantor cifs rw 0 0\nnas:/export /mnt/nas nfs4 rw 0 0\n"
    )
    assert connection._mount_fs_type(tmp_path / "x" / "dinas.sqlite3", str(mounts)) == "ext4"
    assert connection._mount_fs_type(connection.Path("/mnt/kantor/dinas.sqlite3"), str(mounts)) == "cifs"
    assert connection._mount_fs_type(connection.Path("/mnt/nas/a/dinas.sqlite3"), str(mounts)) == "nfs4"
    assert {"cifs", "nfs4"} <= connection.NETWORK_FS_TYPES
