"""Opening a field package on a laptop: what the package says about itself, then its passphrase.

The header (case, nagari, laptop, leader, date) is read without the key, so the team sees which
package they are opening before typing anything. A wrong passphrase is said in the dialog, which
stays open for another try.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.errors import DomainError
from desktop.services.field import mode, package
from desktop.ui.common.forms import (
    FORM_STYLESHEET,
    field_label,
    fit_on_screen,
    heading,
    muted,
    primary_button,
    value_label,
    value_rows,
)


class OpenPackageDialog(QDialog):
    """Ask the passphrase of one package and open it; `info` holds mode.FieldInfo once open."""

    def __init__(self, parent: QWidget | None, path: Path):
        super().__init__(parent)
        self.path = Path(path)
        self.info: mode.FieldInfo | None = None
        self.setWindowTitle(self.tr("Buka paket lapangan"))
        self.setStyleSheet(FORM_STYLESHEET)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("Passphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setObjectName("ErrorText")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.open_button = primary_button(self.tr("&Buka"))
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Batal"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Buka paket lapangan")))
        self.header = self._read_header()
        if self.header is not None:
            layout.addLayout(self._header_rows(self.header))
        layout.addWidget(field_label(self.tr("&Kata sandi paket"), self.passphrase_edit))
        layout.addWidget(self.passphrase_edit)
        layout.addWidget(muted(self.tr("Kata sandi diberikan Ketua Tim saat paket dibawa dari kantor.")))
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.open_button)
        layout.addLayout(buttons)
        fit_on_screen(self, 520, 400)
        self.passphrase_edit.setFocus()

    def _read_header(self) -> package.Header | None:
        try:
            return package.read_header(self.path)
        except (DomainError, OSError) as exc:
            message = getattr(exc, "message", "") or self.tr("Berkas %1 tidak dapat dibaca (%2).").replace(
                "%1", str(self.path)
            ).replace("%2", str(getattr(exc, "strerror", "") or exc))
            self._show_error(message)
            self.passphrase_edit.setEnabled(False)
            self.open_button.setEnabled(False)
            return None

    def _header_rows(self, header: package.Header):
        self.case_value = value_label(f"{header.case_number} · {header.case_title}")
        rows = (
            (self.tr("Berkas"), value_label(self.path.name)),
            (self.tr("Kasus"), self.case_value),
            (self.tr("Nagari"), value_label(header.nagari or "-")),
            (self.tr("Laptop"), value_label(header.laptop)),
            (self.tr("Dibawa oleh"), value_label(f"{header.leader}, {header.taken_on}")),
        )
        return value_rows(rows)

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def submit(self) -> None:
        """Open the package with the typed passphrase; on refusal say why and wait for another try."""
        if not self.open_button.isEnabled():
            return
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            self._show_error(self.tr("Isi kata sandi paket."))
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.info = mode.open_package(self.path, passphrase)
        except DomainError as exc:
            self._show_error(exc.message)
            self.passphrase_edit.clear()
            self.passphrase_edit.setFocus()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path) -> mode.FieldInfo | None:
        """Show the dialog; the opened package's FieldInfo, None when cancelled."""
        dialog = cls(parent, path)
        try:
            return dialog.info if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def choose_and_open(parent: QWidget | None) -> mode.FieldInfo | None:
    """'Buka paket lapangan…': pick a package file, then its passphrase."""
    from desktop.ui.field.return_dialog import PackageFileDialog

    path = PackageFileDialog.ask(parent)
    return OpenPackageDialog.ask(parent, path) if path is not None else None
