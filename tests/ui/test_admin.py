"""The Administrator tab driven as an administrator does: accounts, office settings with a stale save,
holidays, backups, the database connection test, numbering, printers; and its table models."""

from __future__ import annotations

import datetime as dt
import importlib.util
import socket
import struct
import threading
import zlib

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool

from desktop import config
from desktop.models import AuditLog, Holiday
from desktop.services import workspace, workstation
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.errors import AuthenticationFailed
from desktop.services.office import admin, backups, reference_data
from desktop.services.office.backups import BackupInfo
from desktop.services.security import auth
from desktop.ui.admin import backup_page as admin_backup
from desktop.ui.admin import office_page as admin_office
from desktop.ui.admin import printer_settings as admin_settings
from desktop.ui.admin import tables as admin_tables
from desktop.ui.admin.administrator_tab import AdministratorTab
from desktop.ui.admin.backup_page import BackupPage
from desktop.ui.admin.office_page import OfficePage
from desktop.ui.admin.reference_page import ReferencePage
from desktop.ui.admin.signing_page import NumberingPage, SignersPage
from desktop.ui.admin.user_dialog import AddUserDialog
from desktop.ui.admin.users_page import UsersPage
from desktop.ui.admin.workstation_page import WorkstationPage
from desktop.ui.common.background import calls_in_flight
from tests.conftest import free_port
from tests.db.test_backups import claim_newer_schema

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def drained(database, qtbot):
    yield
    QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.processEvents()


def login(username: str = "admin"):
    return auth.login(username, DEMO_PASSWORD)


def admin_tab(qtbot) -> AdministratorTab:
    role = next(r for r in workspace.role_catalog() if r.code == "administrator")
    tab = AdministratorTab(login(), role)
    qtbot.addWidget(tab)
    tab.resize(1240, 700)
    tab.show()
    return tab


def open_page(qtbot, tab: AdministratorTab, page_class):
    page = tab.page(page_class)
    qtbot.waitUntil(lambda: page.calls_finished >= 1, timeout=10_000)
    settle(qtbot)  # a page may load several things at once (the workstation page: two)
    return page


def settle(qtbot) -> None:
    """Let every background call (and the reloads they start) come back: a call whose outcome is still
    queued for the UI thread would otherwise answer a later wait_call in place of the call it waits for."""
    for _ in range(3):
        QThreadPool.globalInstance().waitForDone(15_000)
        qtbot.waitUntil(lambda: calls_in_flight() == 0, timeout=15_000)
        qtbot.wait(20)


def wait_call(qtbot, page, click) -> None:
    settle(qtbot)
    before = page.calls_finished
    click()
    qtbot.waitUntil(lambda: page.calls_finished > before, timeout=15_000)
    settle(qtbot)


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\x1b\x3a\x5c" * 4 for _ in range(4)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


# --- Pengguna dan peran ---------------------------------------------------------------------------


def test_a_new_account_with_several_wrong_fields_shows_each_under_its_field(qtbot, demo_logins):
    session = login()
    dialog = AddUserDialog(session, admin.role_choices(session))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username_edit, "kasi")  # taken by the demo office
    qtbot.keyClicks(dialog.nip_edit, "1975")
    qtbot.keyClicks(dialog.jabatan_edit, "Analis")
    qtbot.keyClicks(dialog.password_edit, "pendek")
    qtbot.keyClicks(dialog.password_again, "pendek")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.marks.marked() != [], timeout=10_000)
    assert dialog.marks.marked() == ["username", "full_name", "nip", "password", "roles"]
    assert dialog.marks.message("username") == "Nama pengguna 'kasi' sudah dipakai."
    assert dialog.marks.message("roles") == "Pilih paling sedikit satu peran."
    assert dialog.banner.text().startswith("5 isian perlu diperbaiki")
    assert dialog.username_edit.hasFocus()
    assert dialog.jabatan_edit.text() == "Analis" and dialog.created is None
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=10_000)


