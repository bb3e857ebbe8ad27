"""The rows of an import that could not be read: row number, column and what is wrong."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from desktop.services.sijarla.service_records import RowError
from desktop.ui.common.table_model import ListTableModel

COLUMNS: tuple[tuple[str, str], ...] = (
    ("row", QT_TRANSLATE_NOOP("ImportErrorsTableModel", "Baris")),
    ("column", QT_TRANSLATE_NOOP("ImportErrorsTableModel", "Kolom")),
    ("message", QT_TRANSLATE_NOOP("ImportErrorsTableModel", "Masalah")),
)


class ImportErrorsTableModel(ListTableModel[RowError]):
    """Read-only list of RowError, in file order."""

    TITLES = tuple(title for _, title in COLUMNS)
    CONTEXT = "ImportErrorsTableModel"

    def __init__(self, errors: Sequence[RowError] = (), parent=None):
        super().__init__(parent)
        self.set_items(sorted(errors, key=lambda e: e.row))

    def error(self, row: int) -> RowError:
        return self.item(row)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        error = self._items[index.row()]
        attribute = COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return str(getattr(error, attribute))
        if role == Qt.ItemDataRole.TextAlignmentRole and attribute == "row":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
