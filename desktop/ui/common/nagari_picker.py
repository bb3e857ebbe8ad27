"""The nagari field of every form: type a few letters and pick, or type the name and press Enter or Tab.

The list shows each nagari with its kecamatan ('Koto Baru — Kubung'). A typed name is accepted when it
is, ignoring case and surrounding spaces, a whole label or the name of exactly one nagari: 'sulit
air' then Tab picks 'Sulit Air — X Koto Diatas'. Two nagari of one name in different kecamatan need
the kecamatan (the list shows both).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QCompleter, QWidget


class NagariOption(Protocol):
    """A nagari as the pick lists give it (case_view.NagariOption, record_choices.NagariChoice)."""

    id: int
    name: str

    @property
    def label(self) -> str: ...


class NagariPicker(QComboBox):
    """An editable combo box over NagariOption; `nagari_id()` reads what was picked or typed."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._by_name: dict[str, list[int]] = {}
        if placeholder:
            self.lineEdit().setPlaceholderText(placeholder)
        self.lineEdit().editingFinished.connect(self.settle)
        # Tab while the list of matches is open: the list holds the keyboard, so neither the line
        # edit's editingFinished nor a focus-out event arrives; the focus change itself does.
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is self and new is not self.lineEdit():
            self.settle()

    def set_options(self, options: Iterable[NagariOption], keep_typed: bool = True) -> None:
        """Fill the list; what was typed stays typed (the options arrive after the user started)."""
        typed = self.currentText() if keep_typed else ""
        self.blockSignals(True)
        self.clear()
        self._by_name = {}
        for option in options:
            self.addItem(option.label, option.id)
            self._by_name.setdefault(_key(option.name), []).append(self.count() - 1)
        self.setCurrentIndex(-1)
        self.setEditText(typed)
        self.blockSignals(False)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        if typed:
            self.settle()

    def index_of_text(self, text: str) -> int:
        """The row a typed text means: a whole label or a unique nagari name, case and spaces aside."""
        key = _key(text)
        if not key:
            return -1
        for row in range(self.count()):
            if _key(self.itemText(row)) == key:
                return row
        rows = self._by_name.get(key, [])
        return rows[0] if len(rows) == 1 else -1

    def nagari_id(self) -> int | None:
        row = self.index_of_text(self.currentText())
        return self.itemData(row) if row >= 0 else None

    def select_nagari(self, nagari_id: int | None) -> None:
        self.setCurrentIndex(self.findData(nagari_id) if nagari_id is not None else -1)

    def settle(self) -> None:
        """Enter or Tab after typing: a recognised name becomes the chosen row (its full label shows)."""
        row = self.index_of_text(self.currentText())
        if row >= 0 and (row != self.currentIndex() or self.currentText() != self.itemText(row)):
            self.setCurrentIndex(row)
            self.setEditText(self.itemText(row))


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()
