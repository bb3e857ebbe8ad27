"""Read-only table models' shared parts: translated column titles, a list of rows, rows read by page.

TitledTableModel answers columnCount() and headerData() from a list of column titles;
ListTableModel adds rows held in memory and replaced all at once; PagedTableModel adds a row
count known up front and rows read a page at a time, the first time one of them is shown.
Subclasses write only data() and what is their own (what the rows are, how a page is read).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from desktop.ui.common.background import run_for

log = logging.getLogger(__name__)

T = TypeVar("T")
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 30  # a value that sorts as the column should
R = TypeVar("R")


class TitledTableModel(QAbstractTableModel):
    """A table with a fixed list of columns whose titles are shown translated in the header.

    TITLES are the untranslated titles, each marked where it is written with
    QT_TRANSLATE_NOOP(CONTEXT, "...") so that lupdate finds it; CONTEXT is that translation
    context ("" for the class's own name).
    """

    TITLES: ClassVar[Sequence[str]] = ()
    CONTEXT: ClassVar[str] = ""

    def titles(self) -> Sequence[str]:
        """The untranslated column titles, one a column."""
        return self.TITLES

    def columnCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.titles())

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        titles = self.titles()
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(titles)
        ):
            return QCoreApplication.translate(self.CONTEXT or type(self).__name__, titles[section])
        return super().headerData(section, orientation, role)


class ListTableModel(TitledTableModel, Generic[T]):
    """Rows held in memory, one item a row; the owner replaces them all with set_items().

    A click on a column title sorts the rows (sort()); column -1 gives back the order the owner
    set, which the next set_items() keeps until the user sorts again. A model answers SORT_ROLE
    where the shown text does not sort right (a date shown as '2 Des').
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[T] = []
        self._given: list[T] = []
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    def set_items(self, items: Sequence[T]) -> None:
        self.beginResetModel()
        self._given = list(items)
        self._items = self._sorted()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        before = list(self._items)
        self._sort_column, self._sort_order = column, order
        self._items = self._sorted()
        row_now = {id(item): row for row, item in enumerate(self._items)}
        moved = [
            (index, self.index(row_now[id(before[index.row()])], index.column()))
            for index in self.persistentIndexList()
            if 0 <= index.row() < len(before)
        ]
        self.changePersistentIndexList([old for old, _ in moved], [new for _, new in moved])
        self.layoutChanged.emit()

    def _sorted(self) -> list[T]:
        column = self._sort_column
        if not 0 <= column < self.columnCount():
            return list(self._given)
        self._items = list(self._given)  # data() reads rows by position

        def key(row: int) -> tuple[bool, Any]:
            index = self.index(row, column)
            value = self.data(index, SORT_ROLE)
            if value is None:
                value = self.data(index, Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                value = value.casefold()
            return (value is None or value == "", value if value is not None else "")

        rows = sorted(range(len(self._given)), key=key)
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            rows.reverse()
        return [self._given[row] for row in rows]

    def item(self, row: int) -> T:
        return self._items[row]

    def rowCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)


class PagedTableModel(TitledTableModel, Generic[T]):
    """A virtual table: the row count is known up front, rows are read a page at a time.

    A subclass sets _count (inside beginResetModel/endResetModel, clearing _pages with it),
    may put a page it already has into _pages, and implements _read_page(). page_row() then
    returns a row from its cached page, reading the page on first use; at most max_pages pages
    are kept, the least recently used one is dropped first. _run() reads the count and the
    first pages in the background (inline when built with background=False).
    """

    def __init__(self, parent=None, *, page_size: int, max_pages: int, background: bool = True):
        super().__init__(parent)
        self._background = background
        self._page_size = page_size
        self._max_pages = max_pages
        self._count = 0
        self._pages: OrderedDict[int, Sequence[T | None]] = OrderedDict()

    def page_row(self, row: int) -> T | None:
        """The row, reading its page on first use (None while it cannot be read)."""
        number, offset = divmod(row, self._page_size)
        rows = self._pages.get(number)
        if rows is None:
            rows = self._fetch(number)
        else:
            self._pages.move_to_end(number)
        return rows[offset] if offset < len(rows) else None

    def cached_pages(self) -> list[int]:
        return sorted(self._pages)

    def _read_page(self, number: int) -> Sequence[T | None]:
        """The rows of page `number` (None for a row that is gone); may raise."""
        raise NotImplementedError

    def _fetch(self, number: int) -> Sequence[T | None]:
        try:
            rows = self._read_page(number)
        except Exception as exc:  # noqa: BLE001 - a paint must not raise; the page is retried later
            log.warning("page %s of %s could not be read: %s", number, type(self).__name__, exc)
            return []
        self._pages[number] = rows
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        return rows

    def _run(
        self, work: Callable[[], R], done: Callable[[R], None], fail: Callable[[BaseException], None]
    ) -> None:
        """work() in a worker thread, then done(result) or fail(error) back in this thread."""
        if self._background:
            run_for(self, work, done, fail)
            return
        try:
            result = work()
        except Exception as exc:  # noqa: BLE001 - fail() shows it, the table stays as it was
            fail(exc)
        else:
            done(result)

    def rowCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count
