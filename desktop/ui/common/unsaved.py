"""Nothing typed is thrown away without asking.

A form (or a tab, or a dialog) that holds typed text the database does not have yet answers
`unsaved_work()` with a short description of it ('' when there is none) and `discard_unsaved()`
to forget it. Before a route away from it (back to the list, another case, closing the window,
logging out) the owner asks `DiscardQuestion.ask`; the main window asks once for everything it
holds (`unsaved_work_in`). `TypedText` is the usual way a form knows: the texts of its fields
compared with what they held when the form was last loaded or saved.

`FormDialog` is the base of the dialogs that take typed input: Esc, Batal and the window's close
button ask before typed text is thrown away, and Ctrl+Enter presses the dialog's main button.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from desktop.ui.common.forms import submit_shortcut


class DiscardQuestion:
    """'Buang isian yang belum disimpan?' with what would be lost; the safe answer is the default."""

    @classmethod
    def ask(cls, parent: QWidget | None, items: list[str]) -> bool:
        """True when the user chose to throw the typed text away. Tests replace this."""
        listed = "\n".join(f"• {item}" for item in items)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("DiscardQuestion", "Isian belum disimpan"),
            QCoreApplication.translate(
                "DiscardQuestion", "Isian berikut belum disimpan dan akan hilang:\n%1"
            ).replace("%1", listed),
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        discard = box.addButton(
            QCoreApplication.translate("DiscardQuestion", "Buang isian"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        keep = box.addButton(
            QCoreApplication.translate("DiscardQuestion", "Kembali ke isian"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        chosen = box.clickedButton() is discard
        box.deleteLater()
        return chosen


def unsaved_work_in(root: QWidget) -> list[tuple[QWidget, str]]:
    """Every widget under `root` (its dialogs included) holding unsaved typed text, with its description.

    A widget inside another that reports is left to its owner (the owner knows the better words)."""
    found: list[tuple[QWidget, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        report = getattr(widget, "unsaved_work", None)
        if not callable(report) or any(_inside(widget, owner) for owner, _text in found):
            continue
        text = report()
        if text:
            found.append((widget, text))
    return found


def _inside(widget: QWidget, owner: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent is owner:
            return True
        parent = parent.parentWidget()
    return False


def may_leave(parent: QWidget, holders: list[QWidget]) -> bool:
    """Ask before leaving widgets with unsaved text; on 'Buang isian' they forget it. True: go on."""
    found = [(w, text) for w, text in unsaved_work_of(holders) if text]
    if not found:
        return True
    if not DiscardQuestion.ask(parent, [text for _w, text in found]):
        return False
    for widget, _text in found:
        widget.discard_unsaved()
    return True


def unsaved_work_of(holders: list[QWidget]) -> list[tuple[QWidget, str]]:
    """(holder, description) for each live holder that reports unsaved text."""
    found = []
    for widget in holders:
        report = getattr(widget, "unsaved_work", None) if shiboken6.isValid(widget) else None
        text = report() if callable(report) else ""
        if text:
            found.append((widget, text))
    return found


class TypedText:
    """The texts of a form's fields, compared with a clean state (after loading or saving)."""

    def __init__(self, root: QWidget):
        self.root = root
        self._clean: dict[QWidget, str] = {}

    def texts(self) -> dict[QWidget, str]:
        found: dict[QWidget, str] = {}
        for widget in self.root.findChildren(QWidget):
            if isinstance(widget, QLineEdit):
                if widget.echoMode() != QLineEdit.EchoMode.Normal or isinstance(
                    widget.parentWidget(), QAbstractSpinBox
                ):
                    continue
                found[widget] = widget.text()
            elif isinstance(widget, QPlainTextEdit | QTextEdit) and not widget.isReadOnly():
                found[widget] = widget.toPlainText()
        return found

    def mark_clean(self) -> None:
        self._clean = self.texts()

    def changed(self) -> bool:
        now = self.texts()
        return any(text.strip() != self._clean.get(widget, "").strip() for widget, text in now.items())


class FormDialog(QDialog):
    """A dialog with typed input: asks before Esc, Batal or closing throws the text away;
    Ctrl+Enter presses its main button (the enabled primary or default button)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.typed = TypedText(self)
        self._asking = False
        self._clean_taken = False
        submit_shortcut(self, self.press_main_button)

    def showEvent(self, event) -> None:
        if not self._clean_taken:  # what the dialog was opened with is not typed work
            self.typed.mark_clean()
            self._clean_taken = True
        super().showEvent(event)

    def main_button(self) -> QPushButton | None:
        buttons = [b for b in self.findChildren(QPushButton) if b.isVisible() and b.isEnabled()]
        primary = [b for b in buttons if b.property("primary")]
        default = [b for b in buttons if b.isDefault()]
        return (primary or default or [None])[0]

    def press_main_button(self) -> None:
        button = self.main_button()
        if button is not None:
            button.click()

    def unsaved_work(self) -> str:
        return self.windowTitle() if self.isVisible() and self.typed.changed() else ""

    def discard_unsaved(self) -> None:
        self.typed.mark_clean()

    def reject(self) -> None:
        if self._asking:
            return
        text = self.unsaved_work()
        if text:
            self._asking = True
            try:
                if not DiscardQuestion.ask(self, [text]):
                    return
            finally:
                self._asking = False
        super().reject()

    def discard(self) -> None:
        """Close without asking (the user already chose to throw everything away)."""
        self.discard_unsaved()
        super().reject()
