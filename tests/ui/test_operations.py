"""Background calls: results and errors come back on the UI thread, the window never waits."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from desktop.services.errors import InvalidInput
from desktop.ui.operations import Cancellation, message_for, run_in_background


def test_result_arrives_on_the_ui_thread(qtbot):
    seen: dict[str, object] = {}
    ui_thread = QThread.currentThread()

    def work() -> int:
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return 42

    def ok(result) -> None:
        seen["result"] = result
        seen["on_ui_thread"] = QThread.currentThread() is ui_thread

    run_in_background(work, ok, lambda e: seen.setdefault("error", e))
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen == {"worker": True, "result": 42, "on_ui_thread": True}


def test_domain_error_reaches_the_failure_callback_with_its_message(qtbot):
    errors: list[BaseException] = []

    def work() -> None:
        raise InvalidInput("NIK harus 16 angka (0-9).")

    run_in_background(work, lambda r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert message_for(errors[0]) == "NIK harus 16 angka (0-9)."
    assert "tidak terduga" in message_for(RuntimeError("boom"))


def test_cancellation_is_seen_by_the_worker(qtbot):
    token = Cancellation()
    results: list[int] = []

    def work() -> int:
        done = 0
        while not token.cancelled and done < 10_000_000:
            done += 1
        return done

    token.cancel()
    run_in_background(work, results.append, lambda e: None)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [0]
