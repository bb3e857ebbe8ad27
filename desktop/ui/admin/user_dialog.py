"""Dialogs of the Pengguna dan peran page: a new account, and a new password for an account."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.office import admin
from desktop.services.office.admin import RoleChoice, UserRow
from desktop.services.office.users import NewUser
from desktop.services.session import Session
from desktop.ui.common.background import run_for
from desktop.ui.common.field_errors import FieldMarks, place_error_labels, show_refusal
from desktop.ui.common.forms import FORM_STYLESHEET, Banner, field_label, heading, muted, primary_button
from desktop.ui.common.operations import message_for
from desktop.ui.common.unsaved import FormDialog


def role_checkboxes(
    roles: Sequence[RoleChoice], columns: int = 2
) -> tuple[QGridLayout, dict[str, QCheckBox]]:
    """One checkbox per role, in SOP order, laid out in columns."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(16)
    grid.setVerticalSpacing(4)
    boxes: dict[str, QCheckBox] = {}
    for i, role in enumerate(roles):
        box = QCheckBox(role.name)
        box.setToolTip(role.description)
        boxes[role.code] = box
        grid.addWidget(box, i // columns, i % columns)
    return grid, boxes


class AddUserDialog(FormDialog):
    """Stays open with what was typed until the account is created."""

    def __init__(self, session: Session, roles: Sequence[RoleChoice], parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.created: UserRow | None = None
        self.setWindowTitle(self.tr("Tambah pengguna"))
        self.setStyleSheet(FORM_STYLESHEET)
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Tambah pengguna"), 1.3))
        layout.addWidget(
            muted(self.tr("Akun untuk pegawai dinas. Warga dan Wali Nagari tidak memakai aplikasi."))
        )
        self.banner = Banner()
        layout.addWidget(self.banner)
        form = QFormLayout()
        form.setVerticalSpacing(8)
        self.username_edit = QLineEdit()
        self.username_edit.setPlaceholderText(self.tr("huruf kecil, contoh: rahmi"))
        self.full_name_edit = QLineEdit()
        self.nip_edit = QLineEdit()
        self.nip_edit.setPlaceholderText(self.tr("18 angka (boleh kosong)"))
        self.pangkat_edit = QLineEdit()
        self.jabatan_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        for caption, edit in (
            (self.tr("Nama pengguna"), self.username_edit),
            (self.tr("Nama lengkap dan gelar"), self.full_name_edit),
            (self.tr("NIP"), self.nip_edit),
            (self.tr("Pangkat / golongan"), self.pangkat_edit),
            (self.tr("Jabatan"), self.jabatan_edit),
            (self.tr("Kata sandi awal"), self.password_edit),
            (self.tr("Ulangi kata sandi"), self.password_again),
        ):
            form.addRow(field_label(caption, edit), edit)
        layout.addLayout(form)
        layout.addWidget(field_label(self.tr("Peran")))
        grid, self.role_boxes = role_checkboxes(roles)
        layout.addLayout(grid)
        self.marks = FieldMarks(self)  # every refusal under its field at once
        place_error_labels(
            self.marks,
            {
                "username": self.username_edit,
                "full_name": self.full_name_edit,
                "nip": self.nip_edit,
                "pangkat_golongan": self.pangkat_edit,
                "jabatan": self.jabatan_edit,
                "password": self.password_edit,
                "password_again": self.password_again,
            },
        )
        layout.addWidget(self.marks.error_label("roles"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(self.tr("Batal"))
        cancel.clicked.connect(self.reject)
        self.save_button = primary_button(self.tr("Buat akun"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.submit)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, session: Session, roles: Sequence[RoleChoice]) -> UserRow | None:
        """The created account, or None when cancelled."""
        dialog = cls(session, roles, parent)
        dialog.exec()
        return dialog.created

    def chosen_roles(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.role_boxes.items() if box.isChecked())

    def submit(self) -> None:
        self.banner.clear()
        if self.password_edit.text() != self.password_again.text():
            self.marks.show([("password_again", self.tr("Kedua kata sandi tidak sama."))])
            return
        new = NewUser(
            username=self.username_edit.text(),
            full_name=self.full_name_edit.text(),
            password=self.password_edit.text(),
            roles=self.chosen_roles(),
            nip=self.nip_edit.text() or None,
            pangkat_golongan=self.pangkat_edit.text(),
            jabatan=self.jabatan_edit.text(),
        )
        session = self.session
        self.save_button.setEnabled(False)
        run_for(self, lambda: admin.create_user(session, new), self._created, self._failed)

    def _created(self, row: UserRow) -> None:
        self.created = row
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_refusal(self.marks, self.banner, error, message_for(error))


class NewPasswordDialog(FormDialog):
    """Asks for a new password twice."""

    def __init__(self, username: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Atur ulang kata sandi"))
        self.setStyleSheet(FORM_STYLESHEET)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(heading(self.tr("Kata sandi baru untuk %1").replace("%1", username), 1.15))
        layout.addWidget(
            muted(self.tr("Sampaikan kata sandi ini langsung kepada pemilik akun. Kuncian akun ikut dibuka."))
        )
        self.banner = Banner()
        layout.addWidget(self.banner)
        form = QFormLayout()
        self.first = QLineEdit()
        self.second = QLineEdit()
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(field_label(self.tr("Kata sandi baru"), self.first), self.first)
        form.addRow(field_label(self.tr("Ulangi"), self.second), self.second)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(self.tr("Batal"))
        cancel.clicked.connect(self.reject)
        ok = primary_button(self.tr("Simpan kata sandi"))
        ok.clicked.connect(self._check)
        buttons.addWidget(cancel)
        buttons.addWidget(ok)
        layout.addLayout(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, username: str) -> str | None:
        dialog = cls(username, parent)
        return dialog.first.text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _check(self) -> None:
        if self.first.text() != self.second.text():
            self.banner.show_message(self.tr("Kedua kata sandi tidak sama."), "error")
            return
        self.accept()
