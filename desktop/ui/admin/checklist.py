"""Persiapan kantor: what a new office still has to set up, each with a button to the page that does it.

The items come from desktop.services.office.setup_checklist (the database) with this workstation's printers
read here from its settings. The page reloads each time it is shown, so a signer saved on another
page is ticked when the administrator comes back.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.office import setup_checklist
from desktop.services.office.setup_checklist import ChecklistItem, WorkstationPrinters
from desktop.services.session import Session
from desktop.ui import theme
from desktop.ui.admin import printer_settings as admin_settings
from desktop.ui.admin.page import AdminPage
from desktop.ui.common.forms import heading, muted, scroll_area

# key: (title, what it is for, the button's text)
ITEMS = {
    setup_checklist.SIGNERS: (
        QT_TRANSLATE_NOOP("ChecklistPage", "Penandatangan"),
        QT_TRANSLATE_NOOP(
            "ChecklistPage", "Siapa menandatangani Surat Tugas, Lembar Disposisi dan rekapitulasi."
        ),
        QT_TRANSLATE_NOOP("ChecklistPage", "Atur penandatangan"),
    ),
    setup_checklist.STAFF: (
        QT_TRANSLATE_NOOP("ChecklistPage", "Akun pegawai"),
        QT_TRANSLATE_NOOP(
            "ChecklistPage", "Meja depan, Kabid, Kepala Dinas, tim SIJARLA: satu akun per orang."
        ),
        QT_TRANSLATE_NOOP("ChecklistPage", "Buat akun pegawai"),
    ),
    setup_checklist.NUMBERING: (
        QT_TRANSLATE_NOOP("ChecklistPage", "Pola penomoran"),
        QT_TRANSLATE_NOOP("ChecklistPage", "Kode klasifikasi dan unit pada nomor surat kantor ini."),
        QT_TRANSLATE_NOOP("ChecklistPage", "Periksa pola nomor"),
    ),
    setup_checklist.LETTER_PRINTER: (
        QT_TRANSLATE_NOOP("ChecklistPage", "Printer surat"),
        QT_TRANSLATE_NOOP("ChecklistPage", "Printer A4 / F4 komputer ini untuk surat dan laporan."),
        QT_TRANSLATE_NOOP("ChecklistPage", "Pilih printer surat"),
    ),
    setup_checklist.RECEIPT_PRINTER: (
        QT_TRANSLATE_NOOP("ChecklistPage", "Printer struk"),
        QT_TRANSLATE_NOOP("ChecklistPage", "Printer tanda terima 58 / 80 mm di meja depan."),
        QT_TRANSLATE_NOOP("ChecklistPage", "Atur printer struk"),
    ),
    setup_checklist.EMBLEM: (
        QT_TRANSLATE_NOOP("ChecklistPage", "Lambang daerah"),
        QT_TRANSLATE_NOOP("ChecklistPage", "Logo di kiri kop surat."),
        QT_TRANSLATE_NOOP("ChecklistPage", "Pasang lambang"),
    ),
}
DONE_COLOUR, TODO_COLOUR = "#1D6438", "#8A5A00"


def workstation_printers() -> WorkstationPrinters:
    """This workstation's printers as the checklist service takes them."""
    settings = admin_settings.load_printer_settings()
    return WorkstationPrinters(settings.letter_printer, settings.receipt.address())


