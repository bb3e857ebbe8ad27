"""'Kembalikan': the Kabid sends a request back to the front desk and must say why."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.ui.common.forms import FORM_STYLESHEET, heading, muted
from desktop.ui.common.unsaved import FormDialog


class ReturnReasonDialog(FormDialog):
    def __init__(self, reference: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kembalikan permohonan"))
        self.setMinimumWidth(480)
        self.setStyleSheet(FORM_STYLESHEET)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Kembalikan %1 ke meja depan").replace("%1", reference), 1.1))
        layout.addWidget(
            muted(self.tr("Tulis apa yang kurang; alasan ini tampil di daftar pekerjaan meja depan."))
        )
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(
            self.tr("mis. Daftar nama calon penerima layanan belum dilampirkan.")
        )
        self.reason_edit.setTabChangesFocus(True)
        layout.addWidget(self.reason_edit, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Kembalikan"))
        ok.setEnabled(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(
            lambda: ok.setEnabled(bool(self.reason_edit.toPlainText().strip()))
        )
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, reference: str) -> str | None:
        """The reason typed, or None when cancelled."""
        dialog = cls(reference, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.reason_edit.toPlainText().strip() or None
            return None
        finally:
            dialog.deleteLater()
