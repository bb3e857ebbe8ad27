"""Issue 15 item 12 through the real windows: the disposition form starts at the letter's sifat and a
lower one is refused under its field; a returned letter goes back with the missing attachment, which
the Kabid then sees beside the scan."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.models import Attachment, Disposition, SopCase
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.security import auth
from desktop.services.sijarla import steps as sijarla
from desktop.ui.sijarla.letter_resubmit_dialog import LetterResubmitDialog
from tests.db import factories
from tests.ui.test_front_desk import front_desk, scan_pdf
from tests.ui.test_kabid import WAIT, idle, kabid_desk, open_first_case

REASON = "Lampiran daftar nama calon penerima layanan belum ada."


def shot(widget, name: str) -> None:
    folder = os.environ.get("RULES_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / name))


def letter_with_scan(tmp_path: Path, sifat: str) -> int:
    scan = sijarla.ScanFile("permohonan.pdf", scan_pdf(tmp_path).read_bytes(), "application/pdf")
    return sijarla.register_letter(
        factories.session("meja"), factories.letter_draft(sifat=sifat, scan=scan)
    ).case_id


def test_the_form_starts_at_the_letters_sifat_and_refuses_a_lower_one(qtbot, demo_logins, tmp_path):
    case_id = letter_with_scan(tmp_path, "sangat_segera")
    window, tab = kabid_desk(qtbot)
    open_first_case(qtbot, tab)
    form = tab.form
    assert form.sifat_combo.currentData() == "sangat_segera"

    form.team_combo.setCurrentIndex(form.team_combo.findText("Tim SIJARLA I"))
    form.sifat_combo.setCurrentIndex(form.sifat_combo.findData("biasa"))
    form.instructions_edit.setFocus()
    qtbot.keyClicks(form.instructions_edit, "Segera siapkan tim.")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.marks.is_marked("sifat"), timeout=WAIT)
    assert "tidak boleh lebih rendah dari sifat surat (Sangat segera)" in form.marks.message("sifat")
    assert form.instructions_edit.toPlainText() == "Segera siapkan tim."  # the typing stays
    assert Disposition.select().count() == 0
    shot(window, "disposition-sifat-refused.png")

    form.sifat_combo.setCurrentIndex(form.sifat_combo.findData("sangat_segera"))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: Disposition.select().count() == 1, timeout=WAIT)
    assert Disposition.get(Disposition.case == case_id).sifat == "sangat_segera"
    idle(qtbot)


def test_a_returned_letter_is_sent_again_with_the_attachment_and_the_kabid_sees_it(
    qtbot, demo_logins, tmp_path, monkeypatch
):
    case_id = letter_with_scan(tmp_path, "segera")
    case = SopCase.get_by_id(case_id)
    sijarla.return_request(factories.session("kabid"), case_id, REASON, case.version)
    missing = tmp_path / "daftar-nama.pdf"
    missing.write_bytes(scan_pdf(tmp_path).read_bytes())

    dialog = LetterResubmitDialog(auth.login("meja", DEMO_PASSWORD), case_id)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 705)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.letter is not None and dialog.preview.has_image(), timeout=WAIT)
    assert REASON in dialog.reason_banner.text()
    dialog.attachment_zone.load_file(str(missing))  # what 'Pilih berkas…' and a drop both do
    qtbot.waitUntil(lambda: dialog.attachment_zone.scan is not None, timeout=WAIT)
    assert dialog.ok_button.isEnabled() and dialog.ok_button.text() == "Kirim ulang ke Kabid dengan lampiran"
    qtbot.keyClicks(dialog.note_edit, "Daftar nama terlampir.")
    shot(dialog, "resubmit-with-attachment.png")
    chosen = dialog.attachment_zone.scan

    # The front desk's own flow, with the dialog's answer.
    from desktop.ui.sijarla.letter_resubmit_dialog import ResubmitRequest

    request = ResubmitRequest(case_id, case.version + 1, dialog.note_edit.toPlainText(), (chosen,))
    dialog.close()
    monkeypatch.setattr(LetterResubmitDialog, "ask", classmethod(lambda cls, parent, session, cid: request))
    _window, desk = front_desk(qtbot)
    qtbot.waitUntil(lambda: desk.pending_count() == 1, timeout=WAIT)
    desk.worklist.setFocus()
    desk.worklist.selectRow(0)
    qtbot.keyClick(desk.worklist, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.sidebar_banner.kind == "success", timeout=WAIT)
    stored = Attachment.get(Attachment.purpose == "lampiran_susulan")
    assert stored.filename == "daftar-nama.pdf" and bytes(stored.content) == missing.read_bytes()
    idle(qtbot)

    window, tab = kabid_desk(qtbot)
    open_first_case(qtbot, tab)
    combo = tab.attachment_combo
    assert combo.isVisible() and combo.count() == 2
    assert combo.itemText(1).startswith("Lampiran susulan: daftar-nama.pdf")
    combo.setCurrentIndex(1)
    with qtbot.waitSignal(tab.scan_preview.loaded, timeout=WAIT) as shown:
        combo.activated.emit(1)  # what choosing the entry with the mouse or keyboard sends
    assert shown.args == [True] and tab.scan_preview.has_image()
    shot(window, "kabid-sees-attachment.png")
    idle(qtbot)
