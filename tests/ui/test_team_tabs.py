"""The SIJARLA team tabs, driven through the real widgets: preparation, the grid, import, report."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QDate, QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.models import ServiceRecord
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.demo.sijarla_cases import HEADER
from desktop.services.security import auth
from desktop.services.sijarla import service_records
from desktop.services.sijarla import steps as sijarla
from desktop.ui.main_window import MainWindow
from desktop.ui.sijarla import records_import
from desktop.ui.sijarla.records_import import ImportErrorsDialog
from desktop.ui.sijarla.team_report import ReportDialog
from desktop.ui.sijarla.team_workspace import CHECKLIST, ELSEWHERE, GRID
from tests.db.factories import nagari, session
from tests.db.test_permissions import at_step, record_draft

NIK = "1302034507510002"  # a woman born 5 July 1951 in kecamatan 13.02.03


_WINDOWS: list[MainWindow] = []  # qtbot holds widgets weakly; the tabs must outlive open_tab()


@pytest.fixture(autouse=True)
def _windows():
    # Garbage with Qt objects in it must be collected here, on the UI thread: a collection that
    # happens to start in a worker (the import, a save) would destroy widgets from that thread.
    gc.collect()
    yield
    _WINDOWS.clear()
    gc.collect()


def open_tab(qtbot, username: str, role: str):
    window = MainWindow(auth.login(username, DEMO_PASSWORD))
    qtbot.addWidget(window)
    _WINDOWS.append(window)
    window.resize(1280, 800)
    window.show()
    tab = window.tab_for(role)
    qtbot.waitUntil(lambda: tab.loads_finished >= 1, timeout=10_000)
    return tab


def open_case(qtbot, username: str, role: str, case_id: int):
    tab = open_tab(qtbot, username, role)
    assert tab.select_case(case_id)
    return tab


def tick(qtbot, row) -> None:
    """Click the check box's indicator, as a user does."""
    qtbot.mouseClick(row.check_box, Qt.MouseButton.LeftButton, pos=QPoint(8, row.check_box.height() // 2))


def grid_of(qtbot, tab):
    grid = tab.workspace.grid
    assert tab.workspace.stack.currentIndex() == GRID
    qtbot.waitUntil(lambda: not grid.model.is_loading(), timeout=10_000)
    return grid


def type_person(qtbot, form, nik: str = NIK, name: str = "Siti Rahmah") -> None:
    form.nik_edit.clear()
    qtbot.keyClicks(form.nik_edit, nik)
    form.name_edit.clear()
    qtbot.keyClicks(form.name_edit, name)


# --- Preparation ---------------------------------------------------------------------------------


def test_member_ticks_the_checklist_and_the_leader_finishes_preparation(qtbot, demo_logins):
    case_id = at_step("persiapan")
    leader_tab = open_case(qtbot, "ketua1", "ketua_tim_sijarla", case_id)
    leader = leader_tab.workspace.checklist
    assert leader_tab.workspace.stack.currentIndex() == CHECKLIST
    qtbot.mouseClick(leader.finish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: leader.banner_text() != "", timeout=10_000)
    assert leader.banner_text() == (
        "Persyaratan belum terpenuhi: Pengecekan Data di SIAK Terpusat. "
        "Belum dicentang pada daftar persiapan."
    )
    assert sijarla.case_summary(case_id).current_step == "persiapan"

    member_tab = open_case(qtbot, "anggota1", "anggota_tim_sijarla", case_id)
    checklist = member_tab.workspace.checklist
    assert not checklist.finish_button.isVisible()
    assert [r.check_box.text() for r in checklist.rows] == list(sijarla.PREPARATION_ITEMS.values())
    for item in sijarla.PREPARATION_ITEMS:
        row = checklist.row_for(item)
        if item == "alat_perekaman":
            qtbot.keyClicks(row.note_edit, "Dua alat perekaman diuji")
        tick(qtbot, row)
        qtbot.waitUntil(lambda item=item: checklist.row_for(item).item.is_done, timeout=10_000)
    row = checklist.row_for("alat_perekaman")
    assert row.who_label.text().startswith("Dicentang oleh Rina Marlina, A.Md, ")
    assert row.note_edit.text() == "Dua alat perekaman diuji"
    assert checklist.progress_label.text() == "3 dari 3 butir dicentang"

    leader.load(leader_tab.workspace.case)  # the leader's screen reads the ticks again
    assert all(r.check_box.isChecked() for r in leader.rows)
    qtbot.mouseClick(leader.finish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sijarla.case_summary(case_id).current_step == "pelayanan", timeout=10_000)
    qtbot.waitUntil(lambda: leader_tab.workspace.stack.currentIndex() == GRID, timeout=10_000)


def test_a_refused_tick_springs_back_with_the_reason(qtbot, demo_logins):
    case_id = at_step("persiapan")
    tab = open_case(qtbot, "anggota1", "anggota_tim_sijarla", case_id)
    checklist = tab.workspace.checklist
    row = checklist.row_for("siak_data")
    sijarla.check_preparation(session("anggota2"), case_id, "siak_data", True, "", row.item.version)
    tick(qtbot, row)  # read at the old version
    qtbot.waitUntil(lambda: checklist.banner_text() != "", timeout=10_000)
    assert "sudah diubah oleh Fajar Ramadhan" in checklist.banner_text()
    assert checklist.row_for("siak_data").item.checked_by == "Fajar Ramadhan"


# --- The grid and its entry row ------------------------------------------------------------------


def test_an_invalid_nik_shows_the_live_reason_and_is_not_saved(qtbot, demo_logins, monkeypatch):
    case_id = at_step("pelayanan")
    form = grid_of(qtbot, open_case(qtbot, "anggota1", "anggota_tim_sijarla", case_id)).form
    calls: list[object] = []
    monkeypatch.setattr(service_records, "add_record", lambda *args: calls.append(args))

    qtbot.keyClicks(form.nik_edit, "13020")
    assert form.message() == "5 dari 16 angka." and not form.is_marked("nik")
    qtbot.keyClicks(form.nik_edit, "339")  # birth day 39: no such day, not even for a woman (+40)
    assert form.is_marked("nik")
    assert (
        form.message() == "Digit 7-8 NIK adalah tanggal lahir: '39' tidak mungkin (01-31; perempuan 41-71)."
    )
    form.nik_edit.clear()
    qtbot.keyClicks(form.nik_edit, "13020345075")
    form.nik_edit.insert("１")  # a fullwidth digit, pasted from a chat message
    assert "posisi 12" in form.message() and "bukan angka 0-9 biasa" in form.message()
    qtbot.keyClicks(form.name_edit, "Siti Rahmah")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)

    assert calls == []
    assert form.is_marked("nik") and form.name_edit.text() == "Siti Rahmah"
    assert ServiceRecord.select().where(ServiceRecord.case == case_id).count() == 0

    form.nik_edit.clear()
    qtbot.keyClicks(form.nik_edit, NIK)
    assert not form.is_marked("nik")
    assert form.message() == "NIK sah: perempuan, lahir 05-07-1951, kecamatan 13.02.03."
    # A NIK issued under a kecamatan code renumbered before 2018: accepted, with the reason shown.
    form.nik_edit.clear()
    qtbot.keyClicks(form.nik_edit, "1302014506900001")
    assert not form.is_marked("nik")
    assert form.message().startswith(
        "NIK sah: perempuan, lahir 05-06-1990, kecamatan 13.02.01. Kode kecamatan"
    )
    assert "periksa kembali dengan KTP/KK" in form.message()


def test_enter_saves_a_valid_row_which_appears_in_the_grid(qtbot, demo_logins):
    case_id = at_step("pelayanan")
    grid = grid_of(qtbot, open_case(qtbot, "anggota1", "anggota_tim_sijarla", case_id))
    form = grid.form
    served = dt.date.today()  # the Surat Tugas of at_step covers today only
    form.category_combo.setCurrentIndex(form.category_combo.findData("kia"))
    form.date_edit.setDate(QDate(served))
    type_person(qtbot, form)
    qtbot.keyClicks(form.jorong_edit, "Jorong Koto Baru")

    with qtbot.waitSignal(grid.record_saved, timeout=10_000) as saved:
        qtbot.keyClick(form.jorong_edit, Qt.Key.Key_Return)

    record = ServiceRecord.get_by_id(saved.args[0])
    assert (record.nik, record.full_name, record.served_on, record.jorong) == (
        NIK,
        "Siti Rahmah",
        served,
        "Jorong Koto Baru",
    )
    assert grid.model.rowCount() == 1
    assert grid.model.data(grid.model.index(0, 2)) == "Siti Rahmah"
    assert grid.table.currentIndex().row() == 0
    assert form.message() == "Tersimpan: Siti Rahmah. Lanjut ke warga berikutnya."
    # A fresh row that keeps nagari, date and category.
    assert form.nik_edit.text() == form.name_edit.text() == form.jorong_edit.text() == ""
    assert form.category_combo.currentData() == "kia"
    assert form.date_edit.date().toPython() == served
    assert form.nagari_combo.currentData() == nagari().id
    assert grid.count_label.text() == "1 warga tercatat"


def test_a_worklist_refresh_keeps_what_is_being_typed(qtbot, demo_logins):
    case_id = at_step("pelayanan")
    tab = open_case(qtbot, "anggota1", "anggota_tim_sijarla", case_id)
    form = grid_of(qtbot, tab).form
    type_person(qtbot, form)
    loads = tab.loads_finished
    tab.refresh()  # as the window does when another desk changed the counts
    qtbot.waitUntil(lambda: tab.loads_finished > loads, timeout=10_000)
    assert (form.nik_edit.text(), form.name_edit.text()) == (NIK, "Siti Rahmah")
    assert tab.workspace.case.id == case_id and tab.worklist.currentIndex().row() == 0


def test_a_duplicate_is_refused_with_the_reason_and_the_typed_values_stay(qtbot, demo_logins):
    case_id = at_step("pelayanan")
    service_records.add_record(session("anggota1"), case_id, record_draft(NIK))
    grid = grid_of(qtbot, open_case(qtbot, "anggota1", "anggota_tim_sijarla", case_id))
    form = grid.form
    type_person(qtbot, form, name="Siti Rahmah binti Ali")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: "sudah tercatat" in form.message(), timeout=10_000)
    assert form.message() == "NIK ini sudah tercatat untuk layanan yang sama pada kasus ini."
    assert form.is_marked("nik")
    assert (form.nik_edit.text(), form.name_edit.text()) == (NIK, "Siti Rahmah binti Ali")
    assert ServiceRecord.select().where(ServiceRecord.case == case_id).count() == 1


