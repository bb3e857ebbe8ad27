"""While the login window waits for the user, the main window's modules are imported on a worker thread.

The login path imports nothing the login window does not need (desktop/app.py), so the main window
and its tabs' screens would be imported after Masuk, between the password check and the window. A
person takes seconds to type a password: that time imports them instead, off the UI thread (module
code here creates no QObject, only value types such as QColor and QSize, which any thread may make).
An import that fails here is only logged: the same import runs again when the tab is first shown.
"""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QObject

from desktop.ui.common.background import later, run_for

log = logging.getLogger(__name__)

START_DELAY_MS = 300  # after the login window has painted
MAIN_WINDOW = "desktop.ui.main_window"


def start_later(owner: QObject, delay_ms: int = START_DELAY_MS) -> None:
    """Import the main window and every tab's module on a worker thread, `delay_ms` from now."""
    later(owner, delay_ms, lambda alive: run_for(alive, import_all, _done, _failed))


def import_all() -> int:
    """Import the main window and every role tab's module; how many modules (runs on a worker thread)."""
    importlib.import_module(MAIN_WINDOW)
    from desktop.ui.tabs import TAB_MODULES

    for module in TAB_MODULES.values():
        importlib.import_module(module)
    return 1 + len(TAB_MODULES)


def _done(count: int) -> None:
    log.debug("warmed up %d modules", count)


def _failed(error: BaseException) -> None:
    log.warning("warm-up import failed (imported again when needed): %s", error)
