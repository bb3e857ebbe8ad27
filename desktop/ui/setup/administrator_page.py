"""Setup page "Administrator": the office's first account, under the rules every account follows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from desktop.services import first_start
from desktop.services.first_start import FirstAdministrator
from desktop.services.security.auth import MIN_PASSWORD_LENGTH
from desktop.ui.common.forms import field_label, muted
from desktop.ui.setup.base import SetupPage


class AdministratorSetupPage(SetupPage):
    TITLE = QT_TRANSLATE_NOOP("AdministratorSetupPage", "Administrator")
    SUBTITLE = QT_TRANSLATE_NOOP(
        "AdministratorSetupPage",
        "Akun pertama kantor ini. Administrator membuat akun pegawai lain, mengatur penandatangan, "
        "penomoran dan printer.",
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(8)
        self.username_edit = QLineEdit()
        self.username_edit.setPlaceholderText(self.tr("huruf kecil, angka, titik; mis. admin.kantor"))
        self.full_name_edit = QLineEdit()
        self.full_name_edit.setPlaceholderText(self.tr("seperti tercetak di surat"))
        self.nip_edit = QLineEdit()
        self.nip_edit.setPlaceholderText(self.tr("18 angka; boleh kosong"))
        self.jabatan_edit = QLineEdit()
        self.jabatan_edit.setPlaceholderText(self.tr("mis. Pranata Komputer"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(
            self.tr("minimal %1 karakter").replace("%1", str(MIN_PASSWORD_LENGTH))
        )
        self.password_again_edit = QLineEdit()
        self.password_again_edit.setEchoMode(QLineEdit.EchoMode.Password)
        for caption, edit in (
            (self.tr("Nama &pengguna"), self.username_edit),
            (self.tr("Nama lengk&ap"), self.full_name_edit),
            (self.tr("&NIP (opsional)"), self.nip_edit),
            (self.tr("&Jabatan"), self.jabatan_edit),
            (self.tr("Kata &sandi"), self.password_edit),
            (self.tr("&Ulangi kata sandi"), self.password_again_edit),
        ):
            form.addRow(field_label(caption, edit), edit)
        self.body.addLayout(form)
        self.body.addWidget(
            muted(
                self.tr(
                    "Simpan kata sandi ini baik-baik: tanpa akun Administrator tidak ada yang dapat membuat "
                    "akun atau mengubah pengaturan."
                )
            )
        )
        self.body.addStretch(1)

    def first_field(self) -> QWidget | None:
        return self.username_edit

    def first_administrator(self) -> FirstAdministrator:
        return FirstAdministrator(
            username=self.username_edit.text().strip(),
            full_name=self.full_name_edit.text(),
            password=self.password_edit.text(),
            nip=self.nip_edit.text().strip() or None,
            jabatan=self.jabatan_edit.text(),
        )

    def snapshot(self) -> Any:
        return (self.first_administrator(), self.password_again_edit.text())

    def local_refusal(self) -> tuple[str, QWidget] | None:
        if len(self.password_edit.text()) >= MIN_PASSWORD_LENGTH and (
            self.password_edit.text() != self.password_again_edit.text()
        ):
            return self.tr(
                "Kedua kata sandi tidak sama. Ketik ulang kata sandi yang sama."
            ), self.password_again_edit
        return None

    def background_check(self) -> Callable[[], Any] | None:
        first = self.first_administrator()
        return lambda: first_start.check_administrator(first)

    def field_widget(self, field: str | None) -> QWidget | None:
        return {
            "username": self.username_edit,
            "full_name": self.full_name_edit,
            "nip": self.nip_edit,
            "jabatan": self.jabatan_edit,
            "password": self.password_edit,
        }.get(field or "")
