"""Asking for the user's password again before a signature (disposisi, Surat Tugas)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.ui.common.forms import FORM_STYLESHEET, heading


class PasswordDialog(QDialog):
    """'Tanda tangan elektronik': one password field; OK only once something is typed."""

    def __init__(self, prompt: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Konfirmasi kata sandi"))
        self.setModal(True)
        self.setMinimumWidth(420)
        self.setStyleSheet(FORM_STYLESHEET)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 18)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Tanda tangan elektronik"), 1.15))
        self.prompt_label = QLabel(prompt)
        self.prompt_label.setWordWrap(True)
        layout.addWidget(self.prompt_label)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Kata sandi Anda"))
        self.password_edit.setAccessibleName(self.tr("Kata sandi"))
        layout.addWidget(self.password_edit)
        note = QLabel(self.tr("Kata sandi diperiksa ulang; tanda tangan dicatat beserta waktunya."))
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Tandatangani"))
        ok.setProperty("primary", True)
        ok.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.password_edit.textChanged.connect(lambda text: ok.setEnabled(bool(text)))
        layout.addWidget(self.buttons)
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def password(self) -> str:
        return self.password_edit.text()

    @classmethod
    def ask(cls, parent: QWidget | None, prompt: str) -> str | None:
        """The password typed, or None when the user cancelled. Tests replace this."""
        dialog = cls(prompt, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.password():
                return dialog.password()
            return None
        finally:
            dialog.password_edit.clear()
            dialog.deleteLater()
