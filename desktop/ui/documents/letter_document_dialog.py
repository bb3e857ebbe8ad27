"""An issued document (tanda terima, Lembar Disposisi, Surat Tugas) on screen, to print or save.

Printing rasterises each page at 300 dpi on the background helper and paints the images on
the printer Qt offers (a Windows printer, or a PDF file); the bytes are the archived ones.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.ui.common import file_dialogs
from desktop.ui.common.background import run_for
from desktop.ui.common.forms import Banner, fit_on_screen, heading, muted, primary_button
from desktop.ui.common.operations import message_for
from desktop.ui.common.pdf_preview import PreviewPane, render_pdf_pages

PRINT_DPI = 300


class LetterDocumentDialog(QDialog):
    """Shows a PDF's pages with Cetak… and Simpan PDF…; `fetch_for_print` gives the bytes to print."""

    def __init__(
        self,
        title: str,
        detail: str,
        pdf: bytes,
        parent: QWidget | None = None,
        fetch_for_print: Callable[[], bytes] | None = None,
    ):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        fit_on_screen(self, 760, 760)
        self.pdf = pdf
        self.fetch_for_print = fetch_for_print or (lambda: pdf)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(title, 1.15))
        if detail:
            layout.addWidget(muted(detail))
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.preview = PreviewPane(all_pages=True)
        layout.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Simpan PDF…"))
        self.close_button = QPushButton(self.tr("Tutup"))
        self.print_button = primary_button(self.tr("Cetak…"))
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.print_button)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.close)
        self.print_button.clicked.connect(self.print_document)
        self.preview.show_bytes(pdf, "dokumen.pdf", "application/pdf")

    @classmethod
    def show_pdf(
        cls, parent: QWidget | None, title: str, detail: str, pdf: bytes, **kwargs
    ) -> LetterDocumentDialog:
        dialog = cls(title, detail, pdf, parent, **kwargs)
        dialog.show()
        return dialog

    def save_pdf(self) -> None:
        chosen, _filter = file_dialogs.save_file(
            self,
            file_dialogs.DOCUMENT,
            self.tr("Simpan PDF"),
            self.windowTitle().replace("/", "-") + ".pdf",
            self.tr("Dokumen PDF (*.pdf)"),
        )
        if chosen is None:
            return
        path = str(chosen)
        data = self.pdf

        def write() -> str:
            with open(path, "wb") as fh:
                fh.write(data)
            return path

        run_for(
            self,
            write,
            lambda where: self.banner.show_message(self.tr("Tersimpan: %1").replace("%1", where), "success"),
            lambda error: self.banner.show_message(message_for(error), "error"),
        )

    def print_document(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        self.print_button.setEnabled(False)
        self.banner.show_message(self.tr("Menyiapkan halaman untuk dicetak…"), "info")
        fetch = self.fetch_for_print
        run_for(
            self,
            lambda: render_pdf_pages(fetch(), PRINT_DPI),
            lambda pages: self._paint(printer, pages),
            self._print_failed,
        )

    def _paint(self, printer, pages) -> None:
        painter = QPainter()
        if not painter.begin(printer):
            self._print_failed(RuntimeError(self.tr("Printer tidak dapat dibuka.")))
            return
        for number, image in enumerate(pages):
            if number:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(QRect(area.x(), area.y(), size.width(), size.height()))
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
        painter.end()
        self.print_button.setEnabled(True)
        self.banner.show_message(
            self.tr("%1 halaman dikirim ke printer.").replace("%1", str(len(pages))), "success"
        )

    def _print_failed(self, error: BaseException) -> None:
        self.print_button.setEnabled(True)
        self.banner.show_message(message_for(error), "error")
