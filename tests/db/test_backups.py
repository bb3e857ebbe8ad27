"""Daily SQLite backups, retention, refusing damaged files, restoring, and a full or read-only disk.

The backups folder is the test's own (DINAS_DESK_DATA_DIR points into tmp_path). Tests of
what only SQLite has open their own SQLite file; the PostgreSQL behaviour (nothing is backed
up by the app, a restore from a file is refused with advice) is asserted on both backends.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import config
from desktop.models import AuditLog, IncomingLetter, connection, db, migrations
from desktop.services.errors import (
    DatabaseUnavailable,
    DomainError,
    InvalidInput,
    PermissionDenied,
    WorkflowError,
)
from desktop.services.office import backups
from desktop.services.sijarla import steps as sijarla

from .factories import letter_draft, make_office, session

DAY = dt.datetime(2026, 3, 2, 7, 30)


@pytest.fixture(autouse=True)
def own_backup_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(config.ENV_DATA_DIR, str(tmp_path / "data"))
    return config.backup_dir()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Path]:
    """A migrated SQLite file with the demo office, open on the global proxy."""
    path = tmp_path / "kantor.sqlite3"
    connection.initialize(connection.sqlite_url(path))
    try:
        migrations.upgrade()
        make_office()
        yield path
    finally:
        connection.close()


def letters() -> list[str]:
    return [row.subject for row in IncomingLetter.select().order_by(IncomingLetter.id)]


def register(subject: str) -> None:
    sijarla.register_letter(session("meja"), letter_draft(subject=subject))


def letters_in(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [row[0] for row in con.execute("SELECT subject FROM incoming_letter ORDER BY id")]
    finally:
        con.close()


# --- One backup a day, and retention ------------------------------------------------------------


def test_a_backup_is_made_once_a_day(sqlite_db: Path, own_backup_folder: Path):
    register("Permohonan pertama")
    first = backups.ensure_daily_backup(DAY)
    assert first == own_backup_folder / "dinas-desk-20260302-harian.sqlite3"
    assert migrations.check_sqlite_file(first) is None
    assert letters_in(first) == ["Permohonan pertama"]

    register("Permohonan kedua")
    assert backups.ensure_daily_backup(DAY.replace(hour=16)) is None  # the same day: nothing new
    assert letters_in(first) == ["Permohonan pertama"]
    assert [b.name for b in backups.list_backups(session("admin"))] == [first.name]

    second = backups.ensure_daily_backup(DAY + dt.timedelta(days=1))
    assert second is not None and second.name == "dinas-desk-20260303-harian.sqlite3"
    assert letters_in(second) == ["Permohonan pertama", "Permohonan kedua"]
    listed = backups.list_backups(session("admin"))
    assert {b.name for b in listed} == {first.name, second.name}
    assert all(b.is_daily and b.size_bytes > 0 for b in listed)
    made = AuditLog.select().where(AuditLog.action == "cadangan_harian_dibuat").count()
    assert made == 2
    assert not list(own_backup_folder.glob(f"*{backups.PARTIAL_SUFFIX}"))


def test_old_daily_backups_beyond_retention_are_deleted(sqlite_db: Path, own_backup_folder: Path):
    other = own_backup_folder / "dinas-desk-20250101-120000-sebelum-migrasi-v3.sqlite3"
    migrations.backup_sqlite(other)
    leftover = own_backup_folder / ("dinas-desk-20250102-harian.sqlite3" + backups.PARTIAL_SUFFIX)
    leftover.write_bytes(b"half a backup")
    for offset in range(20):
        backups.ensure_daily_backup(DAY + dt.timedelta(days=offset), keep=14)
    daily = sorted(b.day for b in backups.list_backups(session("admin")) if b.is_daily)
    assert daily == [(DAY + dt.timedelta(days=d)).date() for d in range(6, 20)]
    assert other.exists(), "only daily backups are pruned"
    assert not leftover.exists(), "an interrupted backup is cleaned up"

    backups.ensure_daily_backup(DAY + dt.timedelta(days=20), keep=3)
    assert len([b for b in backups.list_backups(session("admin")) if b.is_daily]) == 3
    with pytest.raises(InvalidInput, match="paling sedikit 1"):
        backups.ensure_daily_backup(DAY, keep=0)


def test_a_backup_that_cannot_be_written_is_a_clear_message(sqlite_db: Path, tmp_path: Path):
    blocked = tmp_path / "bukan-folder"
    blocked.write_text("a file where the backups folder should be")
    register("Permohonan")
    with pytest.raises(backups.BackupFailed, match="Cadangan database tidak dapat dibuat") as failed:
        backups.ensure_daily_backup(DAY, folder=blocked / "cadangan")
    assert "data di database tidak berubah" in failed.value.message
    assert letters() == ["Permohonan"]


# --- Restoring ------------------------------------------------------------------------------------


def test_restore_brings_back_the_state_of_the_backup_and_can_be_undone(sqlite_db: Path):
    admin = session("admin")
    register("Sebelum cadangan")
    backup = backups.ensure_daily_backup(DAY)
    register("Sesudah cadangan")
    with pytest.raises(PermissionDenied):
        backups.restore(session("kabid"), backup)
    assert letters() == ["Sebelum cadangan", "Sesudah cadangan"]

    restored = backups.restore(admin, backup)
    assert letters() == ["Sebelum cadangan"]
    assert restored.schema_version == migrations.LATEST_VERSION
    assert letters_in(restored.safety_copy) == ["Sebelum cadangan", "Sesudah cadangan"]
    line = AuditLog.select().where(AuditLog.action == "database_dipulihkan").get()
    assert line.username == "admin" and backup.name in line.detail
    register("Setelah pemulihan")  # the database is usable straight away

    backups.restore(admin, restored.safety_copy)  # undo
    assert letters() == ["Sebelum cadangan", "Sesudah cadangan"]


def claim_newer_schema(path: Path) -> None:
    """Make a good backup look written by a newer version of the app (schema 999)."""
    with contextlib.closing(sqlite3.connect(path)) as con, con:
        con.execute(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'masa depan', '2030-01-01')"
        )


def corrupt_copies(good: Path, folder: Path) -> dict[str, Path]:
    folder.mkdir()
    garbage = folder / "sampah.sqlite3"
    garbage.write_bytes(b"bukan database sama sekali\x00" * 400)
    truncated = folder / "terpotong.sqlite3"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    scrambled = folder / "teracak.sqlite3"
    data = bytearray(good.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, 3 * page):  # damage pages, keep the header
        data[offset + 8 : offset + 200] = bytes(range(192))
    scrambled.write_bytes(bytes(data))
    foreign = folder / "lain.sqlite3"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE catatan (isi TEXT)")
    con.commit()
    con.close()
    newer = folder / "versi-baru.sqlite3"
    good_copy = sqlite3.connect(good)
    target = sqlite3.connect(newer)
    good_copy.backup(target)
    good_copy.close()
    target.close()
    claim_newer_schema(newer)
    return {
        "garbage": garbage,
        "truncated": truncated,
        "scrambled": scrambled,
        "foreign": foreign,
        "newer": newer,
        "missing": folder / "tidak-ada.sqlite3",
    }


EXPECTED_MESSAGE = {
    "garbage": "bukan database SQLite yang dapat dibaca",
    "truncated": "(rusak|bukan database SQLite yang dapat dibaca)",
    "scrambled": "(rusak|bukan database SQLite yang dapat dibaca)",
    "foreign": "bukan cadangan Dinas Desk",
    "newer": "versi aplikasi yang lebih baru",
    "missing": "tidak ditemukan",
}


def test_a_damaged_or_foreign_file_is_refused_with_a_clear_message(sqlite_db: Path, tmp_path: Path):
    admin = session("admin")
    register("Data kantor")
    good = backups.ensure_daily_backup(DAY)
    before = backups.list_backups(admin)
    for kind, path in corrupt_copies(good, tmp_path / "rusak").items():
        with pytest.raises(InvalidInput, match=EXPECTED_MESSAGE[kind]):
            backups.restore(admin, path)
    with pytest.raises(InvalidInput, match="sedang dipakai"):
        backups.restore(admin, sqlite_db)
    assert letters() == ["Data kantor"]
    assert backups.list_backups(admin) == before, "nothing is copied aside before the file is checked"
    assert not AuditLog.select().where(AuditLog.action == "database_dipulihkan").exists()


# --- PostgreSQL: the server is backed up with pg_dump, not by the app ---------------------------


def test_postgresql_is_left_to_the_server_and_sqlite_is_backed_up(
    database: str, backend: str, tmp_path: Path
):
    make_office()
    made = backups.ensure_daily_backup(DAY)
    if backend == "postgresql":
        assert made is None
        assert backups.list_backups(session("admin")) == []
        with pytest.raises(WorkflowError, match="pg_dump"):
            backups.restore(session("admin"), tmp_path / "apa-saja.sqlite3")
    else:
        assert made is not None and made.exists()
        assert [b.path for b in backups.list_backups(session("admin"))] == [made]


# --- A full disk or a read-only database -----------------------------------------------------------


def counts_now() -> tuple[int, ...]:
    from desktop.models import ALL_MODELS

    return tuple(m.select().count() for m in ALL_MODELS)


def big_letter() -> sijarla.LetterDraft:
    scan = sijarla.ScanFile("pindaian.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 1024, "application/pdf")
    return letter_draft(subject="Permohonan dengan pindaian besar", scan=scan)


@pytest.mark.parametrize(
    ("pragma", "reset", "message"),
    [
        ("PRAGMA max_page_count = {pages}", "PRAGMA max_page_count = 1073741823", "Disk komputer ini penuh"),
        ("PRAGMA query_only = 1", "PRAGMA query_only = 0", "hanya-baca"),
    ],
    ids=["disk-full", "read-only"],
)
def test_a_full_disk_or_read_only_file_is_a_clear_message_and_writes_nothing(
    sqlite_db, pragma, reset, message
):
    meja = session("meja")
    register("Sebelum disk penuh")
    before = counts_now()
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    db.execute_sql(pragma.format(pages=pages))
    try:
        with pytest.raises(DomainError) as refused:
            sijarla.register_letter(meja, big_letter())
    finally:
        db.execute_sql(reset)
    assert isinstance(refused.value, DatabaseUnavailable), repr(refused.value)
    assert message in refused.value.message
    assert counts_now() == before, "nothing of the refused letter was written"
    sijarla.register_letter(meja, big_letter())  # once there is room again, the same letter goes in
    assert letters() == ["Sebelum disk penuh", "Permohonan dengan pindaian besar"]
