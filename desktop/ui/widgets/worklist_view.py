"""A worklist table that says so, in the middle of the table, when there is nothing to do."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from desktop.ui import theme
from desktop.ui.qtmodels.worklist import COLUMNS, WorklistTableModel

# Relative widths of the columns; Perihal takes what is left.
_COLUMN_WIDTHS = {"number": 150, "nagari": 170, "deadline": 120, "status": 150}


class EmptyStateWidget(QWidget):
    """An icon, a title and one line of explanation, centred."""

    def __init__(self, title: str, detail: str, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.setSpacing(6)
        icon = QLabel()
        icon.setPixmap(QIcon(theme.icon_path("worklist-empty.svg")).pixmap(56, 56))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label = QLabel(title)
        self.title_label.setFont(theme.scaled_font(self.font(), 1.15, QFont.Weight.DemiBold))
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setProperty("role", "heading")
        self.detail_label = QLabel(detail)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_label.setProperty("role", "muted")
        for widget in (icon, self.title_label, self.detail_label):
            layout.addWidget(widget)
        layout.addSpacing(24)  # optical centre sits a little above the geometric one


class WorklistView(QTableView):
    """The table of a role's pending work, with an empty-state message over an empty table."""

    def __init__(self, empty_title: str, empty_detail: str, parent=None):
        super().__init__(parent)
        self.setModel(WorklistTableModel(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(34)
        self._size_columns()
        self.empty_state = EmptyStateWidget(empty_title, empty_detail, self.viewport())
        self.viewport().installEventFilter(self)
        model = self.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._update_empty_state)
        self._update_empty_state()

    def _size_columns(self) -> None:
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, (attribute, _title) in enumerate(COLUMNS):
            if attribute in _COLUMN_WIDTHS:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.setColumnWidth(column, _COLUMN_WIDTHS[attribute])
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def worklist_model(self) -> WorklistTableModel:
        return self.model()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_state.setGeometry(self.viewport().rect())
        return super().eventFilter(watched, event)

    def _update_empty_state(self) -> None:
        self.empty_state.setGeometry(self.viewport().rect())
        self.empty_state.setVisible(self.model().rowCount() == 0)
