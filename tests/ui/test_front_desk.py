"""The front desk registers a Surat Permohonan through the real form, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QMimeData, QPoint, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from desktop.models import Attachment, IncomingLetter, RequestedService, SopCase
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.security import auth
from desktop.services.sijarla import steps as sijarla
from desktop.ui.documents.letter_document_dialog import LetterDocumentDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.sijarla import receipt_printing
from desktop.ui.sijarla.letter_resubmit_dialog import LetterResubmitDialog, ResubmitRequest
from tests.db import factories

WAIT = 15_000


def scan_pdf(folder: Path) -> Path:
    """A real one-page PDF, as a scanner would save it."""
    from reportlab.pdfgen import canvas

    path = folder / "surat-permohonan-koto-baru.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 760, "Surat Permohonan Wali Nagari Koto Baru")
    pdf.save()
    return path


def front_desk(qtbot):
    window = MainWindow(auth.login("meja", DEMO_PASSWORD))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # keyboard shortcuts work in the active window
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    tab = window.tab_for("pengadministrasi_umum")
    qtbot.waitUntil(lambda: tab.loads_finished >= 1 and bool(tab.form.category_boxes), timeout=WAIT)
    return window, tab


def idle(qtbot) -> None:
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=WAIT)


def fill_letter(qtbot, form, subject: str = "Permohonan pelayanan KTP-el bagi lansia") -> None:
    qtbot.keyClicks(form.letter_number_edit, "140/27/WN-KB/2026")
    form.letter_date_edit.setDate(QDate(dt.date.today() - dt.timedelta(days=2)))
    form.select_nagari(factories.nagari().id)  # chosen from the picker's list
    qtbot.keyClicks(form.subject_edit, subject)
    form.sifat_combo.setCurrentIndex(form.sifat_combo.findData("segera"))
    qtbot.keyClick(form.category_boxes["ktp_rekam"][0], Qt.Key.Key_Space)
    form.category_boxes["ktp_rekam"][1].setValue(25)
    form.set_category("kia", 10)


def drop_file(widget, path: Path) -> None:
    """What the window system sends when a file is dragged from Explorer onto the zone."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(drop)


def test_front_desk_registers_a_letter_with_a_dropped_scan_and_sees_the_agenda_number(
    qtbot, demo_logins, tmp_path
):
    window, tab = front_desk(qtbot)
    form = tab.form
    fill_letter(qtbot, form)
    assert form.sender_edit.text() == "Wali Nagari Koto Baru"  # prefilled from the nagari
    drop_file(form.scan_zone, scan_pdf(tmp_path))
    qtbot.waitUntil(
        lambda: form.scan_zone.scan is not None and form.scan_zone.preview.has_image(), timeout=WAIT
    )
    assert "surat-permohonan-koto-baru.pdf" in form.scan_zone.info_label.text()

    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.stack.currentWidget() is tab.receipt_panel, timeout=WAIT)

    letter = IncomingLetter.get()
    assert tab.receipt_panel.agenda_label.text() == letter.agenda_number
    assert tab.receipt_panel.tracking_label.text() == letter.tracking_code
    assert letter.subject == "Permohonan pelayanan KTP-el bagi lansia"
    assert letter.sifat == "segera"
    assert {(r.category.code, r.estimated_count) for r in RequestedService.select()} == {
        ("ktp_rekam", 25),
        ("kia", 10),
    }
    scan = Attachment.get()
    assert scan.filename == "surat-permohonan-koto-baru.pdf" and bytes(scan.content).startswith(b"%PDF")
    assert SopCase.get().current_step == "disposisi"
    idle(qtbot)


def test_an_empty_perihal_shows_the_message_and_keeps_every_typed_value(qtbot, demo_logins, tmp_path):
    _window, tab = front_desk(qtbot)
    form = tab.form
    fill_letter(qtbot, form, subject="")
    form.scan_zone.load_file(str(scan_pdf(tmp_path)))  # the slot the drop and 'Pilih berkas…' call
    qtbot.waitUntil(lambda: form.scan_zone.scan is not None, timeout=WAIT)

    form.letter_number_edit.setFocus()  # the clerk is still in the form
    qtbot.waitUntil(form.letter_number_edit.hasFocus, timeout=WAIT)
    qtbot.keyClick(form.letter_number_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.banner.text() != "", timeout=WAIT)

    assert form.banner.text() == "Perihal wajib diisi."
    assert form.subject_edit.hasFocus()
    assert tab.stack.currentWidget() is form
    assert form.letter_number_edit.text() == "140/27/WN-KB/2026"
    assert form.letter_date_edit.date().toPython() == dt.date.today() - dt.timedelta(days=2)
    assert form.nagari_id() == factories.nagari().id
    assert form.sender_edit.text() == "Wali Nagari Koto Baru"
    assert form.sifat_combo.currentData() == "segera"
    assert form.draft().requested == {"ktp_rekam": 25, "kia": 10}
    assert form.scan_zone.scan is not None
    assert form.submit_button.isEnabled()
    assert IncomingLetter.select().count() == 0


