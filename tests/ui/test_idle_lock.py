"""An idle main window locks: content hidden, the user's password unlocks, typed text survives."""

from __future__ import annotations

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget

from desktop.models import AuditLog, User
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.security import auth
from desktop.ui.main_window import MainWindow

WAIT = 15_000


def idle(qtbot) -> None:
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=WAIT)


def open_window(qtbot, username: str = "meja", idle_lock_ms: int = 60_000) -> MainWindow:
    window = MainWindow(auth.login(username, DEMO_PASSWORD), idle_lock_ms=idle_lock_ms)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def lock_now(qtbot, window: MainWindow) -> None:
    """What the countdown does when it runs out."""
    window.idle_lock.watcher.timer.timeout.emit()
    qtbot.waitUntil(window.idle_lock.is_locked, timeout=WAIT)


def type_password(qtbot, screen, password: str) -> None:
    qtbot.keyClicks(screen.password_edit, password)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)


def audit_actions(username: str) -> list[str]:
    return [a.action for a in AuditLog.select().where(AuditLog.username == username).order_by(AuditLog.id)]


def test_window_locks_after_the_idle_interval_and_shows_no_content(qtbot, demo_logins):
    window = open_window(qtbot, idle_lock_ms=50)
    qtbot.waitUntil(window.idle_lock.is_locked, timeout=WAIT)

    screen = window.idle_lock.screen
    assert screen.isVisible()
    assert not window.tab_widget.isVisible() and not window.header.isVisible()
    assert screen.reason_label.text() == "Sesi terkunci karena tidak ada aktivitas selama 15 menit."
    assert "Yuliani Fitri, A.Md (meja)" in screen.user_label.text()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_dialog is None  # shortcuts are off while locked
    qtbot.waitUntil(lambda: "sesi_dikunci" in audit_actions("meja"), timeout=WAIT)
    idle(qtbot)


def test_wrong_password_is_refused_and_counts_toward_the_lockout(qtbot, demo_logins):
    window = open_window(qtbot)
    lock_now(qtbot, window)
    screen = window.idle_lock.screen

    type_password(qtbot, screen, "bukan-sandinya")
    qtbot.waitUntil(lambda: screen.banner.text() != "", timeout=WAIT)
    assert screen.banner.text() == "Kata sandi salah. Sisa percobaan: 4."
    assert window.idle_lock.is_locked() and not window.tab_widget.isVisible()
    assert screen.password_edit.text() == ""
    user = User.get(User.username == "meja")
    assert user.failed_logins == 1
    failed = AuditLog.get(AuditLog.action == "buka_sesi_gagal")
    assert (failed.entity, failed.entity_id) == ("user", user.id)
    idle(qtbot)


def test_right_password_unlocks_with_everything_typed_still_there(qtbot, demo_logins):
    window = open_window(qtbot)
    form = window.tab_for("pengadministrasi_umum").form
    qtbot.keyClicks(form.letter_number_edit, "140/27/WN-KB/2026")
    window.open_search()
    search = window.search_dialog
    qtbot.keyClicks(search.query_edit, "Koto")
    idle(qtbot)
    lock_now(qtbot, window)
    assert not search.isVisible() and not form.isVisible()

    type_password(qtbot, window.idle_lock.screen, DEMO_PASSWORD)
    qtbot.waitUntil(lambda: not window.idle_lock.is_locked(), timeout=WAIT)
    assert form.isVisible() and form.letter_number_edit.text() == "140/27/WN-KB/2026"
    assert search.isVisible() and search.query_edit.text() == "Koto"
    assert audit_actions("meja")[-1] == "sesi_dibuka", audit_actions("meja")
    assert window.idle_lock.watcher.timer.isActive()  # counting down again
    idle(qtbot)


def test_a_modal_dialog_is_covered_and_keeps_its_text(qtbot, demo_logins):
    window = open_window(qtbot)
    dialog = QDialog(window)
    dialog.setModal(True)
    field = QLineEdit()
    QVBoxLayout(dialog).addWidget(field)
    dialog.resize(500, 300)
    dialog.show()
    qtbot.keyClicks(field, "1302104507510002")
    lock_now(qtbot, window)
    cover = window.idle_lock._covers[0]
    assert cover.isVisible() and cover.geometry() == dialog.rect()

    type_password(qtbot, cover, DEMO_PASSWORD)
    qtbot.waitUntil(lambda: not window.idle_lock.is_locked(), timeout=WAIT)
    assert dialog.isVisible() and field.text() == "1302104507510002"
    assert not window.idle_lock._covers
    idle(qtbot)


def test_input_to_the_window_or_its_dialogs_restarts_the_countdown(qtbot, demo_logins):
    window = open_window(qtbot)
    watcher = window.idle_lock.watcher
    form = window.tab_for("pengadministrasi_umum").form
    watcher.timer.stop()  # as if the countdown were about to run out

    qtbot.keyClick(form.letter_number_edit, Qt.Key.Key_A)
    assert watcher.timer.isActive() and watcher.timer.remainingTime() > 50_000
    seen = watcher.inputs_seen
    window.open_search()
    qtbot.keyClick(window.search_dialog.query_edit, Qt.Key.Key_B)
    assert watcher.inputs_seen > seen  # a dialog the window opened counts

    stranger = QWidget()  # input elsewhere in the application does not
    qtbot.addWidget(stranger)
    seen = watcher.inputs_seen
    qtbot.keyClick(stranger, Qt.Key.Key_C)
    assert watcher.inputs_seen == seen
    assert not window.idle_lock.is_locked()
    idle(qtbot)


def test_keluar_on_the_lock_screen_logs_out(qtbot, demo_logins):
    window = open_window(qtbot, "kabid")
    lock_now(qtbot, window)
    with qtbot.waitSignal(window.logged_out, timeout=WAIT):
        qtbot.mouseClick(window.idle_lock.screen.log_out_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert audit_actions("kabid")[-1] == "logout"
    idle(qtbot)
