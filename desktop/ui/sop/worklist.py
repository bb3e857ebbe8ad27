"""The worklist of a role: cases and documents waiting for it, one row each."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt

from desktop.services.workspace import WorkItem
from desktop.ui.common.table_model import ListTableModel

# (attribute of WorkItem, header); declared once, used for both data() and headerData().
COLUMNS: tuple[tuple[str, str], ...] = (
    ("number", QT_TRANSLATE_NOOP("WorklistTableModel", "Nomor")),
    ("subject", QT_TRANSLATE_NOOP("WorklistTableModel", "Perihal")),
    ("nagari", QT_TRANSLATE_NOOP("WorklistTableModel", "Nagari")),
    ("deadline", QT_TRANSLATE_NOOP("WorklistTableModel", "Tenggat")),
    ("status", QT_TRANSLATE_NOOP("WorklistTableModel", "Status")),
)
DEADLINE_COLUMN = 3


class WorklistTableModel(ListTableModel[WorkItem]):
    """Read-only rows of WorkItem; the owner replaces them all with set_items()."""

    TITLES = tuple(title for _, title in COLUMNS)
    CONTEXT = "WorklistTableModel"

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
