"""The innovation tabs and panel driven as users do: the idea, the reviews, the first discussion's
return, the finalization approvals, the timeline's late steps, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool

from desktop.models import Holiday, SopCase
from desktop.services import workspace
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.inovasi import steps as inovasi
from desktop.services.security import auth
from desktop.services.sop.workdays import WorkCalendar
from desktop.ui.inovasi.innovation_forms import FirstDiscussionForm, IdeaForm, ReviewForm
from desktop.ui.inovasi.innovation_idea_dialog import IdeaDialog
from desktop.ui.inovasi.innovation_meetings import FinalizationForm, NamingForm, OutputForm, TechnicalForm
from desktop.ui.inovasi.innovation_table import InnovationTableModel
from desktop.ui.inovasi.inovasi_panel import InnovationDialog, InnovationPanel, open_innovation
from desktop.ui.inovasi.kasi_inovasi import KasiInovasiTab

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def drained(database, qtbot):
    """Background calls finish before the test's database goes away."""
    yield
    QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.processEvents()


def login(username: str):
    return auth.login(username, DEMO_PASSWORD)


def idea(title: str = "Akta kelahiran langsung dari puskesmas") -> inovasi.IdeaDraft:
    return inovasi.IdeaDraft(
        title,
        "Banyak bayi belum memiliki akta kelahiran.",
        "Ibu melahirkan di puskesmas",
        "1. Bidan mengunggah berkas.\n2. Akta terbit dalam 1 hari.",
    )


def board() -> tuple[int, ...]:
    return tuple(login(u).user_id for u in ("kadis", "kabidpdip", "kasi", "sekretaris"))


def at_first_discussion(on: dt.date | None = None) -> inovasi.InnovationSummary:
    s = inovasi.propose_idea(login("kasi"), idea(), on=on)
    s = inovasi.review_by_kabid(login("kabidpdip"), s.id, "Layak.", True, s.case_version, on=on)
    return inovasi.review_by_kepala_dinas(login("kadis"), s.id, "Rapatkan.", s.case_version, on=on)


def at_finalization() -> inovasi.InnovationSummary:
    s = at_first_discussion()
    draft = inovasi.MeetingDraft(dt.date.today(), "Aula", board(), "ya", "Disepakati.")
    return inovasi.decide_first_discussion(login("kadis"), s.id, draft, s.case_version)


def kasi_tab(qtbot) -> KasiInovasiTab:
    role = next(r for r in workspace.role_catalog() if r.code == "kasi_inovasi")
    tab = KasiInovasiTab(login("kasi"), role)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.loads_finished >= 1 and tab.list_loads >= 1, timeout=10_000)
    return tab


def panel_for(qtbot, username: str, innovation_id: int) -> InnovationPanel:
    panel = InnovationPanel(login(username))
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.show_innovation(innovation_id)
    return panel


def submit_and_reload(qtbot, panel: InnovationPanel, click) -> None:
    """Click a form's button and wait for the service's answer and the panel's reload."""
    form = panel.form
    before = panel.loads
    click()
    qtbot.waitUntil(lambda: form.finished_calls >= 1, timeout=10_000)
    assert form.banner.kind != "error", form.banner.text()
    qtbot.waitUntil(lambda: panel.loads > before, timeout=10_000)


# --- Step 1: the idea -------------------------------------------------------------------------------