def test_admin_adds_a_user_with_two_roles_then_deactivates_and_unlocks(qtbot, demo_logins, monkeypatch):
    tab = admin_tab(qtbot)
    page: UsersPage = open_page(qtbot, tab, UsersPage)
    assert "kasi" in page.usernames()

    created = {}

    def fill_and_submit(parent, session, roles):
        dialog = AddUserDialog(session, roles, parent)
        qtbot.keyClicks(dialog.username_edit, "rahmi")
        qtbot.keyClicks(dialog.full_name_edit, "Rahmi Yanti, S.Kom")
        qtbot.keyClicks(dialog.jabatan_edit, "Analis Inovasi")
        qtbot.keyClicks(dialog.password_edit, "rahasia123")
        qtbot.keyClicks(dialog.password_again, "rahasia123")
        dialog.role_boxes["kasi_inovasi"].setChecked(True)
        dialog.role_boxes["pejabat_struktural"].setChecked(True)
        qtbot.mouseClick(dialog.save_button, LEFT)
        qtbot.waitUntil(lambda: dialog.created is not None, timeout=10_000)
        created["row"] = dialog.created
        return dialog.created

    monkeypatch.setattr(AddUserDialog, "ask", staticmethod(fill_and_submit))
    before = page.calls_finished
    qtbot.mouseClick(page.add_button, LEFT)
    qtbot.waitUntil(lambda: page.calls_finished > before and "rahmi" in page.usernames(), timeout=10_000)
    assert set(created["row"].roles) == {"kasi_inovasi", "pejabat_struktural"}
    assert page.current.username == "rahmi"  # the new account is selected
    assert page.role_boxes["kasi_inovasi"].isChecked() and page.role_boxes["pejabat_struktural"].isChecked()
    row = page.model.find(lambda u: u.username == "rahmi")
    assert page.model.data(page.model.index(row, 2)) == "Kasi Inovasi Pelayanan, Pejabat Struktural"

    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.active_button, LEFT))
    qtbot.waitUntil(lambda: page.current is not None and not page.current.is_active, timeout=10_000)
    assert page.active_button.text() == "Aktifkan"
    with pytest.raises(AuthenticationFailed, match="dinonaktifkan"):
        auth.login("rahmi", "rahasia123")
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.active_button, LEFT))
    qtbot.waitUntil(lambda: page.current.is_active, timeout=10_000)

    for _ in range(auth.MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationFailed):
            auth.login("rahmi", "salah-sandi")
    wait_call(qtbot, page, page.load)
    page.select_username("rahmi")
    assert page.unlock_button.isEnabled() and "Terkunci" in page.state_label.text()
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.unlock_button, LEFT))
    qtbot.waitUntil(lambda: not page.current.is_locked(), timeout=10_000)
    assert not page.unlock_button.isEnabled()
    assert auth.login("rahmi", "rahasia123").roles == frozenset({"kasi_inovasi", "pejabat_struktural"})


def test_the_add_user_dialog_keeps_what_was_typed_when_refused(qtbot, demo_logins):
    roles = admin.role_choices(login())
    dialog = AddUserDialog(login(), roles)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username_edit, "kasi")  # taken
    qtbot.keyClicks(dialog.full_name_edit, "Orang Lain")
    qtbot.keyClicks(dialog.password_edit, "rahasia123")
    qtbot.keyClicks(dialog.password_again, "rahasia123")
    dialog.role_boxes["pelaksana_teknis"].setChecked(True)
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.banner.text() != "", timeout=10_000)
    assert "sudah dipakai" in dialog.banner.text()
    assert dialog.created is None and dialog.full_name_edit.text() == "Orang Lain"
    assert dialog.role_boxes["pelaksana_teknis"].isChecked() and dialog.save_button.isEnabled()


# --- Pengaturan kantor ----------------------------------------------------------------------------


