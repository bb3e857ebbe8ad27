"""`dinas-desk --demo`: the login window comes up at once and the demo database is built behind it;
Masuk waits until it is ready."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QDialog

from desktop import app
from desktop.models import connection
from desktop.services import workspace
from desktop.services.demo.office import DEMO_PASSWORD, demo_logins
from desktop.services.errors import DatabaseUnavailable
from desktop.services.security import auth
from desktop.ui.login_dialog import LoginDialog

WAIT = 60_000


def test_masuk_waits_until_the_database_is_prepared(qtbot):
    release = threading.Event()
    dialog = LoginDialog(None, demo_logins(), office=workspace.demo_office_summary(), prepare=release.wait)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.login_button.isEnabled()
    assert dialog.login_button.text() == "Menyiapkan data demo…"
    assert "PEMERINTAH KABUPATEN SOLOK" in [
        label.text() for label in dialog.findChildren(type(dialog.version_label))
    ]
    dialog.username_edit.setText("kadis")
    dialog.password_edit.setText(DEMO_PASSWORD)
    dialog.submit()  # Enter while preparing: nothing happens
    assert dialog.session is None and not dialog.error_text()

    with qtbot.waitSignal(dialog.prepared, timeout=WAIT):
        release.set()
    assert dialog.login_button.isEnabled() and dialog.login_button.text() == "Masuk"


def test_a_demo_that_cannot_be_built_says_so_in_the_login_window(qtbot):
    def fails():
        raise DatabaseUnavailable("Database demo tidak dapat dihapus.")

    dialog = LoginDialog(None, demo_logins(), office=workspace.demo_office_summary(), prepare=fails)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.error_text() == "Database demo tidak dapat dihapus.", timeout=WAIT)
    assert not dialog.login_button.isEnabled()


def test_demo_start_lists_the_accounts_at_once_and_builds_the_demo_behind_the_login_window(
    qtbot, monkeypatch
):
    seen = {}

    def exec_until_prepared(dialog):
        seen["listed"] = dialog.demo_list.count()
        seen["waiting"] = not dialog.login_button.isEnabled()
        qtbot.waitUntil(dialog.login_button.isEnabled, timeout=WAIT)
        seen["session"] = auth.login("kadis", DEMO_PASSWORD)  # the demo database is there
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(LoginDialog, "exec", exec_until_prepared)
    try:
        assert app.run(None, demo=True) == 0
    finally:
        connection.close()
    assert seen["listed"] == len(demo_logins()) and seen["waiting"]
    assert seen["session"].username == "kadis"