def test_kasi_writes_an_idea_in_the_form_and_it_appears_in_the_list(qtbot, demo_logins, tmp_path):
    tab = kasi_tab(qtbot)
    assert tab.visible_titles() == []
    dialog = IdeaDialog(login("kasi"))
    qtbot.addWidget(dialog)
    form = dialog.form

    qtbot.mouseClick(dialog.submit_button, LEFT)  # nothing typed: refused, the dialog stays
    qtbot.waitUntil(lambda: form.finished_calls == 1, timeout=10_000)
    assert form.marks.message("title") == "Judul gagasan wajib diisi."  # each under its field
    assert form.banner.text().startswith("4 isian perlu diperbaiki")

    qtbot.keyClicks(form.title_edit, "Pojok IKD di kantor nagari")
    qtbot.keyClicks(form.problem_edit, "Aktivasi IKD masih rendah di nagari.")
    qtbot.keyClicks(form.target_edit, "Penduduk wajib KTP")
    qtbot.keyClicks(form.pointers_edit, "1. Operator nagari dilatih.")
    attachment = tmp_path / "kajian.pdf"
    attachment.write_bytes(b"%PDF-1.4\n% kajian\n")
    form.attachments.set_paths([attachment])
    qtbot.mouseClick(dialog.submit_button, LEFT)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=10_000)
    assert dialog.result() == IdeaDialog.DialogCode.Accepted
    assert dialog.summary.current_step == "telaah_kabid"

    tab.refresh()
    qtbot.waitUntil(lambda: "Pojok IKD di kantor nagari" in tab.visible_titles(), timeout=10_000)
    row = tab.model.row_of_innovation(dialog.summary.id)
    assert tab.model.data(tab.model.index(row, 2)) == "2. Penelaahan Kabid"


def test_the_gagasan_baru_button_selects_the_new_idea(qtbot, demo_logins, monkeypatch):
    tab = kasi_tab(qtbot)
    made = {}

    def ask(parent, session):
        made["summary"] = inovasi.propose_idea(session, idea("SI-PELAJAR"))
        return made["summary"]

    monkeypatch.setattr(IdeaDialog, "ask", staticmethod(ask))
    qtbot.mouseClick(tab.new_button, LEFT)
    qtbot.waitUntil(lambda: "SI-PELAJAR" in tab.visible_titles() and tab.panel.loads >= 1, timeout=10_000)
    assert tab.panel.state.summary.id == made["summary"].id
    assert tab.panel.title_label.text() == "SI-PELAJAR"
    assert "dikerjakan oleh Kabid Pemanfaatan" in tab.panel.action_note()  # the Kasi waits now


def test_the_list_filters_by_step_status_and_year(qtbot, demo_logins):
    s = at_first_discussion()
    inovasi.propose_idea(login("kasi"), idea("Gagasan kedua"))
    tab = kasi_tab(qtbot)
    assert sorted(tab.visible_titles()) == ["Akta kelahiran langsung dari puskesmas", "Gagasan kedua"]
    loads = tab.list_loads
    tab.step_filter.setCurrentIndex(tab.step_filter.findData("pembahasan_awal"))
    qtbot.waitUntil(lambda: tab.list_loads > loads, timeout=10_000)
    assert tab.visible_titles() == ["Akta kelahiran langsung dari puskesmas"]
    loads = tab.list_loads
    tab.year_filter.setCurrentIndex(tab.year_filter.findData(dt.date.today().year - 1))
    qtbot.waitUntil(lambda: tab.list_loads > loads, timeout=10_000)
    assert tab.visible_titles() == [] and tab.empty_label.isVisible()
    loads = tab.list_loads
    tab.step_filter.setCurrentIndex(0)
    tab.year_filter.setCurrentIndex(0)
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("berjalan"))
    qtbot.waitUntil(lambda: tab.list_loads > loads + 2, timeout=10_000)
    assert len(tab.visible_titles()) == 2
    tab.waiting_only.setChecked(True)  # the Kasi (a pejabat struktural too) sits in the first discussion
    assert tab.visible_titles() == ["Akta kelahiran langsung dari puskesmas"]
    assert tab.pending_count() == 1 and s.case_id in tab._waiting


# --- Steps 2 to 4 ------------------------------------------------------------------------------------


