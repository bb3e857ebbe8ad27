"""Ctrl+K / Ctrl+F: search cases, letters and (for the roles allowed) people; Enter opens the case file.

Typing is debounced; each search runs on the background helper and an answer that arrives
after a newer query is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget

from desktop.services import search
from desktop.services.search import SearchHit
from desktop.services.session import Session
from desktop.ui.common.background import run_for
from desktop.ui.common.forms import Banner, fit_on_screen, heading, muted, read_only_table
from desktop.ui.common.operations import message_for
from desktop.ui.sop.search_results import SearchResultsTableModel

DEBOUNCE_MS = 250
MIN_LENGTH = 3


class SearchDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Cari"))
        fit_on_screen(self, 820, 520)
        self._generation = 0
        self.searches_done = 0
        self._pending = False
        self._open_when_done = False
        self.detail_dialog = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Cari kasus, surat dan penduduk"), 1.15))
        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText(
            self.tr("Nomor kasus, nomor agenda, kode lacak, nomor surat, nagari, nama atau NIK…")
        )
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.installEventFilter(self)
        layout.addWidget(self.query_edit)
        self.status_label = muted(self.tr("Ketik paling sedikit 3 huruf. Enter membuka berkas kasus."))
        layout.addWidget(self.status_label)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.model = SearchResultsTableModel()
        self.results = read_only_table(self.model, 1, widths={2: 300})
        self.results.activated.connect(self._open_index)
        self.results.doubleClicked.connect(self._open_index)
        layout.addWidget(self.results, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.query_edit.textChanged.connect(lambda _text: self.timer.start())

    def show_again(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        self.query_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query_edit.selectAll()

    def run_search(self) -> None:
        self.timer.stop()
        text = self.query_edit.text().strip()
        self._generation += 1
        generation = self._generation
        self.banner.clear()
        if len(text) < MIN_LENGTH:
            self.model.set_hits([])
            self.status_label.setText(self.tr("Ketik paling sedikit 3 huruf. Enter membuka berkas kasus."))
            return
        self.status_label.setText(self.tr("Mencari…"))
        self._pending = True
        session = self.session
        run_for(
            self,
            lambda: search.search(session, text),
            lambda hits: self._show(generation, hits),
            lambda error: self._failed(generation, error),
        )

    def _show(self, generation: int, hits: list[SearchHit]) -> None:
        if generation != self._generation:
            return  # a newer query is on its way
        self.searches_done += 1
        self._pending = False
        self.model.set_hits(hits)
        if hits:
            self.results.selectRow(0)
            self.status_label.setText(
                self.tr("%1 hasil. Enter atau klik ganda membuka berkas kasus.").replace("%1", str(len(hits)))
            )
        else:
            self.status_label.setText(self.tr("Tidak ada yang cocok."))
        if self._open_when_done:
            self._open_when_done = False
            self.open_current()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.searches_done += 1
        self._pending = self._open_when_done = False
        self.status_label.setText("")
        self.banner.show_message(message_for(error))

    def open_current(self) -> None:
        """Enter: open the selected hit (the first when none is selected)."""
        if self.timer.isActive() or self._pending:
            self._open_when_done = True  # Enter typed before the answer: open the first hit then
            if self.timer.isActive():
                self.run_search()
            return
        index = self.results.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        self._open_index(index)

    def _open_index(self, index) -> None:
        if not index.isValid():
            return
        hit = self.model.hit(index.row())
        if hit.case_id is None:
            self.banner.show_message(self.tr("Hasil ini tidak terkait dengan kasus."), "info")
            return
        from desktop.ui.sop.case_detail_dialog import CaseDetailDialog

        self.detail_dialog = CaseDetailDialog.open_for(self.parentWidget(), self.session, hit.case_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
                row = self.results.currentIndex().row()
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                self.results.selectRow(max(0, min(self.model.rowCount() - 1, row + step)))
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_current()  # a QDialog would otherwise close on Enter
            return
        super().keyPressEvent(event)
