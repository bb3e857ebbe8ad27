"""The Kabid Pelayanan checks a request, writes the disposition and signs it, through the real tab."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QThreadPool

from desktop.models import Disposition, SopCase
from desktop.printing.text import signature_code
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.security import auth
from desktop.services.sijarla import steps as sijarla
from desktop.ui.documents.letter_document_dialog import LetterDocumentDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.password_dialog import PasswordDialog
from desktop.ui.sijarla.disposition_return_dialog import ReturnReasonDialog
from tests.db import factories

WAIT = 15_000


def kabid_desk(qtbot, cases: int = 1):
    window = MainWindow(auth.login("kabid", DEMO_PASSWORD))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # keyboard shortcuts work in the active window
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    tab = window.tab_for("kabid_pelayanan")
    qtbot.waitUntil(lambda: tab.pending_count() == cases, timeout=WAIT)
    return window, tab


def idle(qtbot) -> None:
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=WAIT)


def open_first_case(qtbot, tab) -> None:
    """Select the first row and press Enter, as the Kabid does."""
    tab.worklist.setFocus()
    tab.worklist.selectRow(0)
    qtbot.keyClick(tab.worklist, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.case is not None and tab.form.team_combo.count() > 0, timeout=WAIT)
    qtbot.waitUntil(tab.scan_preview.has_image, timeout=WAIT)


def write_disposition(qtbot, tab, text: str = "Tugaskan Tim SIJARLA I; utamakan lansia.") -> None:
    form = tab.form
    form.team_combo.setCurrentIndex(form.team_combo.findText("Tim SIJARLA I"))
    form.sifat_combo.setCurrentIndex(form.sifat_combo.findData("segera"))
    qtbot.keyClick(form.request_boxes["koordinasi"], Qt.Key.Key_Space)
    form.instructions_edit.setFocus()
    qtbot.keyClicks(form.instructions_edit, text)


def a_letter(**overrides) -> int:
    return sijarla.register_letter(factories.session("meja"), factories.letter_draft(**overrides)).case_id


def scan_letter() -> int:
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 760, "Surat Permohonan")
    pdf.save()
    return a_letter(scan=sijarla.ScanFile("permohonan.pdf", buffer.getvalue(), "application/pdf"))


def test_kabid_signs_the_disposition_and_the_case_leaves_the_queue(qtbot, demo_logins, monkeypatch):
    case_id = scan_letter()
    asked = []
    monkeypatch.setattr(
        PasswordDialog,
        "ask",
        classmethod(lambda cls, p, prompt, check=None: asked.append(prompt) or DEMO_PASSWORD),
    )
    window, tab = kabid_desk(qtbot)
    open_first_case(qtbot, tab)

    assert tab.pages.currentIndex() == 1
    assert tab.letter_summary.values["sender"].text() == "Wali Nagari Koto Baru"
    expected_deadline = tab.form.deadline_edit.date().toPython()
    assert expected_deadline > dt.date.today()  # three working days ahead by default
    write_disposition(qtbot, tab)
    qtbot.waitUntil(tab.form.instructions_edit.hasFocus, timeout=WAIT)
    qtbot.keyClick(tab.form.instructions_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: tab.form_stack.currentIndex() == 1, timeout=WAIT)
    assert "SJL-" in asked[0]
    signed = Disposition.get(Disposition.case == case_id)
    assert signed.signed_at is not None
    assert signed.instructions == "Tugaskan Tim SIJARLA I; utamakan lansia."
    assert signed.sifat == "segera" and signed.requests == "proses_lanjut,koordinasi"
    assert signed.deadline == expected_deadline
    line = tab.signed_sheet.signature_label.text()
    assert "Dedi Syafrizal, S.Sos, M.Si" in line and signature_code(signed.signature_sha256) in line
    assert signed.signature_sha256[:16] not in line  # no hash on screen: a short code
    assert tab.signed_sheet.values["team"].text() == "Tim SIJARLA I"
    assert SopCase.get_by_id(case_id).current_step == "surat_tugas"
    qtbot.waitUntil(lambda: tab.pending_count() == 0, timeout=WAIT)
    qtbot.waitUntil(lambda: window.tab_titles()[0] == "Kabid Pelayanan Pendaftaran Penduduk", timeout=WAIT)

    qtbot.mouseClick(tab.signed_sheet.print_button, Qt.MouseButton.LeftButton)  # the Lembar Disposisi
    qtbot.waitUntil(lambda: bool(window.findChildren(LetterDocumentDialog)), timeout=WAIT)
    sheet = window.findChildren(LetterDocumentDialog)[0]
    qtbot.waitUntil(sheet.preview.has_image, timeout=WAIT)
    assert sheet.windowTitle().startswith("Lembar Disposisi")
    sheet.close()
    idle(qtbot)


def test_a_wrong_password_signs_nothing_and_keeps_the_form(qtbot, demo_logins, monkeypatch):
    case_id = scan_letter()
    monkeypatch.setattr(PasswordDialog, "ask", classmethod(lambda cls, p, prompt, check=None: "salah-sandi"))
    _window, tab = kabid_desk(qtbot)
    open_first_case(qtbot, tab)
    write_disposition(qtbot, tab)
    qtbot.mouseClick(tab.form.sign_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: tab.form.banner.kind == "error", timeout=WAIT)
    assert tab.form.banner.text() == "Kata sandi salah. Sisa percobaan: 4. Tanda tangan tidak dibuat."
    assert tab.form_stack.currentIndex() == 0
    assert tab.form.instructions_edit.toPlainText() == "Tugaskan Tim SIJARLA I; utamakan lansia."
    assert Disposition.select().where(Disposition.signed_at.is_null(False)).count() == 0
    assert SopCase.get_by_id(case_id).current_step == "disposisi"

    monkeypatch.setattr(PasswordDialog, "ask", classmethod(lambda cls, p, prompt, check=None: DEMO_PASSWORD))
    qtbot.mouseClick(tab.form.sign_button, Qt.MouseButton.LeftButton)  # the saved draft is signed now
    qtbot.waitUntil(lambda: tab.form_stack.currentIndex() == 1, timeout=WAIT)
    assert Disposition.select().count() == 1
    idle(qtbot)


def test_cancelling_the_password_does_nothing(qtbot, demo_logins, monkeypatch):
    a_letter(scan=None)
    monkeypatch.setattr(PasswordDialog, "ask", classmethod(lambda cls, p, prompt, check=None: None))
    _window, tab = kabid_desk(qtbot)
    tab.worklist.setFocus()
    tab.worklist.selectRow(0)
    qtbot.keyClick(tab.worklist, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.case is not None, timeout=WAIT)
    write_disposition(qtbot, tab)
    tab.sign()
    assert not tab.busy and Disposition.select().count() == 0
    idle(qtbot)


def test_a_stale_draft_keeps_the_typed_values_and_offers_muat_ulang(qtbot, demo_logins, monkeypatch):
    case_id = scan_letter()
    _window, tab = kabid_desk(qtbot)
    open_first_case(qtbot, tab)
    write_disposition(qtbot, tab)
    qtbot.mouseClick(tab.form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.form.banner.kind == "success", timeout=WAIT)
    # Another Kabid (on another PC) rewrites the same draft meanwhile.
    other = factories.session("kabid")
    draft = sijarla.DispositionDraft(
        "Versi lain dari PC sebelah.",
        factories.team("Tim SIJARLA II").id,
        dt.date.today() + dt.timedelta(days=5),
    )
    sijarla.save_disposition(other, case_id, draft, tab.disposition.version)
    tab.form.instructions_edit.appendPlainText("Tambahan dari saya.")
    typed = tab.form.instructions_edit.toPlainText()

    qtbot.mouseClick(tab.form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.form.banner.kind == "error", timeout=WAIT)
    assert "sudah diubah oleh" in tab.form.banner.text()
    assert tab.form.banner.action_button.isVisibleTo(tab.form.banner)
    assert tab.form.banner.action_button.text() == "Muat ulang"
    assert tab.form.instructions_edit.toPlainText() == typed

    qtbot.mouseClick(tab.form.banner.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.form.banner.kind == "info", timeout=WAIT)
    assert tab.form.instructions_edit.toPlainText() == typed  # still what this Kabid typed
    qtbot.mouseClick(tab.form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.form.banner.kind == "success", timeout=WAIT)
    assert Disposition.get(Disposition.case == case_id).instructions == typed
    idle(qtbot)


def test_kembalikan_asks_for_a_reason_and_sends_the_request_back(qtbot, demo_logins, monkeypatch):
    case_id = a_letter()
    monkeypatch.setattr(
        ReturnReasonDialog, "ask", classmethod(lambda cls, p, ref: "Lampiran daftar nama kurang.")
    )
    _window, tab = kabid_desk(qtbot)
    tab.worklist.setFocus()
    tab.worklist.selectRow(0)
    qtbot.keyClick(tab.worklist, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.case is not None, timeout=WAIT)
    qtbot.mouseClick(tab.form.return_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: tab.pages.currentIndex() == 0, timeout=WAIT)
    qtbot.waitUntil(lambda: tab.pending_count() == 0, timeout=WAIT)
    case = SopCase.get_by_id(case_id)
    assert case.current_step == "registrasi"
    assert "dikembalikan ke meja depan" in tab.worklist_banner.text()
    idle(qtbot)


def test_an_empty_disposition_shows_the_service_message(qtbot, demo_logins, monkeypatch):
    a_letter()
    monkeypatch.setattr(PasswordDialog, "ask", classmethod(lambda cls, p, prompt, check=None: DEMO_PASSWORD))
    _window, tab = kabid_desk(qtbot)
    tab.open_case(tab.worklist.model().item(0).ref_id)
    qtbot.waitUntil(lambda: tab.case is not None, timeout=WAIT)
    tab.sign()
    qtbot.waitUntil(lambda: tab.form.banner.kind == "error", timeout=WAIT)
    assert tab.form.banner.text() == "Isi disposisi wajib diisi."
    assert tab.form.instructions_edit.hasFocus()
    assert Disposition.select().count() == 0
    idle(qtbot)


def test_a_sheet_that_cannot_be_made_signs_nothing_and_says_so_in_indonesian(qtbot, demo_logins, monkeypatch):
    from reportlab.platypus.doctemplate import LayoutError

    from desktop.models import IssuedDocument
    from desktop.printing import letters

    def broken(doc, paper="A4"):
        raise LayoutError("Flowable <Table ...> too large on page 1 in frame 'body'")

    case_id = scan_letter()
    monkeypatch.setattr(PasswordDialog, "ask", classmethod(lambda cls, p, prompt, check=None: DEMO_PASSWORD))
    _window, tab = kabid_desk(qtbot)
    open_first_case(qtbot, tab)
    write_disposition(qtbot, tab)
    monkeypatch.setattr(letters, "render", broken)  # the printing boundary fails, as reportlab did
    qtbot.mouseClick(tab.form.sign_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: tab.form.banner.kind == "error", timeout=WAIT)
    message = tab.form.banner.text()
    assert message.startswith("Disposisi belum ditandatangani: Lembar Disposisi tidak dapat dibuat")
    assert "belum disimpan" not in message and "Terjadi kesalahan yang tidak terduga" not in message
    assert tab.form_stack.currentIndex() == 0  # the form, with what was typed
    assert tab.form.instructions_edit.toPlainText() == "Tugaskan Tim SIJARLA I; utamakan lansia."
    assert Disposition.select().where(Disposition.signed_at.is_null(False)).count() == 0
    assert IssuedDocument.select().count() == 0
    assert SopCase.get_by_id(case_id).current_step == "disposisi"
    idle(qtbot)
