"""Paths and workstation settings.

Workstation settings (database URL, printers, window state) live in QSettings on a real
workstation; environment variables override them so tests and CI never touch the user's
registry. Everything here is importable without a QApplication.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop import credentials

APP_NAME = "DinasDesk"
ORG_NAME = "Disdukcapil"

ENV_DATA_DIR = "DINAS_DESK_DATA_DIR"
ENV_DB_URL = "DINAS_DESK_DB_URL"


def resource_dir() -> Path:
    """The folder holding SOP files, reference data, fonts, icons and translations.

    It is package data of `desktop` (pyproject's package-data lists it), so the same path
    works in a checkout, an editable install and an installed wheel. No PyInstaller branch:
    a bundle sets each module's __file__ to sys._MEIPASS/desktop/<module>.pyc, so this path is
    sys._MEIPASS/desktop/resources, where the bundle collects the folder (e.g.
    collect_data_files("desktop") or --add-data desktop/resources:desktop/resources).
    """
    return Path(__file__).resolve().parent / "resources"


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
    receipt_columns: int = 0  # characters per line; 0: the paper width's own (58 mm 32, 80 mm 48)


def qsettings():  # QtCore only; no QApplication needed
    """The registry on a workstation; `<data dir>/dinas-desk.ini` in a test or portable run
    (DINAS_DESK_DATA_DIR set), so those never read or write the real workstation's registry."""
    from PySide6.QtCore import QSettings

    if os.environ.get(ENV_DATA_DIR):
        return QSettings(str(data_dir() / "dinas-desk.ini"), QSettings.Format.IniFormat)
    return QSettings(ORG_NAME, APP_NAME)


def load_workstation_settings() -> WorkstationSettings:
    """Read the workstation settings, with the environment taking precedence.

    The saved database URL has no password: it comes from the operating system's password store.
    A URL saved by an older version with its password inside is moved into the store on first read.
    """
    env_url = os.environ.get(ENV_DB_URL)
    s = qsettings()
    saved = s.value("database/url") or None
    if saved and not env_url:
        if credentials.split_password(saved)[1]:  # saved by an older version, password inside
            moved = credentials.store(saved)
            if moved.in_store:
                s.setValue("database/url", moved.url)
                s.sync()
            saved = moved.url
        saved = credentials.recall(saved)
    return WorkstationSettings(
        database_url=env_url or saved,
        letter_printer=s.value("printing/letter_printer") or None,
        receipt_printer=s.value("printing/receipt_printer") or None,
        receipt_width_mm=_int_setting(s.value("printing/receipt_width_mm", 80), 80),
        receipt_columns=_int_setting(s.value("printing/receipt_columns", 0), 0),
    )


def _int_setting(value, default: int) -> int:
    """A number from QSettings (an INI file gives text), the default for anything else."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def save_database_url(url: str | None) -> credentials.SavedUrl:
    """Save the URL this workstation opens; its password goes to the operating system's store."""
    s = qsettings()
    saved = credentials.store(url) if url else credentials.SavedUrl("", in_store=False)
    if saved.url:
        s.setValue("database/url", saved.url)
    else:
        s.remove("database/url")
    s.sync()
    return saved


REQUIRE_TLS_KEY = "database/require_tls_remote"


def require_remote_tls() -> bool:
    """ "Require TLS for a server on another computer": on unless an administrator turned it off."""
    value = qsettings().value(REQUIRE_TLS_KEY, True)
    return str(value).strip().lower() not in ("false", "0", "no", "off")


def save_require_remote_tls(required: bool) -> None:
    s = qsettings()
    s.setValue(REQUIRE_TLS_KEY, bool(required))
    s.sync()
