"""The login dialog: what a user sees after a wrong password, a lockout, and a good login."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.security.auth import MAX_FAILED_LOGINS
from desktop.ui.login_dialog import LoginDialog


def make_dialog(qtbot, demo_logins=None) -> LoginDialog:
    dialog = LoginDialog(None, demo_logins)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_login(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username_edit.clear()
    qtbot.keyClicks(dialog.username_edit, username)
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, password)


def test_wrong_password_shows_attempts_left(qtbot, demo_logins):
    dialog = make_dialog(qtbot)
    type_login(qtbot, dialog, "kadis", "bukan-sandinya")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)

    assert dialog.error_text() == "Nama pengguna atau kata sandi salah. Sisa percobaan: 4."
    assert dialog.session is None
    assert dialog.isVisible()
    assert dialog.password_edit.text() == ""
    assert dialog.username_edit.text() == "kadis"


def test_repeated_failures_lock_the_account_and_say_for_how_long(qtbot, demo_logins):
    dialog = make_dialog(qtbot)
    for _ in range(MAX_FAILED_LOGINS):
        type_login(qtbot, dialog, "meja", "salah-lagi")
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert "Akun dikunci sampai" in dialog.error_text()

    type_login(qtbot, dialog, "meja", DEMO_PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert "Akun terkunci" in dialog.error_text()
    assert "menit" in dialog.error_text()
    assert dialog.session is None


def test_empty_fields_are_asked_for_before_the_database(qtbot, demo_logins):
    dialog = make_dialog(qtbot)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.error_text() == "Isi nama pengguna."

    qtbot.keyClicks(dialog.username_edit, "kadis")
    qtbot.keyClick(dialog.username_edit, Qt.Key.Key_Return)
    assert dialog.error_text() == "Isi kata sandi."


def test_enter_with_the_right_password_logs_in(qtbot, demo_logins):
    dialog = make_dialog(qtbot)
    type_login(qtbot, dialog, "kadis", DEMO_PASSWORD)
    with qtbot.waitSignal(dialog.logged_in) as blocker:
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    session = blocker.args[0]
    assert session.username == "kadis"
    assert dialog.session == session
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_ask_returns_the_session_of_the_user_who_logged_in(qtbot, demo_logins):
    def log_in_when_shown():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        type_login(qtbot, dialog, "Admin ", DEMO_PASSWORD)
        dialog.submit()

    QTimer.singleShot(0, log_in_when_shown)
    session = LoginDialog.ask(None)

    assert session is not None
    assert session.username == "admin"
    assert session.full_name == "Rahmat Hidayat, S.Kom"
    assert session.roles == frozenset({"administrator"})


def test_ask_returns_none_when_cancelled(qtbot, demo_logins):
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert LoginDialog.ask(None) is None


def test_dialog_shows_the_office_and_the_version(qtbot, demo_logins):
    dialog = make_dialog(qtbot)
    texts = [label.text() for label in dialog.findChildren(type(dialog.version_label))]
    assert "PEMERINTAH KABUPATEN SOLOK" in texts
    assert "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL" in texts
    assert dialog.version_label.text().startswith("Versi ")


def test_clicking_a_demo_account_fills_the_username(qtbot, demo_logins):
    dialog = make_dialog(qtbot, demo_logins)
    assert dialog.demo_list is not None
    assert dialog.demo_list.count() == len(demo_logins)
    row = [login.username for login in demo_logins].index("kabid")
    item = dialog.demo_list.item(row)
    rect = dialog.demo_list.visualItemRect(item)
    qtbot.mouseClick(dialog.demo_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert dialog.username_edit.text() == "kabid"
    assert dialog.password_edit.text() == ""


def test_without_demo_logins_there_is_no_demo_list(qtbot, demo_logins):
    dialog = make_dialog(qtbot)
    assert dialog.demo_list is None
