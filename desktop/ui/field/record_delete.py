"""'Hapus' on a field laptop: a record typed in the field by mistake is deleted, after a question.

Only in field mode, and the service decides which records may go (those made in the field);
its refusal is shown in the grid's banner. The Delete key on the table does the same.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from desktop.services.errors import DomainError


class DeleteQuestion:
    """'Hapus data X?' (a classmethod so that tests can answer it)."""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> bool:
        translate = QCoreApplication.translate
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("DeleteQuestion", "Hapus data"))
        box.setText(translate("DeleteQuestion", "Hapus data pelayanan %1?").replace("%1", name))
        box.setInformativeText(
            translate("DeleteQuestion", "Data yang dihapus di lapangan tidak akan masuk ke kantor.")
        )
        delete = box.addButton(translate("DeleteQuestion", "&Hapus"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(translate("DeleteQuestion", "&Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is delete


class RecordDeleter:
    """Adds 'Hapus' (button and Delete key) to a RecordsGridPanel."""

    def __init__(self, grid) -> None:
        self.grid = grid
        self.button = QPushButton(QCoreApplication.translate("RecordDeleter", "&Hapus"))
        self.button.setObjectName("DeleteRecord")
        self.button.setToolTip(
            QCoreApplication.translate(
                "RecordDeleter", "Hapus data terpilih yang dicatat di lapangan (tombol Del)"
            )
        )
        self.button.clicked.connect(self.delete_selected)
        grid.actions().layout().addWidget(self.button)
        self.shortcut = QShortcut(QKeySequence(Qt.Key.Key_Delete), grid.table)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.shortcut.activated.connect(self.delete_selected)

    def delete_selected(self) -> None:
        from desktop.services.sijarla import service_records

        grid = self.grid
        index = grid.table.currentIndex()
        record = grid.model.record(index.row()) if index.isValid() else None
        translate = QCoreApplication.translate
        if record is None:
            grid.banner.error(translate("RecordDeleter", "Pilih data yang akan dihapus pada tabel."))
            return
        if not DeleteQuestion.ask(grid, record.full_name):
            return
        try:
            service_records.delete_record(grid.session, record.id, record.version)
        except DomainError as exc:
            grid.banner.error(exc.message)
            return
        grid.banner.ok(translate("RecordDeleter", "Data %1 dihapus.").replace("%1", record.full_name))
        grid.model.reload()
        grid.table.setFocus()
