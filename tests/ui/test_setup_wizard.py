"""The first start of a new office, through the real setup wizard: from an empty data folder to the
administrator logged in with the checklist, on SQLite and on PostgreSQL; refusals keep what was typed;
a workstation joining a database in use goes to the login window."""

from __future__ import annotations

import struct
import uuid
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QWizard

from desktop import app, config
from desktop.models import Office, User, connection, migrations
from desktop.roles import ADMINISTRATOR
from desktop.services import first_start
from desktop.services.office.reference_defaults import ensure_reference_data
from desktop.services.office.users import NewUser, add_user
from desktop.services.security import auth
from desktop.ui import setup_wizard
from desktop.ui.admin import office_page as admin_office
from desktop.ui.admin.signing_page import SignersPage
from desktop.ui.admin.workstation_page import WorkstationPage
from desktop.ui.main_window import MainWindow
from desktop.ui.setup.office_page import TEXT_FIELDS
from desktop.ui.setup_wizard import SetupOutcome, SetupWizard
from tests.ui.layout_checks import layout_problems

LEFT = Qt.MouseButton.LeftButton
WAIT = 30_000
NEXT, BACK, FINISH = (
    QWizard.WizardButton.NextButton,
    QWizard.WizardButton.BackButton,
    QWizard.WizardButton.FinishButton,
)


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\x1b\x3a\x5c" * 4 for _ in range(4)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


@pytest.fixture(autouse=True)
def closed_afterwards(qtbot, monkeypatch):
    monkeypatch.setattr(setup_wizard, "confirm_cancel", lambda parent: True)  # closing at teardown
    yield
    QThreadPool.globalInstance().waitForDone(15_000)
    QCoreApplication.processEvents()
    connection.close()


@pytest.fixture
def empty_server_database(pg_server):
    name = f"dinas_setup_{uuid.uuid4().hex[:12]}"
    pg_server.create_database(name)
    yield name
    QThreadPool.globalInstance().waitForDone(15_000)
    connection.close()
    pg_server.drop_database(name)


def wizard_for(qtbot) -> SetupWizard:
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.resize(1000, 660)
    wizard.show()
    return wizard


def press(qtbot, wizard: SetupWizard, which: QWizard.WizardButton) -> None:
    """Press a wizard button and wait until the page's background check has answered."""
    page = wizard.currentPage()
    before = page.checks_finished
    qtbot.mouseClick(wizard.button(which), LEFT)
    if which in (NEXT, FINISH) and page.busy:
        qtbot.waitUntil(lambda: page.checks_finished > before, timeout=WAIT)
    qtbot.wait(10)


def choose_server(page, pg_server, name: str) -> None:
    page.server_radio.setChecked(True)
    page.host_edit.setText(pg_server.host)
    page.port_spin.setValue(pg_server.port)
    page.name_edit.setText(name)
    page.user_edit.setText(pg_server.superuser)
    page.password_edit.setText(pg_server.password)
    page.tls_check.setChecked(False)  # the test server is on this computer: TLS is not required


def fill_office(qtbot, wizard: SetupWizard) -> None:
    page = wizard.office_page
    qtbot.waitUntil(lambda: page.kabupaten_loads >= 1, timeout=WAIT)
    page.kabupaten_combo.setCurrentIndex(page.kabupaten_combo.findData("13.02"))
    assert page.edits["government"].text() == "PEMERINTAH KABUPATEN SOLOK"
    typed = {
        "address": "Jl. Raya Solok - Padang Km. 20, Arosuka",
        "phone": "(0755) 31234",
        "email": "disdukcapil@solokkab.go.id",
        "website": "disdukcapil.solokkab.go.id",
        "city": "Arosuka",
    }
    for name, text in typed.items():
        page.edits[name].setText(text)
    page.paper_combo.setCurrentIndex(page.paper_combo.findData("F4"))


