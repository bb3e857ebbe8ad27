"""Keyboard and flow at the desks, on SQLite and PostgreSQL: every refusal on its field at once, 0 orang
refused, a nagari typed by name, visible focus, Ctrl+Enter in a dialog, the search button, another try
after a wrong signing password, sorting, copying and exporting tables, the reprint list."""

from __future__ import annotations

import csv

from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from desktop.models import AuditLog, Innovation, User
from desktop.services.case_view import NagariOption
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.security import auth
from desktop.services.sijarla import steps as sijarla
from desktop.ui import theme
from desktop.ui.admin.users_page import UsersPage
from desktop.ui.common import tables
from desktop.ui.common.forms import primary_button
from desktop.ui.common.nagari_picker import NagariPicker
from desktop.ui.inovasi.innovation_idea_dialog import IdeaDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.password_dialog import PasswordDialog, signing_check
from desktop.ui.sijarla.letter_reprint_dialog import LetterReprintDialog
from tests.db import factories

WAIT = 15_000


def idle(qtbot) -> None:
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=WAIT)


def window_for(qtbot, username: str, role: str):
    window = MainWindow(auth.login(username, DEMO_PASSWORD))
    qtbot.addWidget(window)
    window.resize(1366, 705)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    tab = window.tab_for(role)
    qtbot.waitUntil(lambda: tab.loads_finished >= 1, timeout=WAIT)
    return window, tab


def front_desk(qtbot):
    window, tab = window_for(qtbot, "meja", "pengadministrasi_umum")
    form = tab.form
    qtbot.waitUntil(
        lambda: bool(form.category_boxes) and form.category_boxes["kia"][0].isVisible(), timeout=WAIT
    )
    return window, tab, form


# --- Every refusal at once, on its field ------------------------------------------------------------


def test_an_empty_letter_shows_every_problem_under_its_field_and_focuses_the_first(qtbot, demo_logins):
    _window, tab, form = front_desk(qtbot)
    form.sender_edit.clear()
    form.sifat_combo.setFocus()
    qtbot.waitUntil(form.sifat_combo.hasFocus, timeout=WAIT)
    qtbot.keyClick(form.sifat_combo, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.banner.text() != "", timeout=WAIT)

    assert form.marks.marked() == ["letter_number", "nagari", "sender", "subject", "requested"]
    assert form.marks.message("nagari") == "Pilih nagari dari daftar."
    assert form.marks.message("subject") == "Perihal wajib diisi."
    assert form.marks.message("requested") == "Pilih paling sedikit satu jenis layanan yang dimohon."
    assert form.banner.text() == "5 isian perlu diperbaiki; lihat pesan merah di bawah setiap isian."
    assert form.letter_number_edit.hasFocus()  # the first, in the form's order
    assert form.subject_edit.property("invalid")
    qtbot.keyClicks(form.subject_edit, "P")  # typing into a field takes its mark away
    assert not form.subject_edit.property("invalid") and form.marks.message("subject") == ""
    assert form.marks.is_marked("letter_number")
    idle(qtbot)


