"""The whole file of a case: header, step history, attachments (with preview), issued documents, audit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services import case_view
from desktop.services.case_view import CaseDetail
from desktop.services.documents import issue as documents
from desktop.services.session import Session
from desktop.ui.common.background import run_for
from desktop.ui.common.dates import date_time
from desktop.ui.common.forms import (
    Banner,
    fit_on_screen,
    heading,
    muted,
    primary_button,
    read_only_table,
    value_label,
)
from desktop.ui.common.labels import file_size
from desktop.ui.common.operations import message_for
from desktop.ui.common.pdf_preview import PreviewPane
from desktop.ui.common.sla import SlaChip
from desktop.ui.sop.case_tables import (
    CaseAuditTableModel,
    CaseDocumentsTableModel,
    CaseHistoryTableModel,
)


def _fact(caption: str) -> tuple[QWidget, QLabel]:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 12, 0)
    column.setSpacing(0)
    label = QLabel(caption.upper())
    label.setProperty("role", "section")
    value = QLabel("-")
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    column.addWidget(label)
    column.addWidget(value)
    return box, value


class CaseDetailDialog(QDialog):
    """Opened from the search, a worklist, or a desk's 'Berkas kasus…'; loads in the background."""

    def __init__(self, session: Session, case_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self.setWindowTitle(self.tr("Berkas kasus"))
        fit_on_screen(self, 1060, 700)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        self.title_label = heading(self.tr("Memuat berkas kasus…"), 1.25)
        self.sop_label = muted("")
        # A case from analysis: the Kepala Dinas' whole reason (the title shortens it).
        self.reason_label = value_label()
        self.reason_label.hide()
        layout.addWidget(self.title_label)
        layout.addWidget(self.sop_label)
        layout.addWidget(self.reason_label)
        layout.addLayout(self._build_facts())
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self._build_tabs()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = primary_button(self.tr("Tutup"))
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        run_for(self, lambda: case_view.case_detail(session, case_id), self._loaded, self._failed)

    @classmethod
    def open_for(cls, parent: QWidget | None, session: Session, case_id: int) -> CaseDetailDialog:
        """Show the file of a case (non-modal); returns the dialog."""
        dialog = cls(session, case_id, parent)
        dialog.show()
        return dialog

    def loaded(self) -> bool:
        return self.detail is not None

    def _build_facts(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.facts: dict[str, QLabel] = {}
        for key, caption in (
            ("nagari", self.tr("Nagari")),
            ("step", self.tr("Langkah")),
            ("status", self.tr("Status")),
            ("team", self.tr("Tim")),
            ("opened", self.tr("Dibuka")),
        ):
            box, value = _fact(caption)
            self.facts[key] = value
            row.addWidget(box)
        row.addStretch(1)
        self.sla_chip = SlaChip()
        self.sla_chip.hide()
        row.addWidget(self.sla_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        return row

    def _build_tabs(self) -> None:
        self.history_model = CaseHistoryTableModel()
        self.history_view = read_only_table(
            self.history_model, 4, widths={0: 104, 1: 150, 2: 160, 3: 150, 5: 170, 6: 110}, wrap=True
        )
        self.tabs.addTab(self.history_view, self.tr("Riwayat langkah"))
        attachments = QSplitter(Qt.Orientation.Horizontal)
        self.attachment_list = QListWidget()
        self.attachment_preview = PreviewPane(self.tr("Pilih lampiran untuk melihatnya"))
        attachments.addWidget(self.attachment_list)
        attachments.addWidget(self.attachment_preview)
        attachments.setSizes([320, 640])
        self.attachment_list.currentItemChanged.connect(self._attachment_chosen)
        self.tabs.addTab(attachments, self.tr("Lampiran"))
        documents_page = QWidget()
        column = QVBoxLayout(documents_page)
        column.setContentsMargins(0, 8, 0, 0)
        self.documents_model = CaseDocumentsTableModel()
        self.documents_view = read_only_table(self.documents_model, 0)
        self.documents_view.doubleClicked.connect(lambda _index: self._open_document())
        column.addWidget(self.documents_view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.open_document_button = QPushButton(self.tr("Lihat dokumen…"))
        self.open_document_button.clicked.connect(self._open_document)
        row.addWidget(self.open_document_button)
        column.addLayout(row)
        self.tabs.addTab(documents_page, self.tr("Dokumen terbit"))
        self.audit_model = CaseAuditTableModel()
        self.audit_view = read_only_table(
            self.audit_model, 4, widths={0: 116, 1: 90, 2: 190, 3: 130}, wrap=True
        )
        self.tabs.addTab(self.audit_view, self.tr("Jejak audit"))

    # --- Filling -------------------------------------------------------------------------------------

    def _loaded(self, detail: CaseDetail) -> None:
        self.detail = detail
        h = detail.header
        self.setWindowTitle(self.tr("Berkas kasus %1").replace("%1", h.reference))
        self.title_label.setText(f"{h.reference} · {h.title}")
        self.sop_label.setText(h.sop_title)
        self.reason_label.setText(self.tr("Dasar analisis: %1").replace("%1", h.origin_note))
        self.reason_label.setVisible(bool(h.origin_note))
        self.facts["nagari"].setText(", ".join(x for x in (h.nagari, h.kecamatan) if x) or "-")
        self.facts["step"].setText(h.step_name)
        self.facts["status"].setText(h.status_label)
        self.facts["team"].setText(h.team or "-")
        self.facts["opened"].setText(QLocale().toString(h.opened_at, "dd-MM-yyyy"))
        self.sla_chip.set_state(h.sla, h.days_left, h.due_on)
        self.sla_chip.setVisible(h.due_on is not None)
        self.history_model.set_rows(detail.steps)
        self.documents_model.set_rows(detail.documents)
        self.audit_model.set_rows(detail.audit)
        self.audit_view.scrollToBottom()
        for attachment in detail.attachments:
            item = QListWidgetItem(
                f"{attachment.filename}\n{file_size(attachment.size_bytes)} · {attachment.uploaded_by}, "
                f"{date_time(attachment.uploaded_at)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, attachment)
            self.attachment_list.addItem(item)
        for index, count in enumerate(
            (len(detail.steps), len(detail.attachments), len(detail.documents), len(detail.audit))
        ):
            self.tabs.setTabText(index, f"{self.tabs.tabText(index)} ({count})")
        self.open_document_button.setEnabled(bool(detail.documents))

    def _failed(self, error: BaseException) -> None:
        self.title_label.setText(self.tr("Berkas kasus tidak dapat dibuka"))
        self.banner.show_message(message_for(error))

    def _attachment_chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        attachment = item.data(Qt.ItemDataRole.UserRole)
        session = self.session
        self.attachment_preview.show_loading()
        run_for(
            self,
            lambda: case_view.attachment_content(session, attachment.id),
            lambda data: self.attachment_preview.show_bytes(data, attachment.filename, attachment.mime_type),
            self.attachment_preview.show_error,
        )

    def _open_document(self) -> None:
        index = self.documents_view.currentIndex()
        if not index.isValid():
            index = self.documents_model.index(0, 0)
        if not index.isValid():
            return
        info: Any = self.documents_model.row(index.row())
        session = self.session
        if info.paper_size == "RCPT":
            self.banner.show_message(self.tr("Struk printer termal tidak dapat ditampilkan di sini."), "info")
            return
        run_for(
            self,
            lambda: documents.get_document(session, info.id),
            lambda pdf: self._show_document(info, pdf),
            lambda error: self.banner.show_message(message_for(error)),
        )

    def _show_document(self, info: Any, pdf: bytes) -> None:
        from desktop.ui.documents.letter_document_dialog import LetterDocumentDialog

        session = self.session
        LetterDocumentDialog.show_pdf(
            self,
            f"{info.type_label} {info.number}".strip(),
            info.title,
            pdf,
            fetch_for_print=lambda: documents.get_document(session, info.id, purpose="cetak"),
        )
