"""Asking where to save an exported recap (replaced in tests)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.common import file_dialogs

FILTERS = {  # translated when asked: at import time no translator is installed yet
    ".xlsx": QT_TRANSLATE_NOOP("SaveFileDialog", "Buku kerja Excel (*.xlsx)"),
    ".pdf": QT_TRANSLATE_NOOP("SaveFileDialog", "Dokumen PDF (*.pdf)"),
}


class SaveFileDialog:
    @staticmethod
    def ask(parent: QWidget | None, title: str, suggested_name: str, suffix: str) -> Path | None:
        """The file to write, with `suffix` added when the user left it out; None when cancelled."""
        path, _chosen = file_dialogs.save_file(
            parent,
            file_dialogs.EXPORT,
            title,
            suggested_name,
            QCoreApplication.translate("SaveFileDialog", FILTERS.get(suffix, "")),
        )
        if path is None:
            return None
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def safe_file_name(title: str) -> str:
    """A title turned into a file name that works on Windows."""
    keep = "".join(ch if ch.isalnum() or ch in " -_." else "-" for ch in title)
    return " ".join(keep.split())[:120] or "rekapitulasi"