def test_kabid_pemanfaatan_reviews_the_idea_in_the_panel(qtbot, demo_logins):
    s = inovasi.propose_idea(login("kasi"), idea())
    dialog = open_innovation(None, login("kabidpdip"), s.case_id)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, InnovationDialog)
    panel = dialog.panel
    qtbot.waitUntil(lambda: panel.loads >= 1, timeout=10_000)
    form = panel.form
    assert isinstance(form, ReviewForm) and form.by_kabid

    qtbot.mouseClick(form.return_button, LEFT)  # 'kembalikan' needs a reason
    qtbot.waitUntil(lambda: form.finished_calls == 1, timeout=10_000)
    assert "wajib diisi" in form.banner.text()

    qtbot.keyClicks(form.notes_edit, "Layak; perjelas alur data dengan puskesmas.")
    submit_and_reload(qtbot, panel, lambda: qtbot.mouseClick(form.forward_button, LEFT))
    assert panel.state.summary.current_step == "telaah_kepala_dinas"
    assert panel.banner.text() == "Diteruskan ke Kepala Dinas."
    assert "dikerjakan oleh Kepala Dinas" in panel.action_note()
    titles = [row.title.text() for row in panel.timeline.rows]
    assert "Penelaahan Kabid" in titles[1] and "Kirim ke Kepala Dinas" in titles[1]
    assert "sedang berjalan" in titles[2]


def test_first_discussion_tidak_returns_the_idea_and_the_timeline_shows_it(qtbot, demo_logins):
    s = at_first_discussion()
    panel = panel_for(qtbot, "kasi", s.id)
    form = panel.form
    assert isinstance(form, FirstDiscussionForm)
    assert len(form.participants.selected_ids()) == 6  # every pejabat struktural, ticked
    form.participants.set_selected(board())
    form.choose("tidak")
    reason = "Perlu kesepakatan dengan Dinas Kesehatan lebih dulu."
    qtbot.keyClicks(form.reason_edit, reason)
    submit_and_reload(qtbot, panel, lambda: qtbot.mouseClick(form.submit_button, LEFT))

    assert panel.state.summary.current_step == "ide"
    returned = [r for r in panel.timeline.rows if "↩" in r.title.text()]
    assert len(returned) == 1
    assert "Tidak, perbaiki gagasan" in returned[0].title.text()
    assert reason in returned[0].detail.text()
    assert "sedang berjalan" in panel.timeline.rows[4].title.text()  # step 1 again, after the return
    assert isinstance(panel.form, IdeaForm)  # the Kasi revises now
    assert panel.form.title_edit.text() == "Akta kelahiran langsung dari puskesmas"


def test_a_stale_review_keeps_the_typed_notes_and_names_who_moved_the_case(qtbot, demo_logins):
    s = inovasi.propose_idea(login("kasi"), idea())
    panel = panel_for(qtbot, "kabidpdip", s.id)
    form = panel.form
    qtbot.keyClicks(form.notes_edit, "Catatan saya yang panjang.")
    inovasi.review_by_kabid(login("kabidpdip"), s.id, "Dari komputer lain.", True, s.case_version)
    qtbot.mouseClick(form.forward_button, LEFT)
    qtbot.waitUntil(lambda: form.finished_calls == 1, timeout=10_000)
    assert "sudah diubah oleh Erni Susanti" in form.banner.text()
    assert form.notes_edit.toPlainText() == "Catatan saya yang panjang."


# --- Step 5: every participant approves --------------------------------------------------------------


