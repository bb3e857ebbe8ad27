"""The team's preparation checklist: each item with who ticked it, when, and a note.

A tick is saved at once (check_preparation, with the item's version); the leader closes
preparation with "Persiapan selesai", which the SOP engine refuses until every item is
ticked: its message is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.session import Session
from desktop.services.sijarla import record_query
from desktop.services.sijarla import steps as sijarla
from desktop.services.sijarla.record_query import PreparationItem, TeamCase
from desktop.ui import theme
from desktop.ui.common.background import run_for
from desktop.ui.common.operations import message_for
from desktop.ui.sijarla.team_banner import MessageBanner

ROW_STYLE = f"""
QFrame#ChecklistRow {{ background: #FFFFFF; border: 1px solid {theme.LINE}; border-radius: 6px; }}
QFrame#ChecklistRow[done="true"] {{ background: #F3FAF5; border-color: #BFDCC8; }}
QFrame#ChecklistRow QLabel {{ background: transparent; }}
"""


class ChecklistRow(QFrame):
    """One preparation item: the tick, who and when, and the note."""

    def __init__(self, item: PreparationItem, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.setObjectName("ChecklistRow")
        self.setProperty("done", item.is_done)
        self.check_box = QCheckBox(item.label)
        self.check_box.setChecked(item.is_done)
        self.check_box.setFont(theme.scaled_font(self.font(), 1.05, QFont.Weight.DemiBold))
        self.who_label = QLabel(self._who())
        self.who_label.setProperty("role", "muted")
        self.note_edit = QLineEdit(item.note)
        self.note_edit.setPlaceholderText(self.tr("Catatan (boleh kosong); Enter menyimpan catatan"))
        self.note_edit.setMaxLength(1000)
        top = QHBoxLayout()
        top.addWidget(self.check_box, 1)
        top.addWidget(self.who_label)
        box = QVBoxLayout(self)
        box.setContentsMargins(14, 10, 14, 10)
        box.setSpacing(6)
        box.addLayout(top)
        box.addWidget(self.note_edit)

    def _who(self) -> str:
        if not self.item.is_done:
            return self.tr("Belum dicentang")
        when = self.item.checked_at.strftime("%d-%m-%Y %H:%M") if self.item.checked_at else ""
        return self.tr("Dicentang oleh %1, %2").replace("%1", self.item.checked_by).replace("%2", when)


class PreparationChecklist(QWidget):
    """The checklist of one case; emits `case_moved` once the leader finished preparation."""

    case_moved = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.case: TeamCase | None = None
        self.rows: list[ChecklistRow] = []
        self.setStyleSheet(ROW_STYLE)
        self.banner = MessageBanner()
        self.intro = QLabel(
            self.tr(
                "Centang setiap butir setelah diperiksa sesuai Surat Tugas. Ketua tim menutup persiapan "
                "bila semua butir sudah dicentang; tim lalu berangkat ke nagari."
            )
        )
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "muted")
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(8)
        self.finish_button = QPushButton(self.tr("Persiapan selesai"))
        self.finish_button.setProperty("primary", True)
        self.finish_button.clicked.connect(self.finish)
        self.progress_label = QLabel()
        self.progress_label.setProperty("role", "muted")
        actions = QHBoxLayout()
        actions.addWidget(self.progress_label, 1)
        actions.addWidget(self.finish_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.intro)
        layout.addWidget(self.banner)
        layout.addLayout(self.rows_box)
        layout.addLayout(actions)
        layout.addStretch(1)

    def load(self, case: TeamCase) -> None:
        """Show the case's checklist as stored now."""
        self.case = case
        self.finish_button.setVisible(case.is_leader)
        self._show_items(record_query.preparation_checklist(self.session, case.id))

    def _show_items(self, items: list[PreparationItem]) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for item in items:
            row = ChecklistRow(item)
            row.check_box.clicked.connect(lambda done, r=row: self.tick(r, done))
            row.note_edit.returnPressed.connect(lambda r=row: self.tick(r, r.check_box.isChecked()))
            self.rows_box.addWidget(row)
            self.rows.append(row)
        done = sum(1 for i in items if i.is_done)
        self.progress_label.setText(
            self.tr("%1 dari %2 butir dicentang").replace("%1", str(done)).replace("%2", str(len(items)))
        )

    def unsaved_work(self) -> str:
        """Notes typed but not saved (Enter or a tick saves a row's note)."""
        if self.case is None:
            return ""
        typed = [r.item.label for r in self.rows if r.note_edit.text().strip() != (r.item.note or "").strip()]
        if not typed:
            return ""
        return (
            self.tr("Catatan persiapan %1: %2")
            .replace("%1", self.case.reference)
            .replace("%2", ", ".join(typed))
        )

    def discard_unsaved(self) -> None:
        for row in self.rows:
            row.note_edit.setText(row.item.note or "")

    def row_for(self, item: str) -> ChecklistRow:
        return next(r for r in self.rows if r.item.item == item)

    def tick(self, row: ChecklistRow, done: bool) -> None:
        """Save a tick (or untick) and the note, with the version the row was read at."""
        if self.case is None:
            return
        case_id, item, note, version = self.case.id, row.item.item, row.note_edit.text(), row.item.version
        self._busy(True)
        run_for(
            self,
            lambda: sijarla.check_preparation(self.session, case_id, item, done, note, version),
            lambda _version: self._saved(),
            self._failed,
        )

    def finish(self) -> None:
        if self.case is None:
            return
        case_id, version = self.case.id, self.case.version
        self._busy(True)
        run_for(
            self,
            lambda: sijarla.finish_preparation(self.session, case_id, version),
            lambda _summary: self._finished(),
            self._failed,
        )

    def _saved(self) -> None:
        self._busy(False)
        self.banner.clear_message()
        if self.case is not None:
            self.load(record_query.team_case(self.session, self.case.id))

    def _finished(self) -> None:
        self._busy(False)
        self.banner.ok(self.tr("Persiapan selesai. Kasus masuk tahap pelayanan."))
        self.case_moved.emit()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.banner.error(message_for(error))
        if self.case is not None:  # show what is stored: a refused tick springs back
            self._show_items(record_query.preparation_checklist(self.session, self.case.id))

    def _busy(self, busy: bool) -> None:
        for row in self.rows:
            row.setEnabled(not busy)
        self.finish_button.setEnabled(not busy)

    def banner_text(self) -> str:
        return self.banner.text()
