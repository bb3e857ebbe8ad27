"""The Kepala Dinas signs the Surat Tugas, receives a recap and opens a case from his analysis."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication

from desktop.models import AssignmentLetter, AssignmentMember, Recap, SopCase
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.security import auth
from desktop.services.sijarla import recap
from desktop.services.sijarla import steps as sijarla
from desktop.ui.main_window import MainWindow
from desktop.ui.password_dialog import PasswordDialog
from desktop.ui.sijarla import kepala_dinas
from tests.db import factories

WAIT = 15_000


def idle(qtbot) -> None:
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=WAIT)


def kadis_desk(qtbot, rows: int):
    window = MainWindow(auth.login("kadis", DEMO_PASSWORD))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # keyboard shortcuts work in the active window
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    tab = window.tab_for("kepala_dinas")
    qtbot.waitUntil(lambda: tab.pending_count() == rows, timeout=WAIT)
    return window, tab


def case_at_surat_tugas(team: str = "Tim SIJARLA II") -> int:
    receipt = sijarla.register_letter(factories.session("meja"), factories.letter_draft(scan=None))
    kabid = factories.session("kabid")
    draft = sijarla.DispositionDraft(
        "Laksanakan.", factories.team(team).id, dt.date.today() + dt.timedelta(days=4)
    )
    d_id = sijarla.save_disposition(kabid, receipt.case_id, draft)
    sijarla.sign_disposition(kabid, d_id, DEMO_PASSWORD, 1)
    return receipt.case_id


def open_row(qtbot, tab, row: int = 0) -> None:
    tab.worklist.setFocus()
    tab.worklist.selectRow(row)
    qtbot.keyClick(tab.worklist, Qt.Key.Key_Return)


def test_kadis_issues_the_surat_tugas_for_the_disposition_team(qtbot, demo_logins, monkeypatch):
    case_id = case_at_surat_tugas("Tim SIJARLA II")
    monkeypatch.setattr(PasswordDialog, "ask", classmethod(lambda cls, p, prompt, check=None: DEMO_PASSWORD))
    window, tab = kadis_desk(qtbot, 1)
    open_row(qtbot, tab)
    form = tab.assignment_form
    qtbot.waitUntil(lambda: tab.assignment is not None and form.members_list.count() > 0, timeout=WAIT)
    qtbot.waitUntil(tab.assignment_preview.has_image, timeout=WAIT)

    assert form.members_list.item(0).text().startswith("1. Novia Rahmadani, S.Kom  ·  Ketua")
    assert form.members_list.count() == 2
    assert form.place_edit.text() == "Kantor Wali Nagari Koto Baru"
    assert "Nagari Koto Baru" in form.task_edit.toPlainText()
    # Add a member from the staff list, then sign with Ctrl+Enter.
    form.staff_combo.setCurrentIndex(
        form.staff_combo.findText("Rina Marlina, A.Md", Qt.MatchFlag.MatchStartsWith)
    )
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    form.place_edit.clear()
    form.place_edit.setFocus()
    qtbot.waitUntil(form.place_edit.hasFocus, timeout=WAIT)
    qtbot.keyClicks(form.place_edit, "Aula Kantor Wali Nagari Koto Baru")
    qtbot.keyClick(form.place_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: tab.issued is not None, timeout=WAIT)
    letter = AssignmentLetter.get(AssignmentLetter.case == case_id)
    assert letter.signed_at is not None and letter.place == "Aula Kantor Wali Nagari Koto Baru"
    members = [m.full_name for m in AssignmentMember.select().order_by(AssignmentMember.position)]
    assert members == ["Novia Rahmadani, S.Kom", "Yoga Pratama", "Rina Marlina, A.Md"]
    assert letter.number in form.banner.text()
    assert SopCase.get_by_id(case_id).current_step == "persiapan"
    assert tab.print_assignment_button.isVisibleTo(tab)
    qtbot.waitUntil(lambda: tab.pending_count() == 0, timeout=WAIT)
    idle(qtbot)


def test_once_signed_the_surat_tugas_shows_signed_and_numbered_and_cannot_be_changed(
    qtbot, demo_logins, monkeypatch
):
    case_id = case_at_surat_tugas()
    monkeypatch.setattr(PasswordDialog, "ask", classmethod(lambda cls, p, prompt, check=None: DEMO_PASSWORD))
    window, tab = kadis_desk(qtbot, 1)
    open_row(qtbot, tab)
    form = tab.assignment_form
    qtbot.waitUntil(tab.assignment_preview.has_image, timeout=WAIT)
    assert tab.preview_caption.text() == "PRATINJAU (BELUM BERNOMOR DAN BELUM DITANDATANGANI)"
    draft_preview = tab.assignment_preview._image
    tab.sign_assignment()
    qtbot.waitUntil(lambda: tab.issued is not None, timeout=WAIT)
    letter = AssignmentLetter.get(AssignmentLetter.case == case_id)

    # The preview is now the issued letter: its number and the signature, not the draft.
    assert (
        tab.preview_caption.text()
        == f"SURAT TUGAS {letter.number} · DITANDATANGANI HENDRI YUSMAN, S.STP, M.SI"  # the number as issued
    )
    qtbot.waitUntil(
        lambda: tab.assignment_preview.has_image() and tab.assignment_preview._image is not draft_preview
    )
    assert tab.assignment_preview._image != draft_preview
    # Every field shows what was signed and none can be changed; there is nothing left to sign.
    assert form.place_edit.isReadOnly() and form.task_edit.isReadOnly() and form.basis_edit.isReadOnly()
    assert form.copies_edit.isReadOnly() and form.start_edit.isReadOnly() and form.end_edit.isReadOnly()
    assert not form.add_button.isEnabled() and not form.remove_button.isEnabled()
    assert not form.sign_button.isVisibleTo(form) and not form.preview_button.isVisibleTo(form)
    qtbot.keyClick(form.place_edit, Qt.Key.Key_A)
    assert form.place_edit.text() == letter.place
    assert form.unsaved_work() == ""  # signed: leaving asks nothing
    idle(qtbot)


def test_a_wrong_password_issues_no_surat_tugas(qtbot, demo_logins, monkeypatch):
    case_id = case_at_surat_tugas()
    monkeypatch.setattr(PasswordDialog, "ask", classmethod(lambda cls, p, prompt, check=None: "keliru"))
    _window, tab = kadis_desk(qtbot, 1)
    tab.open_assignment(case_id)
    qtbot.waitUntil(lambda: tab.assignment is not None, timeout=WAIT)
    qtbot.mouseClick(tab.assignment_form.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.assignment_form.banner.kind == "error", timeout=WAIT)
    assert (
        tab.assignment_form.banner.text() == "Kata sandi salah. Sisa percobaan: 4. Tanda tangan tidak dibuat."
    )
    assert AssignmentLetter.select().count() == 0
    assert tab.assignment_form.sign_button.isEnabled()
    idle(qtbot)


def test_kadis_receives_a_recap_and_accepts_it(qtbot, demo_logins):
    today = dt.date.today()
    built = recap.build_recap(factories.session("kph"), recap.period("bulan", today.year, today.month))
    recap.forward_recap(factories.session("kph"), built.id, built.version)
    recap.submit_recap(factories.session("kabidpdip"), built.id, built.version + 1)
    _window, tab = kadis_desk(qtbot, 1)
    assert tab.worklist.model().item(0).kind == "rekap"
    open_row(qtbot, tab)
    qtbot.waitUntil(lambda: tab.recap is not None, timeout=WAIT)
    assert tab.recap_panel.title_label.text() == built.title
    assert tab.recap_panel.tiles["total_records"].text() == "0"

    qtbot.keyClicks(tab.recap_panel.note_edit, "Terima kasih, lanjutkan.")
    qtbot.mouseClick(tab.recap_panel.acknowledge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.recap_panel.banner.kind == "success", timeout=WAIT)
    stored = Recap.get_by_id(built.id)
    assert stored.status == "diterima" and stored.note == "Terima kasih, lanjutkan."
    assert not tab.recap_panel.acknowledge_button.isEnabled()
    qtbot.waitUntil(lambda: tab.pending_count() == 0, timeout=WAIT)
    idle(qtbot)


def test_buka_kasus_dari_analisis_opens_a_case_for_the_kabid(qtbot, demo_logins, monkeypatch):
    from desktop.ui.sijarla.assignment_analysis_dialog import AnalysisCaseDialog

    nagari = factories.nagari()
    monkeypatch.setattr(
        AnalysisCaseDialog,
        "ask",
        classmethod(lambda cls, p, options: (nagari.id, "Perekaman KTP-el lansia 58%.")),
    )
    _window, tab = kadis_desk(qtbot, 0)
    qtbot.mouseClick(tab.analysis_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.worklist_banner.kind == "success", timeout=WAIT)
    case = SopCase.get()
    assert case.origin == "analisis" and case.current_step == "disposisi" and case.nagari_id == nagari.id
    assert case.reference in tab.worklist_banner.text()
    idle(qtbot)


def test_an_innovation_entry_goes_to_the_innovation_hook(qtbot, demo_logins, monkeypatch):
    calls = []

    def open_innovation(parent, session, case_id):
        calls.append((parent, session.username, case_id))

    monkeypatch.setattr(kepala_dinas, "innovation_hook", lambda: open_innovation)
    _window, tab = kadis_desk(qtbot, 0)

    class Entry:
        kind, step, ref_id, number = "kasus", "telaah_kepala_dinas", 42, "INV-2026-001"

    tab.open_work_item(Entry())
    assert calls == [(tab, "kadis", 42)]
    idle(qtbot)


def test_the_innovation_forms_provide_the_hook():
    hook = kepala_dinas.innovation_hook()
    assert hook is None or hook.__name__ == "open_innovation"


def test_the_tab_key_walks_the_surat_tugas_form_in_reading_order(qtbot, demo_logins):
    case_at_surat_tugas()
    _window, tab = kadis_desk(qtbot, 1)
    open_row(qtbot, tab)
    form = tab.assignment_form
    qtbot.waitUntil(lambda: tab.assignment is not None and form.members_list.count() > 0, timeout=WAIT)
    expected = [
        form.members_list,
        form.up_button,
        form.down_button,
        form.remove_button,
        form.staff_combo,
        form.add_button,
        form.place_edit,
        form.start_edit,
        form.end_edit,
        form.task_edit,
        form.basis_edit,
        form.copies_edit,
        form.preview_button,
        form.sign_button,
    ]
    form.members_list.setFocus()
    qtbot.waitUntil(form.members_list.hasFocus, timeout=WAIT)
    walked: list = []
    for _ in range(40):  # a date field takes one Tab per section (day, month, year), as in Qt
        focused = QApplication.focusWidget()
        owner = next((w for w in expected if w is focused or w.isAncestorOf(focused)), focused)
        if not walked or walked[-1] is not owner:
            walked.append(owner)
        if owner is form.sign_button:
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert walked == expected
    idle(qtbot)


def test_the_analysis_dialog_counts_the_reason_and_refuses_one_over_the_limit(qtbot, demo_logins):
    from desktop.services.case_view import list_nagari
    from desktop.ui.sijarla.assignment_analysis_dialog import AnalysisCaseDialog

    dialog = AnalysisCaseDialog(list_nagari())
    qtbot.addWidget(dialog)
    limit = sijarla.ANALYSIS_REASON_LIMIT
    dialog.reason_edit.setPlainText("a" * limit)
    assert dialog.reason_count.text() == f"{limit} dari {limit} karakter"
    assert dialog.ok_button.isEnabled()
    dialog.reason_edit.setPlainText("a" * (limit + 1))
    assert dialog.reason_count.text() == (
        f"Dasar analisis terlalu panjang: {limit + 1} karakter, paling banyak {limit}."
    )
    assert not dialog.ok_button.isEnabled()


def test_the_kabid_reads_the_whole_analysis_reason_beside_the_case(qtbot, demo_logins):
    from desktop.services import case_view
    from desktop.ui.sijarla.letter_panels import LetterSummary

    reason = "Capaian KIA 31%.\n" + "Banyak anak belum punya KIA; " * 15 + "AKHIR."
    case_id = sijarla.open_from_analysis(factories.session("kadis"), factories.nagari().id, reason).id
    summary = LetterSummary()
    qtbot.addWidget(summary)
    summary.show_letter(case_view.case_letter(factories.session("kabid"), case_id))
    assert summary.values["reason"].text() == reason
    assert summary.rows.isRowVisible(summary.values["reason"])
