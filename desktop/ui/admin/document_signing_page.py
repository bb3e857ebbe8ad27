"""Tanda tangan dokumen: per document type, signed in the app or by hand with the stamp, and the
web address the verification QR points to (issue 15 item 14). Administrator only (the service
checks the role; a secured database's grants let only the Administrator's group update the office)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from desktop.services.errors import InvalidInput
from desktop.services.office import admin
from desktop.services.office.admin import DocumentSigning
from desktop.services.session import Session
from desktop.ui.admin.page import AdminPage
from desktop.ui.common.cards import section_label
from desktop.ui.common.forms import field_label, muted, primary_button

MODES = (
    ("aplikasi", QT_TRANSLATE_NOOP("DocumentSigningPage", "Tanda tangan di aplikasi")),
    ("basah", QT_TRANSLATE_NOOP("DocumentSigningPage", "Tanda tangan basah dan cap")),
)


class DocumentSigningPage(AdminPage):
    TITLE = QT_TRANSLATE_NOOP("DocumentSigningPage", "Tanda tangan dokumen")
    UNSAVED_WIDGETS = (QLineEdit, QComboBox)
    HINT = QT_TRANSLATE_NOOP(
        "DocumentSigningPage",
        "Di aplikasi: nama, NIP, waktu tanda tangan elektronik dan kode QR dicetak di tempat tanda "
        "tangan. Basah dan cap: tempat tanda tangan dibiarkan kosong untuk ditandatangani dan dicap; "
        "kode QR dicetak kecil di sampingnya. Persetujuan di aplikasi tetap dicatat pada kedua cara.",
    )

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.current: DocumentSigning | None = None
        self.mode_combos: dict[str, QComboBox] = {}
        self.box.addWidget(section_label(self.tr("Cara tanda tangan per jenis dokumen")))
        self.modes_form = QFormLayout()
        self.box.addLayout(self.modes_form)
        self.box.addWidget(section_label(self.tr("Verifikasi dokumen")))
        url_form = QFormLayout()
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://disdukcapil.solokkab.go.id/verifikasi")
        url_form.addRow(field_label(self.tr("Alamat web verifikasi"), self.url_edit), self.url_edit)
        self.box.addLayout(url_form)
        self.box.addWidget(
            muted(
                self.tr(
                    "Jika diisi (hanya alamat https), kode QR berisi alamat ini dengan kode verifikasi "
                    "dokumen (…?kode=K7MPX2QR9T). Jika kosong, kode QR hanya berisi kode verifikasi "
                    "untuk diperiksa di aplikasi."
                )
            )
        )
        self.save_button = primary_button(self.tr("Simpan pengaturan tanda tangan"))
        self.save_button.clicked.connect(self.save)
        self.box.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.box.addStretch(1)
        self.busy_buttons = [self.save_button]

    def load(self) -> None:
        session = self.session
        self.call(lambda: admin.document_signing(session), self._show, quiet=True)

    def _show(self, settings: DocumentSigning) -> None:
        self.current = settings
        for row in settings.modes:
            combo = self.mode_combos.get(row.doc_type)
            if combo is None:
                combo = QComboBox()
                for code, label in MODES:
                    combo.addItem(self.tr(label), code)
                self.mode_combos[row.doc_type] = combo
                self.modes_form.addRow(field_label(row.label, combo), combo)
            combo.setCurrentIndex(max(0, combo.findData(row.mode)))
        self.url_edit.setText(settings.verify_url)

    def save(self) -> None:
        if self.current is None:
            return
        modes = {code: combo.currentData() for code, combo in self.mode_combos.items()}
        url, version, session = self.url_edit.text(), self.current.version, self.session
        self.call(
            lambda: admin.update_document_signing(session, modes, url, version),
            self._show,
            self.tr("Pengaturan tanda tangan dokumen tersimpan."),
        )

    def show_error(self, error: BaseException) -> None:
        super().show_error(error)
        if isinstance(error, InvalidInput) and error.field == "verify_url":
            self.url_edit.setFocus()
            self.url_edit.selectAll()
