"""The day's backup of a SQLite database, made on a worker thread once the first window is up.

The backup of a large database takes seconds; the office should not wait for it before it can log
in. The copy reads through a sqlite3 connection of its own on the worker (never the UI thread's);
a failure is logged and told to the user in a message box that blocks nothing.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox

from desktop.services.office import backups
from desktop.ui.common.background import later, run_for
from desktop.ui.common.operations import message_for

log = logging.getLogger(__name__)

START_DELAY_MS = 500  # after the login window (or the main window) has painted


def start_later(owner: QObject, delay_ms: int = START_DELAY_MS) -> None:
    """Make the day's backup on a worker thread `delay_ms` after the event loop runs."""
    later(owner, delay_ms, start)  # owner held weakly: gone with it, the backup never starts


def start(owner: QObject) -> None:
    """Make the day's backup now, on a worker thread; the outcome is logged (a failure also shown)."""
    run_for(owner, backups.ensure_daily_backup, _made, _failed)


def _made(path: Path | None) -> None:
    if path is not None:
        log.info("daily backup written: %s", path)


def _failed(error: BaseException) -> None:
    log.error("daily backup failed", exc_info=error)
    show_failure(message_for(error))


def show_failure(detail: str) -> QMessageBox:
    """A message box that blocks nothing: the day's backup failed, work goes on."""
    translate = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Warning, translate("daily_backup", "Cadangan harian gagal"), "")
    box.setText(
        translate(
            "daily_backup",
            "Cadangan harian database hari ini tidak dapat dibuat. Anda tetap dapat bekerja; beri tahu "
            "Administrator agar masalahnya diperbaiki.",
        )
    )
    box.setInformativeText(detail)
    box.setModal(False)
    box.show()
    global _last_notice
    _last_notice = box  # a parentless box needs a Python reference while it is open; one is enough
    return box


_last_notice: QMessageBox | None = None
