"""'Cetak ulang tanda terima': the newest letters at once, newest first; typing narrows them down by
agenda number, tracking code, letter number, sender or subject."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import search
from desktop.services.session import Session
from desktop.services.sijarla import steps as sijarla
from desktop.ui.common.background import run_for
from desktop.ui.common.forms import FORM_STYLESHEET, Banner, heading, muted, value_label
from desktop.ui.common.operations import message_for
from desktop.ui.common.unsaved import FormDialog
from desktop.ui.sijarla.letter_panels import date_time, requested_text

DEBOUNCE_MS = 300


class LetterReprintDialog(FormDialog):
    """Search the letters; choosing one shows its receipt data; OK returns the case id."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Cetak ulang tanda terima"))
        self.setMinimumSize(560, 480)
        self.setStyleSheet(FORM_STYLESHEET)
        self.case_id: int | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Cetak ulang tanda terima"), 1.15))
        layout.addWidget(
            muted(
                self.tr(
                    "Surat terbaru tampil lebih dulu. Ketik nomor agenda, kode lacak, nomor surat atau "
                    "nama pengirim untuk menyaring."
                )
            )
        )
        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText(self.tr("mis. 0012/AG/2026 atau SJ-…"))
        self.query_edit.setClearButtonEnabled(True)
        layout.addWidget(self.query_edit)
        self.results = QListWidget()
        layout.addWidget(self.results, 1)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.detail = value_label()
        layout.addWidget(self.detail)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Cetak ulang"))
        self.ok_button.setProperty("primary", True)
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.query_edit.textChanged.connect(lambda _text: self.timer.start())
        self.results.currentItemChanged.connect(self._chosen)
        self.results.itemActivated.connect(lambda _item: self.ok_button.isEnabled() and self.accept())
        self.searches_done = 0
        self.run_search()  # the newest letters, before anything is typed

    @classmethod
    def ask(cls, parent: QWidget | None, session: Session) -> int | None:
        """The case id of the letter whose receipt to print again, or None."""
        dialog = cls(session, parent)
        try:
            return dialog.case_id if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def run_search(self) -> None:
        text = self.query_edit.text().strip()
        self._generation += 1
        generation = self._generation
        session = self.session
        run_for(
            self,
            lambda: [h for h in search.letters(session, text) if h.case_id],
            lambda hits: self._show_hits(generation, hits),
            lambda error: self.banner.show_message(message_for(error)),
        )

    def unsaved_work(self) -> str:
        return ""  # a search text is not work to keep

    def _show_hits(self, generation: int, hits) -> None:
        self.searches_done += 1
        if generation != self._generation:
            return
        self.results.clear()
        self.banner.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.title}\n{hit.detail}")
            item.setData(Qt.ItemDataRole.UserRole, hit.case_id)
            self.results.addItem(item)
        if not hits:
            self.banner.show_message(self.tr("Tidak ada surat yang cocok."), "info")
        elif self.results.currentRow() < 0:
            self.results.setCurrentRow(0)  # Enter prints the newest (or the only) match

    def _chosen(self, item: QListWidgetItem | None) -> None:
        self.case_id = None
        self.ok_button.setEnabled(False)
        self.detail.clear()
        if item is None:
            return
        case_id = item.data(Qt.ItemDataRole.UserRole)
        session = self.session
        run_for(
            self,
            lambda: sijarla.receipt_for(session, case_id),
            self._show_receipt,
            lambda error: self.banner.show_message(message_for(error)),
        )

    def _show_receipt(self, receipt: sijarla.LetterReceipt) -> None:
        self.case_id = receipt.case_id
        self.detail.setText(
            self.tr("Agenda %1 · kode lacak %2 · diterima %3\n%4\n%5")
            .replace("%1", receipt.agenda_number)
            .replace("%2", receipt.tracking_code)
            .replace("%3", date_time(receipt.received_at))
            .replace("%4", f"{receipt.sender}: {receipt.subject}")
            .replace("%5", requested_text(receipt.requested))
        )
        self.ok_button.setEnabled(True)
