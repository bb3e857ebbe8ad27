"""A recap's counts by kecamatan, nagari, category and outcome, one row per group."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt

from desktop.ui.common.table_model import ListTableModel

COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("RecapTableModel", "Kecamatan"),
    QT_TRANSLATE_NOOP("RecapTableModel", "Nagari"),
    QT_TRANSLATE_NOOP("RecapTableModel", "Kategori layanan"),
    QT_TRANSLATE_NOOP("RecapTableModel", "Hasil"),
    QT_TRANSLATE_NOOP("RecapTableModel", "Jumlah"),
)
COUNT_COLUMN = 4

Row = tuple[str, str, str, str, int]


class RecapTableModel(ListTableModel[Row]):
    """Read-only recap rows (kecamatan, nagari, category, outcome, count); replaced whole by set_rows()."""

    TITLES = COLUMNS
    CONTEXT = "RecapTableModel"

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.set_items(rows)

    def row(self, row: int) -> Row:
        return self.item(row)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self._items[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return QLocale().toString(value) if index.column() == COUNT_COLUMN else value
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self._items[index.row()]
            return f"{row[1]}, Kecamatan {row[0]}" if index.column() == 1 else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COUNT_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.TextAlignmentRole
            and section == COUNT_COLUMN
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)
