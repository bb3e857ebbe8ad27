"""An issued document: its pages, and printing it to a system printer or saving the PDF.

The bytes shown, printed and saved are the archived ones (documents.get_document), so a
reprint is the same document. A printer that fails leaves the document archived and the
dialog open, with "Coba lagi".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.services.documents import issue as documents
from desktop.services.documents.issue import IssuedDocumentInfo
from desktop.services.session import Session
from desktop.ui.common import file_dialogs
from desktop.ui.common.background import run_for
from desktop.ui.common.forms import fit_on_screen
from desktop.ui.common.operations import message_for
from desktop.ui.documents.letter_printer import (
    LetterPrintError,
    available_printers,
    default_printer,
    print_pdf,
    render_pages,
)

PREVIEW_DPI = 80


class DocumentViewerDialog(QDialog):
    """Preview of an issued letter with Print and Save as PDF."""

    def __init__(self, session: Session, info: IssuedDocumentInfo, pdf: bytes, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.info = info
        self.pdf = pdf
        self.setWindowTitle(
            self.tr("%1 — %2").replace("%1", info.type_label).replace("%2", info.number or info.title)
        )
        fit_on_screen(self, 760, 860)
        layout = QVBoxLayout(self)
        layout.addWidget(self._header())
        layout.addWidget(self._pages(), 1)
        layout.addLayout(self._print_row())
        self.status = QLabel()
        self.status.setObjectName("DocumentStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def open_document(cls, parent: QWidget, session: Session, doc_id: int) -> DocumentViewerDialog:
        """Load an archived document and show it (modal)."""
        info = documents.document_info(session, doc_id)
        pdf = documents.get_document(session, doc_id)
        dialog = cls(session, info, pdf, parent)
        dialog.open()
        return dialog

    def _header(self) -> QLabel:
        i = self.info
        text = self.tr("%1 · %2 halaman · %3 · kode verifikasi %4 · diterbitkan %5 oleh %6")
        for n, value in enumerate(
            (
                i.title,
                str(i.page_count),
                i.paper_size,
                i.verification_code,
                f"{i.issued_at:%d-%m-%Y %H:%M}",
                i.issued_by,
            ),
            start=1,
        ):
            text = text.replace(f"%{n}", value)
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def _pages(self) -> QScrollArea:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        for image in render_pages(self.pdf, PREVIEW_DPI):
            page = QLabel()
            page.setPixmap(QPixmap.fromImage(image))
            page.setStyleSheet("background: white; border: 1px solid #c8cdd4;")
            column.addWidget(page)
            self.page_labels.append(page)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        return scroll

    def _print_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Printer:")))
        self.printer_box = QComboBox()
        self.printer_box.addItems(available_printers())
        default = default_printer()
        if default:
            self.printer_box.setCurrentText(default)
        row.addWidget(self.printer_box, 1)
        self.print_button = QPushButton(self.tr("Cetak"))
        self.print_button.setShortcut("Ctrl+P")
        self.print_button.clicked.connect(self.print_document)
        self.print_button.setEnabled(self.printer_box.count() > 0)
        save = QPushButton(self.tr("Simpan PDF…"))
        save.clicked.connect(self.save_pdf)
        row.addWidget(self.print_button)
        row.addWidget(save)
        return row

    def print_document(self) -> None:
        printer = self.printer_box.currentText()
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("Mencetak ke %1…").replace("%1", printer))
        landscape = self.info.doc_type == "sop"
        # Rasterising and spooling stay on the UI thread: QPrinter is not thread-safe.
        try:
            job = print_pdf(
                self.pdf,
                printer,
                paper=self.info.paper_size,
                landscape=landscape,
                title=self.info.number or self.info.title,
            )
        except LetterPrintError as exc:
            self.print_button.setText(self.tr("Coba lagi"))
            self.status.setText(str(exc))
        else:
            run_for(
                self,
                lambda: documents.get_document(self.session, self.info.id, purpose="cetak"),
                lambda _: None,
                lambda err: self.status.setText(message_for(err)),
            )  # the print is logged in the audit trail
            self.print_button.setText(self.tr("Cetak"))
            self.status.setText(
                self.tr("%1 halaman dikirim ke %2.").replace("%1", str(job.pages)).replace("%2", printer)
            )
        finally:
            self.print_button.setEnabled(True)

    def save_pdf(self, path: str | None = None) -> str | None:
        """Save the archived bytes exactly as issued (print to file)."""
        if path is None:
            suggested = (self.info.number or self.info.title).replace("/", "-") + ".pdf"
            chosen, _filter = file_dialogs.save_file(
                self, file_dialogs.DOCUMENT, self.tr("Simpan PDF"), suggested, self.tr("Dokumen PDF (*.pdf)")
            )
            path = None if chosen is None else str(chosen)
        if not path:
            return None
        with open(path, "wb") as fh:
            fh.write(self.pdf)
        self.status.setText(self.tr("Disimpan: %1").replace("%1", path))
        return path
