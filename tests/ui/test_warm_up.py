"""While the login window waits, the main window's modules are imported on a worker thread."""

from __future__ import annotations

import importlib
import threading

from PySide6.QtCore import QObject

from desktop.ui import warm_up
from desktop.ui.common.background import calls_in_flight
from desktop.ui.tabs import TAB_MODULES


def test_the_main_window_and_every_tab_module_are_imported_off_the_ui_thread(qtbot, monkeypatch):
    seen: list[tuple[str, threading.Thread]] = []
    real = importlib.import_module

    def recording(name, package=None):
        seen.append((name, threading.current_thread()))
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", recording)
    owner = QObject()
    warm_up.start_later(owner, delay_ms=0)
    qtbot.waitUntil(lambda: calls_in_flight() == 0 and len(seen) >= 1 + len(TAB_MODULES), timeout=30_000)
    names = [name for name, _thread in seen]
    assert names[0] == "desktop.ui.main_window" and set(TAB_MODULES.values()) <= set(names)
    assert all(thread is not threading.main_thread() for _name, thread in seen)


def test_a_login_loop_that_ends_at_once_imports_nothing_ahead(qtbot, monkeypatch):
    calls = []
    monkeypatch.setattr(warm_up, "import_all", lambda: calls.append(1))
    owner = QObject()
    warm_up.start_later(owner, delay_ms=30)
    owner.deleteLater()
    qtbot.wait(200)
    assert calls == []
