"""The user guide inside the app: F1 (or 'Bantuan' in the header) opens the current tab's chapter.

The guide is the Markdown of docs/panduan/ (one chapter per role, an index, screenshots from
docs/screenshots/), shown by a QTextBrowser: links between chapters and images work as in the
files. It is found next to the source tree when run from a checkout, under sys._MEIPASS in the
installed build (installer/dinas-desk.spec carries both folders), or where DINAS_DESK_GUIDE_DIR
points (tests). Without it the user gets a clear message instead of an empty window.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QImage, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import roles as R

INDEX = "README.md"
CHAPTERS: dict[str, str] = {  # role code -> its chapter
    R.FRONT_DESK: "petugas-agenda.md",
    R.KABID_PELAYANAN: "kabid-pelayanan.md",
    R.KEPALA_DINAS: "kepala-dinas.md",
    R.KETUA_TIM: "tim-sijarla.md",
    R.ANGGOTA_TIM: "tim-sijarla.md",
    R.KETUA_PELAKSANA_HARIAN: "ketua-pelaksana-harian.md",
    R.KABID_PEMANFAATAN: "kabid-pemanfaatan.md",
    R.KASI_INOVASI: "kasi-inovasi.md",
    R.PEJABAT_STRUKTURAL: "pejabat-struktural.md",
    R.PELAKSANA_TEKNIS: "pelaksana-teknis.md",
    R.ADMINISTRATOR: "administrator.md",
}


def guide_folder() -> Path | None:
    """The folder holding the guide's index, or None when the guide is not installed."""
    candidates = []
    if os.environ.get("DINAS_DESK_GUIDE_DIR"):
        candidates.append(Path(os.environ["DINAS_DESK_GUIDE_DIR"]))
    else:
        bundle = getattr(sys, "_MEIPASS", None)
        if bundle:
            candidates.append(Path(bundle) / "docs" / "panduan")
        candidates.append(Path(__file__).resolve().parents[2] / "docs" / "panduan")
    return next((folder for folder in candidates if (folder / INDEX).is_file()), None)


def chapter_file(role_code: str | None) -> Path | None:
    """The chapter of a role (the index for a role without one), None without a guide."""
    folder = guide_folder()
    if folder is None:
        return None
    chapter = folder / CHAPTERS.get(role_code or "", INDEX)
    return chapter if chapter.is_file() else folder / INDEX


IMAGE_WIDTH = 820  # screenshots are shown at most this wide, so a chapter never scrolls sideways


class GuideBrowser(QTextBrowser):
    """A QTextBrowser showing the guide's screenshots scaled down to the page."""

    def loadResource(self, kind: int, name: QUrl):
        resource = super().loadResource(kind, name)
        if kind != QTextDocument.ResourceType.ImageResource.value or resource is None:
            return resource
        image = resource if isinstance(resource, QImage) else QImage.fromData(resource)
        if image.isNull() or image.width() <= IMAGE_WIDTH:
            return resource
        return image.scaledToWidth(IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)


class HelpWindow(QDialog):
    """The guide: one chapter at a time, with Kembali, Daftar isi and links between chapters."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Panduan Dinas Desk"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.browser = GuideBrowser()
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(True)
        self.browser.sourceChanged.connect(self._source_changed)
        self.back_button = QPushButton(self.tr("Kembali"))
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.back_button.setEnabled(False)
        self.index_button = QPushButton(self.tr("Daftar isi"))
        self.index_button.clicked.connect(self.show_index)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addWidget(self.index_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(row)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Back), self, self.browser.backward)
        self.resize(900, 640)

    def show_chapter(self, path: Path) -> None:
        self.browser.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)

    def show_index(self) -> None:
        folder = guide_folder()
        if folder is not None:
            self.show_chapter(folder / INDEX)

    def chapter_title(self) -> str:
        """The chapter's first heading, as shown."""
        return self.browser.documentTitle() or self._first_line()

    def _first_line(self) -> str:
        block = self.browser.document().firstBlock()
        return block.text().strip()

    def _source_changed(self, url: QUrl) -> None:
        title = self._first_line()
        caption = self.tr("Panduan Dinas Desk")
        self.setWindowTitle(f"{caption} — {title}" if title else caption)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_F1:
            self.show_index()
            return
        super().keyPressEvent(event)


def guide_missing(parent: QWidget | None) -> None:
    """Tell the user the guide is not installed (tests replace this)."""
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("HelpWindow", "Panduan tidak ditemukan"),
        QCoreApplication.translate(
            "HelpWindow",
            "Panduan pengguna tidak ikut terpasang di komputer ini. Pasang ulang Dinas Desk dengan "
            "penginstal terbaru, atau minta bantuan Administrator.",
        ),
    )


def open_help(parent: QWidget, role_code: str | None) -> HelpWindow | None:
    """Show the guide at `role_code`'s chapter in the parent's help window (one per main window)."""
    chapter = chapter_file(role_code)
    if chapter is None:
        guide_missing(parent)
        return None
    window = parent.findChild(HelpWindow)
    if window is None:
        window = HelpWindow(parent)
    window.show_chapter(chapter)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
