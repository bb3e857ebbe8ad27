"""The letterhead's regional emblem: its picture, "Pilih" and "Hapus" (office settings and first start)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.errors import InvalidInput
from desktop.services.office import admin
from desktop.ui.common.forms import muted

PICTURE_SIZE = (84, 96)


def read_logo(path: Path) -> bytes:
    """The emblem file's bytes once admin.check_logo accepts them and Qt can draw them (worker thread)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(
            f"Berkas {path.name} tidak dapat dibaca ({exc.strerror}).", field="logo_png"
        ) from exc
    admin.check_logo(data)
    if not QImage().loadFromData(data):  # QImage: safe off the UI thread, QPixmap is not
        raise InvalidInput(f"Berkas {path.name} bukan gambar PNG yang utuh.", field="logo_png")
    return data


class EmblemBox(QWidget):
    """Shows the emblem (or "tanpa lambang") and asks its owner to pick or clear one."""

    pick_requested = Signal()
    cleared = Signal()

    def __init__(self, hint: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.picture = QLabel()
        self.picture.setFixedSize(*PICTURE_SIZE)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setWordWrap(True)
        self.picture.setStyleSheet(
            "QLabel { background: #FFFFFF; border: 1px solid #D9E0E8; border-radius: 6px; }"
        )
        row.addWidget(self.picture)
        buttons = QVBoxLayout()
        self.pick_button = QPushButton(self.tr("Pilih lam&bang (PNG)…"))
        self.pick_button.clicked.connect(self.pick_requested)
        self.remove_button = QPushButton(self.tr("&Hapus lambang"))
        self.remove_button.clicked.connect(self.cleared)
        buttons.addWidget(self.pick_button, 0, Qt.AlignmentFlag.AlignLeft)
        buttons.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        limit = self.tr("PNG, paling besar %1 KB.").replace("%1", str(admin.MAX_LOGO_BYTES // 1024))
        buttons.addWidget(muted(f"{limit} {hint}".strip()))
        buttons.addStretch(1)
        row.addLayout(buttons, 1)
        self.show_png(None)

    def show_png(self, data: bytes | None) -> None:
        self.remove_button.setEnabled(data is not None)
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            width, height = PICTURE_SIZE
            self.picture.setPixmap(
                pixmap.scaled(
                    width - 8,
                    height - 8,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.picture.setPixmap(QPixmap())
            self.picture.setText(self.tr("tanpa lambang"))