def test_finalization_can_be_finished_only_after_every_participant_approved(
    qtbot, demo_logins, tmp_path, monkeypatch
):
    s = at_finalization()
    kasi = panel_for(qtbot, "kasi", s.id)
    opening = kasi.form
    assert isinstance(opening, FinalizationForm) and opening.open_button is not None
    participants = tuple(login(u).user_id for u in ("kadis", "kabidpdip", "sekretaris"))
    opening.participants.set_selected(participants)
    submit_and_reload(qtbot, kasi, lambda: qtbot.mouseClick(opening.open_button, LEFT))
    meeting = kasi.form
    assert meeting.approve_button is None  # the Kasi chairs; he is not a participant
    assert not meeting.finish_button.isEnabled()

    for number, username in enumerate(("kadis", "kabidpdip", "sekretaris"), start=1):
        panel = panel_for(qtbot, username, s.id)
        form = panel.form
        assert isinstance(form, FinalizationForm) and form.approve_button is not None
        assert form.approve_button.text() == "Setujui draft" and form.reject_button.text() == "Tidak setuju"
        submit_and_reload(qtbot, panel, lambda form=form: qtbot.mouseClick(form.approve_button, LEFT))
        approved = [p.approved for p in panel.state.finalization.participants]
        assert approved.count(True) == number
        with qtbot.waitSignal(kasi.loaded, timeout=10_000):
            kasi.reload()
        assert kasi.form.finish_button.isEnabled() == (number == 3)

    notulen = tmp_path / "notulen-finalisasi.pdf"
    notulen.write_bytes(b"%PDF-1.4\n% notulen\n")
    monkeypatch.setattr("desktop.ui.inovasi.innovation_meetings.choose_file", lambda *a, **k: notulen)
    finish = kasi.form
    finish.choose_minutes()
    assert finish.minutes_label.text() == "notulen-finalisasi.pdf"
    submit_and_reload(qtbot, kasi, lambda: qtbot.mouseClick(finish.finish_button, LEFT))
    assert kasi.state.summary.current_step == "pembahasan_teknis"


def test_a_participant_who_disagrees_must_say_why(qtbot, demo_logins):
    s = at_finalization()
    inovasi.open_finalization(login("kasi"), s.id, dt.date.today(), "Aula", (login("sekretaris").user_id,))
    panel = panel_for(qtbot, "sekretaris", s.id)
    form = panel.form
    qtbot.mouseClick(form.reject_button, LEFT)
    qtbot.waitUntil(lambda: form.finished_calls == 1, timeout=10_000)
    assert "Catatan wajib diisi" in form.banner.text()
    qtbot.keyClicks(form.comment_edit, "Jadwal belum realistis.")
    submit_and_reload(qtbot, panel, lambda: qtbot.mouseClick(form.reject_button, LEFT))
    assert (
        "tidak setuju: Jadwal belum realistis."
        in panel.form.approval_labels[login("sekretaris").user_id].text()
    )


# --- Steps 6 to 8 -------------------------------------------------------------------------------------


