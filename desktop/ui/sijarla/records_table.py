"""Service records as a virtual table: the row count is known, rows are fetched by page when shown.

Per sort and filter the model first reads the count and the first page (a keyset page:
milliseconds at any size) and shows them; then it reads the sorted ids (8 bytes a row) in
the background, and from then on the ~200 rows of a page are read by id the first time a
row of it is painted. A million records open like a hundred; scrolling reads only the
pages shown, and at most MAX_PAGES of them are kept. Clicking a header sorts in SQL.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal

from desktop.services.session import Session
from desktop.services.sijarla import record_query
from desktop.services.sijarla.record_query import RecordFilter, RecordListRow, RecordSort
from desktop.ui.common.operations import message_for
from desktop.ui.common.table_model import PagedTableModel

MAX_PAGES = 64  # 12,800 rows at most in memory, whatever the table's size


@dataclass(frozen=True)
class Column:
    attribute: str  # of RecordListRow
    title: str  # untranslated, context "RecordsTableModel"
    sort_key: str | None  # a record_query.SORT_KEYS entry; None: not sortable


COLUMNS: tuple[Column, ...] = (
    Column("served_on", QT_TRANSLATE_NOOP("RecordsTableModel", "Tanggal"), "served_on"),
    Column("nik", QT_TRANSLATE_NOOP("RecordsTableModel", "NIK"), "nik"),
    Column("full_name", QT_TRANSLATE_NOOP("RecordsTableModel", "Nama"), "full_name"),
    Column("kk", QT_TRANSLATE_NOOP("RecordsTableModel", "KK"), "kk"),
    Column("address", QT_TRANSLATE_NOOP("RecordsTableModel", "Alamat"), None),
    Column("nagari", QT_TRANSLATE_NOOP("RecordsTableModel", "Nagari"), "nagari"),
    Column("jorong", QT_TRANSLATE_NOOP("RecordsTableModel", "Jorong"), "jorong"),
    Column("category", QT_TRANSLATE_NOOP("RecordsTableModel", "Kategori"), "category"),
    Column("target_group", QT_TRANSLATE_NOOP("RecordsTableModel", "Sasaran"), "target_group"),
    Column("outcome", QT_TRANSLATE_NOOP("RecordsTableModel", "Hasil"), "outcome"),
    Column("outcome_reason", QT_TRANSLATE_NOOP("RecordsTableModel", "Alasan"), None),
    Column("case_reference", QT_TRANSLATE_NOOP("RecordsTableModel", "Kasus"), "case"),
)
COLUMN_INDEX = {c.attribute: i for i, c in enumerate(COLUMNS)}


class RecordsTableModel(PagedTableModel[RecordListRow]):
    """Read-only records the session may see, for one filter and sort at a time.

    Until the id list is read only the first page (_head) is known; after that rows are read
    by page through PagedTableModel, each page by the ids of its rows."""

    TITLES = tuple(c.title for c in COLUMNS)
    CONTEXT = "RecordsTableModel"

    loading_changed = Signal(bool)
    head_loaded = Signal(int)  # the row count and the first page are shown
    loaded = Signal(int)  # the whole id list is read: every row can be shown
    failed = Signal(str)

    def __init__(
        self,
        session: Session,
        parent=None,
        *,
        sort: RecordSort | None = None,
        record_filter: RecordFilter | None = None,
        background: bool = True,
        page_size: int = record_query.PAGE_SIZE,
    ):
        super().__init__(parent, page_size=page_size, max_pages=MAX_PAGES, background=background)
        self.session = session
        self._filter = record_filter or RecordFilter()
        self._sort = sort or RecordSort()
        self._ids = array("q")
        self._ids_ready = False
        self._head: list[RecordListRow] = []
        self._generation = 0
        self._loading = False

    # --- what to show ---------------------------------------------------------------------

    @property
    def record_filter(self) -> RecordFilter:
        return self._filter

    @property
    def record_sort(self) -> RecordSort:
        return self._sort

    def is_loading(self) -> bool:
        return self._loading

    def set_filter(self, record_filter: RecordFilter) -> None:
        self._filter = record_filter
        self.reload()

    def set_sort(self, sort: RecordSort) -> None:
        self._sort = sort
        self.reload()

    def reload(self) -> None:
        """Read the rows again: first the count and the first page (shown at once), then the
        sorted id list behind them (in the background unless built with background=False)."""
        self._generation += 1
        generation, record_filter, sort, size = self._generation, self._filter, self._sort, self._page_size
        self._set_loading(True)

        def head() -> tuple[int, list[RecordListRow]]:
            return (
                record_query.count(self.session, record_filter),
                record_query.page(self.session, record_filter, sort, limit=size).rows,
            )

        def ids() -> array:
            return record_query.sorted_ids(self.session, record_filter, sort)

        def fail(error: BaseException) -> None:
            self._fail(generation, error)

        def head_done(result: tuple[int, list[RecordListRow]]) -> None:
            if self._apply_head(generation, *result):
                self._run(ids, lambda found: self._apply_ids(generation, found), fail)

        self._run(head, head_done, fail)

    def _apply_head(self, generation: int, count: int, rows: list[RecordListRow]) -> bool:
        """Show the row count and the first page; True when the id list is still to be read."""
        if generation != self._generation:
            return False  # a newer sort or filter was asked for meanwhile
        self.beginResetModel()
        self._count = count
        self._ids = array("q")
        self._ids_ready = False
        self._head = list(rows)
        self._pages.clear()
        self.endResetModel()
        self.head_loaded.emit(count)
        if count == 0:
            self._apply_ids(generation, array("q"))
            return False
        return True

    def _apply_ids(self, generation: int, ids: array) -> None:
        if generation != self._generation:
            return
        head_ids = [r.id for r in self._head]
        if len(ids) == self._count and list(ids[: len(head_ids)]) == head_ids:
            self._ids, self._ids_ready = ids, True  # same rows: only the placeholders repaint
            self._pages[0] = list(self._head)
            if self._count:
                last = self.index(self._count - 1, len(COLUMNS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
        else:  # the table changed between the two reads: start over from the id list
            self.beginResetModel()
            self._ids, self._ids_ready, self._count = ids, True, len(ids)
            self._pages.clear()
            self.endResetModel()
        self._set_loading(False)
        self.loaded.emit(len(ids))

    def _fail(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        self.failed.emit(message_for(error))

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # --- rows --------------------------------------------------------------------------------

    def ids_ready(self) -> bool:
        return self._ids_ready

    def record_id(self, row: int) -> int:
        if self._ids_ready:
            return self._ids[row]
        return self._head[row].id

    def row_of(self, record_id: int) -> int | None:
        if not self._ids_ready:
            return next((i for i, r in enumerate(self._head) if r.id == record_id), None)
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def record(self, row: int) -> RecordListRow | None:
        """The row's record, reading its page on first use (None while unknown or deleted since)."""
        if not self._ids_ready:
            return self._head[row] if row < len(self._head) else None
        return self.page_row(row)

    def _read_page(self, number: int) -> list[RecordListRow | None]:
        ids = self._ids[number * self._page_size : (number + 1) * self._page_size]
        found = {r.id: r for r in record_query.rows_by_id(self.session, ids)}
        return [found.get(i) for i in ids]

    # --- Qt's interface -------------------------------------------------------------------------

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        record = self.record(index.row())
        if record is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        attribute = COLUMNS[index.column()].attribute
        value = getattr(record, attribute)
        if attribute == "served_on":
            return value.strftime("%d-%m-%Y")
        if role == Qt.ItemDataRole.ToolTipRole and attribute == "full_name" and record.address:
            return f"{record.full_name}\n{record.address}"
        if role == Qt.ItemDataRole.ToolTipRole and attribute == "outcome" and record.outcome_reason:
            return f"{record.outcome}: {record.outcome_reason}"
        return value

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].sort_key is None:
            return
        key = COLUMNS[column].sort_key
        descending = order == Qt.SortOrder.DescendingOrder
        if self._sort == RecordSort(key, descending) and self._ids_ready:
            return
        self.set_sort(RecordSort(key, descending))
