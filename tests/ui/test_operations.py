"""Background calls: outcomes and progress come back on the UI thread, only to receivers still alive."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread
from PySide6.QtWidgets import QDialog, QWidget

from desktop.services.errors import InvalidInput
from desktop.ui.common.background import calls_in_flight, run_for
from desktop.ui.common.operations import Cancellation, message_for

WAIT = 5000


def settled(qtbot) -> None:
    qtbot.waitUntil(lambda: calls_in_flight() == 0, timeout=WAIT)


def test_result_arrives_on_the_ui_thread(qtbot):
    receiver = QObject()
    seen: dict[str, object] = {}
    ui_thread = QThread.currentThread()

    def work() -> int:
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return 42

    def ok(result) -> None:
        seen["result"] = result
        seen["on_ui_thread"] = QThread.currentThread() is ui_thread

    run_for(receiver, work, ok, lambda e: seen.setdefault("error", e))
    qtbot.waitUntil(lambda: "result" in seen, timeout=WAIT)
    assert seen == {"worker": True, "result": 42, "on_ui_thread": True}
    settled(qtbot)


def test_domain_error_reaches_the_failure_callback_with_its_message(qtbot):
    receiver = QObject()
    errors: list[BaseException] = []

    def work() -> None:
        raise InvalidInput("NIK harus 16 angka (0-9).")

    run_for(receiver, work, lambda r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT)
    assert message_for(errors[0]) == "NIK harus 16 angka (0-9)."
    assert "tidak terduga" in message_for(RuntimeError("boom"))


def test_cancelling_stops_a_running_worker_between_batches(qtbot):
    receiver = QObject()
    token = Cancellation()
    started = threading.Event()
    results: list[int] = []

    def work() -> int:
        done = 0
        started.set()
        while not token.cancelled:
            done += 1
        return done

    run_for(receiver, work, results.append, lambda e: None)
    assert started.wait(WAIT / 1000)
    token.cancel()
    qtbot.waitUntil(lambda: bool(results), timeout=WAIT)
    assert results[0] > 0


def test_progress_arrives_in_order_on_the_ui_thread_before_the_result(qtbot):
    receiver = QObject()
    ui_thread = QThread.currentThread()
    events: list[tuple[str, object, bool]] = []

    def work(report) -> str:
        for step in range(1, 4):
            report(step)
        return "selesai"

    def note(kind: str):
        return lambda value: events.append((kind, value, QThread.currentThread() is ui_thread))

    run_for(receiver, work, note("ok"), note("error"), on_progress=note("progress"))
    qtbot.waitUntil(lambda: any(kind == "ok" for kind, _v, _t in events), timeout=WAIT)
    assert events == [
        ("progress", 1, True),
        ("progress", 2, True),
        ("progress", 3, True),
        ("ok", "selesai", True),
    ]


def test_closing_the_receiving_widget_mid_operation_drops_its_callbacks(qtbot):
    gate = threading.Event()
    calls: list[object] = []
    widget = QWidget()
    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    widget.show()

    def work(report) -> str:
        report("separuh")
        gate.wait(WAIT / 1000)
        report("hampir")
        return "hasil"

    run_for(widget, work, calls.append, calls.append, on_progress=calls.append)
    qtbot.waitUntil(lambda: calls == ["separuh"], timeout=WAIT)
    widget.close()  # deleteLater: the widget is gone before the worker finishes
    qtbot.waitUntil(lambda: not shiboken6.isValid(widget), timeout=WAIT)
    gate.set()
    settled(qtbot)
    assert calls == ["separuh"]


def test_a_dialog_whose_parent_window_dies_first_gets_nothing_and_nothing_crashes(qtbot):
    gate = threading.Event()
    calls: list[object] = []
    window = QWidget()
    dialogs = [QDialog(window) for _ in range(20)]
    for index, dialog in enumerate(dialogs):
        run_for(dialog, lambda i=index: (gate.wait(WAIT / 1000), i)[1], calls.append, calls.append)
    survivor = QObject()
    run_for(survivor, lambda: "tetap", calls.append, calls.append)
    shiboken6.delete(window)  # takes its dialogs with it, mid-operation
    gate.set()
    settled(qtbot)
    assert calls == ["tetap"]


class _Probe(QObject):
    """A receiver that notes on which thread Python let go of it."""

    def __init__(self, released_on: list[bool]):
        super().__init__()
        self.released_on = released_on

    def __del__(self) -> None:
        self.released_on.append(threading.current_thread() is threading.main_thread())


def test_a_receiver_held_only_by_the_call_is_released_on_the_ui_thread(qtbot):
    released_on: list[bool] = []
    for _ in range(30):
        probe = _Probe(released_on)
        run_for(probe, lambda p=probe: p.objectName(), lambda r, p=probe: p.objectName(), lambda e: None)
        del probe
    settled(qtbot)
    assert released_on == [True] * 30
