"""'Kembalikan dari lapangan': a package back at the office, checked, then merged.

The leader picks a .ddlapangan file; merge.preview says what it is (case, laptop, leader, when it
was taken out, how many records are new) before anything is written; "Gabungkan" merges it
(merge.bring_back, in the background) and the dialog shows what happened: records added,
updated, unchanged, conflicts, and the citizens already served in another case. `conflicts`
then tells the caller to open the conflicts dialog.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.errors import DomainError
from desktop.services.session import Session
from desktop.ui.common import file_dialogs
from desktop.ui.common.background import run_for
from desktop.ui.common.forms import fit_on_screen, heading, primary_button, value_label, value_rows
from desktop.ui.common.operations import message_for
from desktop.ui.common.unsaved import FormDialog
from desktop.ui.field.notice import NoticeBanner

FIELD_PACKAGES = "field_package"  # the file dialogs' remembered folder for packages


def _merge():
    from desktop.services.field import merge  # written alongside; imported when first used

    return merge


class PackageFileDialog:
    """A .ddlapangan file to open (a classmethod so that tests can answer it)."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        from desktop.services.field.package import SUFFIX

        translate = QCoreApplication.translate
        return file_dialogs.open_file(
            parent,
            FIELD_PACKAGES,
            translate("PackageFileDialog", "Pilih paket lapangan"),
            translate("PackageFileDialog", "Paket lapangan (*%1)").replace("%1", SUFFIX),
        )


class ReturnDialog(FormDialog):
    """One package: its preview, then Gabungkan, then the result. `result` holds merge.MergeResult."""

    def __init__(self, parent: QWidget | None, session: Session, path: Path):
        super().__init__(parent)
        self.session, self.path = session, Path(path)
        self.preview = None
        self.result = None
        self.setWindowTitle(self.tr("Kembalikan dari lapangan"))
        self.banner = NoticeBanner()
        self.values = {key: value_label() for key in ("file", "case", "laptop", "leader", "taken", "new")}
        self.values["new"].setObjectName("NewRecords")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("MergeSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.hide()
        self.merge_button = primary_button(self.tr("&Gabungkan"))
        self.merge_button.setDefault(True)
        self.merge_button.clicked.connect(self.merge)
        self.close_button = QPushButton(self.tr("Batal"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.merge_button)
        rows = value_rows(
            (
                (self.tr("Berkas"), self.values["file"]),
                (self.tr("Kasus"), self.values["case"]),
                (self.tr("Laptop"), self.values["laptop"]),
                (self.tr("Dibawa oleh"), self.values["leader"]),
                (self.tr("Tanggal dibawa"), self.values["taken"]),
                (self.tr("Data baru dari lapangan"), self.values["new"]),
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Kembalikan paket dari lapangan")))
        layout.addWidget(self.banner)
        layout.addLayout(rows)
        layout.addWidget(self.summary_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        fit_on_screen(self, 620, 460)
        self._read_preview()

    def _read_preview(self) -> None:
        self.values["file"].setText(str(self.path))
        try:
            preview = _merge().preview(self.session, self.path)
        except DomainError as exc:
            self.banner.error(exc.message)
            self.merge_button.setEnabled(False)
            self.close_button.setText(self.tr("Tutup"))
            self.close_button.setFocus()
            return
        self.preview = preview
        self.values["case"].setText(f"{preview.case_number} · {preview.case_title}")
        self.values["laptop"].setText(preview.laptop)
        self.values["leader"].setText(preview.leader)
        self.values["taken"].setText(preview.taken_on)
        self.values["new"].setText(
            self.tr("%1 data baru (dari %2 data di paket)")
            .replace("%1", str(preview.new_records))
            .replace("%2", str(preview.records_in_package))
        )
        if preview.status != "dibawa":
            self.banner.info(
                self.tr("Paket ini sudah pernah dikembalikan; yang sudah masuk tidak digandakan.")
            )
        self.merge_button.setFocus()

    def merge(self) -> None:
        if self.preview is None:
            return
        session, path = self.session, self.path
        self._busy(True)
        run_for(self, lambda: _merge().bring_back(session, path), self._merged, self._failed)

    def _merged(self, result) -> None:
        self.result = result
        self.merge_button.hide()
        self.close_button.setEnabled(True)
        self.close_button.setText(self.tr("&Tutup"))
        self.close_button.setDefault(True)
        self.close_button.clicked.disconnect()
        self.close_button.clicked.connect(self.accept)
        self.summary_label.setText(summary_text(result))
        self.summary_label.show()
        tone = self.banner.info if result.conflicts else self.banner.ok
        tone(
            self.tr("Paket %1 digabungkan. %2 konflik perlu diputuskan.")
            .replace("%1", result.laptop)
            .replace("%2", str(result.conflicts))
            if result.conflicts
            else self.tr("Paket %1 digabungkan.").replace("%1", result.laptop)
        )
        self.close_button.setFocus()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.banner.error(message_for(error))

    def _busy(self, busy: bool) -> None:
        self.merge_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)
        self.merge_button.setText(self.tr("Menggabungkan…") if busy else self.tr("&Gabungkan"))

    @classmethod
    def ask(cls, parent: QWidget | None, session: Session, path: Path):
        """Show the package's preview; the MergeResult once merged, None when cancelled."""
        dialog = cls(parent, session, path)
        try:
            dialog.exec()
            return dialog.result
        finally:
            dialog.deleteLater()


def summary_text(result) -> str:
    """What a merge did, as rich text for the dialog."""
    translate = QCoreApplication.translate
    lines = [
        translate("ReturnDialog", "Ditambahkan: %1 data").replace("%1", str(result.added)),
        translate("ReturnDialog", "Diperbarui: %1").replace("%1", str(result.updated)),
        translate("ReturnDialog", "Tidak berubah: %1").replace("%1", str(result.unchanged)),
        translate("ReturnDialog", "Konflik: %1").replace("%1", str(result.conflicts)),
    ]
    text = "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"
    if result.already_returned:
        text += escape(translate("ReturnDialog", "Paket ini sudah pernah digabungkan; tidak ada data baru."))
    if result.served_elsewhere:
        text += escape(translate("ReturnDialog", "Sudah dilayani pada kasus lain:"))
        text += "<ul>" + "".join(f"<li>{escape(name)}</li>" for name in result.served_elsewhere) + "</ul>"
    return text
