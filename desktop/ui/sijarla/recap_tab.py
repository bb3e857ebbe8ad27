"""What the recap desks share (Ketua Pelaksana Harian, Kabid Pemanfaatan Data).

Left: the desk's work (and, for the builder, the period); right: the recap panel. A second
page holds every service record, filtered and sorted in SQL.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QTableView, QTabWidget, QVBoxLayout, QWidget

from desktop.services.errors import DomainError
from desktop.services.sijarla import recap_export, record_query
from desktop.services.sop.worklists import WorkEntry
from desktop.ui.sijarla.recap_panel import RecapPanel
from desktop.ui.sijarla.records_view import RecordsBrowser
from desktop.ui.sop.role_tab import RoleTab

LEFT_WIDTH = 400
DUTIES_WIDTH = 520


def narrow_worklist(view: QTableView) -> None:
    """Nomor, Perihal and Status only: the worklist sits in a side column here."""
    header = view.horizontalHeader()
    for column in range(view.model().columnCount()):
        view.setColumnHidden(column, column in (2, 3))  # Nagari and Tenggat
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(4, QHeaderView.ResizeMode.Fixed)
    view.setColumnWidth(0, 112)
    view.setColumnWidth(4, 132)


class RecapRoleTab(RoleTab):
    """Subclasses give the main button (`primary_text`, `primary`) and may add left widgets."""

    def primary_text(self) -> str:
        raise NotImplementedError

    def empty_hint(self) -> str:
        raise NotImplementedError

    def worklist_detail(self) -> str:
        return ""

    def left_widgets(self) -> list[QWidget]:
        """Widgets above the worklist in the left column."""
        return []

    def build_body(self) -> QWidget:
        worklist_card = self._build_worklist_card("", self.worklist_detail())
        narrow_worklist(self.worklist)
        duties = self._build_duties_card()
        duties.setFixedWidth(DUTIES_WIDTH)
        self.panel = RecapPanel(self.session, self.primary_text(), self.empty_hint(), duties)
        self.panel.primary_button.setEnabled(False)
        self.panel.primary_requested.connect(self.primary)
        left_column = QWidget()
        left_column.setFixedWidth(LEFT_WIDTH)
        left = QVBoxLayout(left_column)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(12)
        for widget in self.left_widgets():
            left.addWidget(widget)
        left.addWidget(worklist_card, 1)
        recap_page = QWidget()
        row = QHBoxLayout(recap_page)
        row.setContentsMargins(0, 10, 0, 0)
        row.setSpacing(14)
        row.addWidget(left_column)
        row.addWidget(self.panel, 1)
        self.records_page = QWidget()
        self.records_browser: RecordsBrowser | None = None
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(recap_page, self.tr("Rekapitulasi"))
        self.pages.addTab(self.records_page, self.tr("Data pelayanan (semua)"))
        self.pages.currentChanged.connect(self._page_changed)
        return self.pages

    def _page_changed(self, index: int) -> None:
        if index == 1 and self.records_browser is None:
            self.records_browser = RecordsBrowser(self.session, record_query.choices())
            layout = QVBoxLayout(self.records_page)
            layout.setContentsMargins(0, 12, 0, 0)
            layout.addWidget(self.records_browser)
            self.records_browser.start()

    # --- work ---------------------------------------------------------------------------------------

    def entries(self) -> list[WorkEntry]:
        return self.worklist.worklist_model().items()

    def row_of(self, kind: str, ref_id: int) -> int | None:
        return next((i for i, e in enumerate(self.entries()) if e.kind == kind and e.ref_id == ref_id), None)

    def open_work_item(self, entry: Any) -> None:
        """Double-click or Enter: a recap opens in the panel; subclasses handle the rest."""
        if getattr(entry, "kind", "") == "rekap":
            self.open_recap(entry.ref_id)

    def open_recap(self, recap_id: int) -> None:
        """Show a stored recap in the panel."""
        try:
            view = recap_export.stored_recap(self.session, recap_id)
        except DomainError as exc:
            self.panel.banner.error(exc.message)
            return
        self.panel.banner.clear_message()
        self.panel.show_saved(view)
        self.recap_opened(view.status)

    def recap_opened(self, status: str) -> None:
        """Enable the main button when the recap waits for this desk."""

    def primary(self) -> None:
        raise NotImplementedError
