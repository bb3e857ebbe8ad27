"""The document viewer (pages, save as issued, a printer that fails) and Verifikasi dokumen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.models import IncomingLetter
from desktop.services.documents import issue as documents
from desktop.ui.common.labels import verification_code
from desktop.ui.documents.document_viewer import DocumentViewerDialog
from desktop.ui.documents.verify_dialog import VerifyDocumentDialog
from tests.db.factories import session
from tests.printing.flow import registered_letter

pytestmark = pytest.mark.usefixtures("database")


def issued_receipt():
    receipt = registered_letter()
    letter_id = IncomingLetter.get(IncomingLetter.case == receipt.case_id).id
    return documents.issue_document(session("meja"), "tanda_terima", letter_id)


def test_viewer_shows_every_page_and_saves_the_archived_bytes(qtbot, tmp_path):
    info = issued_receipt()
    dialog = DocumentViewerDialog.open_document(None, session("meja"), info.id)
    qtbot.addWidget(dialog)
    assert len(dialog.page_labels) == info.page_count == 1
    saved = dialog.save_pdf(str(tmp_path / "tanda-terima.pdf"))
    assert open(saved, "rb").read() == documents.get_document(session("meja"), info.id)


def test_a_missing_printer_keeps_the_dialog_open_with_retry(qtbot):
    info = issued_receipt()
    dialog = DocumentViewerDialog.open_document(None, session("meja"), info.id)
    qtbot.addWidget(dialog)
    dialog.printer_box.clear()
    dialog.printer_box.addItem("PrinterMati")
    dialog.print_document()
    assert "tidak ditemukan" in dialog.status.text()
    assert dialog.print_button.text() == "Coba lagi" and dialog.print_button.isEnabled()
    assert documents.verify_document(info.verification_code).found  # still archived


def test_verify_dialog_accepts_a_typed_code_and_refuses_an_unknown_one(qtbot):
    info = issued_receipt()
    dialog = VerifyDocumentDialog(session("kabid"))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code_edit, info.verification_code.lower())
    dialog.check_code()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    assert dialog.result.found and dialog.result.number == info.number
    assert dialog.details.rowCount() == 6
    dialog.result = None
    dialog.code_edit.setText("ZZZZZZZZZZ")
    dialog.check_code()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    assert not dialog.result.found and dialog.verdict.text() == dialog.result.message


def test_verify_dialog_checks_a_pdf_file(qtbot, tmp_path):
    info = issued_receipt()
    path = tmp_path / "dari-pemohon.pdf"
    path.write_bytes(documents.get_document(session("meja"), info.id))
    dialog = VerifyDocumentDialog(None)
    qtbot.addWidget(dialog)
    dialog.check_file(str(path))
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    assert dialog.result.found and dialog.result.sha256 == info.sha256
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    assert verification_code(info.verification_code) in shown  # what is printed on the document
    assert not any(info.sha256[:16] in text for text in shown)  # not a hash


def test_verify_dialog_accepts_both_qr_forms_the_offline_one_and_the_web_address(qtbot):
    info = issued_receipt()
    dialog = VerifyDocumentDialog(session("kabid"))
    qtbot.addWidget(dialog)
    for scanned in (
        f"DINASDESK:VERIFY:{info.verification_code}",
        f"https://disdukcapil.solokkab.go.id/verifikasi?kode={info.verification_code}",
    ):
        dialog.result = None
        dialog.code_edit.setText(scanned)
        qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
        assert dialog.result.found and dialog.result.number == info.number, scanned