def test_office_settings_refuse_a_stale_save_and_keep_the_typed_values(
    qtbot, demo_logins, monkeypatch, tmp_path
):
    tab = admin_tab(qtbot)
    page: OfficePage = open_page(qtbot, tab, OfficePage)
    assert page.edits["government"].text() == "PEMERINTAH KABUPATEN SOLOK"
    assert page.preview.text.government == "PEMERINTAH KABUPATEN SOLOK"

    logo = tmp_path / "lambang.png"
    logo.write_bytes(png())
    monkeypatch.setattr(admin_office, "choose_logo", lambda parent: logo)
    wait_call(qtbot, page, page.pick_logo)
    assert page.logo_png == png() and page.preview.logo is not None

    page.edits["city"].clear()
    qtbot.keyClicks(page.edits["city"], "Solok")
    page.paper_combo.setCurrentIndex(page.paper_combo.findData("F4"))
    assert page.preview.text.city == "Solok" and page.preview.text.paper == "F4"

    # Meanwhile another administrator saves the office settings.
    other = admin.office_settings(login())
    admin.update_office(
        login(), admin.OfficeDraft(**{**vars_of(other), "phone": "(0755) 99999"}), other.version
    )

    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.save_button, LEFT))
    assert page.banner.kind == "error"
    assert "Pengaturan kantor sudah diubah oleh admin pada" in page.banner.text()
    assert page.edits["city"].text() == "Solok" and page.paper_combo.currentData() == "F4"
    assert page.logo_png == png()

    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.banner.action_button, LEFT))  # Muat ulang
    assert page.edits["phone"].text() == "(0755) 99999" and page.edits["city"].text() == "Arosuka"
    assert page.banner.action_button.text() == "Terapkan isian saya"
    qtbot.mouseClick(page.banner.action_button, LEFT)
    assert page.edits["city"].text() == "Solok" and page.paper_combo.currentData() == "F4"
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.save_button, LEFT))
    assert page.banner.kind == "success", page.banner.text()
    saved = admin.office_settings(login())
    assert (saved.city, saved.paper_size, saved.logo_png) == ("Solok", "F4", png())


def vars_of(settings: admin.OfficeSettings) -> dict:
    fields = admin.OfficeDraft.__dataclass_fields__
    return {name: getattr(settings, name) for name in fields}


# --- Penandatangan and pola penomoran -----------------------------------------------------------


def test_numbering_shows_a_live_example_of_the_next_number(qtbot, demo_logins):
    tab = admin_tab(qtbot)
    page: NumberingPage = open_page(qtbot, tab, NumberingPage)
    page.table.selectRow(page.model.find(lambda p: p.code == "surat_tugas"))
    year = dt.date.today().year
    assert page.example_label.text() == f"400.12/001/ST/Disdukcapil/{year}"
    page.klasifikasi_edit.setText("470")
    assert page.example_label.text() == f"470/001/ST/Disdukcapil/{year}"
    page.pattern_edit.setText("{klasifikasi}/{nomor}")
    assert "{nomor}" in page.example_label.text() and "#A5301F" in page.example_label.styleSheet()
    page.pattern_edit.setText("{klasifikasi}/{seq:03}/ST/{unit}/{bulan}/{year}")
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.save_button, LEFT))
    assert page.banner.kind == "success", page.banner.text()
    qtbot.waitUntil(
        lambda: page.model.row(page.model.find(lambda p: p.code == "surat_tugas")).klasifikasi == "470"
    )


def test_signers_are_chosen_per_document(qtbot, demo_logins):
    tab = admin_tab(qtbot)
    page: SignersPage = open_page(qtbot, tab, SignersPage)
    row = page.model.find(lambda s: s.purpose == "kabid_pemanfaatan")
    page.table.selectRow(row)
    kabid = login("kabidpdip").user_id
    page.user_combo.setCurrentIndex(page.user_combo.findData(kabid))
    page.title_edit.setText("KEPALA BIDANG PEMANFAATAN DATA DAN INOVASI PELAYANAN")
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.save_button, LEFT))
    assert page.banner.kind == "success", page.banner.text()
    signer = next(s for s in admin.list_signers(login()) if s.purpose == "kabid_pemanfaatan")
    assert signer.user_id == kabid and signer.version == 1


# --- Data referensi ------------------------------------------------------------------------------


