"""Paths and workstation settings.

Workstation settings (database URL, printers, window state) live in QSettings on a real
workstation; environment variables override them so tests and CI never touch the user's
registry. Everything here is importable without a QApplication.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "DinasDesk"
ORG_NAME = "Disdukcapil"

ENV_DATA_DIR = "DINAS_DESK_DATA_DIR"
ENV_DB_URL = "DINAS_DESK_DB_URL"


def resource_dir() -> Path:
    """The folder holding SOP files, reference data, fonts and icons."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """The user's data folder (SQLite file, backups, logs); created on first use."""
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, ORG_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_sqlite_path() -> Path:
    return data_dir() / "dinas-desk.sqlite3"


def demo_sqlite_path() -> Path:
    return data_dir() / "demo.sqlite3"


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass(frozen=True)
class WorkstationSettings:
    """What this PC is configured with (database, printers)."""

    database_url: str | None = None
    letter_printer: str | None = None
    receipt_printer: str | None = None
    receipt_width_mm: int = 80


def _qsettings():  # QtCore only; no QApplication needed
    from PySide6.QtCore import QSettings

    return QSettings(ORG_NAME, APP_NAME)


def load_workstation_settings() -> WorkstationSettings:
    """Read the workstation settings, with the environment taking precedence."""
    env_url = os.environ.get(ENV_DB_URL)
    if os.environ.get(ENV_DATA_DIR) and not env_url:
        # A test or portable run: never read the real workstation's registry.
        return WorkstationSettings()
    s = _qsettings()
    return WorkstationSettings(
        database_url=env_url or (s.value("database/url") or None),
        letter_printer=s.value("printing/letter_printer") or None,
        receipt_printer=s.value("printing/receipt_printer") or None,
        receipt_width_mm=int(s.value("printing/receipt_width_mm", 80)),
    )


def save_database_url(url: str | None) -> None:
    s = _qsettings()
    if url:
        s.setValue("database/url", url)
    else:
        s.remove("database/url")
    s.sync()
