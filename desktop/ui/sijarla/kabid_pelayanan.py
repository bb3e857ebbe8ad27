"""The Kabid Pelayanan Pendaftaran Penduduk (Ketua Inovasi SIJARLA): checks requests, signs dispositions.

The queue is the worklist. Opening a case shows the letter and its scan beside the
disposition form; 'Tandatangani' asks the password again, saves the draft and signs it, and
the signed disposition then shows read-only. A stale draft keeps what was typed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QComboBox, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from desktop import roles
from desktop.services import case_view
from desktop.services.case_view import DispositionView, LetterView
from desktop.services.documents import signing
from desktop.services.errors import DomainError, StaleRecord
from desktop.services.session import Session
from desktop.services.sijarla import steps as sijarla
from desktop.ui.common.background import run_for
from desktop.ui.common.cards import card, section_label
from desktop.ui.common.case_header import CaseHeader
from desktop.ui.common.forms import card_layout, scroll_area
from desktop.ui.common.operations import message_for
from desktop.ui.common.pdf_preview import PreviewPane
from desktop.ui.common.unsaved import may_leave
from desktop.ui.documents.document_opener import open_issued_document
from desktop.ui.password_dialog import PasswordDialog, signing_check
from desktop.ui.sijarla.disposition_form import DispositionForm, SignedDispositionSheet
from desktop.ui.sijarla.disposition_return_dialog import ReturnReasonDialog
from desktop.ui.sijarla.letter_panels import LetterSummary
from desktop.ui.sop.role_tab import SOP_SIJARLA, RoleTab
from desktop.ui.sop.tab_registry import register_tab

DISPOSITION_DAYS = 3


@dataclass(frozen=True)
class _CaseData:
    letter: LetterView
    disposition: DispositionView | None
    teams: list
    default_deadline: dt.date


@dataclass(frozen=True)
class _SignOutcome:
    disposition: DispositionView | None
    error: DomainError | None = None


def _load_case(session: Session, case_id: int) -> _CaseData:
    return _CaseData(
        case_view.case_letter(session, case_id),
        case_view.case_disposition(session, case_id),
        case_view.list_teams(),
        case_view.working_days_after(DISPOSITION_DAYS),
    )


def _save(session: Session, case_id: int, draft, expected: int | None) -> DispositionView | None:
    sijarla.save_disposition(session, case_id, draft, expected)
    return case_view.case_disposition(session, case_id)


def _save_and_sign(
    session: Session, case_id: int, draft, expected: int | None, password: str
) -> _SignOutcome:
    """Save the draft, then sign it and issue its Lembar Disposisi (one transaction). A refused
    signature (wrong password, a sheet that cannot be made) keeps the saved draft."""
    saved = _save(session, case_id, draft, expected)
    assert saved is not None
    try:
        signing.sign_disposition(session, saved.id, password, saved.version)
    except DomainError as error:
        return _SignOutcome(saved, error)
    return _SignOutcome(case_view.case_disposition(session, case_id))


@register_tab(roles.KABID_PELAYANAN)
class KabidPelayananTab(RoleTab):
    SOPS = (SOP_SIJARLA,)
    DUTIES = (
        QT_TRANSLATE_NOOP("KabidPelayananTab", "Memeriksa Surat Permohonan yang masuk; syaratnya: tim siap."),
        QT_TRANSLATE_NOOP(
            "KabidPelayananTab", "Menulis disposisi: petunjuk, tim yang ditugaskan, dan tenggat."
        ),
        QT_TRANSLATE_NOOP("KabidPelayananTab", "Menandatangani disposisi dan mencetak Lembar Disposisi."),
        QT_TRANSLATE_NOOP("KabidPelayananTab", "Memantau agar pelayanan selesai paling lama 3 hari."),
    )

    case: LetterView | None = None
    disposition: DispositionView | None = None
    busy = False

    # --- Building --------------------------------------------------------------------------------

    def build_body(self) -> QWidget:
        self.pages = QStackedWidget()
        self.queue_page = super().build_body()
        self.pages.addWidget(self.queue_page)
        self.pages.addWidget(self._build_case_page())
        return self.pages

    def _build_case_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        self.case_header = CaseHeader(self.tr("Antrean"))
        self.case_header.back_requested.connect(self.leave_case)
        self.case_header.file_requested.connect(self._open_file)
        column.addWidget(self.case_header)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_letter_card())
        splitter.addWidget(self._build_disposition_card())
        splitter.setSizes([560, 640])
        column.addWidget(splitter, 1)
        return page

    def _build_letter_card(self) -> QWidget:
        frame = card()
        box = card_layout(frame, 16, 10)
        box.addWidget(section_label(self.tr("Surat permohonan")))
        self.letter_summary = LetterSummary(show_sla=False)  # the case header shows it
        box.addWidget(self.letter_summary)
        self.attachment_combo = QComboBox()  # the scan and any attachment added on a resend
        self.attachment_combo.setAccessibleName(self.tr("Berkas surat"))
        self.attachment_combo.hide()
        self.attachment_combo.activated.connect(lambda _row: self._show_attachment())
        box.addWidget(self.attachment_combo)
        self.scan_preview = PreviewPane(self.tr("Tidak ada pindaian surat"))
        box.addWidget(self.scan_preview, 1)
        return frame

    def _build_disposition_card(self) -> QWidget:
        frame = card()
        box = card_layout(frame, 16, 10)
        box.addWidget(section_label(self.tr("Disposisi")))
        self.form_stack = QStackedWidget()
        self.form = DispositionForm()
        self.form.sign_requested.connect(self.sign)
        self.form.save_requested.connect(self.save_draft)
        self.form.return_requested.connect(self.return_case)
        self.form.banner.action_button.clicked.connect(self.reload_case)
        self.signed_sheet = SignedDispositionSheet()
        self.signed_sheet.print_requested.connect(self.print_disposition)
        form_page = QWidget()
        form_column = QVBoxLayout(form_page)
        form_column.setContentsMargins(0, 0, 0, 0)
        form_column.setSpacing(0)
        form_column.addWidget(scroll_area(self.form), 1)
        form_column.addWidget(self.form.actions)
        self.form_stack.addWidget(form_page)
        self.form.set_tab_order()
        self.form_stack.addWidget(self.signed_sheet)
        box.addWidget(self.form_stack, 1)
        return frame

    # --- Opening a case ------------------------------------------------------------------------------

    def open_work_item(self, entry: Any) -> None:
        if getattr(entry, "kind", "kasus") == "kasus":
            self.open_case(entry.ref_id, entry.number)

    def open_case(self, case_id: int, number: str = "") -> None:
        self.case, self.disposition = None, None
        self.pages.setCurrentIndex(1)
        self.case_header.show_loading(number or self.tr("Kasus"))
        self.form.banner.clear()
        self.form.set_busy(True)
        self.form_stack.setCurrentIndex(0)
        self.scan_preview.show_loading()
        session = self.session
        run_for(self, lambda: _load_case(session, case_id), self._case_loaded, self._case_failed)

    def reload_case(self) -> None:
        """'Muat ulang' after a stale save: fresh versions and letter; the typed values stay."""
        if self.case is None:
            return
        session, case_id = self.session, self.case.case_id
        run_for(
            self,
            lambda: _load_case(session, case_id),
            lambda data: self._case_loaded(data, keep_form=True),
            self._case_failed,
        )

    def _case_loaded(self, data: _CaseData, keep_form: bool = False) -> None:
        letter = data.letter
        self.case, self.disposition = letter, data.disposition
        detail = self.tr("Nagari %1 · %2").replace("%1", letter.nagari or "-").replace("%2", letter.kecamatan)
        self.case_header.show_case(
            letter.reference,
            letter.subject or letter.title,
            detail,
            letter.sla,
            letter.days_left,
            letter.due_on,
        )
        self.letter_summary.show_letter(letter)
        if not keep_form:
            self.form.set_teams(data.teams)
            self.form.start_new(data.default_deadline, letter.sifat)
            if data.disposition is not None and not data.disposition.signed:
                self.form.set_values(data.disposition)
            self.form.case_reference = letter.reference
        self.form.set_busy(False)
        if data.disposition is not None and data.disposition.signed:
            self._show_signed(data.disposition)
        elif keep_form:
            self.form.banner.show_message(
                self.tr(
                    "Data terbaru dimuat; isian Anda tetap. Periksa, lalu simpan atau tandatangani lagi."
                ),
                "info",
            )
        elif letter.current_step != "disposisi" or letter.status != "berjalan":
            self.form.set_busy(True)
            self.form.banner.show_message(self.tr("Kasus ini tidak lagi menunggu disposisi."), "info")
        if not keep_form:
            self._show_scan(letter)
        self.form.instructions_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _case_failed(self, error: BaseException) -> None:
        self.form.set_busy(False)
        self.form.banner.show_message(message_for(error), "error")
        self.scan_preview.clear()

    def _show_scan(self, letter: LetterView) -> None:
        self.attachment_combo.clear()
        for info in letter.attachments:
            scanned = info.purpose == "scan_permohonan"
            kind = self.tr("Pindaian surat") if scanned else self.tr("Lampiran susulan")
            self.attachment_combo.addItem(f"{kind}: {info.filename} ({info.uploaded_at:%d-%m-%Y})", info)
        self.attachment_combo.setVisible(len(letter.attachments) > 1)
        scan = letter.scan or (letter.attachments[-1] if letter.attachments else None)
        if scan is None:
            self.scan_preview.clear(self.tr("Tidak ada pindaian surat"))
            return
        ids = [a.id for a in letter.attachments]
        self.attachment_combo.setCurrentIndex(ids.index(scan.id) if scan.id in ids else -1)
        self._show_file(scan)

    def _show_attachment(self) -> None:
        info = self.attachment_combo.currentData()
        if info is not None:
            self.scan_preview.show_loading()
            self._show_file(info)

    def _show_file(self, scan: Any) -> None:
        session = self.session
        run_for(
            self,
            lambda: case_view.attachment_content(session, scan.id),
            lambda data: self.scan_preview.show_bytes(data, scan.filename, scan.mime_type),
            self.scan_preview.show_error,
        )

    def leave_case(self) -> None:
        """'← Antrean': back to the queue, after asking when the disposition holds unsaved text."""
        if may_leave(self, [self.form]):
            self.show_queue()

    def show_queue(self) -> None:
        self.form.case_reference = ""
        self.pages.setCurrentIndex(0)
        self.worklist.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_file(self) -> None:
        if self.case is not None:
            from desktop.ui.sop.case_detail_dialog import CaseDetailDialog

            CaseDetailDialog.open_for(self, self.session, self.case.case_id)

    # --- Actions --------------------------------------------------------------------------------------

    def _expected_version(self) -> int | None:
        return self.disposition.version if self.disposition is not None else None

    def save_draft(self) -> None:
        if self.case is None or self.busy:
            return
        session, case_id, draft = self.session, self.case.case_id, self.form.draft()
        expected = self._expected_version()
        self._start(self.tr("Menyimpan draf…"))
        run_for(self, lambda: _save(session, case_id, draft, expected), self._draft_saved, self._failed)

    def _draft_saved(self, saved: DispositionView | None) -> None:
        self._stop()
        self.disposition = saved
        self.form.typed.mark_clean()
        self.form.banner.show_message(self.tr("Draf disposisi disimpan."), "success")

    def sign(self) -> None:
        if self.case is None or self.busy or self.form_stack.currentIndex() != 0:
            return
        password = PasswordDialog.ask(
            self,
            self.tr("Masukkan kata sandi Anda untuk menandatangani disposisi %1.").replace(
                "%1", self.case.reference
            ),
            signing_check(self.session),
        )
        if not password:
            return
        session, case_id, draft = self.session, self.case.case_id, self.form.draft()
        expected = self._expected_version()
        self._start(self.tr("Menandatangani…"))
        run_for(
            self,
            lambda: _save_and_sign(session, case_id, draft, expected, password),
            self._signed,
            self._failed,
        )

    def _signed(self, outcome: _SignOutcome) -> None:
        self._stop()
        self.disposition = outcome.disposition
        if outcome.error is not None:
            self._show_error(outcome.error)
            return
        if outcome.disposition is not None:
            self.form.typed.mark_clean()
            self._show_signed(outcome.disposition)
            self.signed_sheet.banner.show_message(
                self.tr("Disposisi ditandatangani; kasus diteruskan ke Kepala Dinas untuk Surat Tugas."),
                "success",
            )
        self.action_done()

    def return_case(self) -> None:
        if self.case is None or self.busy:
            return
        reason = ReturnReasonDialog.ask(self, self.case.reference)
        if not reason:
            return
        session, case = self.session, self.case
        self._start(self.tr("Mengembalikan…"))
        run_for(
            self,
            lambda: sijarla.return_request(session, case.case_id, reason, case.case_version),
            self._returned,
            self._failed,
        )

    def _returned(self, summary: sijarla.CaseSummary) -> None:
        self._stop()
        self.form.typed.mark_clean()
        self.show_queue()
        self.worklist_banner.show_message(
            self.tr("%1 dikembalikan ke meja depan.").replace("%1", summary.reference), "success"
        )
        self.action_done()

    def print_disposition(self) -> None:
        if self.disposition is not None:
            open_issued_document(
                self, self.session, "disposisi", self.disposition.id, self.signed_sheet.banner
            )

    # --- State ------------------------------------------------------------------------------------------

    def _show_signed(self, disposition: DispositionView) -> None:
        self.signed_sheet.show_disposition(disposition)
        self.form_stack.setCurrentIndex(1)

    def _start(self, text: str) -> None:
        self.busy = True
        self.form.set_busy(True)
        self.form.banner.show_message(text, "info")

    def _stop(self) -> None:
        self.busy = False
        self.form.set_busy(False)
        self.form.banner.clear()

    def _failed(self, error: BaseException) -> None:
        self._stop()
        self._show_error(error)

    def _show_error(self, error: BaseException) -> None:
        action = self.tr("Muat ulang") if isinstance(error, StaleRecord) else ""
        self.form.banner.show_message(message_for(error), "error", action)
        self.form.show_refusal(error)
