"""Importing service records from an .xlsx or .csv file, in the background, with progress and Batal.

The first run checks every row and imports all or nothing. When rows are broken the user
sees them one by one (row, column, message) and may import only the clean rows, or cancel.
Cancelling while the file is read rolls back: nothing is saved.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.session import Session
from desktop.services.sijarla import record_import
from desktop.services.sijarla.service_records import ImportResult
from desktop.ui import theme
from desktop.ui.common import file_dialogs
from desktop.ui.common.background import run_for
from desktop.ui.common.forms import fit_on_screen
from desktop.ui.common.operations import Cancellation
from desktop.ui.common.tables import equip
from desktop.ui.sijarla.records_import_errors import ImportErrorsTableModel

POLL_MS = 100


class ImportCancelled(Exception):
    """The user pressed Batal while the file was being read; the transaction was rolled back."""


@dataclass
class ImportProgress:
    """Written by the worker, read by the UI's timer (plain ints: no widget is touched off-thread)."""

    total: int = 0
    done: int = 0


def tracked(rows: Iterable[list], progress: ImportProgress, token: Cancellation) -> Iterator[list]:
    """The rows, counting each one and stopping with ImportCancelled when the user cancels."""
    for index, row in enumerate(rows):
        if token.cancelled:
            raise ImportCancelled
        if index:  # the header row is not a data row
            progress.done = index
        yield row


class ImportFileDialog:
    """Asks which file to import (replaced in tests)."""

    @staticmethod
    def ask(parent: QWidget | None) -> Path | None:
        return file_dialogs.open_file(
            parent,
            file_dialogs.IMPORT,
            QCoreApplication.translate("ImportFileDialog", "Impor data pelayanan"),
            QCoreApplication.translate(
                "ImportFileDialog", "Lembar kerja (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)"
            ),
        )


class TemplateFileDialog:
    """Asks where to save the import template (replaced in tests)."""

    @staticmethod
    def ask(parent: QWidget | None, suggested: str) -> Path | None:
        path, chosen = file_dialogs.save_file(
            parent,
            file_dialogs.IMPORT,  # the template is filled in and imported from the same folder
            QCoreApplication.translate("TemplateFileDialog", "Simpan templat impor"),
            suggested,
            QCoreApplication.translate("TemplateFileDialog", "Excel (*.xlsx);;CSV (*.csv)"),
        )
        if path is None:
            return None
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
        return path


class RecordsImport(QObject):
    """One run of an import: background work, a progress dialog with Batal, one signal at the end."""

    finished = Signal(object)  # ImportResult
    failed = Signal(object)  # the error; ImportCancelled when the user cancelled

    def __init__(
        self, session: Session, case_id: int, path: Path, *, clean_only: bool, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.session, self.case_id, self.path, self.clean_only = session, case_id, path, clean_only
        self.progress = ImportProgress()
        self.token = Cancellation()
        label = self.tr("Mengimpor %1…") if clean_only else self.tr("Memeriksa %1…")
        self.dialog = QProgressDialog(label.replace("%1", path.name), self.tr("Batal"), 0, 0, parent)
        self.dialog.setWindowTitle(self.tr("Impor data pelayanan"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.token.cancel)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._show_progress)

    def start(self) -> None:
        self.timer.start()
        run_for(self, self._work, self._done, self._error)

    def cancel(self) -> None:
        self.token.cancel()

    def _work(self) -> ImportResult:
        table = record_import.open_table(self.path)  # read once; the row count comes with it
        self.progress.total = table.data_rows
        rows = tracked(table.rows, self.progress, self.token)
        return record_import.import_records(
            self.session, self.case_id, rows, import_clean_rows=self.clean_only
        )

    def _show_progress(self) -> None:
        if self.progress.total:
            self.dialog.setMaximum(self.progress.total)
            self.dialog.setValue(min(self.progress.done, self.progress.total))

    def _stop(self) -> None:
        self.timer.stop()
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()

    def _done(self, result: ImportResult) -> None:
        self._stop()
        self.finished.emit(result)

    def _error(self, error: BaseException) -> None:
        self._stop()
        self.failed.emit(error)


class ImportErrorsDialog(QDialog):
    """The rows that could not be imported; accept means "import only the clean rows"."""

    def __init__(self, parent: QWidget | None, result: ImportResult, filename: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ada baris yang bermasalah"))
        fit_on_screen(self, 820, 520)
        title = QLabel(self.tr("Ada baris yang bermasalah"))
        title.setProperty("role", "heading")
        title.setFont(theme.scaled_font(self.font(), 1.3, QFont.Weight.DemiBold))
        clean = result.total_rows - len({e.row for e in result.errors})
        self.summary_label = QLabel(
            self.tr(
                "Berkas %1: %2 baris diperiksa, %3 baris bermasalah. Belum ada data yang diimpor. "
                "Perbaiki berkasnya lalu impor lagi, atau impor %4 baris yang benar saja."
            )
            .replace("%1", filename)
            .replace("%2", str(result.total_rows))
            .replace("%3", str(result.total_rows - clean))
            .replace("%4", str(clean))
        )
        self.summary_label.setWordWrap(True)
        self.model = ImportErrorsTableModel(result.errors)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)  # long messages show whole in their tooltip
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 64)
        self.table.setColumnWidth(1, 110)
        self.import_button = QPushButton(self.tr("Impor baris yang benar saja"))
        self.import_button.setProperty("primary", True)
        self.import_button.setEnabled(clean > 0)
        self.cancel_button = QPushButton(self.tr("Batal"))
        self.cancel_button.setDefault(True)
        self.import_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.summary_label)
        equip(self.table, self.tr("Baris bermasalah"))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.cancel_button.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, result: ImportResult, filename: str) -> bool:
        """True when the user chose to import only the clean rows."""
        dialog = cls(parent, result, filename)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