def test_holidays_of_a_year_are_imported_from_the_reference_page(qtbot, demo_logins):
    tab = admin_tab(qtbot)
    reference: ReferencePage = tab.page(ReferencePage)
    page = reference.show_holidays()
    qtbot.waitUntil(lambda: page.calls_finished >= 1, timeout=10_000)
    page.year_spin.setValue(2031)
    qtbot.waitUntil(lambda: page.calls_finished >= 2, timeout=10_000)
    assert page.days() == [] and page.import_button.text() == "Impor hari libur tahun 2031"
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.import_button, LEFT))
    qtbot.waitUntil(lambda: len(page.days()) > 10, timeout=10_000)
    assert dt.date(2031, 8, 17) in page.days()
    assert "tahun 2031 ditambahkan" in page.banner.text()
    assert Holiday.select().where(Holiday.day.year == 2031).count() == len(page.days())


def test_a_code_list_grows_from_the_reference_page(qtbot, demo_logins):
    tab = admin_tab(qtbot)
    reference: ReferencePage = tab.page(ReferencePage)
    reference.tabs.setCurrentWidget(reference.outcomes_page)
    page = reference.outcomes_page
    qtbot.waitUntil(lambda: page.calls_finished >= 1, timeout=10_000)
    qtbot.keyClicks(page.code_edit, "rujuk")
    qtbot.keyClicks(page.name_edit, "Dirujuk ke kantor dinas")
    page.reason_check.setChecked(True)
    wait_call(qtbot, page, lambda: page.add())
    qtbot.waitUntil(lambda: page.model.find(lambda c: c.code == "rujuk") >= 0, timeout=10_000)
    item = page.model.row(page.model.find(lambda c: c.code == "rujuk"))
    assert item.needs_reason and item.is_active


# --- Cadangan dan pemulihan ------------------------------------------------------------------------


def test_backup_and_restore_round_trip_on_sqlite(qtbot, demo_logins, backend, monkeypatch):
    tab = admin_tab(qtbot)
    page: BackupPage = open_page(qtbot, tab, BackupPage)
    if backend == "postgresql":
        assert page.postgres_part.isVisible() and not page.sqlite_part.isVisible()
        assert "pg_dump" in page.advice_label.text()
        return
    assert page.sqlite_part.isVisible()
    existing = page.model.rowCount()  # the backups folder belongs to the whole test session
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.backup_button, LEFT))
    qtbot.waitUntil(lambda: page.model.rowCount() == existing + 1, timeout=10_000)
    assert "Cadangan dibuat" in page.banner.text()

    reference_data.add_holiday(login(), dt.date(2031, 9, 9), "Ditambah setelah cadangan")
    page.table.selectRow(0)
    asked: list[str] = []
    monkeypatch.setattr(admin_backup, "confirm", lambda parent, title, text: asked.append(text) or True)
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.restore_button, LEFT))
    assert asked and "akan hilang" in asked[0]
    assert "Database dipulihkan" in page.banner.text(), page.banner.text()
    assert not Holiday.select().where(Holiday.day == dt.date(2031, 9, 9)).exists()
    qtbot.waitUntil(lambda: page.model.rowCount() == existing + 2, timeout=10_000)  # and the safety copy


def test_restore_asks_first_and_does_nothing_when_cancelled(qtbot, demo_logins, backend, monkeypatch):
    tab = admin_tab(qtbot)
    page: BackupPage = open_page(qtbot, tab, BackupPage)
    if backend == "postgresql":  # nothing to restore from the app: pg_restore on the server
        assert not page.sqlite_part.isVisible()
        return
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.backup_button, LEFT))
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1, timeout=10_000)
    reference_data.add_holiday(login(), dt.date(2031, 9, 9), "Tetap ada")
    page.table.selectRow(0)
    monkeypatch.setattr(admin_backup, "confirm", lambda *a: False)
    calls = page.calls_finished
    qtbot.mouseClick(page.restore_button, LEFT)
    assert page.calls_finished == calls
    assert Holiday.select().where(Holiday.day == dt.date(2031, 9, 9)).exists()


