"""Asking for the user's password again before a signature (disposisi, Surat Tugas).

With a `check` (signing_check: the service that counts wrong passwords), the dialog checks the
password itself: a wrong one leaves the dialog open with the service's message ('Sisa percobaan:
2') and the field emptied for another try, until the account locks; then it says so and only
Batal remains. The password is returned only once it was accepted.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.services import workspace
from desktop.services.errors import AuthenticationFailed
from desktop.services.security import auth
from desktop.services.session import Session
from desktop.ui.common.background import run_for
from desktop.ui.common.forms import FORM_STYLESHEET, Banner, heading
from desktop.ui.common.operations import message_for


class AccountLocked(AuthenticationFailed):
    """The password was refused and the account is now locked: no further try in this dialog."""


def signing_check(session: Session) -> Callable[[str], None]:
    """The check a signing dialog runs in the background: the signing service's own password check
    (a wrong password counts as a failed login)."""

    def check(password: str) -> None:
        try:
            auth.verify_password_again(session, password)
        except AuthenticationFailed as refusal:
            if workspace.account_locked(session):
                raise AccountLocked(refusal.message) from refusal
            raise

    return check


class PasswordDialog(QDialog):
    """'Tanda tangan elektronik': one password field; OK only once something is typed."""

    def __init__(
        self, prompt: str, parent: QWidget | None = None, check: Callable[[str], None] | None = None
    ):
        super().__init__(parent)
        self.check = check
        self.checking = False
        self.attempts = 0  # passwords refused in this dialog (tests wait on it)
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
        self.banner = Banner()
        layout.addWidget(self.banner)
        note = QLabel(self.tr("Kata sandi diperiksa ulang; tanda tangan dicatat beserta waktunya."))
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Tandatangani"))
        self.ok_button.setProperty("primary", True)
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.password_edit.textChanged.connect(self._typed)
        layout.addWidget(self.buttons)
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def password(self) -> str:
        return self.password_edit.text()

    def _typed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text) and not self.checking)

    def submit(self) -> None:
        """OK or Enter: accept at once, or (with a check) once the service accepted the password."""
        if not self.password() or self.checking:
            return
        if self.check is None:
            self.accept()
            return
        self.checking = True
        self.ok_button.setEnabled(False)
        self.password_edit.setEnabled(False)
        self.banner.show_message(self.tr("Memeriksa kata sandi…"), "info")
        check, password = self.check, self.password()
        run_for(self, lambda: check(password), lambda _ok: self.accept(), self._refused)

    def _refused(self, error: BaseException) -> None:
        self.checking = False
        self.attempts += 1
        self.banner.show_message(message_for(error), "error")
        self.password_edit.clear()
        if isinstance(error, AccountLocked):
            return  # nothing more to try here: Batal
        self.password_edit.setEnabled(True)
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        if not self.checking:  # the answer is on its way: wait for it
            super().reject()

    @classmethod
    def ask(
        cls, parent: QWidget | None, prompt: str, check: Callable[[str], None] | None = None
    ) -> str | None:
        """The password typed (and accepted by `check`), or None when the user cancelled. Tests
        replace this."""
        dialog = cls(prompt, parent, check)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.password():
                return dialog.password()
            return None
        finally:
            dialog.password_edit.clear()
            dialog.deleteLater()
