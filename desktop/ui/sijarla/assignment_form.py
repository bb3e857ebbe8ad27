"""The Kepala Dinas' Surat Tugas: who goes (leader first), where, when, to do what, and copies.

Members are picked from the staff list; the disposition's team comes preselected. The form
only builds a sijarla.AssignmentDraft; the service checks it when signing.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.case_view import AssignmentDefaults
from desktop.services.office.users import UserSummary
from desktop.services.sijarla import steps as sijarla
from desktop.ui.common.cards import section_label
from desktop.ui.common.field_errors import FieldMarks, problems_of
from desktop.ui.common.forms import (
    FORM_STYLESHEET,
    Banner,
    DateEdit,
    field_label,
    input_height,
    primary_button,
    submit_shortcut,
)


class AssignmentForm(QWidget):
    sign_requested = Signal()
    preview_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(FORM_STYLESHEET)
        self.staff: dict[int, UserSummary] = {}
        self.banner = Banner()
        self.members_list = QListWidget()
        self.members_list.setMinimumHeight(96)
        self.members_list.setMaximumHeight(140)
        self.staff_combo = QComboBox()
        self.staff_combo.setMinimumContentsLength(18)
        self.add_button = QPushButton(self.tr("Tambah"))
        self.remove_button = QPushButton(self.tr("Hapus"))
        self.up_button = QPushButton(self.tr("Naik"))
        self.up_button.setToolTip(self.tr("Yang teratas adalah ketua tim"))
        self.down_button = QPushButton(self.tr("Turun"))
        self.place_edit = QLineEdit()
        self.start_edit = DateEdit()
        self.end_edit = DateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        input_height(self.staff_combo, self.start_edit, self.end_edit)
        self.task_edit = self._text_edit(70)
        self.basis_edit = self._text_edit(60)
        self.copies_edit = self._text_edit(48)
        self.preview_button = QPushButton(self.tr("Perbarui pratinjau"))
        self.sign_button = primary_button(self.tr("Tandatangani dan terbitkan…"))
        self.sign_button.setToolTip(self.tr("Tandatangani Surat Tugas (Ctrl+Enter)"))
        self.marks = FieldMarks(self)
        self.case_reference = ""  # the case whose Surat Tugas this is ('' while none is open)
        self._clean: sijarla.AssignmentDraft | None = None
        self._layout()
        for name, widget in (
            ("members", self.members_list),
            ("place", self.place_edit),
            ("start_on", self.start_edit),
            ("end_on", self.end_edit),
            ("task", self.task_edit),
            ("basis", self.basis_edit),
            ("copies_to", self.copies_edit),
        ):
            self.marks.bind(name, widget)
        self.add_button.clicked.connect(self._add_member)
        self.remove_button.clicked.connect(self._remove_member)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.preview_button.clicked.connect(self.preview_requested)
        self.sign_button.clicked.connect(self.sign_requested)
        submit_shortcut(self, self.sign_requested.emit)

    @staticmethod
    def _text_edit(height: int) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(height)
        return edit

    def _layout(self) -> None:
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 10, 0)  # clear of the scroll bar; the caption not at the very edge
        box.setSpacing(6)
        box.addWidget(self.banner)
        box.addWidget(section_label(self.tr("Kepada (yang teratas ketua tim)")))
        # The team list with its order buttons beside it, the staff picker under it at full width: a
        # long name and position stays readable in the picker at 150% scaling.
        members = QHBoxLayout()
        members.setSpacing(6)
        members.addWidget(self.members_list, 1)
        order = QVBoxLayout()
        order.setSpacing(4)
        for button in (self.up_button, self.down_button, self.remove_button):
            order.addWidget(button)
        order.addStretch(1)
        members.addLayout(order)
        box.addLayout(members)
        box.addWidget(self.marks.error_label("members"))
        picker = QHBoxLayout()
        picker.setSpacing(6)
        picker.addWidget(self.staff_combo, 1)
        picker.addWidget(self.add_button)
        box.addLayout(picker)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.addWidget(field_label(self.tr("&Tempat"), self.place_edit), 0, 0, 1, 2)
        grid.addWidget(self.place_edit, 1, 0, 1, 2)
        grid.addWidget(self.marks.error_label("place"), 2, 0, 1, 2)
        grid.addWidget(field_label(self.tr("Tanggal &mulai"), self.start_edit), 3, 0)
        grid.addWidget(field_label(self.tr("Tanggal s&elesai"), self.end_edit), 3, 1)
        grid.addWidget(self.start_edit, 4, 0)
        grid.addWidget(self.end_edit, 4, 1)
        grid.addWidget(self.marks.error_label("start_on"), 5, 0)
        grid.addWidget(self.marks.error_label("end_on"), 5, 1)
        box.addLayout(grid)
        for caption, edit, name in (
            (self.tr("&Untuk"), self.task_edit, "task"),
            (self.tr("&Dasar"), self.basis_edit, "basis"),
            (self.tr("Tem&busan (satu per baris)"), self.copies_edit, "copies_to"),
        ):
            box.addWidget(field_label(caption, edit))
            box.addWidget(edit)
            box.addWidget(self.marks.error_label(name))
        self.actions = QWidget()  # placed by the tab under the scrolling fields, always in view
        buttons = QHBoxLayout(self.actions)
        buttons.setContentsMargins(0, 8, 0, 0)
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_button)

    def set_tab_order(self) -> None:
        """Call once the tab has placed `actions`: the buttons must be in the same window as the fields."""
        chain: list[QWidget] = [
            self.members_list,
            self.up_button,
            self.down_button,
            self.remove_button,
            self.staff_combo,
            self.add_button,
            self.place_edit,
            self.start_edit,
            self.end_edit,
            self.task_edit,
            self.basis_edit,
            self.copies_edit,
            self.preview_button,
            self.sign_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # --- Values ------------------------------------------------------------------------------------

    def set_staff(self, staff: list[UserSummary]) -> None:
        """Active staff to pick from (the team roles first)."""
        self.staff = {u.id: u for u in staff if u.is_active}
        team_roles = {"ketua_tim_sijarla", "anggota_tim_sijarla"}
        ordered = sorted(
            self.staff.values(), key=lambda u: (not team_roles.intersection(u.roles), u.full_name)
        )
        self.staff_combo.clear()
        for user in ordered:
            self.staff_combo.addItem(
                f"{user.full_name} — {user.jabatan}" if user.jabatan else user.full_name, user.id
            )

    def set_defaults(self, defaults: AssignmentDefaults) -> None:
        self.members_list.clear()
        for user_id in defaults.member_ids:
            self._append(user_id)
        self._renumber()
        self.place_edit.setText(defaults.place)
        self.start_edit.setDate(QDate(defaults.start_on))
        self.end_edit.setDate(QDate(defaults.end_on))
        self.task_edit.setPlainText(defaults.task)
        self.basis_edit.setPlainText(defaults.basis)
        self.copies_edit.setPlainText(defaults.copies_to)
        self.banner.clear()
        self.marks.clear()
        self.set_read_only(False)
        self._clean = self.draft()

    def mark_clean(self) -> None:
        """What the form holds now is saved (or deliberately dropped): nothing to ask about."""
        self._clean = self.draft()

    def unsaved_work(self) -> str:
        if not self.case_reference or self._clean is None or self.draft() == self._clean:
            return ""
        return self.tr("Surat Tugas %1 (belum ditandatangani)").replace("%1", self.case_reference)

    def discard_unsaved(self) -> None:
        self.mark_clean()

    def set_read_only(self, read_only: bool) -> None:
        """A signed Surat Tugas: every field shows what was signed and none can be changed."""
        for edit in (self.place_edit, self.task_edit, self.basis_edit, self.copies_edit):
            edit.setReadOnly(read_only)
        for widget in (
            self.start_edit,
            self.end_edit,
            self.staff_combo,
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            widget.setEnabled(not read_only)
        for date_edit in (self.start_edit, self.end_edit):
            date_edit.setReadOnly(read_only)
        self.preview_button.setVisible(not read_only)
        self.sign_button.setVisible(not read_only)
        self.read_only = read_only

    def show_refusal(self, error: BaseException) -> None:
        """Each problem under its field, the first field focused; several: a count in the banner."""
        problems = problems_of(error)
        unplaced = self.marks.show(problems) if problems else []
        if len(problems) > 1 and not unplaced:
            text = self.tr("%1 isian perlu diperbaiki; lihat pesan merah di bawah setiap isian.")
            self.banner.show_message(text.replace("%1", str(len(problems))), "error")

    def member_ids(self) -> tuple[int, ...]:
        return tuple(
            self.members_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.members_list.count())
        )

    def draft(self) -> sijarla.AssignmentDraft:
        return sijarla.AssignmentDraft(
            member_ids=self.member_ids(),
            place=self.place_edit.text(),
            start_on=self.start_edit.date().toPython(),
            end_on=self.end_edit.date().toPython(),
            task=self.task_edit.toPlainText(),
            basis=self.basis_edit.toPlainText(),
            copies_to=self.copies_edit.toPlainText(),
        )

    read_only = False

    def set_busy(self, busy: bool) -> None:
        self.sign_button.setEnabled(not busy and not self.read_only)
        self.preview_button.setEnabled(not busy and not self.read_only)

    def focus_field(self, field: str | None) -> None:
        widget = {
            "members": self.members_list,
            "place": self.place_edit,
            "end_on": self.end_edit,
            "task": self.task_edit,
            "basis": self.basis_edit,
            "copies_to": self.copies_edit,
        }.get(field or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- Members ----------------------------------------------------------------------------------

    def _append(self, user_id: int) -> None:
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, user_id)
        self.members_list.addItem(item)

    def _renumber(self) -> None:
        for i in range(self.members_list.count()):
            item = self.members_list.item(i)
            user = self.staff.get(item.data(Qt.ItemDataRole.UserRole))
            name = (
                user.full_name
                if user
                else self.tr("(pengguna #%1)").replace("%1", str(item.data(Qt.ItemDataRole.UserRole)))
            )
            detail = user.jabatan if user else ""
            role = self.tr("Ketua") if i == 0 else self.tr("Anggota")
            item.setText(f"{i + 1}. {name}  ·  {role}" + (f"  ·  {detail}" if detail else ""))

    def _add_member(self) -> None:
        user_id = self.staff_combo.currentData()
        if user_id is None or user_id in self.member_ids():
            return
        self._append(user_id)
        self._renumber()
        self.members_list.setCurrentRow(self.members_list.count() - 1)

    def _remove_member(self) -> None:
        row = self.members_list.currentRow()
        if row >= 0:
            self.members_list.takeItem(row)
            self._renumber()

    def _move(self, step: int) -> None:
        row = self.members_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.members_list.count():
            return
        item = self.members_list.takeItem(row)
        self.members_list.insertItem(target, item)
        self.members_list.setCurrentRow(target)
        self._renumber()
