"""The audit log as a virtual table: the row count is known, lines are read by page when shown.

Per filter the model reads the count and the first page (in the background) and shows them;
after that a page of PAGE_SIZE lines is read by position the first time one of its rows is
painted, and at most MAX_PAGES pages are kept. A log of millions of lines opens like a short one.
A simpler relative of records_table.py: the log only grows and is always newest first, so
there is no sort and no id list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal

from desktop.services.security import audit_log
from desktop.services.security.audit_log import AuditFilter, AuditLine
from desktop.services.session import Session
from desktop.ui.common.operations import message_for
from desktop.ui.common.table_model import PagedTableModel

MAX_PAGES = 32


@dataclass(frozen=True)
class Column:
    attribute: str  # of AuditLine
    title: str  # untranslated, context "AuditTableModel"


COLUMNS: tuple[Column, ...] = (
    Column("at", QT_TRANSLATE_NOOP("AuditTableModel", "Waktu")),
    Column("username", QT_TRANSLATE_NOOP("AuditTableModel", "Pengguna")),
    Column("action", QT_TRANSLATE_NOOP("AuditTableModel", "Tindakan")),
    Column("entity", QT_TRANSLATE_NOOP("AuditTableModel", "Objek")),
    Column("detail", QT_TRANSLATE_NOOP("AuditTableModel", "Rincian")),
    Column("workstation", QT_TRANSLATE_NOOP("AuditTableModel", "Komputer ini")),
)
DETAIL_COLUMN = 4


class AuditTableModel(PagedTableModel[AuditLine]):
    """Read-only lines of the audit log for one filter at a time, newest first."""

    TITLES = tuple(c.title for c in COLUMNS)
    CONTEXT = "AuditTableModel"

    loaded = Signal(int)  # the row count and the first page are shown
    failed = Signal(str)

    def __init__(
        self,
        session: Session,
        parent=None,
        *,
        background: bool = True,
        page_size: int = audit_log.PAGE_SIZE,
    ):
        super().__init__(parent, page_size=page_size, max_pages=MAX_PAGES, background=background)
        self.session = session
        self._filter = AuditFilter()
        self._shown = self._filter  # the filter of the lines shown (pages are read with it)
        self._generation = 0

    @property
    def audit_filter(self) -> AuditFilter:
        return self._filter

    def set_filter(self, audit_filter: AuditFilter) -> None:
        self._filter = audit_filter
        self.reload()

    def reload(self) -> None:
        """Read the count and the first page again (in the background unless built without)."""
        self._generation += 1
        generation, audit_filter, size, session = (
            self._generation,
            self._filter,
            self._page_size,
            self.session,
        )

        def head() -> tuple[int, list[AuditLine]]:
            return audit_log.count(session, audit_filter), audit_log.page(session, audit_filter, 0, size)

        def done(result: tuple[int, list[AuditLine]]) -> None:
            self._apply(generation, audit_filter, *result)

        def fail(error: BaseException) -> None:
            if generation == self._generation:
                self.failed.emit(message_for(error))

        self._run(head, done, fail)

    def _apply(self, generation: int, shown: AuditFilter, count: int, first: list[AuditLine]) -> None:
        if generation != self._generation:
            return  # a newer filter was asked for meanwhile
        self.beginResetModel()
        self._shown = shown
        self._count = count
        self._pages.clear()
        self._pages[0] = list(first)
        self.endResetModel()
        self.loaded.emit(count)

    def line(self, row: int) -> AuditLine | None:
        """The row's line, reading its page on first use (None while it cannot be read)."""
        return self.page_row(row)

    def _read_page(self, number: int) -> Sequence[AuditLine]:
        return audit_log.page(self.session, self._shown, number * self._page_size, self._page_size)

    # --- Qt's interface -------------------------------------------------------------------------

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        line = self.line(index.row())
        if line is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        attribute = COLUMNS[index.column()].attribute
        if role == Qt.ItemDataRole.ToolTipRole:
            return line.detail if attribute == "detail" and line.detail else None
        if attribute == "at":
            return line.at.strftime("%d-%m-%Y %H:%M:%S")
        if attribute == "entity":
            name = audit_log.entity_name(line.entity)
            return name if line.entity_id is None else f"{name} #{line.entity_id}"
        if attribute == "action":
            return audit_log.action_name(line.action)
        return getattr(line, attribute)
