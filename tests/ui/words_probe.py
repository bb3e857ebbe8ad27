"""Opens every tab, form and dialog of the app, as layout_probe.py does, and collects every string a user
can see: labels, buttons, group, tab and window titles, placeholders, tooltips, combo items, table
headers and the first rows' cells (the audit log's lines among them), read-only texts, menus, and the
text of every message box asked for. Run by test_words.py in a subprocess:

    python tests/ui/words_probe.py [--english]

and prints one JSON object {scenario: [text, ...]} (each text once, under the first scenario showing
it). --english puts one English label back into the first tab (the test that the check can fail).
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from tests.ui.layout_probe import Probe  # noqa: E402

ROWS = 8  # cells of the first rows of every table
_TAG = re.compile(r"<[^>]+>")
DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        text = _TAG.sub(" ", text).replace("&nbsp;", " ").replace("&amp;", "&")
    return " ".join(text.replace("&&", "&").split())


def _columns(model: QAbstractItemModel) -> int:
    try:
        return model.columnCount(QModelIndex())
    except TypeError:  # a list model keeps it private: one column
        return 1


def model_texts(model: QAbstractItemModel | None) -> list[str]:
    if model is None:
        return []
    columns = _columns(model)
    texts = [model.headerData(column, Qt.Orientation.Horizontal, DISPLAY) for column in range(columns)]
    for row in range(min(ROWS, model.rowCount(QModelIndex()))):
        for column in range(columns):
            index = model.index(row, column)
            texts += [model.data(index, DISPLAY), model.data(index, TOOLTIP)]
    return [t for t in texts if isinstance(t, str)]


def widget_texts(widget: QWidget) -> list[str]:
    """What one widget shows of itself (its children are asked separately)."""
    texts = [widget.toolTip(), widget.whatsThis()]
    if widget.isWindow():
        texts.append(widget.windowTitle())
    if isinstance(widget, QLabel):
        texts.append(widget.text())
    elif isinstance(widget, QAbstractButton):
        texts.append(widget.text())
    elif isinstance(widget, QGroupBox):
        texts.append(widget.title())
    elif isinstance(widget, QLineEdit):
        texts += [widget.placeholderText(), widget.text() if widget.isReadOnly() else ""]
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        texts += [widget.placeholderText(), widget.toPlainText() if widget.isReadOnly() else ""]
    elif isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
        texts.append(widget.placeholderText())
    elif isinstance(widget, QAbstractSpinBox):
        texts += [widget.specialValueText(), getattr(widget, "suffix", lambda: "")()]
    elif isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            texts += [widget.tabText(i), widget.tabToolTip(i)]
    if isinstance(widget, QAbstractItemView) and not isinstance(widget.parent(), QComboBox):
        texts += model_texts(widget.model())
    for action in QWidget.actions(widget):
        texts += [action.text(), action.toolTip()]
    return texts


def shown_texts(root: QWidget) -> list[str]:
    """Every text of `root` and its descendants: the pages behind other tabs too (a click away)."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts += widget_texts(widget)
    return [p for p in (_plain(t) for t in texts if t) if p]


class WordsProbe(Probe):
    def __init__(self, english: bool):
        super().__init__(1366, 705, None)
        self.english = english
        self.seen: set[str] = set()
        self.texts: dict[str, list[str]] = {}
        self._catch_message_boxes()

    def _catch_message_boxes(self) -> None:
        probe = self

        def note(box: QMessageBox) -> QMessageBox.StandardButton:
            probe.note("message", [box.windowTitle(), box.text(), box.informativeText()])
            probe.note("message", [b.text() for b in box.buttons()])
            return QMessageBox.StandardButton.Cancel

        QMessageBox.exec = note  # type: ignore[method-assign]

    def note(self, name: str, texts: list[str]) -> None:
        for text in texts:
            text = _plain(text or "")
            if text and text not in self.seen:
                self.seen.add(text)
                self.texts.setdefault(name, []).append(text)

    def check(self, name: str, root: QWidget) -> None:
        self.settle()
        if self.english and not self.texts:
            QLabel("Incoming letter", root).show()
        self.note(name, shown_texts(root))
        self.found[name] = []

    def kabid(self, window, tab, role):
        yield from super().kabid(window, tab, role)
        from desktop.services.search import search

        for hit in search(tab.session, "SJL-"):
            if hit.kind != "kasus":
                continue
            tab.open_case(hit.case_id)
            self.wait(lambda h=hit: tab.case is not None and tab.case.case_id == h.case_id)
            if tab.form_stack.currentIndex() == 1:  # the signed disposition: who, when, its code
                yield "signed-disposition"
                return
        raise SystemExit("no case with a signed disposition in the demo office")


def main(argv: list[str]) -> int:
    probe = WordsProbe("--english" in argv)
    probe.run(False)
    print(json.dumps(probe.texts, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    tempfile.tempdir = None
    raise SystemExit(main(sys.argv[1:]))
