"""Search hits (desktop.services.search.SearchHit): kind, what was found, where it belongs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from desktop.services.search import SearchHit

COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("SearchResultsTableModel", "Jenis"),
    QT_TRANSLATE_NOOP("SearchResultsTableModel", "Ditemukan"),
    QT_TRANSLATE_NOOP("SearchResultsTableModel", "Keterangan"),
)
KINDS = {
    "kasus": QT_TRANSLATE_NOOP("SearchResultsTableModel", "Kasus"),
    "surat": QT_TRANSLATE_NOOP("SearchResultsTableModel", "Surat"),
    "penduduk": QT_TRANSLATE_NOOP("SearchResultsTableModel", "Penduduk"),
}
HIT_ROLE = int(Qt.ItemDataRole.UserRole) + 40


class SearchResultsTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return QCoreApplication.translate("SearchResultsTableModel", KINDS.get(hit.kind, hit.kind))
            return hit.title if index.column() == 1 else hit.detail
        if role == HIT_ROLE:
            return hit
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate("SearchResultsTableModel", COLUMNS[section])
        return super().headerData(section, orientation, role)