def state_text(item: ChecklistItem) -> str:
    """ "Sudah" / "Belum" with what the service counted."""
    if item.key == setup_checklist.SIGNERS:
        text = (
            QCoreApplication.translate("ChecklistPage", "%1 dari %2 keperluan diatur")
            .replace("%1", str(item.count))
            .replace("%2", str(item.total))
        )
    elif item.key == setup_checklist.STAFF:
        text = (
            QCoreApplication.translate("ChecklistPage", "%1 akun pegawai aktif").replace(
                "%1", str(item.count)
            )
            if item.count
            else QCoreApplication.translate("ChecklistPage", "baru akun Administrator")
        )
    elif item.key == setup_checklist.NUMBERING:
        text = (
            QCoreApplication.translate("ChecklistPage", "%1 pola pernah diubah").replace(
                "%1", str(item.count)
            )
            if item.done
            else QCoreApplication.translate("ChecklistPage", "%1 pola bawaan belum diperiksa").replace(
                "%1", str(item.total)
            )
        )
    elif item.key in (setup_checklist.LETTER_PRINTER, setup_checklist.RECEIPT_PRINTER):
        text = (
            item.name
            if item.done
            else QCoreApplication.translate("ChecklistPage", "belum dipilih untuk komputer ini")
        )
    else:
        text = (
            QCoreApplication.translate("ChecklistPage", "terpasang")
            if item.done
            else QCoreApplication.translate("ChecklistPage", "belum dipasang")
        )
    return (
        (
            QCoreApplication.translate("ChecklistPage", "✓ Sudah")
            if item.done
            else QCoreApplication.translate("ChecklistPage", "○ Belum")
        )
        + " · "
        + text
    )


class ChecklistPage(AdminPage):
    TITLE = QT_TRANSLATE_NOOP("ChecklistPage", "Persiapan kantor")
    HINT = QT_TRANSLATE_NOOP(
        "ChecklistPage",
        "Yang masih perlu diatur sebelum pegawai mulai bekerja. Tombol di setiap baris membuka halamannya.",
    )
    page_requested = Signal(str)  # the checklist key whose page should open

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.items: list[ChecklistItem] = []
        self.summary_label = heading("", 1.0)
        self.box.addWidget(self.summary_label)
        body = QWidget()
        self.rows = QVBoxLayout(body)
        self.rows.setContentsMargins(0, 0, 6, 0)
        self.rows.setSpacing(8)
        self.rows.addStretch(1)
        self.box.addWidget(scroll_area(body), 1)
        self.buttons: dict[str, QPushButton] = {}
        self.state_labels: dict[str, QLabel] = {}

    def load(self) -> None:
        session, printers = self.session, workstation_printers()
        self.call(lambda: setup_checklist.setup_checklist(session, printers), self._loaded, quiet=True)

    def _loaded(self, items: list[ChecklistItem]) -> None:
        self.items = items
        left = sum(not i.done for i in items)
        self.summary_label.setText(
            self.tr("Semua sudah siap.")
            if not left
            else self.tr("%1 dari %2 hal masih perlu diatur.")
            .replace("%1", str(left))
            .replace("%2", str(len(items)))
        )
        while self.rows.count() > 1:
            widget = self.rows.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.buttons.clear()
        self.state_labels.clear()
        for index, item in enumerate(items):
            self.rows.insertWidget(index, self._row(item))

    def _row(self, item: ChecklistItem) -> QFrame:
        title, purpose, action = ITEMS[item.key]
        frame = QFrame()
        frame.setObjectName("ChecklistRow")
        edge = DONE_COLOUR if item.done else TODO_COLOUR
        frame.setStyleSheet(
            f"QFrame#ChecklistRow {{ background: #FFFFFF; border: 1px solid {theme.LINE};"
            f" border-left: 4px solid {edge}; border-radius: 6px; }}"
        )
        grid = QGridLayout(frame)
        grid.setContentsMargins(12, 8, 10, 8)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        name = QLabel(self.tr(title))
        name.setStyleSheet("font-weight: 600;")
        state = QLabel(state_text(item))
        state.setStyleSheet(f"color: {edge}; font-weight: 600;")
        state.setWordWrap(True)
        grid.addWidget(name, 0, 0)
        grid.addWidget(state, 0, 1)
        grid.addWidget(muted(self.tr(purpose)), 1, 0, 1, 2)
        button = QPushButton(self.tr(action) if not item.done else self.tr("Ubah"))
        button.setProperty("primary", not item.done)
        button.clicked.connect(lambda _=False, key=item.key: self.page_requested.emit(key))
        grid.addWidget(button, 0, 2, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.setColumnStretch(1, 1)
        self.buttons[item.key] = button
        self.state_labels[item.key] = state
        return frame

    def missing(self) -> list[str]:
        """The keys not done yet (tests and the screenshot script)."""
        return [i.key for i in self.items if not i.done]
