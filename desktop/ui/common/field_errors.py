"""Every refusal of a form on its own field, all at once, the first one focused.

A form makes one FieldMarks, places `error_label(name)` under each field and `bind(name, widget)`s
the field. `show(problems_of(error))` takes what the service raised: an InvalidFields (several
problems) or one DomainError with its `field`; each message goes under its field, the field gets a
red frame (forms.INVALID_SHEET), and the first field in the form's order takes the focus, scrolled
into view. What has no field of its own comes back to be shown in the form's banner. Typing into a
field clears its mark.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.services.errors import DomainError, InvalidFields
from desktop.ui.common.forms import reveal


def problems_of(error: BaseException) -> list[tuple[str | None, str]]:
    """(field, message) for each problem an error reports; [] for an error that is not the user's."""
    if isinstance(error, InvalidFields):
        return list(error.problems)
    if isinstance(error, DomainError):
        return [(error.field, error.message)]
    return []


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Give a field the red frame of forms.INVALID_SHEET (or take it away)."""
    if bool(widget.property("invalid")) != invalid:
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class FieldMarks(QObject):
    """The error labels and marked fields of one form."""

    def __init__(self, form: QWidget):
        super().__init__(form)
        self._labels: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}  # in the form's order (the order of bind())
        self._label_of: dict[str, str] = {}

    def error_label(self, name: str) -> QLabel:
        """The (hidden) label under field `name` that shows its message."""
        label = self._labels.get(name)
        if label is None:
            label = QLabel()
            label.setObjectName("FieldError")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.hide()
            self._labels[name] = label
        return label

    def bind(self, name: str, widget: QWidget, label: str = "") -> None:
        """Field `name` is `widget`: marked when refused, its mark cleared when the user changes it.

        Its message goes under `label`'s error label (its own by default): the count of each
        requested service shows under the services as a whole."""
        self._fields[name] = widget
        self._label_of[name] = label or name
        clear = lambda *_args: self.clear(name)  # noqa: E731
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(clear)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(clear)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(clear)
            if widget.isEditable():
                widget.editTextChanged.connect(clear)
        elif isinstance(widget, QAbstractSpinBox):
            widget.editingFinished.connect(clear)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(clear)

    def field(self, name: str) -> QWidget | None:
        return self._fields.get(name)

    def show(self, problems: list[tuple[str | None, str]]) -> list[str]:
        """Mark every problem on its field and focus the first such field in the form's order.

        Returns the messages that have no field here (for the banner)."""
        self.clear()
        unplaced: list[str] = []
        marked: set[str] = set()
        for name, message in problems:
            key = name or ""
            label = self._labels.get(self._label_of.get(key, key))
            if label is None:
                unplaced.append(message)
                continue
            label.setText(message if label.isHidden() else f"{label.text()}\n{message}")
            label.show()
            marked.add(key)
            widget = self._fields.get(key)
            if widget is not None:
                set_invalid(widget, True)
        first = next((w for n, w in self._fields.items() if n in marked), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            reveal(first)  # a long form: scrolled to the first field to correct
        return unplaced

    def is_marked(self, name: str) -> bool:
        label = self._labels.get(self._label_of.get(name, name))
        return label is not None and not label.isHidden()

    def message(self, name: str) -> str:
        label = self._labels.get(self._label_of.get(name, name))
        return label.text() if label is not None and not label.isHidden() else ""

    def marked(self) -> list[str]:
        """The names of the error labels showing a message, in the form's order."""
        order = list(dict.fromkeys([*(self._label_of[n] for n in self._fields), *self._labels]))
        return [n for n in order if n in self._labels and not self._labels[n].isHidden()]

    def clear(self, name: str | None = None) -> None:
        """Take the mark off one field (and its message), or off every field."""
        if name is None:
            for label in self._labels.values():
                label.clear()
                label.hide()
            for widget in self._fields.values():
                set_invalid(widget, False)
            return
        label = self._labels.get(self._label_of.get(name, name))
        if label is not None:
            label.clear()
            label.hide()
        widget = self._fields.get(name)
        if widget is not None:
            set_invalid(widget, False)


def _layout_holding(widget: QWidget) -> QLayout | None:
    """The layout (of the widget's parent, however deeply nested) that holds `widget` itself."""
    parent = widget.parentWidget()
    pending = [parent.layout()] if parent is not None and parent.layout() is not None else []
    while pending:
        layout = pending.pop()
        if layout.indexOf(widget) >= 0:
            return layout
        pending.extend(
            layout.itemAt(i).layout() for i in range(layout.count()) if layout.itemAt(i).layout() is not None
        )
    return None


def place_error_labels(marks: FieldMarks, fields: dict[str, QWidget]) -> None:
    """Bind every field of a form built without error labels, and put each field's label right under
    it: the next row of a QFormLayout, the next place in a vertical box. A field in a row of its own
    widgets gets no label; its message goes to the banner (FieldMarks.show returns it)."""
    for name, widget in fields.items():
        if marks.field(name) is not None:
            continue
        marks.bind(name, widget)
        layout = _layout_holding(widget)
        if isinstance(layout, QFormLayout):
            row, _role = layout.getWidgetPosition(widget)
            layout.insertRow(row + 1, marks.error_label(name))
        elif isinstance(layout, QBoxLayout) and layout.direction() in (
            QBoxLayout.Direction.TopToBottom,
            QBoxLayout.Direction.BottomToTop,
        ):
            layout.insertWidget(layout.indexOf(widget) + 1, marks.error_label(name))


def show_refusal(marks: FieldMarks, banner, error: BaseException, unexpected: str) -> None:
    """Every problem the service found under its field, the first field focused; what belongs to no
    field goes to `banner` (a forms.Banner), and several problems are counted there. `unexpected`
    is the text for an error that is not the user's (operations.message_for)."""
    problems = problems_of(error)
    unplaced = marks.show(problems) if problems else [unexpected]
    count = len(problems) - len(unplaced)
    if unplaced:
        banner.show_message(" ".join(unplaced), "error")
    elif count > 1:
        text = QCoreApplication.translate(
            "FieldMarks", "%1 isian perlu diperbaiki; lihat pesan merah di bawah setiap isian."
        )
        banner.show_message(text.replace("%1", str(count)), "error")
    else:
        banner.show_message(problems[0][1], "error")