def test_every_field_the_service_refuses_is_marked_at_once(qtbot, demo_logins):
    case_id = at_step("pelayanan")  # its Surat Tugas covers today only
    form = grid_of(qtbot, open_case(qtbot, "anggota1", "anggota_tim_sijarla", case_id)).form
    type_person(qtbot, form, name="Siti Rahmah")
    form.date_edit.setDate(QDate(dt.date.today() - dt.timedelta(days=1)))
    form.jorong_edit.setMaxLength(1000)  # what a pasted text could hold: the service still refuses it
    form.jorong_edit.setText("Jorong " + "Koto Baru " * 10)
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.message().startswith("2 isian"), timeout=10_000)
    assert form.is_marked("jorong") and form.is_marked("served_on")
    assert "Jorong terlalu panjang" in form.message()
    assert "di luar masa Surat Tugas" in form.message()
    assert form.jorong_edit.hasFocus() or QApplication.focusWidget() is form.jorong_edit
    assert form.name_edit.text() == "Siti Rahmah"
    assert ServiceRecord.select().where(ServiceRecord.case == case_id).count() == 0


def test_a_reason_is_asked_for_when_the_outcome_needs_one(qtbot, demo_logins):
    case_id = at_step("pelayanan")
    form = grid_of(qtbot, open_case(qtbot, "anggota1", "anggota_tim_sijarla", case_id)).form
    assert not form.reason_edit.isEnabled()
    form.outcome_combo.setCurrentIndex(form.outcome_combo.findData("gagal_rekam"))
    assert form.reason_edit.isEnabled()
    type_person(qtbot, form)
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    assert form.message() == "Hasil 'Gagal rekam' wajib disertai alasan."
    assert form.is_marked("outcome_reason")
    qtbot.keyClicks(form.reason_edit, "Sidik jari tidak terbaca")
    qtbot.keyClick(form.reason_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.message().startswith("Tersimpan"), timeout=10_000)
    assert ServiceRecord.get(ServiceRecord.case == case_id).outcome_reason == "Sidik jari tidak terbaca"


