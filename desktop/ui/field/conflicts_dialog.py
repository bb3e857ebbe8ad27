"""The conflicts a return from the field left: both versions side by side, the team leader chooses.

The open conflicts of the case are listed on the left; the selected one shows its rows in a
table (Kolom | Versi kantor | Versi lapangan) with the rows that differ highlighted, why it was
not merged alone, and the two choices. "Pakai versi lapangan" is off when the field version
breaks a rule (ConflictView.may_take_field).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.errors import DomainError
from desktop.services.session import Session
from desktop.ui.common.forms import field_label, fit_on_screen, heading, muted
from desktop.ui.field.notice import NoticeBanner

DIFFERENT = QColor("#FFF1C7")  # a soft amber: the rows the two versions disagree on
FIELD, OFFICE = "lapangan", "kantor"


def _conflicts():
    from desktop.services.field import conflicts  # written alongside; imported when first used

    return conflicts


class ConflictsDialog(QDialog):
    """The case's open conflicts; emits `resolved` after each choice."""

    resolved = Signal()

    def __init__(self, parent: QWidget | None, session: Session, case_id: int):
        super().__init__(parent)
        self.session, self.case_id = session, case_id
        self.items: list = []
        self.setWindowTitle(self.tr("Konflik data lapangan"))
        self.banner = NoticeBanner()
        self.conflict_list = QListWidget()
        self.conflict_list.setObjectName("ConflictList")
        self.conflict_list.setWordWrap(True)
        self.conflict_list.setSpacing(2)
        self.conflict_list.currentRowChanged.connect(self._show)
        self.title_label = heading("", 1.05)
        self.message_label = muted("")
        self.message_label.setObjectName("ConflictMessage")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("ConflictRows")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Kolom"), self.tr("Versi kantor"), self.tr("Versi lapangan")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.field_button = QPushButton(self.tr("Pakai versi &lapangan"))
        self.office_button = QPushButton(self.tr("Pakai versi &kantor"))
        self.close_button = QPushButton(self.tr("&Tutup"))
        self.field_button.clicked.connect(lambda: self.resolve(FIELD))
        self.office_button.clicked.connect(lambda: self.resolve(OFFICE))
        self.close_button.clicked.connect(self.accept)
        for button in (self.field_button, self.office_button, self.close_button):
            button.setAutoDefault(False)
        self._lay_out()
        fit_on_screen(self, 1040, 600)
        self.reload()

    def _lay_out(self) -> None:
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(field_label(self.tr("&Konflik terbuka"), self.conflict_list))
        left_box.addWidget(self.conflict_list, 1)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.title_label)
        right_box.addWidget(self.message_label)
        right_box.addWidget(self.table, 1)
        choices = QHBoxLayout()
        choices.addStretch(1)
        choices.addWidget(self.office_button)
        choices.addWidget(self.field_button)
        right_box.addLayout(choices)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([300, 700])
        bottom = QHBoxLayout()
        bottom.addWidget(
            muted(self.tr("Baris berwarna: isi yang berbeda antara data kantor dan data lapangan.")), 1
        )
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    # --- reading -----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the open conflicts again; the selection stays on the same row number."""
        row = max(self.conflict_list.currentRow(), 0)
        try:
            self.items = list(_conflicts().open_conflicts(self.session, self.case_id))
        except DomainError as exc:
            self.items = []
            self.banner.error(exc.message)
        self.conflict_list.blockSignals(True)
        self.conflict_list.clear()
        for conflict in self.items:
            item = QListWidgetItem(f"{conflict.title}\n{conflict.kind_label} · {conflict.laptop}")
            item.setToolTip(conflict.message)
            self.conflict_list.addItem(item)
        self.conflict_list.blockSignals(False)
        if self.items:
            self.conflict_list.setCurrentRow(min(row, len(self.items) - 1))
            self._show(self.conflict_list.currentRow())
            self.conflict_list.setFocus()
        else:
            self._show(-1)
            self.close_button.setFocus()

    def current(self):
        row = self.conflict_list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show(self, row: int) -> None:
        conflict = self.items[row] if 0 <= row < len(self.items) else None
        self.table.setRowCount(0)
        if conflict is None:
            self.title_label.setText(self.tr("Tidak ada konflik terbuka."))
            self.message_label.setText(self.tr("Semua data lapangan sudah digabungkan."))
            self.field_button.setEnabled(False)
            self.office_button.setEnabled(False)
            return
        self.title_label.setText(conflict.title)
        self.message_label.setText(f"{conflict.kind_label} ({conflict.laptop}): {conflict.message}")
        self.table.setRowCount(len(conflict.rows))
        for number, (label, office, field) in enumerate(conflict.rows):
            cells = [QTableWidgetItem(label), QTableWidgetItem(office), QTableWidgetItem(field)]
            differs = (office or "") != (field or "")
            for column, cell in enumerate(cells):
                if differs:
                    cell.setBackground(QBrush(DIFFERENT))
                    font = cell.font()
                    font.setBold(column > 0)
                    cell.setFont(font)
                self.table.setItem(number, column, cell)
        self.table.resizeRowsToContents()
        self.field_button.setEnabled(bool(conflict.may_take_field))
        self.field_button.setToolTip(
            ""
            if conflict.may_take_field
            else self.tr("Versi lapangan melanggar aturan; tidak dapat dipakai.")
        )
        self.office_button.setEnabled(True)

    def differing_rows(self) -> list[str]:
        """The labels of the highlighted rows (what a user sees in colour)."""
        found = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.background().color() == DIFFERENT:
                found.append(item.text())
        return found

    # --- choosing ------------------------------------------------------------------------------------

    def resolve(self, choice: str) -> None:
        conflict = self.current()
        if conflict is None:
            return
        try:
            _conflicts().resolve(self.session, conflict.id, choice)
        except DomainError as exc:
            self.banner.error(exc.message)
            return
        text = (
            self.tr("Versi lapangan dipakai: %1.")
            if choice == FIELD
            else self.tr("Versi kantor dipakai: %1.")
        )
        self.banner.ok(text.replace("%1", conflict.title))
        self.resolved.emit()
        self.reload()

    @classmethod
    def ask(cls, parent: QWidget | None, session: Session, case_id: int) -> None:
        """Show the conflicts until the leader closes the dialog."""
        dialog = cls(parent, session, case_id)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()


def open_conflict_count(session: Session, case_id: int) -> int:
    """How many conflicts of the case wait for the leader (0 when they cannot be read)."""
    try:
        return len(_conflicts().open_conflicts(session, case_id))
    except (DomainError, ImportError):
        return 0