def test_a_backup_from_a_newer_app_is_refused_with_advice_and_nothing_changes(
    qtbot, demo_logins, backend, monkeypatch
):
    """The page restores through the one checked restore: integrity, schema, not newer than the app."""
    if backend == "postgresql":
        return  # no restore from the app there (the test above checks the pg_dump advice)
    tab = admin_tab(qtbot)
    page: BackupPage = open_page(qtbot, tab, BackupPage)
    newer = backups.backup_now(login()).path
    claim_newer_schema(newer)
    reference_data.add_holiday(login(), dt.date(2031, 9, 9), "Tetap ada")
    copies = len(backups.list_backups(login()))  # the backups folder belongs to the whole test session
    monkeypatch.setattr(admin_backup, "confirm", lambda *a: True)
    wait_call(qtbot, page, lambda: page.restore(newer))
    refusal = page.banner.text()
    assert "versi aplikasi yang lebih baru" in refusal and "Perbarui aplikasi" in refusal
    assert Holiday.select().where(Holiday.day == dt.date(2031, 9, 9)).exists()
    assert len(backups.list_backups(login())) == copies  # refused before anything was copied aside


# --- Workstation ------------------------------------------------------------------------------------


def test_uji_koneksi_reports_success_on_the_test_server_and_failure_on_a_closed_port(
    qtbot, demo_logins, request
):
    server = request.getfixturevalue("pg_server")
    tab = admin_tab(qtbot)
    page: WorkstationPage = open_page(qtbot, tab, WorkstationPage)
    assert "Sekarang terbuka" in page.current_label.text()

    page.url_edit.setText(f"postgresql://{server.superuser}@{server.host}:{server.port}/postgres")
    page.password_edit.setText(server.password)
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.test_button, LEFT))
    assert page.result_ok() is True, page.result_label.text()
    assert page.result_label.text().startswith("✓ Koneksi berhasil")
    assert "PostgreSQL" in page.result_label.text() and server.password not in page.result_label.text()
    assert page.test_button.isEnabled() and page.test_button.text() == "Uji koneksi"

    page.url_edit.setText(f"postgresql://{server.superuser}@127.0.0.1:{free_port()}/postgres")
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.test_button, LEFT))
    assert page.result_ok() is False
    assert page.result_label.text().startswith("✗ Koneksi gagal")
    assert "#A5301F" in page.result_label.styleSheet()


def test_the_tls_rule_is_shown_refuses_a_plain_remote_url_and_can_be_turned_off(qtbot, demo_logins, request):
    server = request.getfixturevalue("pg_server")
    tab = admin_tab(qtbot)
    page: WorkstationPage = open_page(qtbot, tab, WorkstationPage)
    qtbot.waitUntil(lambda: page.require_tls_check.isChecked(), timeout=10_000)  # on by default

    page.url_edit.setText(f"postgresql://{server.superuser}@{server.host}:{server.port}/postgres")
    page.password_edit.setText(server.password)
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.test_button, LEFT))
    assert page.result_ok() is True
    assert page.result_label.text().endswith("Terhubung tanpa enkripsi")  # 127.0.0.1: this computer

    page.url_edit.setText("postgresql://dinas@10.0.0.5:5432/dinas")
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.test_button, LEFT))
    assert page.result_ok() is False
    assert "sslmode=verify-full" in page.result_label.text()
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.save_db_button, LEFT))
    assert "sslmode=verify-full" in page.banner.text()
    assert config.load_workstation_settings().database_url is None  # nothing saved

    wait_call(qtbot, page, lambda: page.require_tls_check.setChecked(False))
    assert not config.require_remote_tls()
    assert AuditLog.select().where(AuditLog.action == "kebijakan_tls_workstation").count() == 1
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.save_db_button, LEFT))
    saved = config.load_workstation_settings().database_url
    assert saved == workstation.with_password("postgresql://dinas@10.0.0.5:5432/dinas", server.password)


def test_saving_the_database_url_puts_the_password_in_the_password_store(qtbot, demo_logins, password_store):
    tab = admin_tab(qtbot)
    page: WorkstationPage = open_page(qtbot, tab, WorkstationPage)
    page.url_edit.setText("postgresql://dinas@10.0.0.5:5432/dinas?sslmode=verify-full")
    page.password_edit.setText("rahasia")
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.save_db_button, LEFT))
    assert password_store.passwords == {("Dinas Desk", "dinas@10.0.0.5:5432/dinas"): "rahasia"}
    assert (
        config.load_workstation_settings().database_url
        == "postgresql://dinas:rahasia@10.0.0.5:5432/dinas?sslmode=verify-full"
    )
    assert "10.0.0.5:5432/dinas" in page.banner.text()
    assert "brankas kata sandi Windows" in page.banner.text()
    assert page.password_edit.text() == ""  # not left on screen


