"""Pengguna dan peran: the accounts, their roles, (de)activating, unlocking and new passwords."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services.office import admin
from desktop.services.office.admin import RoleChoice, UserRow
from desktop.services.session import Session
from desktop.ui.admin.page import AdminPage, plain_table
from desktop.ui.admin.tables import UsersTableModel, user_state
from desktop.ui.admin.user_dialog import AddUserDialog, NewPasswordDialog, role_checkboxes
from desktop.ui.common.cards import section_label
from desktop.ui.common.forms import field_label, heading, muted, primary_button, scroll_area

DETAIL_WIDTH = 360


class UsersPage(AdminPage):
    TITLE = QT_TRANSLATE_NOOP("UsersPage", "Pengguna dan peran")
    HINT = QT_TRANSLATE_NOOP(
        "UsersPage", "Setiap pegawai punya satu akun; satu akun boleh memegang beberapa peran SOP."
    )

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.roles: list[RoleChoice] = []
        self.current: UserRow | None = None
        top = QHBoxLayout()
        self.add_button = primary_button(self.tr("Tambah pengguna…"))
        self.add_button.clicked.connect(self.add_user)
        top.addWidget(self.add_button)
        top.addStretch(1)
        self.box.addLayout(top)
        self.model = UsersTableModel()
        self.table = plain_table(self.model, stretch=2)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self._build_detail())
        split.setStretchFactor(0, 1)
        split.setSizes([560, DETAIL_WIDTH])
        split.setChildrenCollapsible(False)
        self.box.addWidget(split, 1)

    def _build_detail(self) -> QWidget:
        body = QWidget()
        box = QVBoxLayout(body)
        box.setContentsMargins(12, 0, 8, 0)
        box.setSpacing(8)
        self.name_label = heading(self.tr("Pilih pengguna"), 1.1)
        self.state_label = muted("")
        box.addWidget(self.name_label)
        box.addWidget(self.state_label)
        actions = QGridLayout()
        actions.setSpacing(6)
        self.active_button = QPushButton(self.tr("Nonaktifkan"))
        self.active_button.clicked.connect(self.toggle_active)
        self.unlock_button = QPushButton(self.tr("Buka kunci"))
        self.unlock_button.clicked.connect(self.unlock)
        self.password_button = QPushButton(self.tr("Kata sandi baru…"))
        self.password_button.setToolTip(self.tr("Atur ulang kata sandi; kuncian akun ikut dibuka"))
        self.password_button.clicked.connect(self.reset_password)
        actions.addWidget(self.active_button, 0, 0)
        actions.addWidget(self.unlock_button, 0, 1)
        actions.addWidget(self.password_button, 1, 0, 1, 2)
        box.addLayout(actions)
        box.addWidget(section_label(self.tr("Peran")))
        self.roles_holder = QVBoxLayout()
        box.addLayout(self.roles_holder)
        self.role_boxes = {}
        self.roles_button = QPushButton(self.tr("Simpan peran"))
        self.roles_button.clicked.connect(self.save_roles)
        box.addWidget(self.roles_button, 0, Qt.AlignmentFlag.AlignRight)
        box.addWidget(section_label(self.tr("Data pegawai")))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.full_name_edit, self.nip_edit, self.pangkat_edit, self.jabatan_edit = (
            QLineEdit() for _ in range(4)
        )
        for caption, edit in (
            (self.tr("Nama"), self.full_name_edit),
            (self.tr("NIP"), self.nip_edit),
            (self.tr("Pangkat/gol."), self.pangkat_edit),
            (self.tr("Jabatan"), self.jabatan_edit),
        ):
            form.addRow(field_label(caption, edit), edit)
        box.addLayout(form)
        self.profile_button = QPushButton(self.tr("Simpan data pegawai"))
        self.profile_button.clicked.connect(self.save_profile)
        box.addWidget(self.profile_button, 0, Qt.AlignmentFlag.AlignRight)
        box.addStretch(1)
        self.busy_buttons = [self.profile_button, self.roles_button, self.active_button, self.password_button]
        self._show_user(None)
        area = scroll_area(body)
        area.setMinimumWidth(372)  # the account's buttons and fields, and a vertical scroll bar
        return area

    # --- Loading ---------------------------------------------------------------------------------

    def load(self) -> None:
        session = self.session
        self.call(lambda: (admin.role_choices(session), admin.list_users(session)), self._loaded, quiet=True)

    def _loaded(self, result) -> None:
        roles, users = result
        if [r.code for r in roles] != [r.code for r in self.roles]:
            self.roles = roles
            self._build_role_boxes()
        self.model.role_names = {r.code: r.name for r in roles}
        self.model.set_rows(users)
        keep = self.current.id if self.current else None
        row = self.model.find(lambda u: u.id == keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)
            self._show_user(self.model.row(row))
        else:
            self._show_user(None)

    def _build_role_boxes(self) -> None:
        while self.roles_holder.count():
            item = self.roles_holder.takeAt(0)
            if item.layout() is not None:
                while item.layout().count():
                    child = item.layout().takeAt(0)
                    if child.widget() is not None:
                        child.widget().deleteLater()
        grid, self.role_boxes = role_checkboxes(self.roles, columns=1)
        grid.setVerticalSpacing(6)
        self.roles_holder.addLayout(grid)

    def usernames(self) -> list[str]:
        return [u.username for u in self.model.rows()]

    def select_username(self, username: str) -> None:
        row = self.model.find(lambda u: u.username == username)
        if row >= 0:
            self.table.selectRow(row)
            self._show_user(self.model.row(row))

    def _row_changed(self, current, _previous) -> None:
        self._show_user(self.model.row(current.row()) if current.isValid() else None)

    def _show_user(self, user: UserRow | None) -> None:
        self.current = user
        has = user is not None
        for widget in (
            self.full_name_edit,
            self.nip_edit,
            self.pangkat_edit,
            self.jabatan_edit,
            self.profile_button,
            self.roles_button,
            self.active_button,
            self.password_button,
        ):
            widget.setEnabled(has)
        self.unlock_button.setEnabled(bool(user and user.is_locked()))
        for code, box in self.role_boxes.items():
            box.setChecked(bool(user and code in user.roles))
            box.setEnabled(has)
        if user is None:
            self.name_label.setText(self.tr("Pilih pengguna"))
            self.state_label.setText(self.tr("Pilih satu akun di tabel untuk mengubahnya."))
            for edit in (self.full_name_edit, self.nip_edit, self.pangkat_edit, self.jabatan_edit):
                edit.clear()
            return
        self.name_label.setText(user.full_name)
        self.state_label.setText(f"{user.username} · {user_state(user)}")
        self.full_name_edit.setText(user.full_name)
        self.nip_edit.setText(user.nip or "")
        self.pangkat_edit.setText(user.pangkat_golongan)
        self.jabatan_edit.setText(user.jabatan)
        for edit in (self.full_name_edit, self.nip_edit, self.pangkat_edit, self.jabatan_edit):
            edit.setCursorPosition(0)
        self.active_button.setText(self.tr("Nonaktifkan") if user.is_active else self.tr("Aktifkan"))

    # --- Actions ---------------------------------------------------------------------------------

    def after_action(self) -> None:
        self._show_user(self.current)

    def _changed(self, row: UserRow) -> None:
        self._show_user(row)
        self.load()
        self.changed.emit()

    def add_user(self) -> None:
        if not self.roles:
            return
        created = AddUserDialog.ask(self, self.session, self.roles)
        if created is not None:
            self.current = created
            self.banner.show_message(self.tr("Akun %1 dibuat.").replace("%1", created.username), "success")
            self.load()

    def save_profile(self) -> None:
        user = self.current
        if user is None:
            return
        values = (
            self.full_name_edit.text(),
            self.nip_edit.text(),
            self.pangkat_edit.text(),
            self.jabatan_edit.text(),
        )
        session = self.session
        self.call(
            lambda: admin.update_profile(session, user.id, *values, user.version),
            self._changed,
            self.tr("Data pegawai %1 tersimpan.").replace("%1", user.username),
        )

    def save_roles(self) -> None:
        user = self.current
        if user is None:
            return
        chosen = [code for code, box in self.role_boxes.items() if box.isChecked()]
        session = self.session
        self.call(
            lambda: admin.set_roles(session, user.id, chosen, user.version),
            self._changed,
            self.tr("Peran %1 tersimpan. Berlaku saat ia masuk lagi.").replace("%1", user.username),
        )

    def toggle_active(self) -> None:
        user = self.current
        if user is None:
            return
        session = self.session
        if user.is_active:
            fn = lambda: admin.deactivate_user(session, user.id, user.version)  # noqa: E731
            done = self.tr("Akun %1 dinonaktifkan.")
        else:
            fn = lambda: admin.reactivate_user(session, user.id, user.version)  # noqa: E731
            done = self.tr("Akun %1 diaktifkan kembali.")
        self.call(fn, self._changed, done.replace("%1", user.username))

    def unlock(self) -> None:
        user = self.current
        if user is None:
            return
        session = self.session
        self.call(
            lambda: admin.unlock_user(session, user.id, user.version),
            self._changed,
            self.tr("Kunci akun %1 dibuka.").replace("%1", user.username),
        )

    def reset_password(self) -> None:
        user = self.current
        if user is None:
            return
        password = NewPasswordDialog.ask(self, user.username)
        if password is None:
            return
        session = self.session
        self.call(
            lambda: admin.reset_password(session, user.id, password, user.version),
            self._changed,
            self.tr("Kata sandi %1 diganti.").replace("%1", user.username),
        )