def test_editing_a_row_saves_with_its_version_and_a_stale_save_keeps_the_typing(qtbot, demo_logins):
    case_id = at_step("pelayanan")
    record_id = service_records.add_record(session("anggota1"), case_id, record_draft(NIK))
    grid = grid_of(qtbot, open_case(qtbot, "anggota1", "anggota_tim_sijarla", case_id))
    form = grid.form
    grid.edit_row(grid.model.index(0, 0))
    assert form.editing is not None and form.editing.version == 1
    assert form.mode_label.text() == "Mengubah: Siti Rahmah"
    form.name_edit.clear()
    qtbot.keyClicks(form.name_edit, "Siti Rahmah Chaniago")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.message().startswith("Perubahan disimpan"), timeout=10_000)
    qtbot.waitUntil(lambda: grid.model.data(grid.model.index(0, 2)) == "Siti Rahmah Chaniago", timeout=10_000)
    assert ServiceRecord.get_by_id(record_id).version == 2

    grid.edit_row(grid.model.index(0, 0))
    other = service_records.RecordDraft(**{**record_draft(NIK).__dict__, "full_name": "Siti R."})
    service_records.update_record(session("anggota2"), record_id, other, 2)  # someone else, meanwhile
    form.name_edit.clear()
    qtbot.keyClicks(form.name_edit, "Siti Rahmah Caniago")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "sudah diubah oleh pengguna lain" in form.message(), timeout=10_000)
    assert form.name_edit.text() == "Siti Rahmah Caniago" and form.editing is not None
    assert ServiceRecord.get_by_id(record_id).full_name == "Siti R."