def test_without_a_password_store_the_admin_is_told_where_the_password_went(qtbot, demo_logins):
    keyring.set_keyring(keyring.backends.fail.Keyring())  # the per-test store comes back after the test
    tab = admin_tab(qtbot)
    page: WorkstationPage = open_page(qtbot, tab, WorkstationPage)
    page.url_edit.setText("postgresql://dinas@10.0.0.5:5432/dinas?sslmode=verify-full")
    page.password_edit.setText("rahasia")
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.save_db_button, LEFT))
    assert page.banner.kind == "info"
    assert "Brankas kata sandi sistem operasi tidak tersedia" in page.banner.text()
    assert (
        config.load_workstation_settings().database_url
        == "postgresql://dinas:rahasia@10.0.0.5:5432/dinas?sslmode=verify-full"
    )


def test_printer_settings_are_kept_per_workstation(qtbot, demo_logins):
    tab = admin_tab(qtbot)
    page: WorkstationPage = open_page(qtbot, tab, WorkstationPage)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("serial"))
    page.serial_edit.setText("COM3")
    page.baud_combo.setCurrentIndex(page.baud_combo.findData(19200))
    page.width_buttons[58].setChecked(True)
    qtbot.mouseClick(page.save_printers_button, LEFT)
    loaded = admin_settings.load_printer_settings()
    assert loaded.receipt.address() == "serial://COM3?baud=19200" and loaded.receipt.width_mm == 58
    assert admin_settings.receipt_from_address("tcp://192.168.1.50:9100").port == 9100
    assert admin_settings.receipt_from_address("win32://EPSON TM-T20II").windows_name == "EPSON TM-T20II"


def test_a_42_column_receipt_printer_is_kept_and_reaches_the_workstation_settings(qtbot, demo_logins):
    tab = admin_tab(qtbot)
    page: WorkstationPage = open_page(qtbot, tab, WorkstationPage)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("network"))
    page.host_edit.setText("192.168.1.60")
    page.width_buttons[58].setChecked(True)
    assert [page.columns_combo.itemData(i) for i in range(page.columns_combo.count())] == [0]
    page.width_buttons[80].setChecked(True)
    assert [page.columns_combo.itemData(i) for i in range(page.columns_combo.count())] == [0, 42, 32]
    assert page.columns_combo.itemText(0) == "48 (bawaan)"
    page.columns_combo.setCurrentIndex(page.columns_combo.findData(42))
    qtbot.mouseClick(page.save_printers_button, LEFT)
    assert admin_settings.load_printer_settings().receipt.columns == 42
    saved = config.load_workstation_settings()  # what the front desk's receipt printing reads
    assert (saved.receipt_printer, saved.receipt_width_mm, saved.receipt_columns) == (
        "tcp://192.168.1.60:9100",
        80,
        42,
    )
    tab_again = admin_tab(qtbot)  # a new Administrator tab reads the saved settings
    reopened: WorkstationPage = open_page(qtbot, tab_again, WorkstationPage)
    assert reopened.columns_combo.currentData() == 42 and reopened.receipt().columns == 42
    reopened.width_buttons[58].setChecked(True)  # 42 does not fit 58 mm paper: back to its own 32
    qtbot.mouseClick(reopened.save_printers_button, LEFT)
    assert config.load_workstation_settings().receipt_columns == 0
    assert admin_settings.load_printer_settings().receipt == admin_settings.ReceiptPrinter(
        "network", host="192.168.1.60", width_mm=58
    )


