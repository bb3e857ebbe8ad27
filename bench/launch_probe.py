"""A launcher for bench_app.measure_launch: starts the app (or a bare window) and reports first paints.

    python bench/launch_probe.py bare
    python bench/launch_probe.py app [--login USER PASSWORD] -- DINAS-DESK-ARGS...

It watches paint events from outside the app: QApplication is replaced, before the app imports it,
by a subclass that installs an event filter, and the app is then run as `python -m desktop` would.
So it needs no hook in the app and measures any checkout. It prints, and flushes:

    BENCH login              the first paint of a dialog with a password field (the login window)
    BENCH main <ms>          with --login: the first paint of a main window, <ms> after the login
                             was submitted (Return in the password field, as a user submits it)
    BENCH bare               the first paint of the bare window

and ends the process at once (os._exit) after the last line it was asked for.
"""

from __future__ import annotations

import os
import runpy
import sys
import time
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

# The checkout this file is in, before any installed copy of the app.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _done(line: str) -> None:
    print(f"BENCH {line}", flush=True)
    os._exit(0)


def _password_field(window: QtWidgets.QWidget) -> QtWidgets.QLineEdit | None:
    for edit in window.findChildren(QtWidgets.QLineEdit):
        if edit.echoMode() == QtWidgets.QLineEdit.EchoMode.Password and edit.isVisible():
            return edit
    return None


class Watcher(QtCore.QObject):
    def __init__(self, login: tuple[str, str] | None):
        super().__init__()
        self.login = login
        self.submitted_at: float | None = None
        self.login_seen = False

    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() != QtCore.QEvent.Type.Paint
            or not isinstance(obj, QtWidgets.QWidget)
            or not obj.isWindow()
        ):
            return False
        if isinstance(obj, QtWidgets.QMainWindow) and self.submitted_at is not None:
            _done(f"main {(time.perf_counter() - self.submitted_at) * 1000:.1f}")
        elif isinstance(obj, QtWidgets.QDialog) and not self.login_seen and _password_field(obj):
            self.login_seen = True
            print("BENCH login", flush=True)
            if self.login is None:
                os._exit(0)
            QtCore.QTimer.singleShot(0, lambda: self.submit(obj))
        return False

    def submit(self, dialog: QtWidgets.QWidget) -> None:
        assert self.login is not None
        password = _password_field(dialog)
        assert password is not None
        others = [e for e in dialog.findChildren(QtWidgets.QLineEdit) if e is not password and e.isVisible()]
        others[0].setText(self.login[0])
        password.setText(self.login[1])
        password.setFocus()
        key = QtCore.Qt.Key.Key_Return
        self.submitted_at = time.perf_counter()
        for kind in (QtCore.QEvent.Type.KeyPress, QtCore.QEvent.Type.KeyRelease):
            QtWidgets.QApplication.postEvent(
                password, QtGui.QKeyEvent(kind, key, QtCore.Qt.KeyboardModifier.NoModifier)
            )


def _install(watcher: Watcher) -> None:
    base = QtWidgets.QApplication

    class ProbeApplication(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.installEventFilter(watcher)

    QtWidgets.QApplication = ProbeApplication  # type: ignore[misc]


def _bare() -> None:
    app = QtWidgets.QApplication([])
    watcher = Watcher(None)
    watcher.eventFilter = lambda obj, event: (
        (  # type: ignore[method-assign]
            event.type() == QtCore.QEvent.Type.Paint
            and obj.isWidgetType()
            and obj.isWindow()
            and _done("bare")
        )
        or False
    )
    app.installEventFilter(watcher)
    window = QtWidgets.QWidget()
    window.resize(640, 480)
    window.show()
    app.exec()


def main(argv: list[str]) -> None:
    if argv[:1] == ["bare"]:
        _bare()
        return
    args = argv[1 : argv.index("--")]
    login = (args[1], args[2]) if args[:1] == ["--login"] else None
    _install(Watcher(login))
    sys.argv = ["dinas-desk", *argv[argv.index("--") + 1 :]]
    runpy.run_module("desktop", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
