"""What every table of the app does besides showing rows: room for five rows, copy and export.

`equip(view, title)` is called by every table constructor (worklists, read-only tables, the admin
tables, the records grid): the view then never shrinks below MIN_ROWS rows (a window too small for
that scrolls instead), and a right-click offers 'Salin baris', 'Salin seluruh tabel' and 'Ekspor ke
CSV…' of what the table shows (visible columns, display text). `fair_columns(view)` makes the
columns of a small read-only table share the width so that no column is cut to a few letters: each
column gets its content's width when all fit; otherwise the narrow ones keep theirs and the wide
ones split the rest, their text wrapping onto more lines instead of ending in '…'.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableView,
    QToolTip,
    QWidget,
)

from desktop.services import table_export
from desktop.services.session import Session
from desktop.ui.common import file_dialogs
from desktop.ui.common.background import run_for
from desktop.ui.common.operations import message_for

MIN_ROWS = 5
WRAP_ROW_LIMIT = 300  # above this, rows keep one line (sizing every row to its text costs too much)


def rows_height(view: QTableView, rows: int = MIN_ROWS) -> int:
    """The height a table needs to show `rows` rows under its header (and a horizontal scroll bar)."""
    header = view.horizontalHeader()
    height = 2 * view.frameWidth() + rows * view.verticalHeader().defaultSectionSize()
    if not header.isHidden():
        height += header.sizeHint().height()
    if view.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        height += view.horizontalScrollBar().sizeHint().height()
    return height


def visible_rows(view: QTableView) -> float:
    """How many rows of the default height the table's viewport has room for."""
    return view.viewport().height() / max(1, view.verticalHeader().defaultSectionSize())


class TableSupport(QObject):
    """Attached to one table view (its child): minimum height and the right-click menu."""

    def __init__(self, view: QTableView, title: str, min_rows: int):
        super().__init__(view)
        self.view = view
        self.title = title
        self.min_rows = min_rows
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.show_menu)
        view.installEventFilter(self)
        self.update_minimum()

    def update_minimum(self) -> None:
        self.view.setMinimumHeight(rows_height(self.view, self.min_rows))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() in (
            QEvent.Type.Show,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
            QEvent.Type.Polish,
        ):
            self.update_minimum()
        elif (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and event.matches(QKeySequence.StandardKey.Copy)
        ):
            self.copy_rows()
            return True
        return super().eventFilter(watched, event)

    # --- The menu ------------------------------------------------------------------------------------

    def menu(self) -> QMenu:
        menu = QMenu(self.view)
        copy = menu.addAction(self.tr("Salin baris"), self.copy_rows)
        copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        copy.setEnabled(bool(self.selected_rows()))
        menu.addAction(self.tr("Salin seluruh tabel"), self.copy_all)
        menu.addSeparator()
        export = menu.addAction(self.tr("Ekspor ke CSV…"), self.export)
        export.setEnabled(self.view.model() is not None and self.view.model().rowCount() > 0)
        return menu

    def show_menu(self, position) -> None:
        self.menu().popup(self.view.viewport().mapToGlobal(position))

    # --- What the table shows ------------------------------------------------------------------------

    def columns(self) -> list[int]:
        model = self.view.model()
        header = self.view.horizontalHeader()
        shown = [c for c in range(model.columnCount()) if not self.view.isColumnHidden(c)]
        return sorted(shown, key=header.visualIndex)

    def header(self) -> list[str]:
        model = self.view.model()
        return [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in self.columns()]

    def row(self, row: int) -> list[str]:
        model = self.view.model()
        values = (model.data(model.index(row, c)) for c in self.columns())
        return ["" if value is None else str(value) for value in values]

    def selected_rows(self) -> list[int]:
        selection = self.view.selectionModel()
        return sorted({i.row() for i in selection.selectedIndexes()}) if selection is not None else []

    def all_rows(self) -> list[list[str]]:
        return [self.row(r) for r in range(self.view.model().rowCount())]

    # --- Actions ---------------------------------------------------------------------------------------

    def copy_rows(self) -> None:
        """The selected rows, tab-separated (pastes into a spreadsheet as cells)."""
        rows = [self.row(r) for r in self.selected_rows()]
        if rows:
            QGuiApplication.clipboard().setText(_tsv(rows))

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(_tsv([self.header(), *self.all_rows()]))

    def export(self) -> None:
        path = ask_csv_path(self.view, self.title)
        if path is None:
            return
        header, rows, title, actor = self.header(), self.all_rows(), self.title, session_of(self.view)
        run_for(
            self,
            lambda: table_export.export_csv(actor, title, header, rows, path),
            lambda written: self._say(self.tr("Tabel disimpan ke %1.").replace("%1", str(written))),
            lambda error: self._say(message_for(error)),
        )

    def _say(self, text: str) -> None:
        window = self.view.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10_000)
        else:
            QToolTip.showText(self.view.mapToGlobal(self.view.rect().center()), text, self.view)


