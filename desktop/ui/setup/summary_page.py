"""Setup page "Ringkasan": everything the wizard will write, then "Selesai" writes it in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from desktop.services import first_start
from desktop.services.session import Session
from desktop.ui.common.cards import section_label
from desktop.ui.common.forms import muted, value_label
from desktop.ui.setup.base import SetupPage

if TYPE_CHECKING:
    from desktop.ui.setup_wizard import SetupWizard


class SummarySetupPage(SetupPage):
    TITLE = QT_TRANSLATE_NOOP("SummarySetupPage", "Ringkasan")
    SUBTITLE = QT_TRANSLATE_NOOP(
        "SummarySetupPage",
        "Periksa sekali lagi. Tekan Selesai untuk menyimpan semuanya; bila ada yang ditolak, tidak ada yang "
        "tersimpan dan isian Anda tetap ada.",
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()  # one form: the captions of the three sections line up
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(6)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for title, rows in (
            (self.tr("Database"), (("database", self.tr("Database")),)),
            (
                self.tr("Kantor"),
                (
                    ("kabupaten", self.tr("Kabupaten")),
                    ("government", self.tr("Pemerintah")),
                    ("agency", self.tr("Nama dinas")),
                    ("address", self.tr("Alamat")),
                    ("contacts", self.tr("Kontak")),
                    ("city", self.tr("Tempat surat")),
                    ("paper", self.tr("Ukuran kertas")),
                    ("logo", self.tr("Lambang daerah")),
                ),
            ),
            (
                self.tr("Administrator"),
                (
                    ("username", self.tr("Nama pengguna")),
                    ("full_name", self.tr("Nama lengkap")),
                    ("nip", self.tr("NIP")),
                    ("jabatan", self.tr("Jabatan")),
                ),
            ),
        ):
            caption = section_label(title)
            caption.setContentsMargins(0, 8 if self.values else 0, 0, 2)
            form.addRow(caption)
            for key, caption in rows:
                self.values[key] = value_label()
                caption_label = muted(caption)
                caption_label.setWordWrap(False)
                form.addRow(caption_label, self.values[key])
        self.body.addLayout(form)
        self.body.addWidget(
            muted(
                self.tr(
                    "Setelah Selesai Anda langsung masuk sebagai Administrator dan melihat daftar hal yang "
                    "masih perlu diatur: penandatangan, akun pegawai, pola penomoran dan printer."
                )
            )
        )
        self.body.addStretch(1)

    def setup_wizard(self) -> SetupWizard:
        return self.wizard()  # type: ignore[return-value]

    def initializePage(self) -> None:
        wizard = self.setup_wizard()
        office = wizard.office_page.draft()
        first = wizard.administrator_page.first_administrator()
        shown = {
            "database": wizard.database_description(),
            "kabupaten": wizard.office_page.kabupaten_name(),
            "government": office.government,
            "agency": office.agency,
            "address": office.address,
            "contacts": " · ".join(v for v in (office.phone, office.email, office.website) if v.strip()),
            "city": office.city,
            "paper": wizard.office_page.paper_combo.currentText(),
            "logo": self.tr("dipasang") if office.logo_png else self.tr("belum (dapat dipasang nanti)"),
            "username": first.username,
            "full_name": first.full_name,
            "nip": first.nip or self.tr("(tidak diisi)"),
            "jabatan": first.jabatan or self.tr("(tidak diisi)"),
        }
        for key, text in shown.items():
            self.values[key].setText(text.strip() or "–")

    def snapshot(self) -> Any:
        wizard = self.setup_wizard()
        return (
            wizard.database_page.snapshot(),
            wizard.office_page.draft(),
            wizard.administrator_page.first_administrator(),
        )

    def background_check(self) -> Callable[[], Any] | None:
        wizard = self.setup_wizard()
        office = wizard.office_page.draft()
        first = wizard.administrator_page.first_administrator()
        server, password = wizard.server_to_save()
        return lambda: first_start.complete_setup(first, office, server, password)

    def session(self) -> Session | None:
        return self.result if isinstance(self.result, Session) else None
