"""The Qt print sink for letters: an issued PDF, rasterised with PDFium, onto a system printer.

Letters leave the app as the exact PDF bytes that were archived. Printing paints each page,
rendered by pypdfium2 at the printer's resolution (300 dpi by default), onto a QPrinter for
the named system printer (the Windows spooler on Windows, CUPS on Linux), with the paper
size of the document (A4, or F4 as a custom 215 x 330 mm size) and its orientation.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

PRINT_DPI = 300
F4_MM = QSizeF(215, 330)


class LetterPrintError(Exception):
    """The printer could not take the job; the message is for the user."""


@dataclass(frozen=True)
class PrintedJob:
    printer: str
    pages: int
    dpi: int


def available_printers() -> list[str]:
    """Names of the system's printers (Windows spooler / CUPS queues)."""
    return [p.printerName() for p in QPrinterInfo.availablePrinters()]


def default_printer() -> str | None:
    info = QPrinterInfo.defaultPrinter()
    return None if info.isNull() else info.printerName()


def page_size(paper: str) -> QPageSize:
    if paper == "F4":
        # ExactMatch: by default Qt snaps 215 x 330 mm to US Folio (8.5 x 13 in, 612 x 936 pt).
        return QPageSize(
            F4_MM, QPageSize.Unit.Millimeter, "F4 (215 x 330 mm)", QPageSize.SizeMatchPolicy.ExactMatch
        )
    return QPageSize(QPageSize.PageSizeId.A4)


def render_pages(pdf: bytes, dpi: int = PRINT_DPI) -> list[QImage]:
    """Every page of a PDF as an image at `dpi` (the preview uses a lower dpi)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return [_to_qimage(document[i].render(scale=dpi / 72).to_pil()) for i in range(len(document))]
    finally:
        document.close()


def _to_qimage(picture) -> QImage:
    rgb = picture.convert("RGB")
    data = rgb.tobytes()
    image = QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888)
    return image.copy()  # detach from the Python buffer


def print_pdf(
    pdf: bytes,
    printer_name: str,
    *,
    paper: str = "A4",
    landscape: bool = False,
    title: str = "Dinas Desk",
    copies: int = 1,
    dpi: int = PRINT_DPI,
) -> PrintedJob:
    """Send an issued letter to a named system printer; raise LetterPrintError when it cannot."""
    if printer_name not in available_printers():
        raise LetterPrintError(
            f"Printer '{printer_name}' tidak ditemukan di komputer ini. Pilih printer lain di "
            "Administrator > Komputer ini, atau periksa apakah printer sudah dipasang."
        )
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(printer_name)
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setResolution(dpi)
    printer.setDocName(title)
    printer.setCopyCount(max(1, copies))
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(page_size(paper), orientation, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)
    pages = render_pages(pdf, dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise LetterPrintError(
            f"Printer '{printer_name}' menolak pekerjaan cetak. Periksa apakah printer menyala dan "
            "tidak macet, lalu coba lagi. Dokumen tetap tersimpan di arsip."
        )
    try:
        for number, image in enumerate(pages):
            if number:
                printer.newPage()
            target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            painter.drawImage(target, image)
    finally:
        painter.end()
    return PrintedJob(printer_name, len(pages), dpi)
