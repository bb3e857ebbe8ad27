"""Cancelling a package that will not come back (a lost or broken laptop), with the reason.

Once cancelled the case is no longer out on that laptop, and the package is refused if it turns
up: what was recorded on it must be recorded again. The leader is told so before choosing.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.errors import DomainError
from desktop.services.field import conflicts
from desktop.services.session import Session
from desktop.ui.field.notice import NoticeBanner


class CancelPackageDialog(QDialog):
    def __init__(self, parent: QWidget | None, session: Session, packages: list):
        super().__init__(parent)
        self.session, self.packages = session, packages
        self.setWindowTitle(self.tr("Batalkan paket lapangan"))
        self.banner = NoticeBanner()
        intro = QLabel(
            self.tr(
                "Batalkan paket laptop yang hilang atau rusak. Paket yang dibatalkan ditolak bila kembali: "
                "data yang dicatat di laptop itu harus dicatat ulang di daftar pelayanan."
            )
        )
        intro.setWordWrap(True)
        self.laptop = QComboBox()
        for package in packages:
            self.laptop.addItem(f"{package.laptop} ({package.taken_at:%d-%m-%Y})", package.package_uid)
        self.reason = QLineEdit()
        self.reason.setMaxLength(300)
        self.reason.setPlaceholderText(self.tr("mis. laptop hilang dalam perjalanan"))
        form = QFormLayout()
        form.addRow(self.tr("&Laptop:"), self.laptop)
        form.addRow(self.tr("&Alasan:"), self.reason)
        form.labelForField(self.laptop).setBuddy(self.laptop)
        form.labelForField(self.reason).setBuddy(self.reason)
        buttons = QDialogButtonBox()
        self.cancel_button = buttons.addButton(
            self.tr("&Batalkan paket"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("&Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.banner)
        box.addWidget(intro)
        box.addLayout(form)
        box.addWidget(buttons)
        self.reason.setFocus()

    def confirm(self) -> None:
        """Cancel the chosen package; a refusal stays in the dialog with the reason typed."""
        try:
            conflicts.cancel_package(self.session, self.laptop.currentData(), self.reason.text())
        except DomainError as exc:
            self.banner.error(exc.message)
            self.reason.setFocus()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, session: Session, packages: list) -> bool:
        dialog = cls(parent, session, packages)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
