"""The front desk (Pengadministrasi Umum): registering incoming letters, printing receipts.

Left: the 'Catat surat masuk' form (Ctrl+N for a new one, Ctrl+Enter to save), which turns
into the receipt panel once the letter is in. Right: requests the Kabid sent back, with the
reason; opening one offers 'Kirim ulang'.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import roles
from desktop.services import case_view
from desktop.services.sijarla import steps as sijarla
from desktop.services.sop import worklists
from desktop.ui.common.background import run_for
from desktop.ui.common.cards import card, section_label
from desktop.ui.common.forms import Banner, card_layout, heading, muted, value_label
from desktop.ui.common.operations import message_for
from desktop.ui.sijarla import receipt_printing
from desktop.ui.sijarla.letter_form import LetterForm
from desktop.ui.sijarla.letter_panels import ReceiptPanel
from desktop.ui.sop.role_tab import SOP_SIJARLA, RoleTab
from desktop.ui.sop.tab_registry import register_tab

SIDEBAR_WIDTH = 360


@register_tab(roles.FRONT_DESK)
class FrontDeskTab(RoleTab):
    SOPS = (SOP_SIJARLA,)
    DUTIES = (
        QT_TRANSLATE_NOOP(
            "FrontDeskTab",
            "Mencatat Surat Permohonan Wali Nagari: nomor agenda, nomor dan tanggal surat, nagari, perihal.",
        ),
        QT_TRANSLATE_NOOP(
            "FrontDeskTab",
            "Melampirkan pindaian surat, jenis layanan yang diminta, dan perkiraan jumlah warga.",
        ),
        QT_TRANSLATE_NOOP("FrontDeskTab", "Mencetak tanda terima untuk pengantar surat pada printer struk."),
        QT_TRANSLATE_NOOP("FrontDeskTab", "Meneruskan surat kepada Kabid Pelayanan Pendaftaran Penduduk."),
    )

    last_receipt: sijarla.LetterReceipt | None = None
    saving = False

    def __init__(self, session, role, parent=None):
        super().__init__(session, role, parent)
        self.reprint_button = QPushButton(self.tr("Cetak ulang tanda terima…"))
        self.reprint_button.clicked.connect(self.reprint)
        self.heading_actions.addWidget(self.reprint_button)
        self._load_options()

    # --- Building --------------------------------------------------------------------------------

    def build_body(self) -> QWidget:
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        row.addWidget(self._build_form_card(), 1)
        row.addWidget(self._build_sidebar())
        return body

    def _build_form_card(self) -> QFrame:
        frame = card()
        box = card_layout(frame, 18, 10)
        top = QHBoxLayout()
        self.form_title = heading(self.tr("Catat surat masuk"), 1.15)
        top.addWidget(self.form_title, 1)
        hint = muted(self.tr("Ctrl+N surat baru · Ctrl+Enter simpan"))
        hint.setWordWrap(False)
        top.addWidget(hint, 0, Qt.AlignmentFlag.AlignVCenter)
        box.addLayout(top)
        self.stack = QStackedWidget()
        self.form = LetterForm()
        self.form.submit_requested.connect(self.submit)
        self.receipt_panel = ReceiptPanel()
        self.receipt_panel.print_requested.connect(self.print_last_receipt)
        self.receipt_panel.next_requested.connect(self.new_letter)
        self.stack.addWidget(self.form)
        self.stack.addWidget(self.receipt_panel)
        box.addWidget(self.stack, 1)
        return frame

    def _build_sidebar(self) -> QWidget:
        side = QWidget()
        side.setFixedWidth(SIDEBAR_WIDTH)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        worklist_card = self._build_worklist_card(
            self.tr("Dikembalikan Kabid"), self.tr("Permohonan yang dikembalikan Kabid tampil di sini.")
        )
        for hidden in (1, 2, 4):  # Perihal, Nagari, Status: the panel below shows them
            self.worklist.setColumnHidden(hidden, True)
        header = self.worklist.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.worklist.setColumnWidth(0, 108)
        worklist_card.layout().addWidget(self._build_returned_detail())
        column.addWidget(worklist_card, 1)
        return side

    def _build_returned_detail(self) -> QWidget:
        detail = QWidget()
        box = QVBoxLayout(detail)
        box.setContentsMargins(0, 4, 0, 0)
        box.setSpacing(6)
        box.addWidget(section_label(self.tr("Alasan pengembalian")))
        self.returned_label = value_label(self.tr("Pilih permohonan di atas."))
        box.addWidget(self.returned_label)
        self.resubmit_button = QPushButton(self.tr("Buka dan kirim ulang…"))
        self.resubmit_button.setEnabled(False)
        self.resubmit_button.clicked.connect(self._open_current)
        box.addWidget(self.resubmit_button)
        self.sidebar_banner = Banner()
        box.addWidget(self.sidebar_banner)
        self.worklist.selectionModel().selectionChanged.connect(self._returned_selected)
        return detail

    # --- The worklist: returned requests with the Kabid's reason ------------------------------------

    def load_work_items(self) -> list[Any]:
        entries = worklists.worklist(self.session, self.role_code)
        reasons = case_view.return_reasons(self.session, [e.ref_id for e in entries if e.kind == "kasus"])
        return [
            dataclasses.replace(e, step_name=self.tr("Dikembalikan: %1").replace("%1", reasons[e.ref_id]))
            if e.ref_id in reasons
            else e
            for e in entries
        ]

    def set_work_items(self, items: list[Any]) -> None:
        super().set_work_items(items)
        if items and self.worklist.current_entry() is None:
            self.worklist.selectRow(0)
        self._returned_selected()

    def _returned_selected(self, *_args) -> None:
        entry = self.worklist.current_entry()
        self.resubmit_button.setEnabled(entry is not None)
        if entry is None:
            self.returned_label.setText(self.tr("Tidak ada permohonan yang dikembalikan."))
            return
        self.returned_label.setText(f"{entry.number} · {entry.nagari}\n{entry.subject}\n\n{entry.step_name}")

    def _open_current(self) -> None:
        entry = self.worklist.current_entry()
        if entry is not None:
            self.open_work_item(entry)

    def open_work_item(self, entry: Any) -> None:
        from desktop.ui.sijarla.letter_resubmit_dialog import LetterResubmitDialog

        request = LetterResubmitDialog.ask(self, self.session, entry.ref_id)
        if request is None:
            return
        session = self.session
        self.sidebar_banner.show_message(self.tr("Mengirim ulang…"), "info")
        run_for(
            self,
            lambda: sijarla.resubmit_request(
                session, request.case_id, request.note, request.expected_version, request.attachments
            ),
            self._resubmitted,
            lambda error: self.sidebar_banner.show_message(message_for(error), "error"),
        )

    def _resubmitted(self, summary: sijarla.CaseSummary) -> None:
        self.sidebar_banner.show_message(
            self.tr("%1 dikirim ulang ke Kabid Pelayanan.").replace("%1", summary.reference), "success"
        )
        self.action_done()

    def first_focus(self) -> QWidget | None:
        return self.form.letter_number_edit  # the clerk starts typing the next letter at once

    # --- Registering a letter ----------------------------------------------------------------------

    def _load_options(self) -> None:
        run_for(
            self,
            lambda: (case_view.list_nagari(), case_view.list_service_categories()),
            lambda options: self.form.set_options(*options),
            lambda error: self.form.banner.show_message(message_for(error)),
        )

    def new_letter(self) -> None:
        """Ctrl+N: an empty form (after a saved letter); a half-typed form is left as it is."""
        if self.stack.currentWidget() is self.receipt_panel:
            self.form.clear()
        self.stack.setCurrentWidget(self.form)
        self.form_title.setText(self.tr("Catat surat masuk"))
        self.form.letter_number_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def submit(self) -> None:
        """Save the letter in the background; on failure every typed value stays."""
        if self.saving or self.stack.currentWidget() is not self.form:
            return
        if self.form.scan_zone.loading:
            self.form.banner.show_message(self.tr("Tunggu, pindaian masih dibaca."), "info")
            return
        draft = self.form.draft()
        session = self.session
        self.saving = True
        self.form.set_busy(True)
        run_for(
            self, lambda: sijarla.register_letter(session, draft), self._registered, self._register_failed
        )

    def _registered(self, receipt: sijarla.LetterReceipt) -> None:
        self.saving = False
        self.form.set_busy(False)
        self.last_receipt = receipt
        self.receipt_panel.show_receipt(receipt)
        self.stack.setCurrentWidget(self.receipt_panel)
        self.form_title.setText(self.tr("Tanda terima"))
        self.action_done()

    def _register_failed(self, error: BaseException) -> None:
        self.saving = False
        self.form.set_busy(False)
        self.form.show_refusal(error)

    # --- Receipts -----------------------------------------------------------------------------------

    def print_last_receipt(self) -> None:
        if self.last_receipt is not None:
            self._print(self.last_receipt.case_id, self.receipt_panel.banner)

    def reprint(self) -> None:
        from desktop.ui.sijarla.letter_reprint_dialog import LetterReprintDialog

        case_id = LetterReprintDialog.ask(self, self.session)
        if case_id is not None:
            banner = self.receipt_panel.banner if self.stack.currentWidget() is self.receipt_panel else None
            self._print(case_id, banner or self.form.banner)

    def _print(self, case_id: int, banner: Banner) -> None:
        banner.show_message(self.tr("Menyiapkan tanda terima…"), "info")
        receipt_printing.PRINT_RECEIPT(
            self,
            self.session,
            case_id,
            lambda text: banner.show_message(text, "success"),
            lambda error: banner.show_message(message_for(error), "error"),
        )