# --- Import ----------------------------------------------------------------------------------------


def spreadsheet(path: Path) -> Path:
    """Five rows: rows 3 and 5 (as the spreadsheet numbers them) are broken."""
    code = nagari().code
    today = dt.date.today().isoformat()
    good = [
        [
            "1302034507510002",
            "Siti Rahmah",
            "",
            "",
            "Jorong Koto",
            code,
            "ktp_rekam",
            "lansia",
            "selesai",
            "",
            today,
        ],
        [
            "1302031202800003",
            "Ahmad Fauzan",
            "",
            "",
            "Jorong Koto",
            code,
            "kia",
            "umum",
            "selesai",
            "",
            today,
        ],
        [
            "1302035003900004",
            "Desi Tanjung",
            "",
            "",
            "Jorong Koto",
            code,
            "ikd",
            "umum",
            "selesai",
            "",
            today,
        ],
    ]
    broken_nik = ["13020345075", "Nurhayati", "", "", "", code, "ktp_rekam", "lansia", "selesai", "", today]
    broken_category = ["1302030101700005", "Yusri", "", "", "", code, "paspor", "umum", "selesai", "", today]
    book = Workbook()
    sheet = book.active
    for row in (HEADER, good[0], broken_nik, good[1], broken_category, good[2]):
        sheet.append(row)
    book.save(path)
    return path


def test_an_import_with_broken_rows_reports_them_and_imports_the_clean_ones(
    qtbot, demo_logins, monkeypatch, tmp_path
):
    case_id = at_step("pelayanan")
    grid = grid_of(qtbot, open_case(qtbot, "ketua1", "ketua_tim_sijarla", case_id))
    path = spreadsheet(tmp_path / "pelayanan.xlsx")
    monkeypatch.setattr(records_import.ImportFileDialog, "ask", staticmethod(lambda parent: path))
    seen: dict[str, object] = {}

    def answer_the_report() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportErrorsDialog):
            QTimer.singleShot(50, answer_the_report)
            return
        model = dialog.model
        seen["rows"] = [
            (model.data(model.index(r, 0)), model.data(model.index(r, 1))) for r in range(model.rowCount())
        ]
        seen["messages"] = [model.error(r).message for r in range(model.rowCount())]
        seen["summary"] = dialog.summary_label.text()
        seen["button"] = dialog.import_button.text()
        dialog.import_button.click()

    QTimer.singleShot(50, answer_the_report)
    qtbot.mouseClick(grid.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: grid.banner.kind == "success", timeout=15_000)

    assert seen["rows"] == [("3", "NIK"), ("5", "Kategori")]
    assert seen["messages"][0] == "NIK harus 16 digit; yang diisi 11 digit."
    assert seen["messages"][1].startswith("Kategori layanan 'paspor' tidak dikenal. Pilih salah satu: ")
    assert seen["summary"].startswith("Berkas pelayanan.xlsx: 5 baris diperiksa, 2 baris bermasalah.")
    assert seen["button"] == "Impor baris yang benar saja"
    assert grid.banner.text() == "3 baris diimpor dari pelayanan.xlsx. 2 baris bermasalah dilewati."
    names = {r.full_name for r in ServiceRecord.select().where(ServiceRecord.case == case_id)}
    assert names == {"Siti Rahmah", "Ahmad Fauzan", "Desi Tanjung"}
    qtbot.waitUntil(lambda: grid.model.rowCount() == 3, timeout=10_000)


