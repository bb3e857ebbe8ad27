"""What every administrator page shares: a heading, a message banner, background calls, plain tables.

A page loads itself the first time it is shown (`ensure_loaded`) and again after each change.
Calls go through the background helper; a refusal shows in the banner and leaves the fields as
typed. `calls_finished` counts answered calls (tests wait on it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.errors import StaleRecord
from desktop.services.session import Session
from desktop.ui.common.background import run_for
from desktop.ui.common.forms import FORM_STYLESHEET, Banner, heading, muted
from desktop.ui.common.operations import message_for
from desktop.ui.common.table_model import PagedTableModel
from desktop.ui.common.tables import equip, fair_columns


class AdminPage(QWidget):
    """One page of the administrator tab.

    A settings page names in UNSAVED_WIDGETS the kinds of field whose values are its settings:
    what they hold after each answered call (a load or a save) is the clean state, and a change
    since is unsaved work the tab, the window and the idle lock ask about before throwing it away.
    """

    TITLE = ""
    HINT = ""
    UNSAVED_WIDGETS: tuple[type[QWidget], ...] = ()
    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setStyleSheet(FORM_STYLESHEET)
        self.loaded_once = False
        self.calls_finished = 0
        self.busy_buttons: list[QPushButton] = []
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(4, 0, 4, 4)
        self.box.setSpacing(10)
        if self.TITLE:
            self.box.addWidget(heading(self.tr(self.TITLE), 1.25))
        if self.HINT:
            self.box.addWidget(muted(self.tr(self.HINT)))
        self.banner = Banner()
        self.banner.action_button.clicked.connect(self.banner_action)
        self.box.addWidget(self.banner)

    def ensure_loaded(self) -> None:
        if not self.loaded_once:
            self.loaded_once = True
            self.load()

    def load(self) -> None:
        """Read what the page shows (subclasses; in the background)."""

    def banner_action(self) -> None:
        """The banner's button ('Muat ulang' after a stale edit) reloads the page."""
        self.banner.clear()
        self.load()

    def call(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        success: str = "",
        *,
        quiet: bool = False,
    ) -> None:
        """Run a service call in the background; say what happened in the banner."""
        if not quiet:  # an action: its buttons wait for the answer; a quiet reload blocks nothing
            for button in self.busy_buttons:
                button.setEnabled(False)
            self.banner.show_message(self.tr("Sedang diproses…"), "info")

        def ok(result: Any) -> None:
            self._done(quiet)
            if success:
                self.banner.show_message(success, "success")
            elif not quiet:
                self.banner.clear()
            if on_success is not None:
                on_success(result)
            self._clean = self._values()  # what was loaded or saved is not typed work

        def failed(error: BaseException) -> None:
            self._done(quiet)
            self.show_error(error)

        run_for(self, fn, ok, failed)

    # --- Unsaved settings ------------------------------------------------------------------------

    def _values(self) -> dict[QWidget, Any]:
        values: dict[QWidget, Any] = {}
        if not self.UNSAVED_WIDGETS:
            return values
        for widget in self.findChildren(QWidget):
            if not isinstance(widget, self.UNSAVED_WIDGETS):
                continue
            if isinstance(widget, QLineEdit):
                if widget.echoMode() != QLineEdit.EchoMode.Normal or isinstance(
                    widget.parentWidget(), QAbstractSpinBox | QComboBox
                ):
                    continue  # a password is never kept; a spin box or combo counts as itself
                values[widget] = widget.text().strip()
            elif isinstance(widget, QPlainTextEdit):
                values[widget] = widget.toPlainText().strip()
            elif isinstance(widget, QComboBox):
                values[widget] = widget.currentText()
            elif isinstance(widget, QAbstractSpinBox):
                values[widget] = widget.text()
            elif isinstance(widget, QAbstractButton) and widget.isCheckable():
                values[widget] = widget.isChecked()
        return values

    def unsaved_work(self) -> str:
        """The page's title while its settings differ from what was last loaded or saved."""
        clean = getattr(self, "_clean", None)
        if not self.UNSAVED_WIDGETS or clean is None or self._values() == clean:
            return ""
        return self.tr(self.TITLE) or self.tr("Pengaturan yang belum disimpan")

    def discard_unsaved(self) -> None:
        """Forget the changes: the stored settings are read again into the fields."""
        self._clean = self._values()
        self.load()

    def show_error(self, error: BaseException) -> None:
        action = self.tr("Muat ulang") if isinstance(error, StaleRecord) else ""
        self.banner.show_message(message_for(error), "error", action)

    def _done(self, quiet: bool) -> None:
        self.calls_finished += 1
        if not quiet:
            for button in self.busy_buttons:
                button.setEnabled(True)
            self.after_action()

    def after_action(self) -> None:
        """Subclasses re-apply which buttons make sense for the selection (after the busy state)."""


def plain_table(model, stretch: int = 1) -> QTableView:
    """A read-only, single-selection table; column `stretch` takes the remaining width."""
    table = QTableView()
    model.setParent(table)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(32)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if 0 <= stretch < model.columnCount():
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    if not isinstance(model, PagedTableModel):  # short tables: no column cut short, long text wraps
        fair_columns(table)
    equip(table)
    return table


def selected_row(table: QTableView) -> int:
    """The selected row, or -1."""
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else -1
