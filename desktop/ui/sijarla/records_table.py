"""Service records as a virtual table: rows are read by page, the first time one of them is shown.

Per sort and filter the model first reads the count (exact up to record_window.COUNT_CAP,
estimated above) and the first page (a keyset page: milliseconds at any size) and shows
them; then, in the background, the exact count and a landmark key every STRIDE rows. A page
is read by keyset next to the nearest known position (record_window.window), so ten
million records open, jump to the end and sort like a thousand, and nothing in memory grows
with the table. At most MAX_PAGES pages are kept. Clicking a header sorts in SQL.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal

from desktop.services.session import Session
from desktop.services.sijarla import record_query, record_window
from desktop.services.sijarla.record_query import RecordFilter, RecordListRow, RecordSort
from desktop.services.sijarla.record_window import CountHint
from desktop.ui.common.operations import message_for
from desktop.ui.common.table_model import PagedTableModel

MAX_PAGES = 64  # 12,800 rows at most in memory, whatever the table's size
MAX_ANCHORS = 20_000  # known keys beyond the landmarks (one per stride rows: 2,000 at 10 million)


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

    No list of every id is kept: a page is read next to the nearest position whose sort key
    is known (record_window): the first page's last row, the end of the table, a landmark
    every STRIDE rows (read in the background once per sort and filter), the first and last
    rows of every page read since. Memory stays that of MAX_PAGES pages and the landmarks,
    whatever the table's size."""

    TITLES = tuple(c.title for c in COLUMNS)
    CONTEXT = "RecordsTableModel"

    loading_changed = Signal(bool)
    head_loaded = Signal(int)  # the row count (maybe estimated) and the first page are shown
    counted = Signal(int)  # the exact count replaced an estimate
    loaded = Signal(int)  # the exact count and the landmarks are in: any row reads at once
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
        stride: int = record_window.STRIDE,
        count_cap: int = record_window.COUNT_CAP,
    ):
        super().__init__(parent, page_size=page_size, max_pages=MAX_PAGES, background=background)
        self.session = session
        self._stride, self._count_cap = stride, count_cap
        self._filter = record_filter or RecordFilter()
        self._sort = sort or RecordSort()
        self._count_exact = False
        self._ready = False
        self._anchors: dict[int, tuple] = {}  # row position -> that row's sort key
        self._positions: list[int] = []  # the anchors' positions, sorted
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

    def count_is_exact(self) -> bool:
        return self._count_exact

    def set_filter(self, record_filter: RecordFilter) -> None:
        self._filter = record_filter
        self.reload()

    def set_sort(self, sort: RecordSort) -> None:
        self._sort = sort
        self.reload(keep_count=True)

    def reload(self, *, keep_count: bool = False) -> None:
        """Read the rows again: the count (exact, or estimated when large) and the first page,
        shown at once; then the exact count and the landmarks (in the background unless built
        with background=False). A new order of the same rows (keep_count) keeps an exact count:
        only the first page is read before the table shows it."""
        known = CountHint(self._count, exact=True) if keep_count and self._count_exact else None
        self._generation += 1
        generation, record_filter, sort, size = self._generation, self._filter, self._sort, self._page_size
        stride, cap = self._stride, self._count_cap
        self._set_loading(True)

        def head() -> tuple[CountHint, record_query.RecordPage]:
            return (
                known or record_window.estimated_count(self.session, record_filter, cap),
                record_query.page(self.session, record_filter, sort, limit=size),
            )

        def counted() -> int:
            return record_query.count(self.session, record_filter)

        def marks() -> list[tuple]:
            return record_window.landmarks(self.session, record_filter, sort, stride)

        def fail(error: BaseException) -> None:
            self._fail(generation, error)

        def marks_done(found: list[tuple]) -> None:
            if generation == self._generation:
                for number, key in enumerate(found):
                    self._anchor((number + 1) * stride - 1, key)
                self._finish()

        def count_done(count: int) -> None:
            if self._apply_count(generation, count):
                self._run(marks, marks_done, fail)

        def head_done(result: tuple[CountHint, record_query.RecordPage]) -> None:
            if not self._apply_head(generation, *result):
                return
            if self._count_exact:
                self._run(marks, marks_done, fail)
            else:
                self._run(counted, count_done, fail)

        self._run(head, head_done, fail)

    def _apply_head(self, generation: int, hint: CountHint, first: record_query.RecordPage) -> bool:
        """Show the row count and the first page; True when more is to be read (the exact count
        when this one is an estimate, else the landmarks)."""
        if generation != self._generation:
            return False  # a newer sort or filter was asked for meanwhile
        self.beginResetModel()
        if first.next_after is None:  # the whole result is on this page
            self._count, self._count_exact = len(first.rows), True
        elif hint.exact:
            self._count, self._count_exact = hint.rows, True
        else:
            self._count, self._count_exact = max(hint.rows, len(first.rows) + 1), False
        self._ready = False
        self._pages.clear()
        self._anchors, self._positions = {}, []
        if first.rows:
            self._pages[0] = list(first.rows)
        if first.next_after is not None:
            self._anchor(len(first.rows) - 1, first.next_after)
        self.endResetModel()
        self.head_loaded.emit(self._count)
        if self._count_exact:
            return self._apply_count(generation, self._count)
        return True

    def _apply_count(self, generation: int, count: int) -> bool:
        """Put the exact count in; True when the landmarks are still to be read."""
        if generation != self._generation:
            return False
        if count > self._count:
            cut = (self._count - 1) // self._page_size  # the page the estimate ended in: read short
            if len(self._pages.get(cut, ())) < self._page_size:
                self._pages.pop(cut, None)
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            last_page = (count - 1) // self._page_size if count else -1
            for number in [n for n in self._pages if n > last_page]:
                del self._pages[number]
            self._anchors = {p: k for p, k in self._anchors.items() if p < count}
            self._positions = sorted(self._anchors)
            self.endRemoveRows()
        was_exact, self._count_exact = self._count_exact, True
        if not was_exact:
            self.counted.emit(count)
        if count <= self._stride:
            self._finish()
            return False
        return True

    def _finish(self) -> None:
        self._ready = True
        self._set_loading(False)
        self.loaded.emit(self._count)

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

    def ready(self) -> bool:
        """The exact count and the landmarks are read: every row reads in one short query."""
        return self._ready

    def record_id(self, row: int) -> int | None:
        record = self.record(row)
        return None if record is None else record.id

    def row_of(self, record_id: int) -> int | None:
        """The row showing this record, among the pages read (None when not among them)."""
        for number, rows in self._pages.items():
            for offset, record in enumerate(rows):
                if record is not None and record.id == record_id:
                    return number * self._page_size + offset
        return None

    def record(self, row: int) -> RecordListRow | None:
        """The row's record, reading its page on first use (None while unknown or deleted since)."""
        if not 0 <= row < self._count:
            return None
        return self.page_row(row)

    def anchor_count(self) -> int:
        return len(self._positions)

    def _anchor(self, position: int, key: tuple) -> None:
        if position not in self._anchors:
            if len(self._positions) >= MAX_ANCHORS:  # keep the landmarks, forget the pages' keys
                keep = {p: k for p, k in self._anchors.items() if (p + 1) % self._stride == 0}
                self._anchors, self._positions = keep, sorted(keep)
            insort(self._positions, position)
        self._anchors[position] = key

    def _read_page(self, number: int) -> list[RecordListRow | None]:
        first = number * self._page_size
        last = min(self._count, first + self._page_size) - 1  # rows first..last
        if last < first:
            return []
        size = last - first + 1
        # The nearest known position: the start, the end (once the count is exact), an anchor.
        ways: list[tuple[int, dict]] = [(first, {"skip": first})]
        if self._count_exact:
            ways.append((self._count - 1 - last, {"from_end": True, "skip": self._count - 1 - last}))
        at = bisect_left(self._positions, first) - 1
        if at >= 0:
            below = self._positions[at]
            ways.append((first - below - 1, {"after": self._anchors[below], "skip": first - below - 1}))
        at = bisect_right(self._positions, last)
        if at < len(self._positions):
            above = self._positions[at]
            ways.append((above - last - 1, {"before": self._anchors[above], "skip": above - last - 1}))
        _cost, way = min(ways, key=lambda w: w[0])
        found = record_window.window(self.session, self._filter, self._sort, limit=size, **way)
        if len(found.keys) == size:
            self._anchor(first, found.keys[0])
            self._anchor(last, found.keys[-1])
        return list(found.rows) + [None] * (size - len(found.rows))

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
        if self._sort == RecordSort(key, descending) and self._ready:
            return
        self.set_sort(RecordSort(key, descending))