def test_cetak_halaman_uji_sends_the_test_receipt_to_a_network_printer(qtbot, demo_logins):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    received = bytearray()

    def serve() -> None:
        connection, _ = listener.accept()
        with connection:
            while chunk := connection.recv(4096):
                received.extend(chunk)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    tab = admin_tab(qtbot)
    page: WorkstationPage = open_page(qtbot, tab, WorkstationPage)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("network"))
    page.host_edit.setText("127.0.0.1")
    page.port_spin.setValue(listener.getsockname()[1])
    page.width_buttons[80].setChecked(True)
    page.columns_combo.setCurrentIndex(page.columns_combo.findData(42))  # an Epson TM-T88
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.test_page_button, LEFT))
    thread.join(5)
    listener.close()
    if importlib.util.find_spec("desktop.printing.sinks") is None:  # printing not in this version
        assert "belum terpasang" in page.banner.text()
        return
    assert page.banner.kind != "error", page.banner.text()
    assert "Halaman uji terkirim" in page.print_result.text()
    assert received.startswith(b"\x1b@") and b"HALAMAN UJI PRINTER STRUK" in received
    assert b"80 mm, 42 kolom" in received and b"0123456789" * 4 + b"01\n" in received


def test_cetak_halaman_uji_says_so_when_printing_is_not_installed(qtbot, demo_logins, monkeypatch):
    from desktop.ui.admin import workstation_page as admin_workstation

    monkeypatch.setattr(admin_workstation, "SINKS_MODULE", "desktop.printing.tidak_ada")
    tab = admin_tab(qtbot)
    page: WorkstationPage = open_page(qtbot, tab, WorkstationPage)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("network"))
    page.host_edit.setText("127.0.0.1")
    wait_call(qtbot, page, lambda: qtbot.mouseClick(page.test_page_button, LEFT))
    assert "belum terpasang" in page.banner.text()


# --- Permissions in the UI, and the models ---------------------------------------------------------


def test_a_non_administrator_sees_the_services_refusal(qtbot, demo_logins):
    role = next(r for r in workspace.role_catalog() if r.code == "administrator")
    tab = AdministratorTab(login("kasi"), role)  # as if a stale window still showed the tab
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.checklist.calls_finished >= 1, timeout=10_000)  # the first page
    assert "hanya untuk Administrator" in tab.checklist.banner.text()
    page = tab.page(UsersPage)
    qtbot.waitUntil(lambda: page.calls_finished >= 1, timeout=10_000)
    assert page.banner.kind == "error" and "hanya untuk Administrator" in page.banner.text()
    assert page.model.rowCount() == 0


def test_every_admin_table_model_passes_the_qt_model_tester(qtmodeltester, demo_logins, tmp_path):
    actor = login()
    kecamatan = reference_data.list_kecamatan(actor)[0]
    nagari = reference_data.list_nagari(actor, kecamatan.id)[0]
    reference_data.add_jorong(actor, nagari.id, "Jorong Koto")
    backup = tmp_path / "dinas-desk-cadangan.sqlite3"
    backup.write_bytes(b"x" * 2048)
    cases = [
        (admin_tables.UsersTableModel(), admin.list_users(actor)),
        (admin_tables.SignersTableModel(), admin.list_signers(actor)),
        (admin_tables.PatternsTableModel(), admin.list_patterns(actor)),
        (admin_tables.NagariTableModel(), reference_data.list_nagari(actor, kecamatan.id)),
        (admin_tables.JorongTableModel(), reference_data.list_jorong(actor, nagari.id)),
        (admin_tables.CodesTableModel(), reference_data.list_codes(actor, "kategori")),
        (admin_tables.HolidaysTableModel(), reference_data.list_holidays(actor, dt.date.today().year)),
        (
            admin_tables.BackupsTableModel(),
            [BackupInfo(backup, backup.name, 2048, dt.datetime(2026, 11, 2, 8, 0), None)],
        ),
    ]
    for model, rows in cases:
        assert rows, type(model).__name__
        model.set_rows(rows)
        qtmodeltester.check(model, force_py=True)
    users, backups = cases[0][0], cases[-1][0]
    assert users.headerData(0, Qt.Orientation.Horizontal) == "Nama"
    assert backups.data(backups.index(0, 2)) == "2 KB"
    assert backups.data(backups.index(0, 3)) == "Lainnya"