def _tsv(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row) for row in rows)


def session_of(widget: QWidget) -> Session | None:
    """The logged-in user of the tab or dialog holding `widget` (for the export's audit line)."""
    current: QObject | None = widget
    while current is not None:
        session = getattr(current, "session", None)
        if isinstance(session, Session):
            return session
        current = current.parent()
    return None


def ask_csv_path(parent: QWidget, title: str) -> Path | None:
    """Where to save the CSV file: Documents first. Tests replace this."""
    path, _chosen = file_dialogs.save_file(
        parent,
        file_dialogs.EXPORT,
        QCoreApplication.translate("TableSupport", "Ekspor tabel ke CSV"),
        f"{_file_name(title)}.csv",
        QCoreApplication.translate("TableSupport", "Berkas CSV (*.csv)"),
    )
    return path


def _file_name(title: str) -> str:
    words = "".join(ch if ch.isalnum() else " " for ch in title.lower()).split()
    return "-".join(words) or "tabel"


def equip(view: QTableView, title: str = "", min_rows: int = MIN_ROWS) -> TableSupport:
    """Give a table its minimum of rows and its right-click menu (call once, from its constructor)."""
    support = view.findChild(TableSupport)
    if support is None:
        support = TableSupport(view, title or QCoreApplication.translate("TableSupport", "Tabel"), min_rows)
    return support


# --- Sharing the width between columns --------------------------------------------------------------


class FairColumns(QObject):
    """Keeps a table's columns fair as the table, its rows or its font change (see the module text)."""

    def __init__(self, view: QTableView):
        super().__init__(view)
        self.view = view
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.fit)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # Only when even the column titles do not fit side by side does a horizontal bar appear.
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
            signal.connect(self.timer.start)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.timer.start()
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        view = self.view
        model = view.model()
        columns = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
        if not columns:
            return
        header = view.horizontalHeader()
        # Measured from the text itself: an item's size hint shrinks once its column wraps.
        texts = {c: self.texts(c) for c in columns}
        metrics = view.fontMetrics()
        widest = {
            c: max((metrics.horizontalAdvance(t) for t in texts[c]), default=0) + CELL_PADDING
            for c in columns
        }
        wanted = {c: max(view.sizeHintForColumn(c), header.sectionSizeHint(c), widest[c]) for c in columns}
        # No column narrower than its title or its longest word: text wraps between words, never inside.
        longest = {
            c: max((metrics.horizontalAdvance(w) for t in texts[c] for w in t.split()), default=0)
            + CELL_PADDING
            for c in columns
        }
        floor = {c: min(wanted[c], max(header.sectionSizeHint(c), longest[c])) for c in columns}
        widths = share(wanted, floor, view.viewport().width())
        for column, width in widths.items():
            view.setColumnWidth(column, width)
        wrap = model.rowCount() <= WRAP_ROW_LIMIT
        view.setWordWrap(wrap)
        mode = QHeaderView.ResizeMode.ResizeToContents if wrap else QHeaderView.ResizeMode.Fixed
        view.verticalHeader().setSectionResizeMode(mode)

    def texts(self, column: int) -> list[str]:
        """What a column shows (its first WRAP_ROW_LIMIT rows)."""
        model = self.view.model()
        rows = range(min(model.rowCount(), WRAP_ROW_LIMIT))
        return [str(model.data(model.index(row, column)) or "") for row in rows]


CELL_PADDING = 16  # the item view's text margins and the header's padding, on both sides


def share(wanted: dict[int, int], floor: dict[int, int], room: int) -> dict[int, int]:
    """Column widths for `room` pixels: all as wanted when they fit; else each column that wants no more
    than a fair share, or whose floor is above it, is settled first, and the wide ones split the rest
    (never under their floor). The spare room goes to the last column."""
    total = sum(wanted.values())
    if total <= room:
        widths = dict(wanted)
        last = max(widths)
        widths[last] += room - total
        return widths
    widths: dict[int, int] = {}
    left = set(wanted)
    remaining = room
    while left:
        fair = remaining // len(left)
        settled = {
            c: wanted[c] if wanted[c] <= fair else floor[c]
            for c in left
            if fair >= wanted[c] or floor[c] >= fair
        }
        if not settled:
            break
        for column, width in settled.items():
            widths[column] = width
            remaining -= width
            left.discard(column)
    if left:
        fair = max(0, remaining) // len(left)
        widths.update({c: max(floor[c], fair) for c in left})
    return widths


def fair_columns(view: QTableView) -> FairColumns:
    """Share the table's width between its columns; text wraps instead of being cut."""
    fitter = view.findChild(FairColumns)
    return fitter if fitter is not None else FairColumns(view)
