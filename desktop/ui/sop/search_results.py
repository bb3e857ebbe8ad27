"""Search hits (desktop.services.search.SearchHit): kind, what was found, where it belongs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from desktop.services.search import SearchHit
from desktop.ui.common.table_model import ListTableModel

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


class SearchResultsTableModel(ListTableModel[SearchHit]):
    """Read-only rows of SearchHit; the owner replaces them all with set_hits()."""

    TITLES = COLUMNS
    CONTEXT = "SearchResultsTableModel"

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        self.set_items(hits)

    def hit(self, row: int) -> SearchHit:
        return self.item(row)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        hit = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return QCoreApplication.translate("SearchResultsTableModel", KINDS.get(hit.kind, hit.kind))
            return hit.title if index.column() == 1 else hit.detail
        if role == HIT_ROLE:
            return hit
        return None
