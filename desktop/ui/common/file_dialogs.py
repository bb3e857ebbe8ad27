"""Every file dialog of the app opens where the user last was for that purpose, else in Documents.

One folder is remembered per purpose (SCAN, IMPORT, EXPORT, LOGO, BACKUP ...) in the workstation's
QSettings, so choosing a scan does not move the export folder. Without one the dialog opens in
the user's Documents folder (QStandardPaths.DocumentsLocation), or in a folder the caller names
(the app's own backup folder to restore from): never in the process' working folder, which on
Windows is wherever the shortcut started the app. Tests replace QFileDialog's functions and see
the folder passed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.ui.settings import ui_settings

SCAN = "scan"  # a letter's scanned pages at the front desk
IMPORT = "import"  # service records from a spreadsheet
EXPORT = "export"  # tables, the audit log, recaps
ATTACHMENT = "attachment"  # innovation documents and meeting minutes
DOCUMENT = "document"  # an issued PDF saved, or one to verify
LOGO = "logo"
BACKUP = "backup"
CERTIFICATE = "certificate"  # the office CA for PostgreSQL over TLS


def _key(purpose: str) -> str:
    return f"file_dialogs/{purpose}"


def documents_folder() -> Path:
    """The user's Documents folder (the home folder when the system names none)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def start_folder(purpose: str, fallback: Path | None = None) -> Path:
    """The folder the dialog for `purpose` opens in: the last one used, else `fallback` or Documents."""
    remembered = ui_settings().value(_key(purpose))
    if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
        return Path(remembered)
    if fallback is not None and Path(fallback).is_dir():
        return Path(fallback)
    return documents_folder()


def remember(purpose: str, chosen: str | Path) -> None:
    """Note the folder of a chosen file as the next start for `purpose`."""
    folder = Path(chosen).parent
    if str(folder) and folder.is_dir():
        settings = ui_settings()
        settings.setValue(_key(purpose), str(folder))
        settings.sync()


def open_file(
    parent: QWidget | None, purpose: str, caption: str, file_filter: str, fallback: Path | None = None
) -> Path | None:
    """One existing file, or None when cancelled."""
    start = start_folder(purpose, fallback)
    name, _chosen = QFileDialog.getOpenFileName(parent, caption, str(start), file_filter)
    if not name:
        return None
    remember(purpose, name)
    return Path(name)


def choose_folder(
    parent: QWidget | None, purpose: str, caption: str, fallback: Path | None = None
) -> Path | None:
    """An existing folder (field packages are written there), or None when cancelled."""
    start = start_folder(purpose, fallback)
    chosen = QFileDialog.getExistingDirectory(parent, caption, str(start))
    if not chosen:
        return None
    settings = ui_settings()
    settings.setValue(_key(purpose), str(Path(chosen)))
    settings.sync()
    return Path(chosen)


def open_files(parent: QWidget | None, purpose: str, caption: str, file_filter: str) -> list[Path]:
    """Existing files; an empty list when cancelled."""
    names, _chosen = QFileDialog.getOpenFileNames(parent, caption, str(start_folder(purpose)), file_filter)
    if names:
        remember(purpose, names[0])
    return [Path(n) for n in names]


def save_file(
    parent: QWidget | None, purpose: str, caption: str, file_name: str, file_filter: str
) -> tuple[Path | None, str]:
    """Where to write `file_name` (the user may rename it) and the filter chosen; (None, "") if cancelled."""
    suggested = start_folder(purpose) / Path(file_name).name
    name, chosen = QFileDialog.getSaveFileName(parent, caption, str(suggested), file_filter)
    if not name:
        return None, ""
    remember(purpose, name)
    return Path(name), chosen
