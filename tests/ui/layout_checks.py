"""What 'squashed' means on screen, as checks over a window's widgets (used by test_layout.py).

- An input (line edit, combo box, date or number field) lower than its size hint (its text is cut
  at the top and bottom: the 'flat lines' of a squeezed form), or narrower than its minimum size
  hint (a field may be narrower than its preferred width, never than its minimum).
- A button, check box or radio button smaller than its size hint: its text is cut.
- A label narrower or lower than its minimum size hint, or a word-wrapped one lower than the height
  its text needs at its width: its text is cut or runs into the next field.
- Two labels or fields of one form overlapping each other.
- A table with room for fewer than MIN_ROWS rows, or without the right-click copy and export.
- A deadline chip narrower than its text (it would end in '…').
- A scroll area or a table whose content is wider than it while it cannot scroll sideways (cut off).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabBar,
    QTableView,
    QWidget,
)

from desktop.ui.common.sla import SlaChipDelegate
from desktop.ui.common.tables import MIN_ROWS, TableSupport, visible_rows

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox)


def _inside_composite(widget: QWidget) -> bool:
    """Parts of another widget (a combo box's line edit, a tab bar's arrows, a table's editor)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QTabBar | QAbstractItemView | QCalendarWidget):
            return True
        parent = parent.parentWidget()
    return False


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        text = widget.text()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    text = text.replace("\n", " ")[:50]
    label = widget.accessibleName() or widget.objectName()
    return f"{type(widget).__name__} {text!r}" + (f" ({label})" if label else "")


def _size(widget: QWidget, need_w: int, need_h: int) -> str:
    return f"{widget.width()}x{widget.height()} < {need_w}x{need_h}"


def widget_problem(widget: QWidget) -> str | None:
    """Why one visible widget is squeezed, or None."""
    if isinstance(widget, INPUTS):
        hint, least = widget.sizeHint(), widget.minimumSizeHint()
        if widget.height() < hint.height() or widget.width() < least.width():
            return f"{_name(widget)} squashed: {_size(widget, least.width(), hint.height())}"
    elif isinstance(widget, QAbstractButton) and widget.text():
        hint = widget.sizeHint()
        if widget.width() < hint.width() or widget.height() < hint.height():
            return f"{_name(widget)} cut: {_size(widget, hint.width(), hint.height())}"
    elif isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
        least = widget.minimumSizeHint()
        need_h = widget.heightForWidth(widget.width()) if widget.wordWrap() else least.height()
        if widget.width() < least.width() or widget.height() < need_h:
            return f"{_name(widget)} cut: {_size(widget, least.width(), need_h)}"
    elif isinstance(widget, QTableView):
        return table_problem(widget)
    elif isinstance(widget, QScrollArea) and widget.widget() is not None:
        inner, viewport = widget.widget(), widget.viewport()
        if widget.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff and (
            inner.width() > viewport.width() + 1
        ):
            return f"{_name(widget)} cuts its content: {inner.width()} px wide in {viewport.width()} px"
    return None


def table_problem(view: QTableView) -> str | None:
    if visible_rows(view) < MIN_ROWS - 0.05:
        return f"{_name(view)} shows {visible_rows(view):.1f} rows (< {MIN_ROWS})"
    if view.findChild(TableSupport) is None:
        return f"{_name(view)} has no right-click copy and export (tables.equip)"
    model = view.model()
    shown = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    total = sum(view.columnWidth(c) for c in shown)
    if (
        view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        and total > view.viewport().width() + 1
    ):
        return f"{_name(view)} cuts its last columns: {total} px of columns in {view.viewport().width()} px"
    for column in range(model.columnCount()):
        if view.isColumnHidden(column) or not isinstance(view.itemDelegateForColumn(column), SlaChipDelegate):
            continue
        need = view.sizeHintForColumn(column)
        if view.columnWidth(column) < need:
            return f"{_name(view)} cuts its deadline chips: column {view.columnWidth(column)} < {need} px"
    return None


def overlaps(root: QWidget) -> list[str]:
    """Labels and inputs of one parent that overlap each other (a label drawn over its field)."""
    found = []
    by_parent: dict[int, list[QWidget]] = {}
    for widget in root.findChildren(QWidget):
        if widget.isVisible() and isinstance(widget, (QLabel, *INPUTS)) and not _inside_composite(widget):
            by_parent.setdefault(id(widget.parentWidget()), []).append(widget)
    for widgets in by_parent.values():
        for i, first in enumerate(widgets):
            for second in widgets[i + 1 :]:
                common = QRect(first.geometry()).intersected(second.geometry())
                if common.width() > 2 and common.height() > 2:
                    found.append(f"{_name(first)} overlaps {_name(second)}")
    return found


def layout_problems(root: QWidget) -> list[str]:
    """Every squeezed, cut or overlapping widget shown in `root` (a window or a dialog)."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or _inside_composite(widget) and not isinstance(widget, QTableView):
            continue
        if isinstance(widget, QAbstractScrollArea) and not isinstance(widget, QScrollArea | QTableView):
            continue
        problem = widget_problem(widget)
        if problem:
            found.append(problem)
        if (
            isinstance(widget, QScrollArea)
            and widget.horizontalScrollBar().isVisible()
            and not widget.property("wideContent")  # a drawing meant to scroll (the SOP matrix)
        ):
            inner = widget.widget()
            wide = inner.minimumSizeHint().width() if inner is not None else 0
            found.append(
                f"{_name(widget)} scrolls sideways: {wide} px of content in {widget.viewport().width()} px"
            )
    return found + overlaps(root)
