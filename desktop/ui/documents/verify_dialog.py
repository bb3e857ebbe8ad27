"""Verifikasi dokumen: does a code (typed or read from the QR) or a PDF file match an issued document?"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.documents import issue as documents
from desktop.services.documents.issue import VerificationResult
from desktop.services.session import Session
from desktop.ui.common import file_dialogs
from desktop.ui.common.background import run_for
from desktop.ui.common.forms import fit_on_screen
from desktop.ui.common.labels import verification_code
from desktop.ui.common.operations import message_for


class VerifyDocumentDialog(QDialog):
    """Type a verification code or choose a PDF; the archive says whether it is genuine."""

    def __init__(self, session: Session | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Verifikasi dokumen"))
        fit_on_screen(self, 560, 360)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Ketik kode verifikasi yang tercetak di dokumen (atau hasil pindai QR-nya), "
                "atau pilih berkas PDF."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(
            self.tr("mis. K7MPX-2QR9T, DINASDESK:VERIFY:… atau https://…?kode=…")
        )
        self.code_edit.returnPressed.connect(self.check_code)
        check = QPushButton(self.tr("Periksa"))
        check.clicked.connect(self.check_code)
        choose = QPushButton(self.tr("Pilih PDF…"))
        choose.clicked.connect(lambda: self.check_file())
        row.addWidget(self.code_edit, 1)
        row.addWidget(check)
        row.addWidget(choose)
        layout.addLayout(row)
        self.verdict = QLabel()
        self.verdict.setObjectName("Verdict")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.details = QFormLayout()
        layout.addLayout(self.details)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.result: VerificationResult | None = None

    def check_code(self) -> None:
        text = self.code_edit.text()
        run_for(self, lambda: documents.verify_document(text, self.session), self.show_result, self._failed)

    def check_file(self, path: str | None = None) -> None:
        if path is None:
            chosen = file_dialogs.open_file(
                self, file_dialogs.DOCUMENT, self.tr("Pilih PDF"), self.tr("Dokumen PDF (*.pdf)")
            )
            path = None if chosen is None else str(chosen)
        if not path:
            return
        with open(path, "rb") as fh:
            data = fh.read()
        run_for(self, lambda: documents.verify_file(data, self.session), self.show_result, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.verdict.setText(message_for(error))

    def show_result(self, result: VerificationResult) -> None:
        self.result = result
        while self.details.rowCount():
            self.details.removeRow(0)
        colour = "#1e7a46" if result.found and not result.superseded else "#b3261e"
        self.verdict.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.verdict.setText(result.message)
        if not result.found:
            return
        rows = (
            (self.tr("Jenis"), result.type_label),
            (self.tr("Nomor"), result.number or "-"),
            (self.tr("Perihal"), result.title),
            (
                self.tr("Diterbitkan"),
                f"{result.issued_at:%d-%m-%Y %H:%M} oleh {result.issued_by}" if result.issued_at else "",
            ),
            (self.tr("Halaman"), f"{result.page_count} ({result.paper_size})"),
            (self.tr("Kode verifikasi"), verification_code(result.code)),
        )
        for label, value in rows:
            field = QLabel(value)
            field.setWordWrap(True)
            self.details.addRow(label, field)
