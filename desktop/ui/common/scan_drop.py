"""Where the front desk puts the letter's scan: drop a file on it or pick one, then see its first page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.sijarla.drafts import ScanFile
from desktop.ui.common import file_dialogs
from desktop.ui.common.background import run_for
from desktop.ui.common.labels import file_size
from desktop.ui.common.pdf_preview import SCAN_FILTER, PreviewPane, read_scan


class ScanDropZone(QFrame):
    """Accepts one local file by drag-and-drop or 'Pilih berkas…'; keeps its bytes for the submit."""

    scan_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ScanDropZone")
        self.setAcceptDrops(True)
        self._set_hover(False)
        self.scan: ScanFile | None = None
        self.loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        self.info_label = QLabel(self.tr("Seret berkas pindaian (PDF atau gambar) ke sini"))
        self.info_label.setWordWrap(True)
        self.info_label.setProperty("role", "muted")
        self.choose_button = QPushButton(self.tr("Pilih berkas…"))
        self.remove_button = QPushButton(self.tr("Hapus"))
        self.remove_button.setToolTip(self.tr("Lepaskan pindaian dari surat ini"))
        self.remove_button.hide()
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.choose_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addWidget(self.info_label)
        layout.addLayout(row)
        self.preview = PreviewPane(self.tr("Pratinjau halaman pertama tampil di sini"))
        layout.addWidget(self.preview, 1)
        self.choose_button.clicked.connect(self.choose_file)
        self.remove_button.clicked.connect(self.clear)

    def choose_file(self) -> None:
        path = file_dialogs.open_file(
            self, file_dialogs.SCAN, self.tr("Pilih pindaian surat"), self.tr(SCAN_FILTER)
        )
        if path is not None:
            self.load_file(str(path))

    def load_file(self, path: str) -> None:
        """Read and preview a file in the background (the drop and 'Pilih berkas…' both end here)."""
        self.loading = True
        self.info_label.setText(self.tr("Membaca %1…").replace("%1", Path(path).name))
        self.preview.show_loading()
        run_for(self, lambda: read_scan(path), self._loaded, self._failed)

    def _loaded(self, result) -> None:
        filename, data, mime, rendered = result
        self.loading = False
        self.scan = ScanFile(filename, data, mime)
        pages = 0 if isinstance(rendered, Exception) else rendered.page_count
        detail = self.tr("%1 halaman").replace("%1", str(pages)) if pages > 1 else ""
        self.info_label.setText(" · ".join(x for x in (filename, file_size(len(data)), detail) if x))
        self.info_label.setProperty("role", "value")
        self._repolish(self.info_label)
        self.remove_button.show()
        if isinstance(rendered, Exception):
            self.preview.show_error(rendered)
        else:
            self.preview.show_rendered(rendered)
        self.scan_changed.emit()

    def _failed(self, error: BaseException) -> None:
        self.loading = False
        self.scan = None
        self.remove_button.hide()
        self.info_label.setText(self.tr("Berkas tidak dapat dipakai; pilih berkas lain."))
        self.preview.show_error(error)
        self.scan_changed.emit()

    def clear(self) -> None:
        self.scan = None
        self.loading = False
        self.info_label.setText(self.tr("Seret berkas pindaian (PDF atau gambar) ke sini"))
        self.info_label.setProperty("role", "muted")
        self._repolish(self.info_label)
        self.remove_button.hide()
        self.preview.clear()
        self.scan_changed.emit()

    # --- Drag and drop ---------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_file(event.mimeData()):
            event.acceptProposedAction()
            self._set_hover(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:
        self._set_hover(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_hover(False)
        path = _local_file(event.mimeData())
        if path:
            event.acceptProposedAction()
            self.load_file(path)

    def _set_hover(self, hover: bool) -> None:
        border = "#2B5C8A" if hover else "#B7C4D3"
        background = "#EAF1F9" if hover else "#F7F9FB"
        self.setStyleSheet(
            f"QFrame#ScanDropZone {{ border: 2px dashed {border}; border-radius: 8px;"
            f" background: {background}; }}"
            " QFrame#ScanDropZone QLabel { background: transparent; }"
        )

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def _local_file(mime) -> str:
    """The first local file a drag carries, or ''."""
    if not mime.hasUrls():
        return ""
    for url in mime.urls():
        if url.isLocalFile() and Path(url.toLocalFile()).is_file():
            return url.toLocalFile()
    return ""
