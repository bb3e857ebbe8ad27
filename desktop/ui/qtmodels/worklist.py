"""The worklist of a role: cases and documents waiting for it, one row each."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, Qt

from desktop.services.workspace import WorkItem

# (attribute of WorkItem, header); declared once, used for both data() and headerData().
COLUMNS: tuple[tuple[str, str], ...] = (
    ("number", QT_TRANSLATE_NOOP("WorklistTableModel", "Nomor")),
    ("subject", QT_TRANSLATE_NOOP("WorklistTableModel", "Perihal")),
    ("nagari", QT_TRANSLATE_NOOP("WorklistTableModel", "Nagari")),
    ("deadline", QT_TRANSLATE_NOOP("WorklistTableModel", "Tenggat")),
    ("status", QT_TRANSLATE_NOOP("WorklistTableModel", "Status")),
)
DEADLINE_COLUMN = 3


class WorklistTableModel(QAbstractTableModel):
    """Read-only rows of WorkItem; the owner replaces them all with set_items()."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[WorkItem] = []

    def set_items(self, items: Sequence[WorkItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> WorkItem:
        return self._items[row]

    def rowCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = getattr(item, COLUMNS[index.column()][0])
            if index.column() == DEADLINE_COLUMN:
                return QLocale().toString(value, "d MMM yyyy") if value else "-"
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == DEADLINE_COLUMN:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate("WorklistTableModel", COLUMNS[section][1])
        return super().headerData(section, orientation, role)