def fill_administrator(wizard: SetupWizard, password_again: str = "rahasia-kantor-1") -> None:
    page = wizard.administrator_page
    page.username_edit.setText("admin.kantor")
    page.full_name_edit.setText("Rina Marlina")
    page.nip_edit.setText("198501012010012001")
    page.jabatan_edit.setText("Pranata Komputer")
    page.password_edit.setText("rahasia-kantor-1")
    page.password_again_edit.setText(password_again)


def walk_to_the_end(qtbot, wizard: SetupWizard) -> SetupOutcome:
    press(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.office_page, wizard.database_page.banner.text()
    fill_office(qtbot, wizard)
    press(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.administrator_page, wizard.office_page.banner.text()
    fill_administrator(wizard)
    press(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.summary_page, wizard.administrator_page.banner.text()
    shown = {key: label.text() for key, label in wizard.summary_page.values.items()}
    assert shown["username"] == "admin.kantor" and shown["kabupaten"].startswith("Kabupaten Solok")
    assert shown["paper"].startswith("F4") and shown["logo"].startswith("belum")
    press(qtbot, wizard, FINISH)
    assert wizard.result() == QWizard.DialogCode.Accepted, wizard.summary_page.banner.text()
    outcome = wizard.outcome()
    assert outcome is not None and outcome.session is not None
    return outcome


def the_administrator_sees_the_checklist(qtbot, outcome: SetupOutcome) -> None:
    assert outcome.session.roles == frozenset({ADMINISTRATOR})
    window = MainWindow(outcome.session)
    qtbot.addWidget(window)
    window.show()
    tab = window.tab_for(ADMINISTRATOR)
    assert window.tab_widget.currentWidget() is tab
    checklist = tab.checklist
    assert tab.stack.currentWidget() is checklist
    qtbot.waitUntil(lambda: checklist.calls_finished >= 1, timeout=WAIT)
    assert checklist.missing() == [
        "penandatangan",
        "pengguna",
        "penomoran",
        "printer_surat",
        "printer_struk",
        "logo",
    ]
    assert "6 dari 6" in checklist.summary_label.text()
    qtbot.mouseClick(checklist.buttons["penandatangan"], LEFT)
    assert tab.stack.currentWidget() is tab.pages[SignersPage]
    tab.nav.setCurrentRow(0)  # back to the checklist: it reloads
    qtbot.waitUntil(lambda: checklist.calls_finished >= 2, timeout=WAIT)
    qtbot.mouseClick(checklist.buttons["printer_struk"], LEFT)
    assert tab.stack.currentWidget() is tab.pages[WorkstationPage]
    window.close()


# --- The whole walk, on both backends ------------------------------------------------------------------


def test_a_new_office_on_this_pc_from_an_empty_data_folder_to_the_checklist(qtbot):
    assert first_start.is_first_start()
    wizard = wizard_for(qtbot)
    assert wizard.database_page.local_radio.isChecked()
    outcome = walk_to_the_end(qtbot, wizard)
    assert config.default_sqlite_path().exists()
    assert not first_start.is_first_start()
    assert config.qsettings().value("database/url") is None  # the default file needs no setting
    office = Office.get()
    assert (office.kabupaten_code, office.paper_size, office.city) == ("13.02", "F4", "Arosuka")
    assert User.get(User.username == "admin.kantor").last_login_at is not None  # logged in for real
    the_administrator_sees_the_checklist(qtbot, outcome)


def test_a_new_office_on_an_empty_postgresql_server_to_the_checklist(qtbot, pg_server, empty_server_database):
    wizard = wizard_for(qtbot)
    choose_server(wizard.database_page, pg_server, empty_server_database)
    qtbot.mouseClick(wizard.database_page.test_button, LEFT)
    qtbot.waitUntil(lambda: wizard.database_page.tests_finished == 1, timeout=WAIT)
    assert wizard.database_page.result_label.ok()
    assert "Database kosong" in wizard.database_page.result_label.text()
    outcome = walk_to_the_end(qtbot, wizard)
    assert connection.describe(config.load_workstation_settings().database_url).backend == "postgresql"
    assert pg_server.password not in config.qsettings().value("database/url")  # in the password store
    assert not config.default_sqlite_path().exists()
    assert migrations.current_version() == migrations.LATEST_VERSION
    the_administrator_sees_the_checklist(qtbot, outcome)


# --- Refusals keep what was typed ------------------------------------------------------------------------


def test_an_unreachable_server_or_a_missing_field_is_refused_on_the_database_page(qtbot, pg_server):
    wizard = wizard_for(qtbot)
    page = wizard.database_page
    choose_server(page, pg_server, "dinasdesk")
    page.host_edit.clear()
    press(qtbot, wizard, NEXT)
    assert wizard.currentPage() is page
    assert "Alamat server wajib diisi" in page.banner.text()
    assert page.host_edit.hasFocus()
    page.host_edit.setText(pg_server.host)
    page.port_spin.setValue(1)  # nothing listens there
    press(qtbot, wizard, NEXT)
    assert wizard.currentPage() is page and "Koneksi gagal" in page.banner.text()
    assert (page.name_edit.text(), page.password_edit.text()) == ("dinasdesk", pg_server.password)
    assert config.load_workstation_settings().database_url is None
    qtbot.mouseClick(page.test_button, LEFT)
    qtbot.waitUntil(lambda: page.tests_finished == 1, timeout=WAIT)
    assert page.result_label.ok() is False


def test_refusals_on_the_office_and_administrator_pages_keep_everything_typed(qtbot, monkeypatch, tmp_path):
    wizard = wizard_for(qtbot)
    press(qtbot, wizard, NEXT)
    office = wizard.office_page
    fill_office(qtbot, wizard)
    office.edits["email"].setText("bukan-pos-el")
    press(qtbot, wizard, NEXT)
    assert wizard.currentPage() is office and "Pos-el tidak sah" in office.banner.text()
    assert office.edits["email"].hasFocus() and office.edits["city"].text() == "Arosuka"
    assert office.edits["email"].property("refused") is True  # outlined in red until it is changed

    bad = tmp_path / "lambang.png"
    bad.write_bytes(b"GIF89a not a png")
    monkeypatch.setattr(admin_office, "choose_logo", lambda parent: bad)
    qtbot.mouseClick(office.logo_button, LEFT)
    qtbot.waitUntil(lambda: "PNG" in office.banner.text(), timeout=WAIT)
    assert office.logo_png is None
    good = tmp_path / "lambang-baik.png"
    good.write_bytes(png())
    monkeypatch.setattr(admin_office, "choose_logo", lambda parent: Path(good))
    qtbot.mouseClick(office.logo_button, LEFT)
    qtbot.waitUntil(lambda: office.logo_png == png(), timeout=WAIT)
    office.edits["email"].setText("disdukcapil@solokkab.go.id")
    assert office.edits["email"].property("refused") is False
    press(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.administrator_page

    admin_page = wizard.administrator_page
    fill_administrator(wizard, password_again="rahasia-kantor-2")
    press(qtbot, wizard, NEXT)
    assert "tidak sama" in admin_page.banner.text() and admin_page.password_again_edit.hasFocus()
    admin_page.password_again_edit.setText("rahasia-kantor-1")
    admin_page.nip_edit.setText("1985 0101")
    press(qtbot, wizard, NEXT)
    assert "NIP harus 18 angka" in admin_page.banner.text() and admin_page.nip_edit.hasFocus()
    admin_page.nip_edit.setText("198501012010012001")
    admin_page.password_edit.setText("pendek")
    admin_page.password_again_edit.setText("pendek")
    press(qtbot, wizard, NEXT)
    assert "minimal 8" in admin_page.banner.text() and admin_page.password_edit.hasFocus()
    assert (admin_page.username_edit.text(), admin_page.full_name_edit.text()) == (
        "admin.kantor",
        "Rina Marlina",
    )

    press(qtbot, wizard, BACK)  # the office page still holds what was typed there
    assert wizard.currentPage() is office
    assert office.edits["email"].text() == "disdukcapil@solokkab.go.id" and office.logo_png == png()
    assert office.kabupaten_combo.currentData() == "13.02"
    press(qtbot, wizard, NEXT)
    assert wizard.currentPage() is admin_page and admin_page.password_edit.text() == "pendek"
    assert User.select().count() == 0 and Office.select().count() == 0  # nothing written yet
    admin_page.password_edit.setText("rahasia-kantor-1")
    admin_page.password_again_edit.setText("rahasia-kantor-1")
    press(qtbot, wizard, NEXT)
    assert wizard.summary_page.values["logo"].text() == "dipasang"
    press(qtbot, wizard, FINISH)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert bytes(Office.get().logo_png) == png()


def test_a_refusal_at_selesai_writes_nothing_and_keeps_the_wizard_open(qtbot):
    wizard = wizard_for(qtbot)
    press(qtbot, wizard, NEXT)
    fill_office(qtbot, wizard)
    press(qtbot, wizard, NEXT)
    fill_administrator(wizard)
    press(qtbot, wizard, NEXT)
    # another workstation finished first meanwhile
    add_user(None, NewUser("admin.lain", "Admin Lain", "rahasia-lain-1", (ADMINISTRATOR,)))
    press(qtbot, wizard, FINISH)
    assert wizard.isVisible() and wizard.currentPage() is wizard.summary_page
    assert "sudah disiapkan" in wizard.summary_page.banner.text()
    assert User.select().count() == 1 and Office.select().count() == 0


# --- A workstation joining a database in use ---------------------------------------------------------


def test_a_workstation_joining_a_configured_server_skips_to_the_login(
    qtbot, monkeypatch, pg_server, empty_server_database
):
    connection.initialize(pg_server.url(empty_server_database))
    migrations.upgrade()
    ensure_reference_data()
    add_user(None, NewUser("admin.kantor", "Rina Marlina", "rahasia-kantor-1", (ADMINISTRATOR,)))
    connection.close()

    wizard = wizard_for(qtbot)
    choose_server(wizard.database_page, pg_server, empty_server_database)
    qtbot.mouseClick(wizard.database_page.test_button, LEFT)
    qtbot.waitUntil(lambda: wizard.database_page.tests_finished == 1, timeout=WAIT)
    assert "bergabung" in wizard.database_page.result_label.text()
    press(qtbot, wizard, NEXT)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.outcome() == SetupOutcome(None, joined=True)
    assert not first_start.is_first_start()

    # app.run: the wizard says "joined", then the login window opens on that server
    shown: list[str] = []
    monkeypatch.setattr(SetupWizard, "ask", classmethod(lambda cls, parent=None: pytest.fail("no wizard")))

    def login(parent=None, demo_logins=None):
        shown.append(app.workspace.current_database().backend)
        return None

    monkeypatch.setattr(app.LoginDialog, "ask", staticmethod(login))
    assert app.run(None) == 0
    assert shown == ["postgresql"]
    assert auth.login("admin.kantor", "rahasia-kantor-1").username == "admin.kantor"


def test_run_opens_the_wizard_only_on_a_first_start(qtbot, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(SetupWizard, "ask", classmethod(lambda cls, parent=None: asked.append("wizard")))
    monkeypatch.setattr(app.LoginDialog, "ask", staticmethod(lambda *a, **k: asked.append("login")))
    assert app.run(None) == 0
    assert asked == ["wizard"]  # cancelled: the app ends, no login window

    asked.clear()
    first_start.open_local()
    add_user(None, NewUser("admin.kantor", "Rina Marlina", "rahasia-kantor-1", (ADMINISTRATOR,)))
    connection.close()
    assert app.run(None) == 0
    assert asked == ["login"]


def test_the_wizard_is_usable_with_the_keyboard_alone(qtbot):
    wizard = wizard_for(qtbot)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow, timeout=WAIT)
    database = wizard.database_page
    assert database.local_radio.hasFocus()  # each page starts on its first field
    qtbot.keyClick(database.local_radio, Qt.Key.Key_Down)
    assert database.server_radio.isChecked() and database.server_box.isEnabled()
    qtbot.keyClick(database.server_radio, Qt.Key.Key_Up)
    assert database.local_radio.isChecked() and not database.server_box.isEnabled()
    qtbot.keyClick(database.local_radio, Qt.Key.Key_Return)  # Enter presses "Lanjut"
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.office_page, timeout=WAIT)
    office = wizard.office_page
    qtbot.waitUntil(lambda: office.kabupaten_loads >= 1, timeout=WAIT)
    assert office.kabupaten_combo.hasFocus()
    qtbot.keyClick(office.kabupaten_combo, Qt.Key.Key_Down)
    assert office.kabupaten_combo.currentData()
    for _ in TEXT_FIELDS:  # Tab through Pemerintah ... Tempat surat
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert office.edits["city"].hasFocus()
    qtbot.keyClicks(office.edits["city"], "Arosuka")
    qtbot.keyClick(office.edits["city"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.administrator_page, timeout=WAIT)
    admin_page = wizard.administrator_page
    assert admin_page.username_edit.hasFocus()
    for text in ("admin.kantor", "Rina Marlina", "", "", "rahasia-kantor-1"):
        focused = QApplication.focusWidget()
        qtbot.keyClicks(focused, text)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert admin_page.password_again_edit.hasFocus()
    qtbot.keyClicks(admin_page.password_again_edit, "rahasia-kantor-1")
    qtbot.keyClick(admin_page.password_again_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=WAIT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # "Selesai" is the default button now
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted, timeout=WAIT)
    assert wizard.outcome().session.username == "admin.kantor"


def test_cancelling_after_the_first_page_asks_first_and_keeps_the_wizard_open_on_no(qtbot, monkeypatch):
    wizard = wizard_for(qtbot)
    press(qtbot, wizard, NEXT)
    wizard.office_page.edits["city"].setText("Arosuka")
    asked: list[bool] = []
    monkeypatch.setattr(setup_wizard, "confirm_cancel", lambda parent: asked.append(True) or False)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), LEFT)
    assert asked and wizard.isVisible() and wizard.office_page.edits["city"].text() == "Arosuka"
    monkeypatch.setattr(setup_wizard, "confirm_cancel", lambda parent: True)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), LEFT)
    assert wizard.result() == QWizard.DialogCode.Rejected and wizard.outcome() is None


@pytest.mark.parametrize("size", [(960, 635), (700, 480)], ids=["1366x705", "small"])
def test_no_page_squeezes_a_button_or_label_it_scrolls_instead(qtbot, size):
    wizard = wizard_for(qtbot)
    wizard.resize(*size)
    wizard.database_page.server_radio.setChecked(True)  # the longest form of the first page
    seen = []
    for _ in wizard.pages():
        qtbot.wait(30)
        page = wizard.currentPage()
        assert layout_problems(wizard) == [], page.title()
        assert page.scroll.widget().width() <= page.scroll.viewport().width(), page.title()  # nothing cut
        seen.append(wizard.currentPage())
        if wizard.currentPage() is wizard.database_page:
            wizard.database_page.local_radio.setChecked(True)
        elif wizard.currentPage() is wizard.office_page:
            fill_office(qtbot, wizard)
        elif wizard.currentPage() is wizard.administrator_page:
            fill_administrator(wizard)
        if wizard.currentPage() is not wizard.summary_page:
            press(qtbot, wizard, NEXT)
    assert seen == list(wizard.pages())
