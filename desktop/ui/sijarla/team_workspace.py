"""The team's workspace for one case: the checklist while preparing, the grid while serving."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from desktop.services.errors import DomainError
from desktop.services.session import Session
from desktop.services.sijarla import record_query
from desktop.services.sijarla.record_query import RecordChoices, TeamCase
from desktop.ui import theme
from desktop.ui.field.case_bar import FieldCaseBar
from desktop.ui.sijarla.records_grid import RecordsGridPanel
from desktop.ui.sijarla.team_checklist import PreparationChecklist

EMPTY, CHECKLIST, GRID, ELSEWHERE = range(4)
DUTIES_WIDTH = 560


class TeamCaseWorkspace(QFrame):
    """A card whose body follows the case's step; `case_moved` when the case left the team's step."""

    case_moved = Signal()

    def __init__(self, session: Session, duties: QWidget, *, leader_tab: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Card")
        self.session = session
        self.leader_tab = leader_tab
        self.case: TeamCase | None = None
        self._choices: RecordChoices | None = None
        self.grid: RecordsGridPanel | None = None
        self.title_label = QLabel()
        self.title_label.setFont(theme.scaled_font(self.font(), 1.2, QFont.Weight.DemiBold))
        self.title_label.setProperty("role", "heading")
        self.detail_label = QLabel()
        self.detail_label.setProperty("role", "muted")
        # On a 1366-wide laptop the title line also holds the grid's buttons: the details wrap
        # onto a second line rather than push the buttons off the screen.
        self.detail_label.setWordWrap(True)
        self.detail_label.setMinimumWidth(160)
        self.checklist = PreparationChecklist(session)
        self.checklist.case_moved.connect(self.case_moved)
        self.elsewhere_label = QLabel()
        self.elsewhere_label.setWordWrap(True)
        self.elsewhere_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._empty_page(duties))
        self.stack.addWidget(self.checklist)
        self.stack.addWidget(QWidget())  # the grid, built the first time a case is in service
        self.stack.addWidget(self.elsewhere_label)
        self.field_bar = FieldCaseBar(session, leader_tab=leader_tab)
        self.field_bar.records_changed.connect(self._field_records_changed)
        self.field_bar.report_requested.connect(self._send_report)
        # One line: the case and its step, where and until when, then the grid's buttons.
        self.header = QHBoxLayout()
        self.header.setSpacing(12)
        self.header.addWidget(self.title_label)
        self.header.addWidget(self.detail_label, 1, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 14)
        layout.setSpacing(8)
        layout.addLayout(self.header)
        layout.addWidget(self.field_bar)
        layout.addWidget(self.stack, 1)
        self.show_empty()

    def _empty_page(self, duties: QWidget) -> QWidget:
        page = QWidget()
        duties.setFixedWidth(DUTIES_WIDTH)  # wider than in the side column it was made for
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(duties)
        row.addStretch(1)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        box.addStretch(1)
        return page

    def show_empty(self) -> None:
        self.case = None
        self._show_grid_actions(False)
        self.title_label.setText(self.tr("Pilih kasus pada daftar di atas"))
        self.detail_label.setText(
            self.tr(
                "Kasus tahap persiapan menampilkan daftar persiapan; tahap pelayanan menampilkan tabel warga."
            )
        )
        self.stack.setCurrentIndex(EMPTY)
        self.field_bar.load(None)

    def open_case(self, case_id: int) -> None:
        """Show the case at its current step (read again from the services)."""
        try:
            case = record_query.team_case(self.session, case_id)
        except DomainError as exc:
            self.show_empty()
            self.detail_label.setText(exc.message)
            return
        self.case = case
        self.title_label.setText(f"{case.reference} · {case.step_name}")
        due = case.due_on.strftime("%d-%m-%Y") if case.due_on else "-"
        self.detail_label.setText(
            self.tr("Nagari %1 · %2 · tenggat %3")
            .replace("%1", case.nagari or "-")
            .replace("%2", case.team)
            .replace("%3", due)
        )
        self.detail_label.setToolTip(case.title)
        serving = case.current_step == "pelayanan" and case.status == "berjalan"
        self.field_bar.load(
            case.id if serving else None, f"{case.reference} · {case.title}", leader=case.is_leader
        )
        if serving:
            self._grid().load(case)
            self.stack.setCurrentIndex(GRID)
        self._show_grid_actions(serving)
        if serving:
            return
        if case.current_step == "persiapan" and case.status == "berjalan":
            self.checklist.load(case)
            self.stack.setCurrentIndex(CHECKLIST)
        else:
            self.elsewhere_label.setText(
                self.tr("Kasus ini sudah tidak di tahap tim (sekarang: %1).").replace("%1", case.step_name)
            )
            self.stack.setCurrentIndex(ELSEWHERE)

    def refresh_case(self) -> None:
        """After the worklist reloaded: switch pages only if the case moved on, so that what is
        being typed (a record, a note on the checklist) survives a refresh."""
        if self.case is None:
            return
        try:
            fresh = record_query.team_case(self.session, self.case.id)
        except DomainError:
            self.show_empty()
            return
        if (fresh.current_step, fresh.status) != (self.case.current_step, self.case.status):
            self.open_case(fresh.id)
            return
        self.case = fresh
        self.checklist.case = fresh if self.checklist.case is not None else None
        if self.grid is not None and self.grid.case is not None:
            self.grid.case = fresh

    def _field_records_changed(self) -> None:
        """A package merged or a conflict resolved: the grid shows the office's records again."""
        if self.grid is not None and self.grid.case is not None:
            self.grid.model.reload()

    def _send_report(self) -> None:
        if self.grid is not None and self.grid.case is not None:
            self.grid.send_report()

    def holders(self) -> list[QWidget]:
        """The parts that may hold unsaved typed text: the checklist's notes and the entry row."""
        return [self.checklist] + ([self.grid.form] if self.grid is not None else [])

    def _grid(self) -> RecordsGridPanel:
        if self.grid is None:
            self.grid = RecordsGridPanel(self.session, self.choices(), leader_tab=self.leader_tab)
            self.grid.case_moved.connect(self.case_moved)
            old = self.stack.widget(GRID)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.stack.insertWidget(GRID, self.grid)
            self.header.addWidget(self.grid.actions(), 0, Qt.AlignmentFlag.AlignVCenter)
        return self.grid

    def _show_grid_actions(self, visible: bool) -> None:
        if self.grid is not None:
            self.grid.actions().setVisible(visible)

    def choices(self) -> RecordChoices:
        if self._choices is None:
            self._choices = record_query.choices()
        return self._choices
