"""Locking an idle window: a countdown reset by every key and mouse input, and the lock screen.

When no one has touched the main window (or a dialog it opened) for the office's lock time,
its content is swapped for a lock screen: nothing personal stays visible, but every form keeps
what was typed in it. Non-modal dialogs are hidden and come back on unlock; a modal dialog
(which blocks the window) is covered by a lock screen of its own. Background work goes on.
The password is checked by auth.verify_session_password, where a wrong one counts like a
failed login.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.security import auth, session_lock
from desktop.services.session import Session
from desktop.ui.common.background import run_for
from desktop.ui.common.forms import Banner, card_layout, heading, muted, primary_button
from desktop.ui.common.operations import message_for

log = logging.getLogger(__name__)

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
    }
)


def belongs_to(widget: QWidget, window: QWidget) -> bool:
    """Whether `widget` is in `window` or in a dialog it (or one of its dialogs) opened."""
    top: QWidget | None = widget.window()
    while top is not None:
        if top is window:
            return True
        parent = top.parentWidget()
        top = parent.window() if parent is not None else None
    return False


class IdleWatcher(QObject):
    """An application-wide event filter: `idle` fires after `interval_ms` without input to `window`."""

    idle = Signal()

    def __init__(self, window: QWidget, interval_ms: int):
        super().__init__(window)  # no attribute holds the window: no cycle keeps a closed window alive
        self.watching = False  # off while the window is locked: the lock screen's typing does not count
        self.inputs_seen = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.idle)
        QApplication.instance().installEventFilter(self)

    def start(self) -> None:
        self.watching = True
        self.timer.start()

    def stop(self) -> None:
        self.watching = False
        self.timer.stop()

    def detach(self) -> None:
        """Stop watching for good (the window is closing)."""
        self.stop()
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in INPUT_EVENTS
            and self.watching
            and watched.isWidgetType()
            and belongs_to(watched, self.parent())
        ):
            self.inputs_seen += 1
            self.timer.start()
        return False


class LockScreen(QWidget):
    """Who is logged in, why the window is locked, a password field, Buka and Keluar."""

    unlock_requested = Signal(str)
    log_out_requested = Signal()

    def __init__(self, session: Session, minutes: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("LockScreen")
        self.setAutoFillBackground(True)
        title = heading(self.tr("Sesi terkunci"), 1.4)
        self.reason_label = QLabel(
            self.tr("Sesi terkunci karena tidak ada aktivitas selama %1 menit.").replace("%1", str(minutes))
        )
        self.user_label = QLabel(
            self.tr("Masuk sebagai %1 (%2).").replace("%1", session.full_name).replace("%2", session.username)
        )
        self.user_label.setWordWrap(True)
        hint = muted(self.tr("Ketik kata sandi Anda untuk melanjutkan."))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Kata sandi"))
        self.password_edit.returnPressed.connect(self._unlock)
        self.banner = Banner()
        self.unlock_button = primary_button(self.tr("Buka"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        self.log_out_button = QPushButton(self.tr("Keluar"))
        self.log_out_button.clicked.connect(self.log_out_requested)
        self._lay_out(title, hint)

    def _lay_out(self, title: QLabel, hint: QLabel) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.log_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        box = QFrame()
        box.setObjectName("Card")
        box.setFixedWidth(480)  # word-wrapped labels get their height for a known width
        column = card_layout(box)
        for widget in (title, self.reason_label, self.user_label, hint, self.password_edit, self.banner):
            column.addWidget(widget)
        column.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def _unlock(self) -> None:
        self.set_busy(True)
        self.unlock_requested.emit(self.password_edit.text())

    def set_busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy)
        self.password_edit.setEnabled(not busy)

    def refuse(self, message: str) -> None:
        self.set_busy(False)
        self.banner.show_message(message)
        self.password_edit.clear()
        self.password_edit.setFocus()

    def reset(self) -> None:
        self.set_busy(False)
        self.password_edit.clear()
        self.banner.clear()


class IdleLock(QObject):
    """Locks `window` (whose content is page 0 of `stack`) after the office's idle time.

    Keluar on a lock screen emits `log_out_requested`; the window logs out.
    """

    locked = Signal()
    unlocked = Signal()
    log_out_requested = Signal()

    def __init__(
        self,
        window: QWidget,
        stack: QStackedWidget,
        session: Session,
        shortcuts: list[QShortcut],
        interval_ms: int | None = None,
    ):
        super().__init__(window)
        self.stack, self.session, self._shortcuts = stack, session, shortcuts
        minutes = session_lock.idle_lock_minutes()
        self.minutes = minutes or 0
        self.screen = LockScreen(session, self.minutes)
        self.screen.unlock_requested.connect(self.try_unlock)
        self.screen.log_out_requested.connect(self.log_out)
        stack.addWidget(self.screen)
        self._hidden: list[QWidget] = []
        self._covers: list[LockScreen] = []
        self.watcher: IdleWatcher | None = None
        if minutes is not None or interval_ms is not None:
            self.watcher = IdleWatcher(window, interval_ms or self.minutes * 60_000)
            self.watcher.idle.connect(self.lock)
            self.watcher.start()

    def is_locked(self) -> bool:
        return self.stack.currentWidget() is self.screen

    def lock(self) -> None:
        """Hide everything personal behind the lock screen; typed text stays in its widgets."""
        if self.is_locked():
            return
        if self.watcher is not None:
            self.watcher.stop()
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
        self._hide_dialogs()
        self.screen.reset()
        self.stack.setCurrentWidget(self.screen)
        self.screen.password_edit.setFocus()
        self._record_lock()
        self.locked.emit()

    def _record_lock(self) -> None:
        """On the UI thread, so the audit log has the lock before any unlock or logout (no one is typing)."""
        try:
            session_lock.record_locked(self.session, self.minutes)
        except Exception:  # an unreachable database must not keep the window unlocked
            log.exception("idle lock not written to the audit log")

    def _hide_dialogs(self) -> None:
        window = self.parent()
        for top in QApplication.topLevelWidgets():
            if top is window or not top.isVisible() or not belongs_to(top, window):
                continue
            if isinstance(top, QDialog) and top.isModal():
                self._cover(top)  # hiding would end its exec() and lose what it holds
            else:
                top.hide()
                self._hidden.append(top)

    def _cover(self, dialog: QDialog) -> None:
        cover = LockScreen(self.session, self.minutes, dialog)
        cover.setGeometry(dialog.rect())
        cover.unlock_requested.connect(self.try_unlock)
        cover.log_out_requested.connect(self.log_out)
        cover.show()
        cover.raise_()
        cover.password_edit.setFocus()
        self._covers.append(cover)

    def try_unlock(self, password: str) -> None:
        session = self.session
        run_for(self, lambda: auth.verify_session_password(session, password), self._unlocked, self._refused)

    def _refused(self, error: BaseException) -> None:
        for screen in (self.screen, *self._covers):
            screen.refuse(message_for(error))

    def _unlocked(self, _result: object = None) -> None:
        for cover in self._covers:
            cover.deleteLater()
        self._covers.clear()
        for top in self._hidden:
            if shiboken6.isValid(top):  # a dialog closed by its own background work is gone
                top.show()
        self._hidden.clear()
        self.stack.setCurrentIndex(0)
        self.screen.reset()
        for shortcut in self._shortcuts:
            shortcut.setEnabled(True)
        if self.watcher is not None:
            self.watcher.start()
        self.unlocked.emit()

    def log_out(self) -> None:
        """Keluar from the lock screen: the window asks about unsaved text, then logs out (and calls
        close_dialogs)."""
        self.log_out_requested.emit()

    def close_dialogs(self) -> None:
        """The user is leaving: close what the covered dialogs were asking, without another question."""
        for cover in self._covers:
            dialog = cover.parentWidget()
            if isinstance(dialog, QDialog):
                getattr(dialog, "discard", dialog.reject)()
        self._covers.clear()
        self._hidden.clear()

    def detach(self) -> None:
        if self.watcher is not None:
            self.watcher.detach()
