"""A worklist table that says so, in the middle of the table, when there is nothing to do.

Double-click or Enter on a row emits `entry_activated` with the row's entry; the deadline
column is drawn as a coloured chip (green on time, amber due today, red late).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSpacerItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import theme
from desktop.ui.common.sla import SlaChipDelegate
from desktop.ui.common.tables import equip
from desktop.ui.sop.case_worklist import DEADLINE_COLUMN, entry_key
from desktop.ui.sop.worklist import WorklistTableModel

# Widths of the columns by header position; Perihal (1) takes what is left.
_COLUMN_WIDTHS = {0: 140, 2: 150, 3: 230, 4: 200}
LIFT = 24


class EmptyStateWidget(QWidget):
    """An icon, a title and one line of explanation, centred; in a short table only what fits."""

    def __init__(self, title: str, detail: str, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.setSpacing(6)
        self.icon = QLabel()
        self.icon.setPixmap(QIcon(theme.icon_path("worklist-empty.svg")).pixmap(56, 56))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label = QLabel(title)
        self.title_label.setFont(theme.scaled_font(self.font(), 1.15, QFont.Weight.DemiBold))
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setProperty("role", "heading")
        self.detail_label = QLabel(detail)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_label.setProperty("role", "muted")
        self.detail_label.setWordWrap(True)
        for widget in (self.icon, self.title_label, self.detail_label):
            layout.addWidget(widget)
        self._lift = QSpacerItem(0, LIFT)  # the optical centre sits a little above the geometric one
        layout.addSpacerItem(self._lift)

    def resizeEvent(self, event) -> None:
        self._fit(event.size().width(), event.size().height())
        super().resizeEvent(event)

    def _fit(self, width: int, height: int) -> None:
        """Drop the icon, then the lift and the explanation, rather than squeeze them (a short worklist
        card, a large font or 150% scaling)."""
        layout = self.layout()
        margins = layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        gap = layout.spacing()
        title = margins.top() + margins.bottom() + self.title_label.sizeHint().height()
        detail = gap + self.detail_label.heightForWidth(inner)
        icon = self.icon.sizeHint().height() + gap
        lift = LIFT + gap
        self.icon.setVisible(height >= title + detail + icon + lift)
        self.detail_label.setVisible(height >= title + detail)
        self._lift.changeSize(0, LIFT if height >= title + detail + lift else 0)
        layout.invalidate()


class WorklistView(QTableView):
    """The table of a role's pending work, with an empty-state message over an empty table."""

    entry_activated = Signal(object)

    def __init__(self, empty_title: str, empty_detail: str, parent=None, model=None):
        super().__init__(parent)
        if model is None:
            model = WorklistTableModel()
        model.setParent(self)  # the view keeps its model alive
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        # Long subjects differ at their end ('… di Nagari Sulit Air'): cut them in the middle.
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setTabKeyNavigation(False)  # Tab leaves the table for the next control
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(36)
        self._shrunk = False  # fixed columns narrowed to their content by fit_columns()
        self._size_columns()
        self.setItemDelegateForColumn(DEADLINE_COLUMN, SlaChipDelegate(self))
        self.empty_state = EmptyStateWidget(empty_title, empty_detail, self.viewport())
        self.viewport().installEventFilter(self)
        model = self.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._update_empty_state)
        self.doubleClicked.connect(self._activate)
        self._update_empty_state()
        # A click on a column title sorts (ListTableModel.sort); until then, the service's order.
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        equip(self, QCoreApplication.translate("WorklistView", "Daftar pekerjaan"))

    def _size_columns(self) -> None:
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column in range(self.model().columnCount()):
            if column in _COLUMN_WIDTHS:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.setColumnWidth(column, _COLUMN_WIDTHS[column])
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def worklist_model(self):
        return self.model()

    def set_entries(self, items: list[Any]) -> None:
        """Replace the rows, keeping the selected entry selected when it is still there."""
        current = self.current_entry()
        self.model().set_items(items)
        if current is not None:
            row = self.model().row_of(entry_key(current)) if hasattr(self.model(), "row_of") else -1
            if row >= 0:
                self.selectRow(row)

    def current_entry(self) -> Any | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row(), index.parent()):
            return None
        return self.model().item(index.row())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._activate(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _activate(self, index) -> None:
        if index.isValid():
            self.entry_activated.emit(self.model().item(index.row()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_state.setGeometry(self.viewport().rect())
            self.fit_columns()
        return super().eventFilter(watched, event)

    def _update_empty_state(self) -> None:
        self.empty_state.setGeometry(self.viewport().rect())
        self.empty_state.setVisible(self.model().rowCount() == 0)
        self.fit_columns()

    def fit_columns(self) -> None:
        """In a narrow worklist (a side panel, 150% scaling) the fixed columns shrink to their content,
        so Perihal keeps the room; back in a wide one they get their set widths again. A width the user
        dragged is left alone while the worklist stays wide. The deadline column is never narrower than
        its widest chip: a chip ending in '…' would hide how late the case is."""
        header = self.horizontalHeader()
        fixed = [c for c in _COLUMN_WIDTHS if c < self.model().columnCount() and not self.isColumnHidden(c)]
        content = {c: max(self.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in fixed}
        chip = content.get(DEADLINE_COLUMN, 0)
        if header.sectionResizeMode(DEADLINE_COLUMN) == QHeaderView.ResizeMode.Interactive:
            if self.columnWidth(DEADLINE_COLUMN) < chip:
                self.setColumnWidth(DEADLINE_COLUMN, chip)
        perihal_room = self.viewport().width() - sum(_COLUMN_WIDTHS[c] for c in fixed)
        narrow = any(perihal_room < _COLUMN_WIDTHS[c] for c in fixed)  # Perihal the smallest column
        if not narrow and not self._shrunk:
            return
        self._shrunk = narrow
        for column in fixed:
            width = min(_COLUMN_WIDTHS[column], content[column]) if narrow else _COLUMN_WIDTHS[column]
            self.setColumnWidth(column, max(width, chip) if column == DEADLINE_COLUMN else width)
