"""Fields the innovation forms share: a participants picker, multi-line text, dates, file choosers.

The file choosers are module functions (`choose_files`, `choose_file`) so tests can replace them;
files are read on the worker thread (`read_uploads`), never on the UI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.inovasi.steps import ParticipantView
from desktop.services.office.users import UserSummary
from desktop.ui import theme
from desktop.ui.common import file_dialogs
from desktop.ui.common.forms import DateEdit

USER_ROLE = Qt.ItemDataRole.UserRole
ATTACHMENT_FILTER = QT_TRANSLATE_NOOP(
    "FileDialog", "Dokumen (*.pdf *.doc *.docx *.xls *.xlsx *.odt *.png *.jpg *.jpeg);;Semua berkas (*)"
)


def choose_files(parent: QWidget | None, caption: str, file_filter: str = ATTACHMENT_FILTER) -> list[Path]:
    """Ask for files to attach; an empty list when the user cancels. `file_filter` is a "FileDialog"
    text marked with QT_TRANSLATE_NOOP, translated here."""
    file_filter = QCoreApplication.translate("FileDialog", file_filter)
    return file_dialogs.open_files(parent, file_dialogs.ATTACHMENT, caption, file_filter)


def choose_file(parent: QWidget | None, caption: str, file_filter: str = ATTACHMENT_FILTER) -> Path | None:
    """Ask for one file; None when the user cancels."""
    file_filter = QCoreApplication.translate("FileDialog", file_filter)
    return file_dialogs.open_file(parent, file_dialogs.ATTACHMENT, caption, file_filter)


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    """Ask a yes / no question (Ya / Batal); tests replace this function."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(
        QCoreApplication.translate("confirm", "Ya, lanjutkan"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("confirm", "Batal"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes


def read_uploads(paths: Iterable[Path]) -> tuple[tuple[str, bytes], ...]:
    """(file name, content) of each file; call from a worker thread."""
    return tuple((Path(p).name, Path(p).read_bytes()) for p in paths)


def text_area(placeholder: str = "", height: int = 76) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(max(height * 2, 140))
    return edit


def date_field(day: dt.date | None = None) -> QDateEdit:
    edit = DateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setDate(QDate(day or dt.date.today()))
    edit.setMaximumDate(QDate(dt.date.today()))
    return edit


def date_of(edit: QDateEdit) -> dt.date:
    return edit.date().toPython()


def approval_text(p: ParticipantView) -> str:
    """A participant's approval as the meeting list shows it: ✓ setuju, ✗ tidak setuju: why, menunggu."""
    if p.approved is True:
        agreed = QCoreApplication.translate("ParticipantPicker", "setuju")
        return f"<span style='color:#1D6438'>✓ {agreed}</span>"
    if p.approved is False:
        comment = f": {escape(p.comment)}" if p.comment else ""
        disagreed = QCoreApplication.translate("ParticipantPicker", "tidak setuju")
        return f"<span style='color:{theme.DANGER}'>✗ {disagreed}{comment}</span>"
    waiting = QCoreApplication.translate("ParticipantPicker", "menunggu")
    return f"<span style='color:{theme.MUTED}'>{waiting}</span>"


class ParticipantPicker(QListWidget):
    """A checkable list of staff; `selected_ids()` in list order."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ParticipantPicker")
        self.setMinimumHeight(96)
        self.setMaximumHeight(150)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_people(self, people: Sequence[UserSummary], checked: Iterable[int] = ()) -> None:
        marked = set(checked)
        self.clear()
        for person in people:
            item = QListWidgetItem(person.full_name)
            item.setToolTip(person.jabatan)
            item.setData(USER_ROLE, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person.id in marked else Qt.CheckState.Unchecked)
            self.addItem(item)

    def selected_ids(self) -> tuple[int, ...]:
        return tuple(
            self.item(i).data(USER_ROLE)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        )

    def set_selected(self, ids: Iterable[int]) -> None:
        wanted = set(ids)
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(
                Qt.CheckState.Checked if item.data(USER_ROLE) in wanted else Qt.CheckState.Unchecked
            )


class AttachmentList(QWidget):
    """Files chosen to attach, with Tambah and Hapus."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.caption = caption
        self.list = QListWidget()
        self.list.setMaximumHeight(72)
        add = QPushButton(self.tr("Tambah berkas…"))
        remove = QPushButton(self.tr("Hapus"))
        add.clicked.connect(self._add)
        remove.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(self.list)
        box.addLayout(buttons)

    def paths(self) -> list[Path]:
        return [Path(self.list.item(i).data(USER_ROLE)) for i in range(self.list.count())]

    def set_paths(self, paths: Iterable[Path]) -> None:
        self.list.clear()
        for path in paths:
            item = QListWidgetItem(Path(path).name)
            item.setData(USER_ROLE, str(path))
            item.setToolTip(str(path))
            self.list.addItem(item)

    def _add(self) -> None:
        self.set_paths([*self.paths(), *choose_files(self, self.caption)])

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
