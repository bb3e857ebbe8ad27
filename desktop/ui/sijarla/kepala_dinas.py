"""The Kepala Dinas: signs the Surat Tugas, receives recaps, reviews innovations.

The worklist holds cases waiting for a Surat Tugas, recaps submitted to him, and innovations
at his steps. A Surat Tugas opens beside its preview; a recap opens with its figures and
'Terima'; an innovation goes to the innovation forms (`open_innovation` in a
desktop/ui/inovasi/inovasi_*.py module) or, while there are none, to the case file.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from desktop import roles
from desktop.services import case_view
from desktop.services.case_view import AssignmentDefaults, RecapDetail
from desktop.services.documents import issue as documents
from desktop.services.documents import signing
from desktop.services.errors import DomainError, StaleRecord
from desktop.services.office import users
from desktop.services.sijarla import recap
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
from desktop.ui.sijarla.assignment_form import AssignmentForm
from desktop.ui.sijarla.recap_figures_panel import RecapFiguresPanel
from desktop.ui.sop.role_tab import SOP_INOVASI, SOP_SIJARLA, RoleTab
from desktop.ui.sop.tab_registry import register_tab

QUEUE, ASSIGNMENT, RECAP = range(3)


@dataclass(frozen=True)
class _AssignmentData:
    defaults: AssignmentDefaults
    staff: list
    preview: bytes | None


def _load_assignment(session, case_id: int) -> _AssignmentData:
    defaults = case_view.assignment_defaults(session, case_id)
    draft = sijarla.AssignmentDraft(
        defaults.member_ids,
        defaults.place,
        defaults.start_on,
        defaults.end_on,
        defaults.task,
        defaults.basis,
        defaults.copies_to,
    )
    try:
        preview = case_view.assignment_preview(session, case_id, draft)
    except DomainError:
        preview = None  # the form still works; the preview says why when asked again
    return _AssignmentData(defaults, users.list_users(), preview)


INNOVATION_PACKAGE = "desktop.ui.inovasi"


def innovation_hook() -> Callable[..., Any] | None:
    """`open_innovation(parent, session, case_id)` of the innovation forms (inovasi/inovasi_*.py), if any."""
    # Looked up by name, not imported: the SIJARLA desks do not depend on the innovation package.
    package = importlib.import_module(INNOVATION_PACKAGE)
    for module_info in pkgutil.iter_modules(package.__path__):
        if module_info.name.startswith("inovasi_"):
            module = importlib.import_module(f"{INNOVATION_PACKAGE}.{module_info.name}")
            hook = getattr(module, "open_innovation", None)
            if callable(hook):
                return hook
    return None


@register_tab(roles.KEPALA_DINAS)
class KepalaDinasTab(RoleTab):
    SOPS = (SOP_SIJARLA, SOP_INOVASI)
    DUTIES = (
        QT_TRANSLATE_NOOP("KepalaDinasTab", "Menandatangani Surat Tugas tim SIJARLA."),
        QT_TRANSLATE_NOOP(
            "KepalaDinasTab",
            "Menugaskan pelayanan ke nagari dengan capaian adminduk rendah, tanpa surat permohonan.",
        ),
        QT_TRANSLATE_NOOP(
            "KepalaDinasTab", "Menerima Rekapitulasi Pelayanan Inovasi SIJARLA secara berkala."
        ),
        QT_TRANSLATE_NOOP(
            "KepalaDinasTab",
            "Menelaah konsep inovasi dan catatan Kabid, lalu menulis catatan tindak lanjut (2 hari).",
        ),
        QT_TRANSLATE_NOOP("KepalaDinasTab", "Memimpin penamaan inovasi bersama peserta rapat (1 hari)."),
    )

    assignment: AssignmentDefaults | None = None
    recap: RecapDetail | None = None
    issued: sijarla.IssuedAssignment | None = None
    busy = False
    _entry: Any = None

    def __init__(self, session, role, parent=None):
        super().__init__(session, role, parent)
        self.analysis_button = QPushButton(self.tr("Buka kasus dari analisis…"))
        self.analysis_button.setToolTip(
            self.tr("Tugaskan pelayanan ke nagari dengan capaian adminduk rendah, tanpa surat")
        )
        self.analysis_button.clicked.connect(self.open_from_analysis)
        self.heading_actions.addWidget(self.analysis_button)

    # --- Building --------------------------------------------------------------------------------

    def build_body(self) -> QWidget:
        self.pages = QStackedWidget()
        self.pages.addWidget(super().build_body())
        self.pages.addWidget(self._build_assignment_page())
        self.pages.addWidget(self._build_recap_page())
        return self.pages

    def _page(self, back_text: str) -> tuple[QWidget, QVBoxLayout, CaseHeader]:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        header = CaseHeader(back_text)
        header.back_requested.connect(self.leave_page)
        column.addWidget(header)
        return page, column, header

    def _build_assignment_page(self) -> QWidget:
        page, column, self.assignment_header = self._page(self.tr("Daftar"))
        self.assignment_header.file_requested.connect(self._open_file)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        form_card = card()
        box = card_layout(form_card, 16, 8)
        box.addWidget(section_label(self.tr("Surat Tugas")))
        self.assignment_form = AssignmentForm()
        self.assignment_form.sign_requested.connect(self.sign_assignment)
        self.assignment_form.preview_requested.connect(self.preview_assignment)
        self.assignment_form.banner.action_button.clicked.connect(self.reload_assignment)
        box.addWidget(scroll_area(self.assignment_form), 1)
        box.addWidget(self.assignment_form.actions)
        self.assignment_form.set_tab_order()
        preview_card = card()
        preview_box = card_layout(preview_card, 16, 8)
        top = QHBoxLayout()
        self.preview_caption = section_label(self.tr("Pratinjau (belum bernomor dan belum ditandatangani)"))
        top.addWidget(self.preview_caption, 1)
        self.print_assignment_button = QPushButton(self.tr("Cetak Surat Tugas…"))
        self.print_assignment_button.hide()
        self.print_assignment_button.clicked.connect(self.print_assignment)
        top.addWidget(self.print_assignment_button)
        preview_box.addLayout(top)
        self.assignment_preview = PreviewPane(self.tr("Pratinjau Surat Tugas tampil di sini"), all_pages=True)
        preview_box.addWidget(self.assignment_preview, 1)
        splitter.addWidget(form_card)
        splitter.addWidget(preview_card)
        splitter.setSizes([600, 600])
        column.addWidget(splitter, 1)
        return page

    def _build_recap_page(self) -> QWidget:
        page, column, self.recap_header = self._page(self.tr("Daftar"))
        self.recap_header.file_button.hide()
        frame = card()
        box = card_layout(frame, 16, 8)
        self.recap_panel = RecapFiguresPanel()
        self.recap_panel.acknowledge_requested.connect(self.acknowledge_recap)
        self.recap_panel.print_requested.connect(self.print_recap)
        box.addWidget(self.recap_panel, 1)
        column.addWidget(frame, 1)
        return page

    def leave_page(self) -> None:
        """'← Daftar': back to the list, after asking when a form holds unsaved text."""
        if may_leave(self, [self.assignment_form, self.recap_panel]):
            self.show_queue()

    def show_queue(self) -> None:
        self.assignment_form.case_reference = ""
        self.pages.setCurrentIndex(QUEUE)
        self.worklist.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- Opening work --------------------------------------------------------------------------------

    def open_work_item(self, entry: Any) -> None:
        if entry.kind == "rekap":
            self.open_recap(entry.ref_id, entry.number)
        elif entry.step == "surat_tugas":
            self.open_assignment(entry.ref_id, entry.number, entry)
        else:
            self.open_innovation(entry.ref_id)

    def open_innovation(self, case_id: int) -> None:
        """An innovation at the Kepala Dinas' step: the innovation forms when installed, else the file."""
        hook = innovation_hook()
        if hook is None:
            from desktop.ui.sop.case_detail_dialog import CaseDetailDialog

            CaseDetailDialog.open_for(self, self.session, case_id)
            return
        accepted = inspect.signature(hook).parameters
        if "case_id" not in accepted:
            hook(case_id)
            return
        given = {"parent": self, "session": self.session, "case_id": case_id}
        hook(**{name: value for name, value in given.items() if name in accepted})

    def open_assignment(self, case_id: int, number: str = "", entry: Any = None) -> None:
        self.assignment, self.issued = None, None
        self._entry = entry
        self.pages.setCurrentIndex(ASSIGNMENT)
        self.assignment_header.show_loading(number or self.tr("Surat Tugas"))
        self.assignment_form.banner.clear()
        self.assignment_form.set_busy(True)
        self.print_assignment_button.hide()
        self.preview_caption.setText(self.tr("Pratinjau (belum bernomor dan belum ditandatangani)").upper())
        self.assignment_preview.show_loading()
        session = self.session
        run_for(
            self, lambda: _load_assignment(session, case_id), self._assignment_loaded, self._assignment_failed
        )

    def reload_assignment(self) -> None:
        """'Muat ulang' after a stale signature: the case's new version; the typed values stay."""
        if self.assignment is None:
            return
        session, case_id = self.session, self.assignment.case_id
        run_for(
            self,
            lambda: case_view.assignment_defaults(session, case_id),
            self._assignment_reloaded,
            self._assignment_failed,
        )

    def _assignment_reloaded(self, defaults: AssignmentDefaults) -> None:
        self.assignment = defaults
        self.assignment_form.set_busy(False)
        self.assignment_form.banner.show_message(
            self.tr("Data terbaru dimuat; isian Anda tetap. Periksa, lalu tandatangani lagi."), "info"
        )

    def _assignment_loaded(self, data: _AssignmentData) -> None:
        d = data.defaults
        self.assignment = d
        detail = self.tr("Nagari %1 · %2").replace("%1", d.nagari or "-").replace("%2", d.team or "-")
        e = self._entry
        self.assignment_header.show_case(
            d.reference,
            d.title,
            detail,
            getattr(e, "sla", None),
            getattr(e, "days_left", None),
            getattr(e, "deadline", None),
        )
        self.assignment_form.set_staff(data.staff)
        self.assignment_form.set_defaults(d)
        self.assignment_form.case_reference = d.reference
        self.assignment_form.set_busy(False)
        if data.preview is not None:
            self.assignment_preview.show_bytes(data.preview, "surat-tugas.pdf", "application/pdf")
        else:
            self.assignment_preview.clear(self.tr("Pratinjau belum dapat dibuat; pilih Perbarui pratinjau."))
        self.assignment_form.members_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _assignment_failed(self, error: BaseException) -> None:
        self.assignment_form.set_busy(self.assignment is None)
        self.assignment_form.banner.show_message(message_for(error))
        self.assignment_preview.clear()

    def _open_file(self) -> None:
        if self.assignment is not None:
            from desktop.ui.sop.case_detail_dialog import CaseDetailDialog

            CaseDetailDialog.open_for(self, self.session, self.assignment.case_id)

    # --- Surat Tugas -------------------------------------------------------------------------------------

    def preview_assignment(self) -> None:
        if self.assignment is None:
            return
        session, case_id, draft = self.session, self.assignment.case_id, self.assignment_form.draft()
        self.assignment_preview.show_loading()
        run_for(
            self,
            lambda: case_view.assignment_preview(session, case_id, draft),
            lambda pdf: self.assignment_preview.show_bytes(pdf, "surat-tugas.pdf", "application/pdf"),
            self.assignment_preview.show_error,
        )

    def sign_assignment(self) -> None:
        if self.assignment is None or self.busy or self.issued is not None:
            return
        password = PasswordDialog.ask(
            self,
            self.tr("Masukkan kata sandi Anda untuk menandatangani Surat Tugas %1.").replace(
                "%1", self.assignment.reference
            ),
            signing_check(self.session),
        )
        if not password:
            return
        session, a, draft = self.session, self.assignment, self.assignment_form.draft()
        self.busy = True
        self.assignment_form.set_busy(True)
        self.assignment_form.banner.show_message(self.tr("Menandatangani Surat Tugas…"), "info")
        run_for(
            self,
            lambda: signing.issue_assignment(session, a.case_id, draft, password, a.case_version),
            self._assignment_issued,
            self._assignment_sign_failed,
        )

    def _assignment_issued(self, issued: sijarla.IssuedAssignment) -> None:
        self.busy = False
        self.issued = issued
        self.assignment_form.mark_clean()
        self.assignment_form.set_read_only(True)  # signed: nothing more to change here
        self._show_signed_preview(issued)
        self.assignment_form.banner.show_message(
            self.tr("Surat Tugas %1 ditandatangani untuk %2. Tim dapat mulai persiapan.")
            .replace("%1", issued.number)
            .replace("%2", ", ".join(issued.members)),
            "success",
        )
        self.print_assignment_button.show()
        self.action_done()

    def _show_signed_preview(self, issued: sijarla.IssuedAssignment) -> None:
        """The issued Surat Tugas as stored: its number and signature, in place of the draft preview."""
        self.preview_caption.setText(  # a section caption is in capitals; the number keeps its own
            self.tr("Surat Tugas %1 · ditandatangani %2")
            .upper()
            .replace("%2", issued.signed_by.upper())
            .replace("%1", issued.number)
        )
        self.assignment_preview.show_loading()
        session = self.session

        def signed_pdf() -> bytes:
            info = documents.issue_document(session, "surat_tugas", issued.id)
            return documents.get_document(session, info.id)

        run_for(
            self,
            signed_pdf,
            lambda pdf: self.assignment_preview.show_bytes(
                pdf, f"surat-tugas-{issued.id}.pdf", "application/pdf"
            ),
            self.assignment_preview.show_error,
        )

    def _assignment_sign_failed(self, error: BaseException) -> None:
        self.busy = False
        self.assignment_form.set_busy(False)
        action = self.tr("Muat ulang") if isinstance(error, StaleRecord) else ""
        self.assignment_form.banner.show_message(message_for(error), "error", action)
        self.assignment_form.show_refusal(error)

    def print_assignment(self) -> None:
        if self.issued is not None:
            open_issued_document(
                self, self.session, "surat_tugas", self.issued.id, self.assignment_form.banner
            )

    # --- Recaps -------------------------------------------------------------------------------------------

    def open_recap(self, recap_id: int, number: str = "") -> None:
        self.recap = None
        self.pages.setCurrentIndex(RECAP)
        self.recap_header.show_loading(number or self.tr("Rekapitulasi"))
        session = self.session
        run_for(
            self,
            lambda: case_view.recap_detail(session, recap_id),
            self._recap_loaded,
            lambda error: self.recap_panel.banner.show_message(message_for(error)),
        )

    def _recap_loaded(self, detail: RecapDetail) -> None:
        self.recap = detail
        self.recap_header.show_case(f"REKAP-{detail.id:04d}", detail.title, "", None, None, None)
        self.recap_panel.show_recap(detail)

    def acknowledge_recap(self) -> None:
        if self.recap is None or self.busy:
            return
        session, r, note = self.session, self.recap, self.recap_panel.note_edit.text()
        self.busy = True
        self.recap_panel.acknowledge_button.setEnabled(False)

        def work() -> RecapDetail:
            recap.acknowledge_recap(session, r.id, r.version, note)
            return case_view.recap_detail(session, r.id)

        run_for(self, work, self._recap_acknowledged, self._recap_failed)

    def _recap_acknowledged(self, detail: RecapDetail) -> None:
        self.busy = False
        self.recap_panel.show_recap(detail)
        self.recap = detail
        self.recap_panel.banner.show_message(self.tr("Rekapitulasi diterima."), "success")
        self.action_done()

    def _recap_failed(self, error: BaseException) -> None:
        self.busy = False
        self.recap_panel.acknowledge_button.setEnabled(True)
        self.recap_panel.banner.show_message(message_for(error))

    def print_recap(self) -> None:
        if self.recap is not None:
            open_issued_document(self, self.session, "rekap", self.recap.id, self.recap_panel.banner)

    # --- Opening a case from the analysis ----------------------------------------------------------------

    def open_from_analysis(self) -> None:
        run_for(
            self,
            case_view.list_nagari,
            self._ask_analysis,
            lambda error: self.worklist_banner.show_message(message_for(error)),
        )

    def _ask_analysis(self, nagari) -> None:
        from desktop.ui.sijarla.assignment_analysis_dialog import AnalysisCaseDialog

        answer = AnalysisCaseDialog.ask(self, nagari)
        if answer is None:
            return
        nagari_id, reason = answer
        session = self.session
        run_for(
            self,
            lambda: sijarla.open_from_analysis(session, nagari_id, reason),
            self._analysis_opened,
            lambda error: self.worklist_banner.show_message(message_for(error)),
        )

    def _analysis_opened(self, summary: sijarla.CaseSummary) -> None:
        self.show_queue()
        self.worklist_banner.show_message(
            self.tr("Kasus %1 dibuka untuk Nagari %2; menunggu disposisi Kabid Pelayanan.")
            .replace("%1", summary.reference)
            .replace("%2", summary.nagari),
            "success",
        )
        self.action_done()
