"""A recap's counts by kecamatan, nagari, category and outcome, one row per group."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, Qt

COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("RecapTableModel", "Kecamatan"),
    QT_TRANSLATE_NOOP("RecapTableModel", "Nagari"),
    QT_TRANSLATE_NOOP("RecapTableModel", "Kategori layanan"),
    QT_TRANSLATE_NOOP("RecapTableModel", "Hasil"),
    QT_TRANSLATE_NOOP("RecapTableModel", "Jumlah"),
)
COUNT_COLUMN = 4

Row = tuple[str, str, str, str, int]


class RecapTableModel(QAbstractTableModel):
    """Read-only recap rows (kecamatan, nagari, category, outcome, count); replaced whole by set_rows()."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return QLocale().toString(value) if index.column() == COUNT_COLUMN else value
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self._rows[index.row()]
            return f"{row[1]}, Kecamatan {row[0]}" if index.column() == 1 else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COUNT_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("RecapTableModel", COLUMNS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and section == COUNT_COLUMN:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)