def test_a_service_ticked_for_0_people_is_refused_under_the_services(qtbot, demo_logins):
    _window, tab, form = front_desk(qtbot)
    qtbot.keyClicks(form.letter_number_edit, "140/27/WN-KB/2026")
    form.select_nagari(factories.nagari().id)
    qtbot.keyClicks(form.subject_edit, "Permohonan pelayanan KTP-el")
    box, count = form.category_boxes["ktp_rekam"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert count.hasFocus() and count.value() == 0
    qtbot.keyClick(count, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.banner.text() != "", timeout=WAIT)

    message = "Isi perkiraan jumlah warga untuk KTP-el perekaman: 1 sampai 100.000 orang."
    assert form.banner.text() == message and form.marks.message("requested") == message
    assert count.property("invalid") and count.hasFocus()
    assert tab.stack.currentWidget() is form
    idle(qtbot)


# --- The nagari ---------------------------------------------------------------------------------------


def test_a_nagari_typed_by_its_name_and_confirmed_is_chosen(qtbot):
    picker = NagariPicker()
    qtbot.addWidget(picker)
    picker.set_options(
        [
            NagariOption(1, "Sulit Air", "X Koto Diatas", "Kab. Solok"),
            NagariOption(2, "Koto Baru", "Kubung", "Kab. Solok"),
            NagariOption(3, "Koto Baru", "X Koto Singkarak", "Kab. Solok"),
        ]
    )
    picker.show()
    picker.setFocus()
    qtbot.keyClicks(picker, "  sulit AIR ")
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert picker.nagari_id() == 1 and picker.currentText() == "Sulit Air — X Koto Diatas"
    picker.setEditText("Koto Baru")  # two nagari of that name: the kecamatan decides
    assert picker.nagari_id() is None
    picker.setEditText("koto baru — kubung")
    assert picker.nagari_id() == 2


# --- Focus, Ctrl+Enter, Ctrl+K --------------------------------------------------------------------------


def test_a_primary_button_shows_that_it_has_the_keyboard_focus(qtbot, qapp):
    theme.apply(qapp)
    host = QWidget()
    box = QVBoxLayout(host)
    other = QPushButton("Batal")
    button = primary_button("Tandatangani…")
    box.addWidget(other)
    box.addWidget(button)
    qtbot.addWidget(host)
    host.show()
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow, timeout=WAIT)
    other.setFocus()
    qtbot.waitUntil(other.hasFocus, timeout=WAIT)
    without = button.grab().toImage()
    qtbot.keyClick(other, Qt.Key.Key_Tab)
    qtbot.waitUntil(button.hasFocus, timeout=WAIT)
    with_focus = button.grab().toImage()
    assert with_focus.size() == without.size()
    amber = theme.FOCUS.lower()
    assert with_focus.pixelColor(QPoint(1, with_focus.height() // 2)).name() == amber
    assert without.pixelColor(QPoint(1, without.height() // 2)).name() != amber


def test_ctrl_enter_sends_a_new_idea(qtbot, demo_logins):
    dialog = IdeaDialog(auth.login("kasi", DEMO_PASSWORD))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT)
    form = dialog.form
    form.title_edit.setFocus()
    qtbot.keyClicks(form.title_edit, "Layanan KIA di posyandu")
    qtbot.keyClicks(form.problem_edit, "Banyak anak belum mempunyai KIA.")
    qtbot.keyClicks(form.target_edit, "Anak usia 0-17 tahun")
    qtbot.keyClicks(form.pointers_edit, "Petugas hadir di posyandu sebulan sekali.")
    qtbot.keyClick(form.pointers_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=WAIT)
    assert Innovation.get().title == "Layanan KIA di posyandu"
    idle(qtbot)


def test_an_idea_with_every_field_wrong_shows_each_refusal_under_its_field(qtbot, demo_logins):
    dialog = IdeaDialog(auth.login("kasi", DEMO_PASSWORD))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT)
    form = dialog.form
    form.target_edit.setFocus()
    qtbot.keyClicks(form.target_edit, "Anak usia 0-17 tahun")  # typed work that must survive
    qtbot.keyClick(form.pointers_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.marks.marked() != [], timeout=WAIT)
    assert form.marks.marked() == ["title", "problem", "pointers"]
    assert form.marks.message("title") == "Judul gagasan wajib diisi."
    assert form.marks.message("pointers") == "Pointers konsep wajib diisi."
    assert form.banner.text().startswith("3 isian perlu diperbaiki")
    assert form.title_edit.hasFocus() or QApplication.focusWidget() is form.title_edit
    assert form.target_edit.toPlainText() == "Anak usia 0-17 tahun"
    assert Innovation.select().count() == 0
    qtbot.keyClicks(form.title_edit, "Layanan KIA")  # typing clears that field's mark only
    assert form.marks.marked() == ["problem", "pointers"]
    idle(qtbot)


def test_the_header_offers_the_search(qtbot, demo_logins):
    window, _tab = window_for(qtbot, "kabid", "kabid_pelayanan")
    assert "Ctrl+K" in window.header.search_button.text()
    window.header.search_button.setFocus()
    qtbot.keyClick(window.header.search_button, Qt.Key.Key_Space)
    qtbot.waitUntil(
        lambda: window.search_dialog is not None and window.search_dialog.isVisible(), timeout=WAIT
    )
    window.search_dialog.close()
    idle(qtbot)


# --- Signing: another try until the account locks -----------------------------------------------------


def test_a_wrong_signing_password_lets_the_user_try_again_until_the_account_locks(qtbot, demo_logins):
    session = auth.login("kabid", DEMO_PASSWORD)
    dialog = PasswordDialog("Tandatangani disposisi SJL-2026-0001.", None, signing_check(session))
    qtbot.addWidget(dialog)
    dialog.show()
    for attempt in range(1, 5):
        qtbot.keyClicks(dialog.password_edit, f"salah-{attempt}")
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda n=attempt: dialog.attempts == n, timeout=WAIT)
        assert dialog.isVisible() and dialog.password_edit.text() == "" and dialog.password_edit.isEnabled()
        assert (
            dialog.banner.text()
            == f"Kata sandi salah. Sisa percobaan: {5 - attempt}. Tanda tangan tidak dibuat."
        )
    qtbot.keyClicks(dialog.password_edit, "salah-5")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.attempts == 5, timeout=WAIT)
    assert dialog.isVisible() and "Akun dikunci sampai" in dialog.banner.text()
    assert not dialog.password_edit.isEnabled() and not dialog.ok_button.isEnabled()  # only Batal is left
    assert User.get(User.username == "kabid").locked_until is not None
    dialog.reject()
    assert not dialog.isVisible()


