"""A request the Kabid sent back: its letter, scan and reason, and 'Kirim ulang' with a note and the
attachment that was missing (dropped or picked; kept with the letter, the Kabid sees it)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services import case_view
from desktop.services.case_view import LetterView
from desktop.services.session import Session
from desktop.services.sijarla.drafts import ScanFile
from desktop.ui.common.background import run_for
from desktop.ui.common.forms import (
    FORM_STYLESHEET,
    Banner,
    field_label,
    fit_on_screen,
    heading,
    scroll_area,
)
from desktop.ui.common.operations import message_for
from desktop.ui.common.pdf_preview import PreviewPane
from desktop.ui.common.scan_drop import ScanDropZone
from desktop.ui.common.unsaved import FormDialog
from desktop.ui.sijarla.letter_panels import LetterSummary, date_time


@dataclass(frozen=True)
class ResubmitRequest:
    case_id: int
    expected_version: int
    note: str
    attachments: tuple[ScanFile, ...] = ()


class LetterResubmitDialog(FormDialog):
    def __init__(self, session: Session, case_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.letter: LetterView | None = None
        self.setWindowTitle(self.tr("Permohonan dikembalikan"))
        fit_on_screen(self, 900, 620)
        self.setStyleSheet(FORM_STYLESHEET)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Permohonan dikembalikan oleh Kabid Pelayanan"), 1.15))
        self.banner = Banner()
        layout.addWidget(self.banner)
        body = QHBoxLayout()
        body.setSpacing(16)
        left_body = QWidget()  # a short window scrolls the letter, attachment and note, never squeezes them
        left = QVBoxLayout(left_body)
        left.setContentsMargins(0, 0, 8, 0)
        left.setSpacing(10)
        self.reason_banner = Banner()
        left.addWidget(self.reason_banner)
        self.summary = LetterSummary()
        left.addWidget(self.summary)
        self.attachment_zone = ScanDropZone()
        self.attachment_zone.info_label.setText(
            self.tr("Seret lampiran yang kurang (PDF atau gambar) ke sini, atau pilih berkasnya")
        )
        self.attachment_zone.setMinimumHeight(150)
        self.attachment_zone.scan_changed.connect(self._attachment_changed)
        left.addWidget(
            field_label(self.tr("&Lampiran yang kurang (bila diminta)"), self.attachment_zone.choose_button)
        )
        left.addWidget(self.attachment_zone, 1)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(
            self.tr("mis. Daftar nama calon penerima layanan sudah dilampirkan.")
        )
        self.note_edit.setFixedHeight(80)
        left.addWidget(field_label(self.tr("&Catatan untuk Kabid"), self.note_edit))
        left.addWidget(self.note_edit)
        body.addWidget(scroll_area(left_body), 1)
        self.preview = PreviewPane(self.tr("Surat ini tidak berpindaian"))
        body.addWidget(self.preview, 1)
        layout.addLayout(body, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Kirim ulang ke Kabid"))
        self.ok_button.setProperty("primary", True)
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Tutup"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        run_for(self, lambda: case_view.case_letter(session, case_id), self._loaded, self._failed)

    @classmethod
    def ask(cls, parent: QWidget | None, session: Session, case_id: int) -> ResubmitRequest | None:
        """What to send back to the Kabid, or None when the user closed the dialog."""
        dialog = cls(session, case_id, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.letter is None:
                return None
            letter = dialog.letter
            scan = dialog.attachment_zone.scan
            return ResubmitRequest(
                letter.case_id, letter.case_version, dialog.note_edit.toPlainText(), (scan,) if scan else ()
            )
        finally:
            dialog.deleteLater()

    def _loaded(self, letter: LetterView) -> None:
        self.letter = letter
        self.summary.show_letter(letter)
        if letter.returned_reason:
            self.reason_banner.show_message(
                self.tr("Alasan dari %1 (%2): %3")
                .replace("%1", letter.returned_by)
                .replace("%2", date_time(letter.returned_at))
                .replace("%3", letter.returned_reason),
                "info",
            )
        self._attachment_changed()
        if letter.scan is not None:
            session, scan = self.session, letter.scan
            run_for(
                self,
                lambda: case_view.attachment_content(session, scan.id),
                lambda data: self.preview.show_bytes(data, scan.filename, scan.mime_type),
                self.preview.show_error,
            )

    def accept(self) -> None:
        if self.attachment_zone.loading:  # the attachment must go with the resend, not after it
            self.banner.show_message(self.tr("Lampiran masih dibaca; tunggu sebentar."), "info")
            return
        super().accept()

    def _attachment_changed(self) -> None:
        """'Kirim ulang' once the letter waits at the front desk and no attachment is still being read."""
        letter = self.letter
        waiting = letter is not None and letter.current_step == "registrasi" and letter.status == "berjalan"
        self.ok_button.setEnabled(waiting and not self.attachment_zone.loading)
        if self.attachment_zone.scan is not None:
            self.ok_button.setText(self.tr("Kirim ulang ke Kabid dengan lampiran"))
        else:
            self.ok_button.setText(self.tr("Kirim ulang ke Kabid"))

    def _failed(self, error: BaseException) -> None:
        self.banner.show_message(message_for(error))