def test_receipt_is_issued_and_opened_for_printing(qtbot, demo_logins, tmp_path):
    window, tab = front_desk(qtbot)
    fill_letter(qtbot, tab.form)
    tab.form.scan_zone.load_file(str(scan_pdf(tmp_path)))
    qtbot.waitUntil(lambda: tab.form.scan_zone.scan is not None, timeout=WAIT)
    tab.submit()
    qtbot.waitUntil(lambda: tab.stack.currentWidget() is tab.receipt_panel, timeout=WAIT)

    qtbot.mouseClick(tab.receipt_panel.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(window.findChildren(LetterDocumentDialog)), timeout=WAIT)
    dialog = window.findChildren(LetterDocumentDialog)[0]
    qtbot.waitUntil(dialog.preview.has_image, timeout=WAIT)
    assert dialog.windowTitle().startswith("Tanda Terima")
    assert tab.receipt_panel.banner.text() == "Tanda terima siap dicetak."
    dialog.close()
    idle(qtbot)


def test_reprint_goes_through_the_print_hook(qtbot, demo_logins, monkeypatch):
    receipt = sijarla.register_letter(factories.session("meja"), factories.letter_draft())
    printed = []

    def fake_print(parent, session, case_id, on_done, on_failed):
        printed.append(case_id)
        on_done("Struk tanda terima dicetak.")

    monkeypatch.setattr(receipt_printing, "PRINT_RECEIPT", fake_print)
    from desktop.ui.sijarla.letter_reprint_dialog import LetterReprintDialog

    monkeypatch.setattr(LetterReprintDialog, "ask", classmethod(lambda cls, parent, session: receipt.case_id))
    _window, tab = front_desk(qtbot)
    qtbot.mouseClick(tab.reprint_button, Qt.MouseButton.LeftButton)
    assert printed == [receipt.case_id]
    assert tab.form.banner.text() == "Struk tanda terima dicetak."


def test_ctrl_n_starts_a_new_letter_after_one_was_saved(qtbot, demo_logins, tmp_path):
    window, tab = front_desk(qtbot)
    fill_letter(qtbot, tab.form)
    tab.submit()
    qtbot.waitUntil(lambda: tab.stack.currentWidget() is tab.receipt_panel, timeout=WAIT)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tab.stack.currentWidget() is tab.form
    assert tab.form.letter_number_edit.text() == ""
    assert tab.form.draft().requested == {}
    idle(qtbot)


def test_a_returned_request_shows_the_reason_and_is_sent_again(qtbot, demo_logins, monkeypatch):
    receipt = sijarla.register_letter(factories.session("meja"), factories.letter_draft())
    case = SopCase.get_by_id(receipt.case_id)
    reason = "Daftar nama calon penerima layanan belum dilampirkan."
    sijarla.return_request(factories.session("kabid"), case.id, reason, case.version)
    _window, tab = front_desk(qtbot)
    qtbot.waitUntil(lambda: tab.pending_count() == 1, timeout=WAIT)

    model = tab.worklist.model()
    assert model.data(model.index(0, 4)) == f"Dikembalikan: {reason}"
    assert reason in tab.returned_label.text()

    sent = SopCase.get_by_id(case.id)
    monkeypatch.setattr(
        LetterResubmitDialog,
        "ask",
        classmethod(
            lambda cls, parent, session, case_id: ResubmitRequest(case_id, sent.version, "Sudah lengkap.")
        ),
    )
    tab.worklist.setFocus()
    tab.worklist.selectRow(0)
    qtbot.keyClick(tab.worklist, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.sidebar_banner.kind == "success", timeout=WAIT)
    qtbot.waitUntil(lambda: tab.pending_count() == 0, timeout=WAIT)
    assert SopCase.get_by_id(case.id).current_step == "disposisi"
    idle(qtbot)


def test_resubmit_dialog_shows_the_letter_scan_and_reason(qtbot, demo_logins, tmp_path):
    draft = factories.letter_draft(scan=sijarla.ScanFile("permohonan.pdf", scan_pdf(tmp_path).read_bytes()))
    receipt = sijarla.register_letter(factories.session("meja"), draft)
    case = SopCase.get_by_id(receipt.case_id)
    sijarla.return_request(factories.session("kabid"), case.id, "Lampiran kurang.", case.version)
    dialog = LetterResubmitDialog(auth.login("meja", DEMO_PASSWORD), case.id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.letter is not None and dialog.preview.has_image(), timeout=WAIT)
    assert "Lampiran kurang." in dialog.reason_banner.text()
    assert dialog.ok_button.isEnabled()
