"""End to end through the real main window: each role logs in with the login dialog, in turn, and
walks one case through the whole SIJARLA SOP, then one idea through all 8 steps of the innovation SOP,
on SQLite and PostgreSQL.

Each step opens a fresh MainWindow for the session the LoginDialog returned, operates the role's tab
with the same widgets the per-tab tests use, checks what the screen shows (the case in the next
role's worklist and badge, the signed sheet, the recap's status) and closes the window before the
next login. Only the modal password prompt (PasswordDialog.ask) is faked, as the per-tab tests do;
the report and idea dialogs, the notulen's file dialog and the closing question's message box are
answered while they are open.
"""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
)

from desktop.models import (
    Attachment,
    Disposition,
    IncomingLetter,
    InnovationDocument,
    Recap,
    ServiceRecord,
    SopCase,
    User,
)
from desktop.printing.text import signature_code
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.inovasi import steps as inovasi
from desktop.services.sijarla import steps as sijarla
from desktop.ui.inovasi.innovation_forms import FirstDiscussionForm, ReviewForm
from desktop.ui.inovasi.innovation_idea_dialog import IdeaDialog
from desktop.ui.inovasi.innovation_meetings import FinalizationForm, NamingForm, OutputForm, TechnicalForm
from desktop.ui.inovasi.inovasi_panel import InnovationDialog
from desktop.ui.login_dialog import LoginDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.password_dialog import PasswordDialog
from desktop.ui.sijarla.team_report import ReportDialog
from desktop.ui.sijarla.team_workspace import CHECKLIST, ELSEWHERE, GRID
from tests.db import factories

WAIT = 15_000
LEFT = Qt.MouseButton.LeftButton
TODAY = dt.date.today()
_WINDOWS: list[MainWindow] = []  # qtbot holds widgets weakly; a window must outlive its helper


@pytest.fixture(autouse=True)
def _windows():
    gc.collect()
    yield
    QThreadPool.globalInstance().waitForDone(10_000)
    _WINDOWS.clear()
    gc.collect()


def idle(qtbot) -> None:
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=WAIT)


def log_in(qtbot, username: str):
    """Type the user name and password into the login dialog and press Enter."""
    dialog = LoginDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username_edit, username)
    qtbot.keyClicks(dialog.password_edit, DEMO_PASSWORD)
    with qtbot.waitSignal(dialog.logged_in, timeout=WAIT) as blocker:
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    session = blocker.args[0]
    assert session.username == username
    return session


def desk(qtbot, username: str, role: str):
    """Log in, open the main window on the role's tab and wait for its worklist."""
    window = MainWindow(log_in(qtbot, username))
    qtbot.addWidget(window)
    _WINDOWS.append(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()  # keyboard shortcuts work in the active window
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    tab = window.tab_for(role)
    assert tab is not None, f"{username} has no {role} tab: {window.role_codes()}"
    window.tab_widget.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loads_finished >= 1, timeout=WAIT)
    return window, tab


def log_out(qtbot, window: MainWindow) -> None:
    idle(qtbot)
    window.close()
    assert not window.isVisible()


def badge(qtbot, window: MainWindow, tab, count: int) -> None:
    """The tab's title carries the count of work waiting: 'Kepala Dinas (1)'."""
    title = f"{tab.role.name} ({count})" if count else tab.role.name
    index = window.tab_widget.indexOf(tab)
    qtbot.waitUntil(lambda: window.tab_widget.tabText(index) == title, timeout=WAIT)


def open_row(qtbot, tab, row: int = 0) -> None:
    tab.worklist.setFocus()
    tab.worklist.selectRow(row)
    qtbot.keyClick(tab.worklist, Qt.Key.Key_Return)


