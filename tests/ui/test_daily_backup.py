"""The day's backup runs on a worker thread after the window is up; a failure is told, not fatal."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from desktop import config
from desktop.models import connection, migrations
from desktop.services.office import backups
from desktop.ui import daily_backup
from desktop.ui.common.background import calls_in_flight


@pytest.fixture
def sqlite_only(tmp_path: Path) -> Iterator[Path]:
    """A migrated SQLite file on the global proxy (the app backs up SQLite files only)."""
    path = tmp_path / "kantor.sqlite3"
    connection.initialize(connection.sqlite_url(path))
    try:
        migrations.upgrade()
        yield path
    finally:
        connection.close()


def test_the_daily_backup_is_made_on_a_worker_thread_through_a_connection_of_its_own(
    qtbot, sqlite_only, monkeypatch
):
    seen: list[tuple[threading.Thread, bool]] = []
    real = migrations.backup_sqlite

    def recording(destination, *, own_connection=False):
        seen.append((threading.current_thread(), own_connection))
        return real(destination, own_connection=own_connection)

    monkeypatch.setattr(migrations, "backup_sqlite", recording)
    owner = QObject()
    daily_backup.start(owner)
    qtbot.waitUntil(lambda: calls_in_flight() == 0, timeout=10_000)
    made = list(config.backup_dir().glob("dinas-desk-*-harian.sqlite3"))
    assert len(made) == 1 and migrations.check_sqlite_file(made[0]) is None
    assert seen == [(seen[0][0], True)]
    assert seen[0][0] is not threading.main_thread()


def test_a_failed_daily_backup_is_logged_and_shown_without_blocking(qtbot, sqlite_only, monkeypatch, caplog):
    def full_disk(target, *, own_connection=False):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(migrations, "backup_sqlite", full_disk)
    shown = []
    monkeypatch.setattr(daily_backup, "show_failure", shown.append)
    owner = QObject()
    with caplog.at_level(logging.ERROR, logger="desktop.ui.daily_backup"):
        daily_backup.start(owner)
        qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "Cadangan database tidak dapat dibuat" in shown[0]
    assert any("daily backup failed" in r.message for r in caplog.records)
    assert not list(config.backup_dir().glob("*.sebagian"))


def test_the_failure_notice_is_a_non_modal_box_in_indonesian(qtbot):
    box = daily_backup.show_failure("Disk penuh.")
    qtbot.addWidget(box)
    assert box.isVisible() and not box.isModal()
    assert box.windowTitle() == "Cadangan harian gagal"
    assert "tidak dapat dibuat" in box.text() and box.informativeText() == "Disk penuh."


def test_a_run_that_ends_before_the_delay_makes_no_backup(qtbot, sqlite_only):
    owner = QObject()
    daily_backup.start_later(owner, delay_ms=50)
    owner.deleteLater()
    qtbot.wait(300)
    assert calls_in_flight() == 0
    assert not list(config.backup_dir().glob("*harian*"))
    assert backups.prune() == []


def test_a_run_whose_owner_is_merely_dropped_makes_no_backup(qtbot, sqlite_only):
    """As app.run() ends: its owner goes out of scope (nobody calls deleteLater). The timer must
    not keep it alive: a backup that ran after the run had ended once stole a later window's focus."""
    owner = QObject()
    daily_backup.start_later(owner, delay_ms=50)
    del owner
    qtbot.wait(300)
    assert calls_in_flight() == 0
    assert not list(config.backup_dir().glob("*harian*"))
