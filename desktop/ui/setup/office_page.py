"""Setup page "Kantor": the kabupaten, the letterhead texts, the regional emblem and the paper size.

The same fields and rules as Administrator → Pengaturan kantor (admin.update_office checks them),
with the same live letterhead preview.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services import first_start
from desktop.services.office.admin import KabupatenChoice, OfficeDraft
from desktop.ui.admin import office_page as admin_office
from desktop.ui.admin.letterhead import LetterheadPreview, LetterheadText
from desktop.ui.common.background import run_for
from desktop.ui.common.cards import section_label
from desktop.ui.common.emblem_box import EmblemBox, read_logo
from desktop.ui.common.forms import field_label, input_height
from desktop.ui.common.operations import message_for
from desktop.ui.setup.base import SetupPage

TEXT_FIELDS = admin_office.TEXT_FIELDS  # the letterhead fields, as on the admin office page
TWO_COLUMNS_WIDTH = 820  # narrower than this, the preview goes below the form
IDLE_LOCK_MINUTES = 15  # the office page's default; the administrator changes it there


class OfficeSetupPage(SetupPage):
    TITLE = QT_TRANSLATE_NOOP("OfficeSetupPage", "Kantor")
    SUBTITLE = QT_TRANSLATE_NOOP(
        "OfficeSetupPage",
        "Kop surat semua dokumen diambil dari sini. Semuanya dapat diubah nanti di Administrator → "
        "Pengaturan kantor.",
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.logo_png: bytes | None = None
        self.kabupaten_loads = 0
        self._government_typed = False
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(20)
        self.columns.addLayout(self._build_form(), 6)
        self.columns.addLayout(self._build_preview(), 5)
        self.body.addLayout(self.columns)
        self.body.addStretch(1)
        self._refresh_preview()

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(8)
        self.kabupaten_combo = QComboBox()
        input_height(self.kabupaten_combo)
        self.kabupaten_combo.currentIndexChanged.connect(self._kabupaten_changed)
        form.addRow(field_label(self.tr("Kabupa&ten"), self.kabupaten_combo), self.kabupaten_combo)
        captions = {
            "government": self.tr("Pemer&intah"),
            "agency": self.tr("Nama &dinas"),
            "address": self.tr("&Alamat"),
            "phone": self.tr("Tele&pon"),
            "email": self.tr("Pos-&el"),
            "website": self.tr("La&man"),
            "city": self.tr("Tempat s&urat"),
        }
        self.edits: dict[str, QLineEdit] = {}
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.textChanged.connect(self._refresh_preview)
            self.edits[name] = edit
            form.addRow(field_label(captions[name], edit), edit)
        self.edits["agency"].setText(first_start.DEFAULT_AGENCY)
        self.edits["agency"].setCursorPosition(0)
        self.edits["government"].setPlaceholderText("PEMERINTAH KABUPATEN SOLOK")
        self.edits["government"].textEdited.connect(self._government_edited)
        self.edits["address"].setPlaceholderText(self.tr("jalan, nomor, kecamatan, kode pos"))
        self.edits["email"].setPlaceholderText("disdukcapil@solokkab.go.id")
        self.edits["city"].setPlaceholderText(self.tr("ditulis sebelum tanggal surat, mis. Arosuka"))
        self.paper_combo = QComboBox()
        input_height(self.paper_combo)
        self.paper_combo.addItem(self.tr("A4 (210 × 297 mm)"), "A4")
        self.paper_combo.addItem(self.tr("F4 / folio (215 × 330 mm)"), "F4")
        self.paper_combo.currentIndexChanged.connect(self._refresh_preview)
        form.addRow(field_label(self.tr("Ukuran ke&rtas"), self.paper_combo), self.paper_combo)
        return form

    def _build_preview(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(8)
        column.addWidget(section_label(self.tr("Pratinjau kop surat")))
        self.preview = LetterheadPreview()
        column.addWidget(self.preview)
        column.addWidget(section_label(self.tr("Lambang daerah")))
        self.emblem = EmblemBox(self.tr("Boleh dilewati dan dipasang nanti."))
        self.emblem.pick_requested.connect(self.pick_logo)
        self.emblem.cleared.connect(lambda: self.set_logo(None))
        self.logo_button = self.emblem.pick_button
        column.addWidget(self.emblem)
        column.addStretch(1)
        self.set_logo(None)
        return column

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Form and preview side by side when there is room, the preview below the form when narrow."""
        wide = event.size().width() >= TWO_COLUMNS_WIDTH
        self.columns.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        super().resizeEvent(event)

    # --- The kabupaten list, from the database the first page opened ------------------------------

    def initializePage(self) -> None:
        run_for(self, first_start.kabupaten_choices, self._kabupaten_loaded, self._kabupaten_failed)

    def _kabupaten_loaded(self, choices: list[KabupatenChoice]) -> None:
        chosen = self.kabupaten_combo.currentData() or ""
        self.kabupaten_combo.blockSignals(True)
        self.kabupaten_combo.clear()
        self.kabupaten_combo.addItem(self.tr("(pilih kabupaten)"), "")
        for k in choices:
            self.kabupaten_combo.addItem(f"{k.name} ({k.code})", k.code)
        self.kabupaten_combo.setCurrentIndex(max(0, self.kabupaten_combo.findData(chosen)))
        self.kabupaten_combo.blockSignals(False)
        self.kabupaten_loads += 1

    def _kabupaten_failed(self, error: BaseException) -> None:
        self.kabupaten_loads += 1
        self.refuse(message_for(error))

    def _kabupaten_changed(self) -> None:
        """PEMERINTAH KABUPATEN ... follows the kabupaten until the user types a government of their own."""
        code = self.kabupaten_combo.currentData() or ""
        if self._government_typed or not code:
            return
        name = self.kabupaten_combo.currentText().rsplit(" (", 1)[0]
        self.edits["government"].setText(f"PEMERINTAH {name.upper()}")

    def _government_edited(self, text: str) -> None:
        self._government_typed = bool(text.strip())

    # --- What is typed ------------------------------------------------------------------------------

    def draft(self) -> OfficeDraft:
        return OfficeDraft(
            **{name: self.edits[name].text() for name in TEXT_FIELDS},
            kabupaten_code=self.kabupaten_combo.currentData() or "",
            logo_png=self.logo_png,
            paper_size=self.paper_combo.currentData(),
            idle_lock_minutes=IDLE_LOCK_MINUTES,
        )

    def first_field(self) -> QWidget | None:
        return self.kabupaten_combo

    def kabupaten_name(self) -> str:
        return self.kabupaten_combo.currentText() if self.kabupaten_combo.currentData() else ""

    def snapshot(self) -> Any:
        return self.draft()

    def local_refusal(self) -> tuple[str, QWidget] | None:
        if not self.kabupaten_combo.currentData():
            return self.tr("Pilih kabupaten kantor ini."), self.kabupaten_combo
        return None

    def background_check(self) -> Callable[[], Any] | None:
        draft = self.draft()
        return lambda: first_start.check_office(draft)

    def field_widget(self, field: str | None) -> QWidget | None:
        if field in self.edits:
            return self.edits[field]
        return {"kabupaten_code": self.kabupaten_combo, "paper_size": self.paper_combo}.get(
            field or "", self.logo_button if field == "logo_png" else None
        )

    # --- The emblem and the preview -------------------------------------------------------------

    def pick_logo(self) -> None:
        path = admin_office.choose_logo(self)
        if path is not None:
            run_for(self, lambda: read_logo(path), self._logo_read, self._logo_refused)

    def _logo_read(self, data: bytes) -> None:
        self.banner.clear()
        self.set_logo(data)

    def _logo_refused(self, error: BaseException) -> None:
        self.refuse(message_for(error), self.logo_button)  # the emblem shown before stays

    def set_logo(self, data: bytes | None) -> None:
        self.logo_png = data
        self.emblem.show_png(data)
        self._refresh_preview()

    def _refresh_preview(self) -> None:
        if not hasattr(self, "preview"):
            return
        values = {name: self.edits[name].text() for name in TEXT_FIELDS}
        self.preview.set_letterhead(
            LetterheadText(**values, paper=self.paper_combo.currentData() or "A4"), self.logo_png
        )