def double_click_row(qtbot, tab, row: int) -> None:
    rect = tab.worklist.visualRect(tab.worklist.model().index(row, 0))
    qtbot.mouseClick(tab.worklist.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(tab.worklist.viewport(), LEFT, pos=rect.center())


def scan_pdf(folder: Path) -> Path:
    from reportlab.pdfgen import canvas

    path = folder / "surat-permohonan-koto-baru.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 760, "Surat Permohonan Wali Nagari Koto Baru")
    pdf.save()
    return path


def tick(qtbot, row) -> None:
    qtbot.mouseClick(row.check_box, LEFT, pos=QPoint(8, row.check_box.height() // 2))


def grid_of(qtbot, tab):
    qtbot.waitUntil(lambda: tab.workspace.stack.currentIndex() == GRID, timeout=WAIT)
    grid = tab.workspace.grid
    qtbot.waitUntil(lambda: not grid.model.is_loading(), timeout=WAIT)
    return grid


def when_modal(kind, act, tries: int = 8 * WAIT // 50) -> None:
    """Run `act(dialog)` once a modal dialog of `kind` is open.

    A dialog left open would block the test for ever: when `act` fails, when another modal dialog is
    open instead, or when the dialog is still open 8 x WAIT after `act`, it is rejected so the test
    fails instead of hanging. Polling goes on for 8 x WAIT, so a dialog that opens late on a loaded
    machine is still answered.
    """

    def still_open(dialog) -> None:
        if dialog.isVisible():
            dialog.reject()
            raise AssertionError(f"{type(dialog).__name__} still open {8 * WAIT} ms after it was answered")

    def attempt(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            if dialog is not None and left < tries - WAIT // 50:
                dialog.reject()  # another dialog than the one expected, still open after WAIT
            elif left > 0:
                QTimer.singleShot(50, lambda: attempt(left - 1))
            return
        try:
            act(dialog)
        except BaseException:
            dialog.reject()
            raise
        QTimer.singleShot(8 * WAIT, dialog, lambda: still_open(dialog))  # no call once it is deleted

    QTimer.singleShot(50, lambda: attempt(tries))


def read_only(widget) -> bool:
    """No editable text field anywhere in the widget."""
    for edit in widget.findChildren(QLineEdit):
        if edit.isVisibleTo(widget) and not edit.isReadOnly():
            return False
    for edit in widget.findChildren(QPlainTextEdit) + widget.findChildren(QTextEdit):
        if edit.isVisibleTo(widget) and not edit.isReadOnly():
            return False
    return True


def test_a_request_goes_through_the_whole_sijarla_sop_desk_by_desk(
    qtbot, demo_logins, monkeypatch, tmp_path, translation_lookups
):
    """Front desk → Kabid → Kepala Dinas (Surat Tugas) → team preparation → service rows → report →
    KPH recap → Kabid Pemanfaatan → Kepala Dinas acknowledges; every step through the UI.

    Faked: only PasswordDialog.ask (the modal signature prompt answers the demo password), as in
    test_kabid.py / test_kepala_dinas.py. No step is done through a service call.
    """
    monkeypatch.setattr(PasswordDialog, "ask", classmethod(lambda cls, p, prompt, check=None: DEMO_PASSWORD))

    # 1. The front desk registers the letter with its scan and sees the agenda number.
    window, tab = desk(qtbot, "meja", "pengadministrasi_umum")
    qtbot.waitUntil(lambda: bool(tab.form.category_boxes), timeout=WAIT)
    form = tab.form
    qtbot.keyClicks(form.letter_number_edit, "140/27/WN-KB/2026")
    form.letter_date_edit.setDate(QDate(TODAY - dt.timedelta(days=1)))
    form.select_nagari(factories.nagari().id)
    qtbot.keyClicks(form.subject_edit, "Permohonan pelayanan KTP-el bagi lansia")
    form.sifat_combo.setCurrentIndex(form.sifat_combo.findData("segera"))
    qtbot.keyClick(form.category_boxes["ktp_rekam"][0], Qt.Key.Key_Space)
    form.category_boxes["ktp_rekam"][1].setValue(25)
    form.set_category("kia", 10)
    form.scan_zone.load_file(str(scan_pdf(tmp_path)))
    qtbot.waitUntil(lambda: form.scan_zone.scan is not None, timeout=WAIT)
    qtbot.mouseClick(form.submit_button, LEFT)
    qtbot.waitUntil(lambda: tab.stack.currentWidget() is tab.receipt_panel, timeout=WAIT)
    letter = IncomingLetter.get()
    case_id = SopCase.get().id
    assert tab.receipt_panel.agenda_label.text() == letter.agenda_number
    assert tab.receipt_panel.tracking_label.text() == letter.tracking_code
    reference = sijarla.case_summary(case_id).reference
    log_out(qtbot, window)

    # 2. The Kabid Pelayanan finds it in his worklist (badge 1), disposes to Tim SIJARLA I and signs.
    window, tab = desk(qtbot, "kabid", "kabid_pelayanan")
    qtbot.waitUntil(lambda: tab.pending_count() == 1, timeout=WAIT)
    badge(qtbot, window, tab, 1)
    assert tab.worklist.model().item(0).ref_id == case_id
    open_row(qtbot, tab)
    qtbot.waitUntil(lambda: tab.case is not None and tab.form.team_combo.count() > 0, timeout=WAIT)
    qtbot.waitUntil(tab.scan_preview.has_image, timeout=WAIT)
    assert tab.letter_summary.values["sender"].text() == "Wali Nagari Koto Baru"
    dform = tab.form
    dform.team_combo.setCurrentIndex(dform.team_combo.findText("Tim SIJARLA I"))
    dform.sifat_combo.setCurrentIndex(dform.sifat_combo.findData("segera"))
    dform.instructions_edit.setFocus()
    qtbot.keyClicks(dform.instructions_edit, "Tugaskan Tim SIJARLA I; utamakan lansia.")
    qtbot.waitUntil(dform.instructions_edit.hasFocus, timeout=WAIT)
    qtbot.keyClick(dform.instructions_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.form_stack.currentIndex() == 1, timeout=WAIT)  # the signed sheet
    signed = Disposition.get(Disposition.case == case_id)
    sheet = tab.signed_sheet
    assert sheet.values["team"].text() == "Tim SIJARLA I"
    assert "Dedi Syafrizal, S.Sos, M.Si" in sheet.signature_label.text()
    assert signature_code(signed.signature_sha256) in sheet.signature_label.text()
    assert read_only(sheet)  # signed: nothing left to edit
    qtbot.waitUntil(lambda: tab.pending_count() == 0, timeout=WAIT)
    badge(qtbot, window, tab, 0)
    log_out(qtbot, window)

    # 3. The Kepala Dinas sees it (badge 1) and issues the Surat Tugas for the team.
    window, tab = desk(qtbot, "kadis", "kepala_dinas")
    qtbot.waitUntil(lambda: tab.pending_count() == 1, timeout=WAIT)
    badge(qtbot, window, tab, 1)
    open_row(qtbot, tab)
    aform = tab.assignment_form
    qtbot.waitUntil(lambda: tab.assignment is not None and aform.members_list.count() > 0, timeout=WAIT)
    assert aform.members_list.item(0).text().startswith("1. ")
    assert "Ketua" in aform.members_list.item(0).text()
    assert aform.place_edit.text() == "Kantor Wali Nagari Koto Baru"
    qtbot.mouseClick(aform.sign_button, LEFT)
    qtbot.waitUntil(lambda: tab.issued is not None, timeout=WAIT)
    assert sijarla.case_summary(case_id).current_step == "persiapan"
    qtbot.waitUntil(lambda: tab.pending_count() == 0, timeout=WAIT)
    log_out(qtbot, window)

    # 4a. A team member ticks the preparation checklist; he cannot finish it.
    window, tab = desk(qtbot, "anggota1", "anggota_tim_sijarla")
    assert case_id in [e.ref_id for e in tab.entries()]
    assert tab.select_case(case_id)
    assert tab.workspace.stack.currentIndex() == CHECKLIST
    checklist = tab.workspace.checklist
    assert not checklist.finish_button.isVisible()
    for item in sijarla.PREPARATION_ITEMS:
        tick(qtbot, checklist.row_for(item))
        qtbot.waitUntil(lambda item=item: checklist.row_for(item).item.is_done, timeout=WAIT)
    total = len(sijarla.PREPARATION_ITEMS)
    assert checklist.progress_label.text() == f"{total} dari {total} butir dicentang"
    log_out(qtbot, window)

    # 4b. The leader sees every tick and finishes the preparation.
    window, tab = desk(qtbot, "ketua1", "ketua_tim_sijarla")
    assert tab.select_case(case_id)
    leader = tab.workspace.checklist
    qtbot.waitUntil(lambda: all(r.check_box.isChecked() for r in leader.rows), timeout=WAIT)
    assert leader.row_for("siak_data").who_label.text().startswith("Dicentang oleh Rina Marlina, A.Md")
    qtbot.mouseClick(leader.finish_button, LEFT)
    qtbot.waitUntil(lambda: sijarla.case_summary(case_id).current_step == "pelayanan", timeout=WAIT)
    grid_of(qtbot, tab)
    log_out(qtbot, window)

    # 5a. The team member records the citizens served in the grid.
    window, tab = desk(qtbot, "anggota1", "anggota_tim_sijarla")
    assert tab.select_case(case_id)
    grid = grid_of(qtbot, tab)
    assert not grid.report_button.isVisible()  # only the leader reports
    rform = grid.form
    for number, (nik, name, category) in enumerate(
        (
            ("1302034507510002", "Siti Rahmah", "ktp_rekam"),
            ("1302031202800003", "Budi Santoso", "kia"),
        ),
        start=1,
    ):
        rform.category_combo.setCurrentIndex(rform.category_combo.findData(category))
        rform.date_edit.setDate(QDate(TODAY))
        rform.nik_edit.clear()
        qtbot.keyClicks(rform.nik_edit, nik)
        rform.name_edit.clear()
        qtbot.keyClicks(rform.name_edit, name)
        qtbot.keyClicks(rform.jorong_edit, "Jorong Koto Baru")
        with qtbot.waitSignal(grid.record_saved, timeout=WAIT):
            qtbot.keyClick(rform.jorong_edit, Qt.Key.Key_Return)
        assert grid.count_label.text() == f"{number} warga tercatat"
    assert grid.model.rowCount() == 2
    assert {grid.model.data(grid.model.index(r, 2)) for r in range(2)} == {"Siti Rahmah", "Budi Santoso"}
    log_out(qtbot, window)

    # 5b. The leader writes and sends the report; the case leaves the team's worklist.
    window, tab = desk(qtbot, "ketua1", "ketua_tim_sijarla")
    assert tab.select_case(case_id)
    grid = grid_of(qtbot, tab)
    assert grid.model.rowCount() == 2
    seen: dict[str, str] = {}

    def write_the_report(dialog: ReportDialog) -> None:
        seen["results"] = dialog.results_label.text()
        qtbot.keyClicks(dialog.activities_edit, "Perekaman KTP-el lansia dan KIA di kantor wali nagari.")
        qtbot.keyClicks(dialog.conclusion_edit, "Pelayanan lancar.")
        dialog.send_button.click()

    when_modal(ReportDialog, write_the_report)
    qtbot.mouseClick(grid.report_button, LEFT)
    assert "KTP-el perekaman: 1 orang" in seen["results"]
    qtbot.waitUntil(lambda: sijarla.case_summary(case_id).current_step == "rekap", timeout=WAIT)
    qtbot.waitUntil(lambda: tab.workspace.stack.currentIndex() == ELSEWHERE, timeout=WAIT)
    qtbot.waitUntil(lambda: all(e.ref_id != case_id for e in tab.entries()), timeout=WAIT)
    log_out(qtbot, window)

    # 6. The Ketua Pelaksana Harian sees the case waiting, builds the month's recap and forwards it.
    window, tab = desk(qtbot, "kph", "ketua_pelaksana_harian")
    assert [(e.kind, e.ref_id, e.step) for e in tab.entries()] == [("kasus", case_id, "rekap")]
    badge(qtbot, window, tab, 1)
    panel = tab.panel
    tab.period_picker.set_month(TODAY.year, TODAY.month)
    qtbot.mouseClick(tab.preview_button, LEFT)
    qtbot.waitUntil(lambda: panel.view.figures is not None, timeout=WAIT)
    assert panel.view.tile_value("total_records") == "2"
    assert panel.view.status_label.text() == "Pratinjau, belum disimpan"
    qtbot.mouseClick(tab.save_button, LEFT)
    qtbot.waitUntil(lambda: panel.saved is not None, timeout=WAIT)
    assert panel.banner.text() == f"Rekap disimpan sebagai draf. Kasus selesai: {reference}."
    recap_id = panel.saved.id
    qtbot.mouseClick(panel.primary_button, LEFT)
    qtbot.waitUntil(lambda: panel.saved.status == "diteruskan", timeout=WAIT)
    assert panel.view.status_label.text() == "Diteruskan"
    qtbot.waitUntil(lambda: tab.entries() == [], timeout=WAIT)
    log_out(qtbot, window)

    # 7. The Kabid Pemanfaatan Data opens the forwarded recap and submits it to the Kepala Dinas.
    window, tab = desk(qtbot, "kabidpdip", "kabid_pemanfaatan")
    qtbot.waitUntil(lambda: tab.row_of("rekap", recap_id) is not None, timeout=WAIT)
    badge(qtbot, window, tab, 1)
    panel = tab.panel
    double_click_row(qtbot, tab, tab.row_of("rekap", recap_id))
    qtbot.waitUntil(lambda: panel.saved is not None, timeout=WAIT)
    assert panel.view.status_label.text() == "Diteruskan"
    assert panel.view.chart.panels[0].bars == (("Koto Baru", 2),)
    qtbot.mouseClick(panel.primary_button, LEFT)
    qtbot.waitUntil(lambda: panel.saved.status == "diajukan", timeout=WAIT)
    assert panel.banner.text() == "Rekap diajukan ke Kepala Dinas."
    qtbot.waitUntil(lambda: tab.row_of("rekap", recap_id) is None, timeout=WAIT)
    log_out(qtbot, window)

    # 8. The Kepala Dinas receives the recap (badge 1) and acknowledges it.
    window, tab = desk(qtbot, "kadis", "kepala_dinas")
    qtbot.waitUntil(lambda: tab.pending_count() == 1, timeout=WAIT)
    badge(qtbot, window, tab, 1)
    assert tab.worklist.model().item(0).kind == "rekap"
    open_row(qtbot, tab)
    qtbot.waitUntil(lambda: tab.recap is not None, timeout=WAIT)
    assert tab.recap_panel.tiles["total_records"].text() == "2"
    qtbot.keyClicks(tab.recap_panel.note_edit, "Terima kasih, lanjutkan.")
    qtbot.mouseClick(tab.recap_panel.acknowledge_button, LEFT)
    qtbot.waitUntil(lambda: tab.recap_panel.banner.kind == "success", timeout=WAIT)
    assert not tab.recap_panel.acknowledge_button.isEnabled()
    qtbot.waitUntil(lambda: tab.pending_count() == 0, timeout=WAIT)
    badge(qtbot, window, tab, 0)
    log_out(qtbot, window)

    # The database agrees.
    stored = Recap.get_by_id(recap_id)
    assert stored.status == "diterima" and stored.note == "Terima kasih, lanjutkan."
    summary = sijarla.case_summary(case_id)
    assert summary.status == "selesai"
    assert ServiceRecord.select().where(ServiceRecord.case == case_id).count() == 2
    assert translation_lookups.unreachable() == []  # every screen and dialog on the way


def test_an_idea_goes_through_the_whole_innovation_sop_desk_by_desk(
    qtbot, demo_logins, tmp_path, translation_lookups
):
    """Kasi Inovasi writes the idea → Kabid Pemanfaatan reviews it → Kepala Dinas sends it to the
    first discussion → the Kasi records its 'ya' and opens the finalization meeting → each participant
    approves the draft from his own desk → the Kasi closes step 5 with the notulen → the ADB records
    the technical discussion → the Kepala Dinas names the innovation → the ADB logs the output and
    closes the last step. Every step through the UI, no service call; the notulen is picked in the real
    file dialog and the closing question answered in the real message box. Nothing is faked.
    """
    title = "Pojok IKD di kantor nagari"
    case_id = _idea_written(qtbot, title)
    _idea_reviewed_by_kabid(qtbot, case_id, title)
    _idea_reviewed_by_kepala_dinas(qtbot, case_id)
    _first_discussion_and_finalization_opened(qtbot, case_id, title)
    for username, tab_role in APPROVERS:
        _draft_approved(qtbot, case_id, username, tab_role)
    _finalization_finished(qtbot, case_id, tmp_path)
    _technical_discussion(qtbot, case_id)
    _named_by_kepala_dinas(qtbot, case_id)
    _output_logged_and_closed(qtbot, case_id)

    stored = next(r for r in inovasi.list_innovations() if r.case_id == case_id)
    assert stored.status == "selesai" and stored.chosen_name == INNOVATION_NAME
    kinds = {d.kind for d in InnovationDocument.select().where(InnovationDocument.innovation == stored.id)}
    assert {inovasi.NOTULEN, inovasi.KONSEP_FINAL, "nama_inovasi", "output_inovasi"} <= kinds
    notulen = Attachment.get(Attachment.purpose == "notulen")
    assert notulen.filename == "notulen-finalisasi.pdf"
    assert translation_lookups.unreachable() == []  # every screen and dialog on the way


# --- The innovation SOP, one desk at a time ------------------------------------------------------------

# The finalization meeting's participants, and the tab each one approves the draft from.
APPROVERS = (
    ("sekretaris", "pejabat_struktural"),
    ("kadis", "pejabat_struktural"),
    ("kabidpdip", "kabid_pemanfaatan"),
)
INNOVATION_NAME = "SI-PIKAN"


def user_id(username: str) -> int:
    return User.get(User.username == username).id


def choose_innovation(qtbot, tab, case_id: int, form_class):
    """Click the innovation's row in an innovation tab and wait for the panel to show `form_class`."""
    qtbot.waitUntil(lambda: tab.list_loads >= 1 and tab.model.row_of_case(case_id) >= 0, timeout=WAIT)
    panel = tab.panel
    # The tab may select a waiting idea by itself when its worklist arrives before the list; the two
    # load in parallel, so the test clicks the row as a user does.
    rect = tab.table.visualRect(tab.model.index(tab.model.row_of_case(case_id), 1))
    qtbot.mouseClick(tab.table.viewport(), LEFT, pos=rect.center())
    qtbot.waitUntil(lambda: panel.loads >= 1 and isinstance(panel.form, form_class), timeout=WAIT)
    return panel


def open_from_worklist(qtbot, tab, case_id: int, form_class):
    """Double-click the case in a role tab's worklist; the innovation window opens on `form_class`."""
    qtbot.waitUntil(lambda: tab.row_of("kasus", case_id) is not None, timeout=WAIT)
    double_click_row(qtbot, tab, tab.row_of("kasus", case_id))
    qtbot.waitUntil(lambda: bool(tab.findChildren(InnovationDialog)), timeout=WAIT)
    dialog = tab.findChildren(InnovationDialog)[0]
    panel = dialog.panel
    qtbot.waitUntil(lambda: panel.loads >= 1 and isinstance(panel.form, form_class), timeout=WAIT)
    return dialog, panel


def press(qtbot, panel, button) -> None:
    """Click a form's button; wait for the service's answer and the panel's reload."""
    form = panel.form
    before = panel.loads
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: form.finished_calls >= 1, timeout=WAIT)
    assert form.banner.kind != "error", form.banner.text()
    qtbot.waitUntil(lambda: panel.loads > before, timeout=WAIT)


def timeline_titles(panel) -> list[str]:
    return [row.title.text() for row in panel.timeline.rows]


def _idea_written(qtbot, title: str) -> int:
    """1. The Kasi Inovasi writes the idea in the Gagasan baru dialog."""
    window, tab = desk(qtbot, "kasi", "kasi_inovasi")
    qtbot.waitUntil(lambda: tab.list_loads >= 1, timeout=WAIT)
    assert tab.visible_titles() == []

    def write_the_idea(dialog: IdeaDialog) -> None:
        form = dialog.form
        qtbot.keyClicks(form.title_edit, title)
        qtbot.keyClicks(form.problem_edit, "Aktivasi IKD masih rendah di nagari.")
        qtbot.keyClicks(form.target_edit, "Penduduk wajib KTP")
        qtbot.keyClicks(form.pointers_edit, "1. Operator nagari dilatih.")
        qtbot.mouseClick(dialog.submit_button, LEFT)

    when_modal(IdeaDialog, write_the_idea)
    qtbot.mouseClick(tab.new_button, LEFT)
    qtbot.waitUntil(lambda: title in tab.visible_titles() and tab.panel.loads >= 1, timeout=WAIT)
    assert tab.panel.title_label.text() == title
    assert "dikerjakan oleh Kabid Pemanfaatan" in tab.panel.action_note()
    innovation = next(r for r in inovasi.list_innovations() if r.title == title)
    assert innovation.current_step == "telaah_kabid"
    log_out(qtbot, window)
    return innovation.case_id


def _idea_reviewed_by_kabid(qtbot, case_id: int, title: str) -> None:
    """2. The Kabid Pemanfaatan finds it in his worklist and forwards it to the Kepala Dinas."""
    window, tab = desk(qtbot, "kabidpdip", "kabid_pemanfaatan")
    qtbot.waitUntil(lambda: tab.row_of("kasus", case_id) is not None, timeout=WAIT)
    badge(qtbot, window, tab, 1)
    dialog, panel = open_from_worklist(qtbot, tab, case_id, ReviewForm)
    form = panel.form
    assert form.by_kabid and panel.title_label.text() == title
    qtbot.keyClicks(form.notes_edit, "Layak; libatkan operator nagari.")
    press(qtbot, panel, form.forward_button)
    assert panel.banner.text() == "Diteruskan ke Kepala Dinas."
    assert "dikerjakan oleh Kepala Dinas" in panel.action_note()
    qtbot.waitUntil(lambda: tab.row_of("kasus", case_id) is None, timeout=WAIT)
    dialog.close()
    log_out(qtbot, window)


def _idea_reviewed_by_kepala_dinas(qtbot, case_id: int) -> None:
    """3. The Kepala Dinas sees it (badge 1), reviews it and sends it to the first discussion."""
    window, tab = desk(qtbot, "kadis", "kepala_dinas")
    qtbot.waitUntil(lambda: tab.pending_count() == 1, timeout=WAIT)
    badge(qtbot, window, tab, 1)
    assert tab.worklist.model().item(0).ref_id == case_id
    open_row(qtbot, tab)
    qtbot.waitUntil(lambda: bool(tab.findChildren(InnovationDialog)), timeout=WAIT)
    dialog = tab.findChildren(InnovationDialog)[0]
    panel = dialog.panel
    qtbot.waitUntil(lambda: panel.loads >= 1 and isinstance(panel.form, ReviewForm), timeout=WAIT)
    form = panel.form
    assert not form.by_kabid
    assert form.forward_button.text() == "Kirim ke rapat pembahasan awal"
    qtbot.keyClicks(form.notes_edit, "Rapatkan bersama pejabat struktural.")
    press(qtbot, panel, form.forward_button)
    assert panel.state.summary.current_step == "pembahasan_awal"
    model = tab.worklist.model()

    def kadis_steps() -> list[str]:
        return [model.item(r).step for r in range(model.rowCount())]

    # His review is done; he stays listed as a pejabat struktural invited to the first discussion.
    qtbot.waitUntil(lambda: kadis_steps() == ["pembahasan_awal"], timeout=WAIT)
    expected = ["Kepala Dinas (1)", "Pejabat Struktural (1)"]
    qtbot.waitUntil(lambda: window.tab_titles() == expected, timeout=WAIT)  # badges: in the background
    dialog.close()
    log_out(qtbot, window)


def _first_discussion_and_finalization_opened(qtbot, case_id: int, title: str) -> None:
    """4. The Kasi chairs the first discussion ('ya'), then opens the finalization meeting (step 5)."""
    window, tab = desk(qtbot, "kasi", "kasi_inovasi")
    qtbot.waitUntil(lambda: tab.pending_count() == 1, timeout=WAIT)
    badge(qtbot, window, tab, 1)
    panel = choose_innovation(qtbot, tab, case_id, FirstDiscussionForm)
    form = panel.form
    assert panel.title_label.text() == title
    assert len(form.participants.selected_ids()) == 6  # every pejabat struktural, ticked
    qtbot.keyClicks(form.place_edit, "Ruang rapat Kepala Dinas")
    form.choose("ya")
    press(qtbot, panel, form.submit_button)
    assert panel.state.summary.current_step == inovasi.FINALISASI
    titles = timeline_titles(panel)
    assert "✓" in titles[3] and "sedang berjalan" in titles[4]  # step 5 (finalization) runs now
    assert "Output: Draft inovasi" in panel.timeline.rows[3].detail.text()

    # The finalization form: the Kasi opens the meeting with three of the structural officials.
    qtbot.waitUntil(lambda: isinstance(panel.form, FinalizationForm), timeout=WAIT)
    opening = panel.form
    assert opening.open_button is not None and opening.open_button.text() == "Buka rapat finalisasi"
    opening.participants.set_selected(user_id(u) for u, _tab in APPROVERS)
    qtbot.keyClicks(opening.place_edit, "Aula Disdukcapil")
    press(qtbot, panel, opening.open_button)
    meeting = panel.form
    assert isinstance(meeting, FinalizationForm) and meeting.approve_button is None  # he only chairs
    assert not meeting.finish_button.isEnabled()
    pending = meeting.pending_label.text()
    assert all(User.get(User.username == u).full_name in pending for u, _tab in APPROVERS)
    log_out(qtbot, window)


def _draft_approved(qtbot, case_id: int, username: str, tab_role: str) -> None:
    """5. A participant approves the draft from his own desk; the step still waits for the notulen."""
    window, tab = desk(qtbot, username, tab_role)
    badge(qtbot, window, tab, 1)  # step 5 waits for every structural official until the notulen
    if tab_role == "kabid_pemanfaatan":
        dialog, panel = open_from_worklist(qtbot, tab, case_id, FinalizationForm)
    else:
        dialog, panel = None, choose_innovation(qtbot, tab, case_id, FinalizationForm)
    form = panel.form
    me = user_id(username)
    assert "menunggu" in form.approval_labels[me].text()
    assert form.approve_button.text() == "Setujui draft" and form.finish_button is not None
    assert not form.finish_button.isEnabled()  # a structural official may close step 5, not yet
    qtbot.keyClicks(form.comment_edit, "Setuju.")
    press(qtbot, panel, form.approve_button)
    assert panel.banner.text() == "Persetujuan Anda tercatat."
    assert "✓ setuju" in panel.form.approval_labels[me].text()
    assert panel.state.summary.current_step == inovasi.FINALISASI
    panel.pages.setCurrentWidget(panel.meetings_view)  # the Rapat page lists every approval so far
    meetings = "\n".join(label.text() for label in panel.meetings_view.findChildren(QLabel))
    assert f"{User.get_by_id(me).full_name} — <span style='color:#1D6438'>✓ setuju" in meetings
    if dialog is not None:
        dialog.close()
    log_out(qtbot, window)


def _finalization_finished(qtbot, case_id: int, tmp_path: Path) -> None:
    """5. The Kasi sees every approval, picks the notulen in the file dialog and closes the step."""
    window, tab = desk(qtbot, "kasi", "kasi_inovasi")
    badge(qtbot, window, tab, 1)
    panel = choose_innovation(qtbot, tab, case_id, FinalizationForm)
    form = panel.form
    assert all("✓ setuju" in label.text() for label in form.approval_labels.values())
    assert form.finish_button.isEnabled()
    assert form.pending_label.text().startswith("Semua peserta sudah menyetujui")
    notulen = tmp_path / "notulen-finalisasi.pdf"
    notulen.write_bytes(b"%PDF-1.4\n% notulen penyempurnaan konsep\n")

    def pick(dialog: QFileDialog) -> None:
        # As a user does: type the path into the focused "Nama berkas" field and press Enter.
        # (QFileDialog.selectFile leaves that field empty while it has focus, and accept() then
        # keeps the dialog open: the hang this test had on a machine that activated it quickly.)
        name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
        name_edit.setFocus()
        name_edit.setText(str(notulen))
        qtbot.keyClick(name_edit, Qt.Key.Key_Return)
        assert not dialog.isVisible(), dialog.selectedFiles()

    when_modal(QFileDialog, pick)
    choose = next(b for b in form.findChildren(QPushButton) if b.text() == "Pilih notulen…")
    qtbot.mouseClick(choose, LEFT)
    qtbot.waitUntil(lambda: form.minutes_label.text() == "notulen-finalisasi.pdf", timeout=WAIT)
    press(qtbot, panel, form.finish_button)
    assert panel.state.summary.current_step == "pembahasan_teknis"
    assert "Output: Notulen penyempurnaan konsep" in panel.timeline.rows[4].detail.text()
    assert "Konsep disetujui" in timeline_titles(panel)[4]
    log_out(qtbot, window)


def _technical_discussion(qtbot, case_id: int) -> None:
    """6. The ADB (Pelaksana Teknis tab, badge 1) writes the konsep final of the technical discussion."""
    window, tab = desk(qtbot, "adb", "pelaksana_teknis")
    assert window.role_codes() == ["pelaksana_teknis"]
    badge(qtbot, window, tab, 1)
    panel = choose_innovation(qtbot, tab, case_id, TechnicalForm)
    form = panel.form
    assert user_id("adb") in form.participants.selected_ids()  # the ADB himself is ticked
    for edit, text in (
        (form.mechanism_edit, "Operator nagari mengaktifkan IKD; ADB memantau."),
        (form.resources_edit, "Satu operator per nagari, ponsel dinas."),
        (form.schedule_edit, "Uji coba di 3 nagari."),
        (form.indicators_edit, "500 IKD aktif per bulan."),
    ):
        qtbot.keyClicks(edit, text)
    qtbot.keyClicks(form.place_edit, "Ruang server")
    press(qtbot, panel, form.submit_button)
    assert panel.state.summary.current_step == "penamaan"
    assert "Output: Konsep final inovasi" in panel.timeline.rows[5].detail.text()
    assert "dikerjakan oleh" in panel.action_note()  # naming is not the ADB's step
    badge(qtbot, window, tab, 0)
    panel.pages.setCurrentWidget(panel.profile_view)
    profile = "\n".join(label.text() for label in panel.profile_view.findChildren(QLabel))
    assert "Operator nagari mengaktifkan IKD; ADB memantau." in profile
    log_out(qtbot, window)


def _named_by_kepala_dinas(qtbot, case_id: int) -> None:
    """7. The Kepala Dinas opens it from his worklist and decides the name among the alternatives."""
    window, tab = desk(qtbot, "kadis", "kepala_dinas")
    qtbot.waitUntil(lambda: tab.pending_count() == 1, timeout=WAIT)
    badge(qtbot, window, tab, 1)
    assert tab.worklist.model().item(0).step == "penamaan"
    open_row(qtbot, tab)
    qtbot.waitUntil(lambda: bool(tab.findChildren(InnovationDialog)), timeout=WAIT)
    dialog = tab.findChildren(InnovationDialog)[0]
    panel = dialog.panel
    qtbot.waitUntil(lambda: panel.loads >= 1 and isinstance(panel.form, NamingForm), timeout=WAIT)
    form = panel.form
    qtbot.keyClicks(form.name_edits[0], "IKD NAGARI")
    qtbot.keyClicks(form.name_edits[1], INNOVATION_NAME)
    qtbot.keyClicks(form.meaning_edits[1], "Sistem Pojok IKD Nagari")
    form.chosen_combo.setCurrentIndex(form.chosen_combo.findText(INNOVATION_NAME))
    press(qtbot, panel, form.submit_button)
    assert panel.title_label.text() == INNOVATION_NAME
    assert panel.state.summary.current_step == "pelaksanaan"
    assert "Output: Nama inovasi" in panel.timeline.rows[6].detail.text()
    assert panel.profile_view.name_label.text() == INNOVATION_NAME
    qtbot.waitUntil(lambda: tab.pending_count() == 0, timeout=WAIT)
    dialog.close()
    log_out(qtbot, window)


def _output_logged_and_closed(qtbot, case_id: int) -> None:
    """8. The ADB logs the day's output, then closes the implementation step in the message box."""
    window, tab = desk(qtbot, "adb", "pelaksana_teknis")
    badge(qtbot, window, tab, 1)
    panel = choose_innovation(qtbot, tab, case_id, OutputForm)
    assert panel.title_label.text() == INNOVATION_NAME
    form = panel.form
    qtbot.keyClicks(form.activity_edit, "Aktivasi IKD di kantor nagari")
    form.people_spin.setValue(14)
    press(qtbot, panel, form.log_button)
    assert "14 orang terlayani" in panel.form.totals_label.text()

    def answer_yes(box: QMessageBox) -> None:
        assert box.windowTitle() == "Tutup tahap pelaksanaan"
        next(b for b in box.buttons() if b.text() == "Ya, lanjutkan").click()

    when_modal(QMessageBox, answer_yes)
    press(qtbot, panel, panel.form.close_button)
    assert panel.state.summary.status == "selesai"
    assert "berjalan rutin" in panel.action_note()
    assert all(r.rail.state == "selesai" for r in panel.timeline.rows)
    assert "Output: Output inovasi pelayanan adminduk" in panel.timeline.rows[7].detail.text()
    badge(qtbot, window, tab, 0)
    log_out(qtbot, window)