def test_cancelling_the_error_report_imports_nothing(qtbot, demo_logins, monkeypatch, tmp_path):
    case_id = at_step("pelayanan")
    grid = grid_of(qtbot, open_case(qtbot, "ketua1", "ketua_tim_sijarla", case_id))
    path = spreadsheet(tmp_path / "pelayanan.xlsx")
    monkeypatch.setattr(records_import.ImportFileDialog, "ask", staticmethod(lambda parent: path))
    monkeypatch.setattr(ImportErrorsDialog, "ask", classmethod(lambda cls, parent, result, name: False))
    qtbot.mouseClick(grid.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: grid.banner.kind == "info", timeout=15_000)
    assert grid.banner.text() == "Impor dibatalkan; tidak ada data yang disimpan."
    assert ServiceRecord.select().where(ServiceRecord.case == case_id).count() == 0


def test_cancel_while_reading_rolls_the_import_back(qtbot, demo_logins, tmp_path):
    case_id = at_step("pelayanan")
    grid = grid_of(qtbot, open_case(qtbot, "ketua1", "ketua_tim_sijarla", case_id))
    path = spreadsheet(tmp_path / "pelayanan.xlsx")
    grid.run_import(path, clean_only=True)
    grid.importer.cancel()  # before the worker reads the first row
    qtbot.waitUntil(lambda: grid.banner.kind == "info", timeout=15_000)
    assert grid.banner.text() == "Impor dibatalkan; tidak ada data yang disimpan."
    assert ServiceRecord.select().where(ServiceRecord.case == case_id).count() == 0


# --- Report ----------------------------------------------------------------------------------------


def test_the_leader_submits_the_report_and_a_refusal_keeps_what_was_typed(qtbot, demo_logins):
    case_id = at_step("pelayanan")
    service_records.add_record(session("anggota1"), case_id, record_draft(NIK))
    tab = open_case(qtbot, "ketua1", "ketua_tim_sijarla", case_id)
    grid = grid_of(qtbot, tab)
    member = open_case(qtbot, "anggota1", "anggota_tim_sijarla", case_id)
    assert not grid_of(qtbot, member).report_button.isVisible()
    assert grid.report_button.isVisible()
    seen: dict[str, str] = {}

    def write_the_report() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ReportDialog):
            QTimer.singleShot(50, write_the_report)
            return
        seen["results"] = dialog.results_label.text()
        qtbot.keyClicks(dialog.conclusion_edit, "Pelayanan lancar; jadwalkan ulang yang tidak hadir.")
        dialog.send_button.click()  # B. Kegiatan is still empty
        qtbot.waitUntil(lambda: dialog.banner.text() != "", timeout=10_000)
        seen["refusal"] = dialog.banner.text()
        seen["kept"] = dialog.conclusion_edit.toPlainText()
        qtbot.keyClicks(dialog.activities_edit, "Perekaman KTP-el lansia di kantor wali nagari.")
        dialog.send_button.click()

    QTimer.singleShot(50, write_the_report)
    qtbot.mouseClick(grid.report_button, Qt.MouseButton.LeftButton)

    assert seen["results"].startswith("• KTP-el perekaman: 1 orang (1 selesai)")
    assert seen["refusal"] == "B. Kegiatan wajib diisi."
    assert seen["kept"] == "Pelayanan lancar; jadwalkan ulang yang tidak hadir."
    assert sijarla.case_summary(case_id).current_step == "rekap"
    qtbot.waitUntil(lambda: tab.workspace.stack.currentIndex() == ELSEWHERE, timeout=10_000)
    assert all(e.ref_id != case_id for e in tab.entries())
