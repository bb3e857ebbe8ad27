"""The common body of the innovation tabs (Kasi Inovasi, pejabat struktural, ADB / pelaksana teknis):
the list of innovations with filters at the left, the chosen innovation's panel at the right.

The worklist the base tab loads (innovations whose current step waits for this role) marks rows
bold and feeds the "Menunggu tindakan saya" filter and the tab's badge.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.inovasi import steps as inovasi
from desktop.services.inovasi.steps import InnovationSummary
from desktop.services.sop import view as sop_view
from desktop.ui.common.background import run_for
from desktop.ui.common.cards import card, section_label
from desktop.ui.common.forms import FORM_STYLESHEET, Banner, card_layout, muted, primary_button
from desktop.ui.common.operations import message_for
from desktop.ui.common.tables import equip
from desktop.ui.common.unsaved import may_leave
from desktop.ui.inovasi.innovation_table import COLUMNS, InnovationTableModel
from desktop.ui.inovasi.inovasi_panel import InnovationPanel
from desktop.ui.sop.role_tab import RoleTab

LIST_WIDTH = 470
STATUS_FILTERS = (
    ("", QT_TRANSLATE_NOOP("InnovationRoleTab", "Semua status")),
    ("berjalan", QT_TRANSLATE_NOOP("InnovationRoleTab", "Berjalan")),
    ("selesai", QT_TRANSLATE_NOOP("InnovationRoleTab", "Berjalan rutin")),
    ("ditolak", QT_TRANSLATE_NOOP("InnovationRoleTab", "Ditolak")),
)
YEARS_BACK = 4


class InnovationRoleTab(RoleTab):
    """A role tab of the innovation SOP: list and panel. CAN_PROPOSE adds 'Gagasan baru'."""

    CAN_PROPOSE = False

    def build_body(self) -> QWidget:
        self._rows: list[InnovationSummary] = []
        self._waiting: set[int] = set()
        self._selected_id: int | None = None
        self._first_list = True
        self.list_loads = 0
        self._list_generation = 0  # filters change faster than lists load: only the newest is shown
        self.steps = sop_view.sop_matrix(inovasi.SOP_CODE).steps
        self._add_heading_actions()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_list_card())
        splitter.addWidget(self._build_panel_card())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([LIST_WIDTH, 760])
        splitter.setChildrenCollapsible(False)
        return splitter

    def _add_heading_actions(self) -> None:
        if self.CAN_PROPOSE:
            self.new_button = primary_button(self.tr("Gagasan baru"))
            self.new_button.setToolTip(self.tr("Tulis gagasan inovasi dan pointers konsepnya (langkah 1)"))
            self.new_button.clicked.connect(self.propose)
            self.heading_actions.addWidget(self.new_button)
        self.sop_button = QPushButton(self.tr("Lihat SOP"))
        self.sop_button.setToolTip(self.tr("Matriks SOP Inovasi Pelayanan Publik"))
        self.sop_button.clicked.connect(self.open_sop)
        self.heading_actions.addWidget(self.sop_button)

    def _build_list_card(self) -> QFrame:
        frame = card()
        frame.setMinimumWidth(380)
        frame.setStyleSheet(FORM_STYLESHEET)
        box = card_layout(frame, 16, 10)
        box.addWidget(section_label(self.tr("Daftar inovasi")))
        self.worklist_banner = Banner()
        box.addWidget(self.worklist_banner)
        filters = QHBoxLayout()
        filters.setSpacing(6)
        self.step_filter = QComboBox()
        self.step_filter.addItem(self.tr("Semua langkah"), "")
        for step in self.steps:
            self.step_filter.addItem(f"{step.number}. {step.name}", step.code)
        self.status_filter = QComboBox()
        for code, label in STATUS_FILTERS:
            self.status_filter.addItem(self.tr(label), code)
        self.year_filter = QComboBox()
        self.year_filter.addItem(self.tr("Semua tahun"), 0)
        this_year = dt.date.today().year
        for year in range(this_year, this_year - YEARS_BACK, -1):
            self.year_filter.addItem(str(year), year)
        for combo in (self.step_filter, self.status_filter, self.year_filter):
            # Three filters share a narrow column: each shows what fits, its list the whole names.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(self.reload_list)
            filters.addWidget(combo, 1)
        box.addLayout(filters)
        self.waiting_only = QCheckBox(self.tr("Hanya yang menunggu tindakan saya"))
        self.waiting_only.toggled.connect(self._show_rows)
        box.addWidget(self.waiting_only)
        self.table = self._build_table()
        box.addWidget(self.table, 1)
        self.empty_label = muted(self.tr("Tidak ada inovasi yang cocok dengan saringan ini."))
        self.empty_label.hide()
        box.addWidget(self.empty_label)
        return frame

    def _build_table(self) -> QTableView:
        numbers = {s.code: s.number for s in self.steps}
        self.model = InnovationTableModel(step_numbers=numbers)
        table = QTableView()
        self.model.setParent(table)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(34)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # The number and the position fit their text (bold when waiting, at any font size or scaling);
        # the title takes the rest and elides.
        for column, (name, _title) in enumerate(COLUMNS):
            mode = (
                QHeaderView.ResizeMode.Stretch if name == "title" else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        table.selectionModel().currentRowChanged.connect(self._row_chosen)
        equip(table, self.tr("Daftar inovasi"))
        return table

    def _build_panel_card(self) -> QFrame:
        frame = card()
        box = card_layout(frame, 16, 10)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_empty_page())
        self.panel = InnovationPanel(self.session)
        self.panel.changed.connect(self.action_done)
        self.stack.addWidget(self.panel)
        box.addWidget(self.stack)
        return frame

    def _build_empty_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(4, 4, 4, 4)
        box.setSpacing(12)
        box.addWidget(section_label(self.tr("Tugas dalam SOP")))
        for number, duty in enumerate(self.duties(), start=1):
            box.addLayout(_duty(number, duty))
        box.addSpacing(8)
        box.addWidget(
            muted(self.tr("Pilih inovasi di daftar untuk melihat linimasa 8 langkah dan tindakan Anda."))
        )
        box.addStretch(1)
        return page

    # --- The worklist (from the base tab) drives the bold rows and the badge -----------------------

    def refresh(self) -> None:
        super().refresh()
        self.reload_list()

    def set_work_items(self, items: list[Any]) -> None:
        self._waiting = {e.ref_id for e in items if getattr(e, "kind", "kasus") == "kasus"}
        self.worklist_banner.clear()
        self.model.set_waiting(self._waiting)
        self.waiting_only.setText(
            self.tr("Hanya yang menunggu tindakan saya (%1)").replace("%1", str(len(self._waiting)))
        )
        if self.waiting_only.isChecked():
            self._show_rows()
        self.worklist_loaded.emit(self.role_code, len(self._waiting))

    def pending_count(self) -> int:
        return len(self._waiting)

    def open_work_item(self, entry: Any) -> None:
        self.select_case(entry.ref_id)

    # --- The list ------------------------------------------------------------------------------------

    def filters(self) -> tuple[str | None, str | None, int | None]:
        return (
            self.step_filter.currentData() or None,
            self.status_filter.currentData() or None,
            self.year_filter.currentData() or None,
        )

    def reload_list(self) -> None:
        step, status, year = self.filters()
        self._list_generation += 1
        generation = self._list_generation
        run_for(
            self,
            lambda: inovasi.list_innovations(step, status, year),
            lambda rows: self._list_loaded(generation, rows),
            self._list_failed,
        )

    def _list_loaded(self, generation: int, rows: list[InnovationSummary]) -> None:
        if generation != self._list_generation:  # an answer to filters changed since: drop it
            self.list_loads += 1
            return
        self._rows = rows
        self._show_rows()
        if self._first_list and self._selected_id is None:
            waiting = next((r for r in rows if r.case_id in self._waiting), None)
            if waiting is not None:
                self.select_innovation(waiting.id)
        self._first_list = False
        self.list_loads += 1

    def _list_failed(self, error: BaseException) -> None:
        self.worklist_banner.show_message(
            self.tr("Daftar inovasi tidak dapat dimuat: %1").replace("%1", message_for(error)), "error"
        )
        self.list_loads += 1

    def _show_rows(self) -> None:
        rows = (
            [r for r in self._rows if r.case_id in self._waiting]
            if self.waiting_only.isChecked()
            else self._rows
        )
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        if self._selected_id is not None:
            row = self.model.row_of_innovation(self._selected_id)
            if row >= 0:
                self.table.selectionModel().blockSignals(True)
                self.table.selectRow(row)
                self.table.selectionModel().blockSignals(False)

    def visible_titles(self) -> list[str]:
        return [self.model.data(self.model.index(r, 1)) for r in range(self.model.rowCount())]

    def _row_chosen(self, current, _previous) -> None:
        if not current.isValid():
            return
        chosen = self.model.summary(current.row()).id
        if chosen != self._selected_id and self.panel.form is not None:
            if not may_leave(self, [self.panel.form]):  # keep the innovation being typed in
                QTimer.singleShot(0, self, self._reselect)
                return
        self.select_innovation(chosen)

    def _reselect(self) -> None:
        """Select the row of the innovation shown again (its form untouched)."""
        row = self.model.row_of_innovation(self._selected_id) if self._selected_id is not None else -1
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)

    def select_innovation(self, innovation_id: int) -> None:
        """Show an innovation in the panel (and select its row when the list shows it)."""
        self._selected_id = innovation_id
        row = self.model.row_of_innovation(innovation_id)
        if row >= 0 and self.table.currentIndex().row() != row:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
        self.stack.setCurrentWidget(self.panel)
        self.panel.show_innovation(innovation_id)

    def select_case(self, case_id: int) -> None:
        row = self.model.row_of_case(case_id)
        if row >= 0:
            self.select_innovation(self.model.summary(row).id)
        else:
            self.stack.setCurrentWidget(self.panel)
            self.panel.show_case(case_id)

    # --- Heading actions -------------------------------------------------------------------------------

    def propose(self) -> None:
        from desktop.ui.inovasi.innovation_idea_dialog import IdeaDialog

        summary = IdeaDialog.ask(self, self.session)
        if summary is not None:
            self._selected_id = summary.id
            self.action_done()
            self.select_innovation(summary.id)

    def open_sop(self) -> None:
        from desktop.ui.sop.sop_view_dialog import open_sop_view

        case_id = (
            self.panel.state.summary.case_id
            if self.panel.state and self.stack.currentWidget() is self.panel
            else None
        )
        open_sop_view(self, self.session, sop_code=inovasi.SOP_CODE, case_id=case_id)


def _duty(number: int, text: str) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(10)
    badge = QLabel(str(number))
    badge.setProperty("role", "step")
    badge.setFixedSize(24, 24)
    badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label = QLabel(text)
    label.setWordWrap(True)
    row.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(label, 1)
    return row