def test_the_right_password_after_a_wrong_one_is_returned(qtbot, demo_logins):
    session = auth.login("kabid", DEMO_PASSWORD)
    dialog = PasswordDialog("Tandatangani.", None, signing_check(session))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.password_edit, "keliru")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.attempts == 1, timeout=WAIT)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        qtbot.keyClicks(dialog.password_edit, DEMO_PASSWORD)
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.password() == DEMO_PASSWORD
    kabid = User.get(User.username == "kabid")
    # The wrong one was counted, then the right one started the count again (as a login, and as the
    # secured server's dd_confirm_password does).
    assert kabid.failed_logins == 0 and kabid.locked_until is None
    assert AuditLog.select().where(AuditLog.action == "konfirmasi_sandi_gagal").count() == 1


# --- Tables: sort, copy, export -------------------------------------------------------------------------


def letters(*subjects: str) -> list[sijarla.LetterReceipt]:
    meja = factories.session("meja")
    return [sijarla.register_letter(meja, factories.letter_draft(subject=s, scan=None)) for s in subjects]


def click_title(qtbot, view, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def subjects(view) -> list[str]:
    model = view.model()
    return [model.data(model.index(r, 1)) for r in range(model.rowCount())]


def test_a_worklist_sorts_by_the_column_title_clicked(qtbot, demo_logins):
    letters("Bukittinggi", "Anduring", "Cupak")
    _window, tab = window_for(qtbot, "kabid", "kabid_pelayanan")
    qtbot.waitUntil(lambda: tab.pending_count() == 3, timeout=WAIT)
    view = tab.worklist
    first_order = subjects(view)
    click_title(qtbot, view, 1)
    assert subjects(view) == ["Anduring", "Bukittinggi", "Cupak"]
    click_title(qtbot, view, 1)
    assert subjects(view) == ["Cupak", "Bukittinggi", "Anduring"]
    view.selectRow(0)
    assert view.current_entry().subject == "Cupak"  # the entry under the cursor is the one shown
    tab.refresh()  # a reload keeps the order the user chose
    qtbot.waitUntil(lambda: tab.loads_finished >= 2, timeout=WAIT)
    assert subjects(view) == ["Cupak", "Bukittinggi", "Anduring"]
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert subjects(view) == first_order
    idle(qtbot)


def test_a_table_copies_its_rows_and_exports_what_it_shows(qtbot, demo_logins, monkeypatch, tmp_path):
    receipts = letters("Pertama", "Kedua")
    _window, tab = window_for(qtbot, "kabid", "kabid_pelayanan")
    qtbot.waitUntil(lambda: tab.pending_count() == 2, timeout=WAIT)
    view = tab.worklist
    view.setFocus()
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text().split("\t")
    assert copied[0] == view.current_entry().number and copied[1] == view.current_entry().subject

    support = view.findChild(tables.TableSupport)
    monkeypatch.setattr(tables, "ask_csv_path", lambda parent, title: tmp_path / "daftar")
    menu = support.menu()
    actions = {a.text(): a for a in menu.actions() if not a.isSeparator()}
    assert list(actions) == ["Salin baris", "Salin seluruh tabel", "Ekspor ke CSV…"]
    actions["Ekspor ke CSV…"].trigger()
    written = tmp_path / "daftar.csv"
    qtbot.waitUntil(written.exists, timeout=WAIT)
    idle(qtbot)
    with open(written, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == ["Nomor", "Perihal", "Nagari", "Tenggat", "Status"]
    assert sorted(row[0] for row in rows[1:]) == sorted(r.case_reference for r in receipts)
    line = AuditLog.get(AuditLog.action == "tabel_diekspor")
    assert line.username == "kabid" and '"baris": 2' in line.detail


def test_admin_tables_wrap_long_roles_instead_of_cutting_them(qtbot, demo_logins):
    page = UsersPage(auth.login("admin", DEMO_PASSWORD))
    qtbot.addWidget(page)
    page.resize(1100, 600)  # the page beside the administrator's list at 1366x705
    page.show()
    page.ensure_loaded()
    qtbot.waitUntil(lambda: page.model.rowCount() > 5, timeout=WAIT)
    view = page.table
    qtbot.waitUntil(lambda: view.wordWrap(), timeout=WAIT)
    roles = [
        c
        for c in range(page.model.columnCount())
        if page.model.headerData(c, Qt.Orientation.Horizontal) == "Peran"
    ][0]
    metrics = view.fontMetrics()
    longest_word = max(
        metrics.horizontalAdvance(word)
        for r in range(page.model.rowCount())
        for word in str(page.model.data(page.model.index(r, roles))).split()
    )
    qtbot.waitUntil(lambda: view.columnWidth(roles) > longest_word, timeout=WAIT)  # refitted to the rows
    for row in range(page.model.rowCount()):  # each row as tall as its wrapped text
        assert view.rowHeight(row) >= view.sizeHintForRow(row)
    # No column cut off at the right (once the vertical bar the wrapped rows need has appeared).
    qtbot.waitUntil(lambda: view.horizontalHeader().length() <= view.viewport().width() + 1, timeout=WAIT)
    page.resize(700, 600)  # too narrow even for the titles and longest words: a bar, nothing cut
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() > 0, timeout=WAIT)
    assert view.columnWidth(roles) > longest_word
    idle(qtbot)


# --- The reprint list -------------------------------------------------------------------------------------


def test_the_reprint_list_shows_the_newest_letters_first_before_anything_is_typed(qtbot, demo_logins):
    older, newer = letters("Permohonan pertama", "Permohonan kedua")
    dialog = LetterReprintDialog(factories.session("meja"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.results.count() == 2, timeout=WAIT)
    assert [dialog.results.item(r).data(Qt.ItemDataRole.UserRole) for r in range(2)] == [
        newer.case_id,
        older.case_id,
    ]
    qtbot.waitUntil(lambda: dialog.case_id == newer.case_id, timeout=WAIT)  # Enter prints the newest
    qtbot.keyClicks(dialog.query_edit, "pertama")
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=WAIT)
    assert dialog.results.item(0).data(Qt.ItemDataRole.UserRole) == older.case_id
    idle(qtbot)
    QApplication.processEvents()
