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

        assert [m.version for m in applied] == [m.version for m in migrations.MIGRATIONS[2:]]
        assert migrations.current_version() == migrations.LATEST_VERSION >= 6
        indexes = {i.name for i in db.get_indexes("service_record")}
        assert {"service_record_served_on_ids", "service_record_nik_masked"} <= indexes
        assert Role.get(Role.code == "uji").name == "Peran uji"  # data kept
        backups = list((tmp_path / "cadangan").glob("*sebelum-migrasi-v3*.sqlite3"))
        assert len(backups) == (1 if connection.is_sqlite() else 0)
        assert migrations.upgrade(tmp_path / "cadangan") == []
    finally:
        connection.close()


def test_the_masked_nik_columns_follow_every_write(database):
    """Migration 6: nik_masked and kk_masked are derived by the database, on insert and on update,
    with the same rule as the screens (services.nik.mask_nik); a write cannot set them."""
    from desktop.models import KK_MASKED, NIK_MASKED, ServiceRecord
    from desktop.services.nik import mask_nik
    from desktop.services.sijarla import service_records
    from tests.db.factories import make_office, session
    from tests.db.test_permissions import at_step
    from tests.db.test_sijarla_flow import record

    make_office()
    case_id = at_step("pelayanan")
    service_records.add_record(session("anggota1"), case_id, record("1302034507510002", "Siti Rahmah"))
    row = ServiceRecord.get(ServiceRecord.nik == "1302034507510002")
    ServiceRecord.update(kk="1302031234560007", version=ServiceRecord.version + 1).where(
        ServiceRecord.id == row.id
    ).execute()
    nik, kk = ServiceRecord.select(NIK_MASKED, KK_MASKED).where(ServiceRecord.id == row.id).tuples().get()
    assert (
        (nik, kk)
        == (mask_nik("1302034507510002"), mask_nik("1302031234560007"))
        == (
            "130203******0002",
            "130203******0007",
        )
    )
    with pytest.raises(Exception, match="(?i)generated|cannot"):
        with db.atomic():
            ServiceRecord.update({NIK_MASKED: "x"}).where(ServiceRecord.id == row.id).execute()


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


def test_migration_8_folds_the_searched_text_of_existing_rows(database):
    """Rows written before migration 8 get their folded search text (one UPDATE per batch)."""
    from desktop.models import IncomingLetter, ServiceRecord, SopCase
    from desktop.services.sijarla import service_records
    from tests.db.factories import make_office, session
    from tests.db.test_permissions import at_step
    from tests.db.test_sijarla_flow import record

    make_office()
    case_id = at_step("pelayanan")
    service_records.add_record(session("anggota1"), case_id, record("1302034507510002", "ZOË Müller"))
    for table, column in (
        ("service_record", "name_fold"),
        ("incoming_letter", "search_fold"),
        ("sop_case", "title_fold"),
    ):
        db.execute_sql(f"UPDATE {table} SET {column} = ''")
    migrations._m0008_folded_search_columns(None)
    assert ServiceRecord.get(ServiceRecord.nik == "1302034507510002").name_fold == "zoe muller"
    letter = IncomingLetter.get(IncomingLetter.case == case_id)
    assert letter.search_fold.startswith("140/27/wn-kb/2026 wali nagari koto baru permohonan")
    assert SopCase.get_by_id(case_id).title_fold.startswith("permohonan pelayanan jemput bola ktp-el")
