"""Pengaturan kantor: the letterhead fields with a live preview, the logo, paper size and idle lock.

A save at a stale version is refused with who saved in between; the typed values stay. "Muat
ulang" then shows the newer settings and offers "Terapkan isian saya" to put the typed values
back on top of them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.errors import StaleRecord
from desktop.services.office import admin
from desktop.services.office.admin import OfficeDraft, OfficeSettings
from desktop.services.session import Session
from desktop.ui.admin.letterhead import LetterheadPreview, LetterheadText
from desktop.ui.admin.page import AdminPage
from desktop.ui.common import file_dialogs
from desktop.ui.common.cards import section_label
from desktop.ui.common.emblem_box import EmblemBox, read_logo
from desktop.ui.common.forms import field_label, primary_button

LOGO_FILTER = QT_TRANSLATE_NOOP("OfficePage", "Gambar PNG (*.png)")
TEXT_FIELDS = ("government", "agency", "address", "phone", "email", "website", "city")


def choose_logo(parent: QWidget | None) -> Path | None:
    """Ask for the emblem PNG; None when cancelled (tests replace this function)."""
    caption = QCoreApplication.translate("OfficePage", "Pilih logo (PNG)")
    file_filter = QCoreApplication.translate("OfficePage", LOGO_FILTER)
    return file_dialogs.open_file(parent, file_dialogs.LOGO, caption, file_filter)


class OfficePage(AdminPage):
    TITLE = QT_TRANSLATE_NOOP("OfficePage", "Pengaturan kantor")
    UNSAVED_WIDGETS = (QLineEdit, QComboBox, QSpinBox)
    HINT = QT_TRANSLATE_NOOP(
        "OfficePage",
        "Kop surat semua dokumen diambil dari sini; tidak ada nama kabupaten yang tertanam di aplikasi.",
    )

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.settings: OfficeSettings | None = None
        self.logo_png: bytes | None = None
        self._mine: OfficeDraft | None = None
        body = QHBoxLayout()
        body.setSpacing(20)
        body.addLayout(self._build_form(), 5)
        body.addLayout(self._build_preview(), 6)
        self.box.addLayout(body, 1)

    def _build_form(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(8)
        column.addWidget(section_label(self.tr("Kop surat")))
        form = QFormLayout()
        form.setVerticalSpacing(7)
        captions = {
            "government": self.tr("Pemerintah"),
            "agency": self.tr("Nama dinas"),
            "address": self.tr("Alamat"),
            "phone": self.tr("Telepon"),
            "email": self.tr("Pos-el"),
            "website": self.tr("Laman"),
            "city": self.tr("Tempat surat"),
        }
        self.edits: dict[str, QLineEdit] = {}
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.textChanged.connect(self._refresh_preview)
            self.edits[name] = edit
            form.addRow(field_label(captions[name], edit), edit)
        self.edits["government"].setPlaceholderText("PEMERINTAH KABUPATEN SOLOK")
        self.edits["city"].setPlaceholderText(self.tr("ditulis sebelum tanggal surat, mis. Arosuka"))
        self.kabupaten_combo = QComboBox()
        form.addRow(field_label(self.tr("Kabupaten"), self.kabupaten_combo), self.kabupaten_combo)
        column.addLayout(form)
        column.addWidget(section_label(self.tr("Kertas dan keamanan")))
        other = QFormLayout()
        self.paper_combo = QComboBox()
        self.paper_combo.addItem(self.tr("A4 (210 × 297 mm)"), "A4")
        self.paper_combo.addItem(self.tr("F4 / folio (215 × 330 mm)"), "F4")
        self.paper_combo.currentIndexChanged.connect(self._refresh_preview)
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(*admin.IDLE_LOCK_RANGE)
        self.idle_spin.setSuffix(self.tr(" menit"))
        other.addRow(field_label(self.tr("Ukuran kertas"), self.paper_combo), self.paper_combo)
        other.addRow(field_label(self.tr("Kunci layar setelah"), self.idle_spin), self.idle_spin)
        column.addLayout(other)
        column.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = primary_button(self.tr("Simpan pengaturan kantor"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        column.addLayout(buttons)
        self.busy_buttons = [self.save_button]
        return column

    def _build_preview(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(8)
        column.addWidget(section_label(self.tr("Pratinjau kop surat")))
        self.preview = LetterheadPreview()
        column.addWidget(self.preview)
        column.addWidget(section_label(self.tr("Lambang daerah")))
        self.emblem = EmblemBox()
        self.emblem.pick_requested.connect(self.pick_logo)
        self.emblem.cleared.connect(lambda: self.set_logo(None))
        column.addWidget(self.emblem)
        column.addStretch(1)
        return column

    # --- Loading and showing ---------------------------------------------------------------------

    def load(self) -> None:
        session = self.session
        self.call(
            lambda: (admin.office_settings(session), admin.kabupaten_choices(session)),
            self._loaded,
            quiet=True,
        )

    def _loaded(self, result) -> None:
        settings, kabupaten = result
        self.kabupaten_combo.blockSignals(True)
        self.kabupaten_combo.clear()
        self.kabupaten_combo.addItem(self.tr("(belum dipilih)"), "")
        for k in kabupaten:
            self.kabupaten_combo.addItem(f"{k.name} ({k.code})", k.code)
        self.kabupaten_combo.blockSignals(False)
        self.settings = settings
        self.show_values(settings)
        if self._mine is not None:
            self.banner.show_message(
                self.tr("Pengaturan terbaru sudah dimuat. Isian Anda belum disimpan."),
                "info",
                self.tr("Terapkan isian saya"),
            )

    def show_values(self, values: OfficeDraft) -> None:
        for name in TEXT_FIELDS:
            self.edits[name].setText(getattr(values, name))
            self.edits[name].setCursorPosition(0)
        self.kabupaten_combo.setCurrentIndex(max(0, self.kabupaten_combo.findData(values.kabupaten_code)))
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(values.paper_size)))
        self.idle_spin.setValue(values.idle_lock_minutes)
        self.set_logo(values.logo_png)

    def draft(self) -> OfficeDraft:
        """What is typed now."""
        return OfficeDraft(
            **{name: self.edits[name].text() for name in TEXT_FIELDS},
            kabupaten_code=self.kabupaten_combo.currentData() or "",
            logo_png=self.logo_png,
            paper_size=self.paper_combo.currentData(),
            idle_lock_minutes=self.idle_spin.value(),
        )

    def set_logo(self, data: bytes | None) -> None:
        self.logo_png = data
        self.emblem.show_png(data)
        self._refresh_preview()

    def _refresh_preview(self) -> None:
        values = {name: self.edits[name].text() for name in TEXT_FIELDS}
        self.preview.set_letterhead(
            LetterheadText(**values, paper=self.paper_combo.currentData() or "A4"), self.logo_png
        )

    # --- Actions ---------------------------------------------------------------------------------

    def pick_logo(self) -> None:
        path = choose_logo(self)
        if path is not None:
            self.call(lambda: read_logo(path), self.set_logo, quiet=True)

    def save(self) -> None:
        draft = self.draft()
        version = self.settings.version if self.settings else 0
        session = self.session
        self._mine = None
        self.call(
            lambda: admin.update_office(session, draft, version),
            self._saved,
            self.tr("Pengaturan kantor tersimpan. Dokumen baru memakai kop ini."),
        )

    def show_error(self, error: BaseException) -> None:
        if isinstance(error, StaleRecord):
            self._mine = self.draft()
        super().show_error(error)

    def banner_action(self) -> None:
        if self._mine is not None and self.banner.kind == "info":
            mine, self._mine = self._mine, None
            self.show_values(mine)
            self.banner.show_message(self.tr("Isian Anda dipasang kembali; periksa lalu simpan."), "info")
            return
        super().banner_action()

    def _saved(self, settings: OfficeSettings) -> None:
        self.settings = settings
        self.changed.emit()
