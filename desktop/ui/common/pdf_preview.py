"""Previews of scans and letters: PDF pages through pypdfium2, image files as they are.

Rendering runs on the background helper and hands back a QImage (QPixmap is for the UI
thread only). PDFium is not thread-safe, so every call into it holds one lock.
"""

from __future__ import annotations

import mimetypes
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from desktop.ui.common.background import run_for
from desktop.ui.common.operations import message_for

_PDFIUM = threading.Lock()
MAX_PREVIEW_PAGES = 12
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp"}
SCAN_FILTER = QT_TRANSLATE_NOOP(
    "ScanDropZone", "Pindaian (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.bmp);;Semua berkas (*)"
)


class PreviewError(Exception):
    """The file cannot be shown; the message says why, in Indonesian."""


@dataclass(frozen=True)
class RenderedPreview:
    image: QImage
    page_count: int
    shown_pages: int


def is_pdf(data: bytes, filename: str = "", mime: str = "") -> bool:
    return data[:5] == b"%PDF-" or mime == "application/pdf" or filename.lower().endswith(".pdf")


def guess_mime(filename: str, data: bytes) -> str:
    if data[:5] == b"%PDF-":
        return "application/pdf"
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def render_preview(
    data: bytes, filename: str = "", mime: str = "", width: int = 1100, all_pages: bool = False
) -> RenderedPreview:
    """The first page (or every page, stacked) as an image `width` pixels wide. Safe off the UI thread."""
    if not data:
        raise PreviewError("Berkas kosong.")
    if is_pdf(data, filename, mime):
        return _render_pdf(data, width, all_pages)
    image = QImage.fromData(data)
    if image.isNull():
        raise PreviewError("Berkas ini bukan PDF atau gambar yang dapat ditampilkan.")
    return RenderedPreview(image, 1, 1)


def render_pdf_pages(data: bytes, dpi: int) -> list[QImage]:
    """Every page of a PDF at `dpi` (for printing: 300). Safe off the UI thread."""
    import pypdfium2 as pdfium

    with _PDFIUM:
        pdf = pdfium.PdfDocument(data)
        try:
            return [_page_image(pdf[i], dpi / 72) for i in range(len(pdf))]
        finally:
            pdf.close()


def _render_pdf(data: bytes, width: int, all_pages: bool) -> RenderedPreview:
    import pypdfium2 as pdfium

    with _PDFIUM:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise PreviewError(f"PDF tidak dapat dibaca ({exc}).") from exc
        try:
            count = len(pdf)
            if count == 0:
                raise PreviewError("PDF tidak berisi halaman.")
            shown = min(count, MAX_PREVIEW_PAGES) if all_pages else 1
            pages = []
            for i in range(shown):
                page = pdf[i]
                page_width, _height = page.get_size()
                pages.append(_page_image(page, width / page_width))
        finally:
            pdf.close()
    return RenderedPreview(_stack(pages), count, shown)


def _page_image(page, scale: float) -> QImage:
    bitmap = page.render(scale=scale, prefer_bgrx=True)
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32)
    return image.copy()  # detach from PDFium's buffer before it is freed


def _stack(pages: list[QImage], gap: int = 16) -> QImage:
    if len(pages) == 1:
        return pages[0]
    width = max(p.width() for p in pages)
    height = sum(p.height() for p in pages) + gap * (len(pages) - 1)
    sheet = QImage(width, height, QImage.Format.Format_RGB32)
    sheet.fill(0xD9E0E8)
    painter = QPainter(sheet)
    top = 0
    for page in pages:
        painter.drawImage(0, top, page)
        top += page.height() + gap
    painter.end()
    return sheet


def read_scan(path: str) -> tuple[str, bytes, str, RenderedPreview | PreviewError]:
    """Read a scan from disk and render its preview (background work): name, bytes, mime, preview.

    A file that reads but cannot be previewed is still a scan (the preview says why).
    """
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise PreviewError(f"Berkas {file.name} tidak dapat dibaca ({exc.strerror or exc}).") from exc
    mime = guess_mime(file.name, data)
    try:
        preview: RenderedPreview | PreviewError = render_preview(data, file.name, mime)
    except PreviewError as exc:
        preview = exc
    return file.name, data, mime, preview


class PreviewPane(QFrame):
    """A scroll area showing a rendered page, fitted to its width, with a one-line caption."""

    loaded = Signal(bool)

    def __init__(self, empty_text: str = "", parent: QWidget | None = None, all_pages: bool = False):
        super().__init__(parent)
        self.setObjectName("PreviewPane")
        self.setStyleSheet(
            "QFrame#PreviewPane { background: #E9EDF2; border: 1px solid #D9E0E8; border-radius: 6px; }"
            " QFrame#PreviewPane QLabel#PreviewPage { background: transparent; }"
            " QFrame#PreviewPane QScrollArea { background: transparent; border: none; }"
        )
        self.all_pages = all_pages
        self.empty_text = empty_text or self.tr("Belum ada pratinjau")
        self._image: QImage | None = None
        self._generation = 0
        self.page_count = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.page_label = QLabel()
        self.page_label.setObjectName("PreviewPage")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.page_label)
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.message = QLabel(self.empty_text)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setProperty("role", "muted")
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.message, 1)
        self.scroll.hide()
        # The vertical bar appears once the page is taller than the pane: fit the page again to the
        # narrower viewport, or its right edge would be cut off.
        self.scroll.viewport().installEventFilter(self)

    def has_image(self) -> bool:
        return self._image is not None

    def clear(self, text: str = "") -> None:
        self._generation += 1
        self._image = None
        self.page_count = 0
        self.scroll.hide()
        self.message.setText(text or self.empty_text)
        self.message.show()

    def show_bytes(self, data: bytes, filename: str = "", mime: str = "") -> None:
        """Render `data` in the background and show it when ready."""
        self.show_loading()
        generation = self._generation
        all_pages = self.all_pages
        run_for(
            self,
            lambda: render_preview(data, filename, mime, all_pages=all_pages),
            lambda result: self._apply(generation, result),
            lambda error: self._failed(generation, error),
        )

    def show_loading(self) -> None:
        self._generation += 1
        self.scroll.hide()
        self.message.setText(self.tr("Memuat pratinjau…"))
        self.message.show()

    def show_rendered(self, result: RenderedPreview) -> None:
        self._generation += 1
        self._apply(self._generation, result)

    def show_error(self, error: BaseException) -> None:
        self._generation += 1
        self._failed(self._generation, error)

    def _apply(self, generation: int, result: RenderedPreview) -> None:
        if generation != self._generation:
            return  # a newer file was chosen meanwhile
        self._image = result.image
        self.page_count = result.page_count
        self.message.hide()
        self.scroll.show()
        self._fit()
        self.loaded.emit(True)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._image = None
        self.scroll.hide()
        text = str(error) if isinstance(error, PreviewError) else message_for(error)
        self.message.setText(self.tr("Pratinjau tidak tersedia: %1").replace("%1", text))
        self.message.show()
        self.loaded.emit(False)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            if self.page_label.width() != max(50, event.size().width() - 4):
                self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        if self._image is None:
            return
        width = max(50, self.scroll.viewport().width() - 4)
        ratio = self.devicePixelRatioF()
        scaled = self._image.scaledToWidth(int(width * ratio), Qt.TransformationMode.SmoothTransformation)
        pixmap = QPixmap.fromImage(scaled)
        pixmap.setDevicePixelRatio(ratio)
        self.page_label.setPixmap(pixmap)
        self.page_label.resize(QSize(width, int(scaled.height() / ratio)))
