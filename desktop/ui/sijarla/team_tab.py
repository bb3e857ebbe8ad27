"""What the two SIJARLA team tabs share: the team's cases above, the selected case's workspace below.

A second page holds every service record of the team's cases, filtered and sorted in SQL.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop.services.sijarla import record_query
from desktop.services.sop.worklists import WorkEntry
from desktop.ui.common.unsaved import may_leave
from desktop.ui.field.case_bar import MARKER_STYLE, team_field_markers
from desktop.ui.sijarla.records_view import RecordsBrowser
from desktop.ui.sijarla.team_workspace import TeamCaseWorkspace
from desktop.ui.sop.role_tab import RoleTab

WORKLIST_HEIGHT = 160


class TeamTab(RoleTab):
    """A SIJARLA team role: the team's cases, the checklist or the grid, and all the team's records."""

    LEADER_TAB = False

    def build_body(self) -> QWidget:
        worklist_card = self._build_worklist_card(
            self.tr("Kasus tim"),
            self.tr("Kasus tim Anda pada tahap persiapan dan pelayanan akan tampil di sini."),
        )
        self.workspace = TeamCaseWorkspace(
            self.session, self._build_duties_card(), leader_tab=self.LEADER_TAB
        )
        self.workspace.case_moved.connect(self.action_done)
        self.worklist.selectionModel().currentRowChanged.connect(self._row_changed)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(worklist_card)
        self.splitter.addWidget(self.workspace)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([WORKLIST_HEIGHT, 600])
        self.records_page = QWidget()
        self.records_browser: RecordsBrowser | None = None
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.splitter, self.tr("Kasus tim"))
        self.pages.addTab(self.records_page, self.tr("Semua data pelayanan tim"))
        self.pages.currentChanged.connect(self._page_changed)
        return self.pages

    # --- the worklist ------------------------------------------------------------------------------

    def entries(self) -> list[WorkEntry]:
        return self.worklist.worklist_model().items()

    def set_work_items(self, items: list[Any]) -> None:
        """New list: the open case stays as it is unless it moved to another step."""
        super().set_work_items(items)
        case = self.workspace.case
        if case is not None:
            self.workspace.refresh_case()
            self._select_row(case.id)

    def open_work_item(self, entry: Any) -> None:
        self.select_case(entry.ref_id)

    def select_case(self, case_id: int) -> bool:
        """Select a case in the worklist and open it in the workspace."""
        found = self._select_row(case_id)
        if found:
            self.workspace.open_case(case_id)
        return found

    def _select_row(self, case_id: int) -> bool:
        for row, entry in enumerate(self.entries()):
            if entry.ref_id == case_id:
                model = self.worklist.selectionModel()
                model.blockSignals(True)
                self.worklist.selectRow(row)
                model.blockSignals(False)
                return True
        return False

    def _row_changed(self, current, _previous) -> None:
        entries = self.entries()
        if current.isValid() and current.row() < len(entries):
            entry = entries[current.row()]
            case = self.workspace.case
            if case is None or case.id != entry.ref_id:
                if not may_leave(self, self.workspace.holders()):
                    QTimer.singleShot(0, self, lambda: self._select_row(case.id))  # back to the case typed in
                    return
                self.workspace.open_case(entry.ref_id)

    def _page_changed(self, index: int) -> None:
        if index == 1 and self.records_browser is None:
            self.records_browser = RecordsBrowser(self.session, record_query.choices())
            self.field_marker = QLabel()
            self.field_marker.setObjectName("FieldMarker")
            self.field_marker.setWordWrap(True)
            self.field_marker.setStyleSheet(MARKER_STYLE)
            layout = QVBoxLayout(self.records_page)
            layout.setContentsMargins(0, 12, 0, 0)
            layout.addWidget(self.field_marker)
            layout.addWidget(self.records_browser)
            self.records_browser.start()
        if index == 1:  # the team's cases out in the field: their records come when brought back
            cases = [(e.ref_id, e.number) for e in self.entries() if e.step == "pelayanan"]
            text = team_field_markers(cases)
            self.field_marker.setText(text)
            self.field_marker.setVisible(bool(text))
