"""The rows of an import that could not be read: row number, column and what is wrong."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from desktop.services.service_records import RowError

COLUMNS: tuple[tuple[str, str], ...] = (
    ("row", QT_TRANSLATE_NOOP("ImportErrorsTableModel", "Baris")),
    ("column", QT_TRANSLATE_NOOP("ImportErrorsTableModel", "Kolom")),
    ("message", QT_TRANSLATE_NOOP("ImportErrorsTableModel", "Masalah")),
)


class ImportErrorsTableModel(QAbstractTableModel):
    """Read-only list of RowError, in file order."""

    def __init__(self, errors: Sequence[RowError] = (), parent=None):
        super().__init__(parent)
        self._errors = sorted(errors, key=lambda e: e.row)

    def error(self, row: int) -> RowError:
        return self._errors[row]

    def rowCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._errors)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        error = self._errors[index.row()]
        attribute = COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return str(getattr(error, attribute))
        if role == Qt.ItemDataRole.TextAlignmentRole and attribute == "row":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate("ImportErrorsTableModel", COLUMNS[section][1])
        return super().headerData(section, orientation, role)