def test_technical_discussion_naming_and_the_output_log_through_the_forms(qtbot, demo_logins, monkeypatch):
    s = at_finalization()
    kasi = login("kasi")
    ids = tuple(login(u).user_id for u in ("kadis", "kabidpdip"))
    inovasi.open_finalization(kasi, s.id, dt.date.today(), "Aula", ids)
    for username in ("kadis", "kabidpdip"):
        inovasi.approve_draft(login(username), s.id, True)
    s = inovasi.finish_finalization(kasi, s.id, ("notulen.pdf", b"%PDF-1.4\n"), s.case_version)

    adb = panel_for(qtbot, "adb", s.id)
    form = adb.form
    assert isinstance(form, TechnicalForm)
    assert login("adb").user_id in form.participants.selected_ids()  # the ADB is ticked
    for edit, text in (
        (form.mechanism_edit, "Bidan mengunggah berkas; operator memverifikasi."),
        (form.resources_edit, "Dua operator, satu server."),
        (form.schedule_edit, "Uji coba 3 puskesmas."),
        (form.indicators_edit, "Akta terbit 1 hari kerja."),
    ):
        qtbot.keyClicks(edit, text)
    submit_and_reload(qtbot, adb, lambda: qtbot.mouseClick(form.submit_button, LEFT))
    assert adb.state.summary.current_step == "penamaan"
    assert adb.state.profile.mechanism == "Bidan mengunggah berkas; operator memverifikasi."

    kadis = panel_for(qtbot, "kadis", s.id)
    naming = kadis.form
    assert isinstance(naming, NamingForm)
    qtbot.keyClicks(naming.name_edits[0], "SI-BUAH HATI")
    qtbot.keyClicks(naming.meaning_edits[0], "Sistem Akta Bayi dari Puskesmas")
    qtbot.keyClicks(naming.name_edits[1], "AKTA KILAT")
    assert [naming.chosen_combo.itemText(i) for i in range(naming.chosen_combo.count())] == [
        "SI-BUAH HATI",
        "AKTA KILAT",
    ]
    submit_and_reload(qtbot, kadis, lambda: qtbot.mouseClick(naming.submit_button, LEFT))
    assert kadis.title_label.text() == "SI-BUAH HATI"
    assert kadis.profile_view.name_label.text() == "SI-BUAH HATI"

    with qtbot.waitSignal(adb.loaded, timeout=10_000):
        adb.reload()
    output = adb.form
    assert isinstance(output, OutputForm)
    qtbot.keyClicks(output.activity_edit, "Akta kelahiran diterbitkan dari puskesmas")
    output.people_spin.setValue(12)
    submit_and_reload(qtbot, adb, lambda: qtbot.mouseClick(output.log_button, LEFT))
    assert "12 orang terlayani" in adb.form.totals_label.text()
    monkeypatch.setattr("desktop.ui.inovasi.innovation_meetings.confirm", lambda *a: True)
    closing = adb.form
    submit_and_reload(qtbot, adb, lambda: qtbot.mouseClick(closing.close_button, LEFT))
    assert adb.state.summary.status == "selesai"
    assert "berjalan rutin" in adb.action_note()
    assert all(r.rail.state == "selesai" for r in adb.timeline.rows)


# --- The timeline's late steps -----------------------------------------------------------------------


def test_the_timeline_shows_a_late_step_in_red_with_its_working_day_count(qtbot, demo_logins):
    today = dt.date.today()
    start = today - dt.timedelta(days=21)
    Holiday.delete().where(Holiday.day.between(start - dt.timedelta(days=7), today)).execute()
    calendar = WorkCalendar([])
    kasi, kabid = login("kasi"), login("kabidpdip")
    s = inovasi.propose_idea(kasi, idea(), on=start)
    reviewed_on = calendar.add_working_days(start, 4)
    s = inovasi.review_by_kabid(kabid, s.id, "Terlambat ditelaah.", True, s.case_version, on=reviewed_on)
    review_late = calendar.working_days_between(calendar.add_working_days(start, 1), reviewed_on)
    running_late = calendar.working_days_between(calendar.add_working_days(reviewed_on, 2), today)
    assert review_late == 3 and running_late > 0

    panel = panel_for(qtbot, "kasi", s.id)
    rows = panel.timeline.rows
    assert not rows[0].is_late()  # the idea was on time
    assert rows[1].is_late() and rows[1].late_label.text() == f"terlambat {review_late} hari kerja"
    assert rows[2].is_late() and rows[2].late_label.text() == f"terlambat {running_late} hari kerja"
    assert "#A5301F" in rows[1].late_label.styleSheet()  # theme.DANGER, red
    assert rows[1].rail.state == "terlambat" and rows[0].rail.state == "selesai"
    assert [r.rail.state for r in rows[3:]] == ["nanti"] * 5  # steps 4 to 8 still to come
    chip = panel.status_chip.styleSheet()
    assert "#A5301F" in chip  # the header chip is red too


# --- Models --------------------------------------------------------------------------------------------


def test_innovation_table_model_passes_the_qt_model_tester(qtmodeltester, demo_logins):
    at_first_discussion()
    inovasi.propose_idea(login("kasi"), idea("Kedua"))
    model = InnovationTableModel(step_numbers={"telaah_kabid": 2, "pembahasan_awal": 4})
    model.set_rows(inovasi.list_innovations())
    model.set_waiting([SopCase.select().first().id])
    qtmodeltester.check(model, force_py=True)
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Posisi"
