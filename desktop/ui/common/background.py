"""The one background helper: a service call off the UI thread, its outcome back on it.

Anything that may block (a shared PostgreSQL server, a printer, a large import or recap) goes
through `run_for(receiver, fn, on_success, on_failure)`: `fn` runs on Qt's global thread pool
and exactly one of the callbacks runs afterwards on the UI thread, or none when `receiver` is
gone by then (a tab of a window that was closed, a dialog the user dismissed, a test ending).
Workers never touch widgets.

Ownership: no per-call QObject exists. Workers post their outcome through one long-lived
dispatcher that belongs to this module, never to a widget, so nothing a worker emits on can be
deleted under it. The callbacks, `fn` and the receiver stay in a registry that only the UI
thread reads and writes; a worker never holds the last reference to anything that owns a
widget, so no widget is ever released on a pool thread.
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot

_SUCCEEDED, _FAILED, _PROGRESSED, _FINISHED = "succeeded", "failed", "progressed", "finished"


@dataclass
class _Call:
    receiver: QObject
    fn: Callable[..., Any]
    on_success: Callable[[Any], None]
    on_failure: Callable[[BaseException], None]
    on_progress: Callable[[Any], None] | None


class _Dispatcher(QObject):
    """Lives on the UI thread for the whole session; workers emit `posted`, the UI thread delivers."""

    posted = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.calls: dict[int, _Call] = {}  # read and written on the UI thread only
        self.outcomes: dict[int, tuple[str, Any]] = {}  # a worker's result or error, for the UI thread
        self.posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _deliver(self, message: tuple[int, str, Any]) -> None:
        call_id, kind, value = message
        if kind == _FINISHED:
            kind, value = self.outcomes.pop(call_id)
        call = self.calls.get(call_id)
        if call is None:
            return
        if kind != _PROGRESSED:
            del self.calls[call_id]
        if not shiboken6.isValid(call.receiver):
            return
        if kind == _SUCCEEDED:
            call.on_success(value)
        elif kind == _FAILED:
            call.on_failure(value)
        elif call.on_progress is not None:
            call.on_progress(value)


_dispatcher: _Dispatcher | None = None
_ids = itertools.count(1)


def _the_dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None or not shiboken6.isValid(_dispatcher):
        _dispatcher = _Dispatcher()
        app = QCoreApplication.instance()
        if app is not None:
            _dispatcher.moveToThread(app.thread())
    return _dispatcher


class _Task(QRunnable):
    def __init__(self, call_id: int, fn: Callable[..., Any], dispatcher: _Dispatcher, reports: bool):
        super().__init__()
        self.call_id = call_id
        self.fn: Callable[..., Any] | None = fn
        self.dispatcher = dispatcher
        self.reports = reports
        self.setAutoDelete(True)

    def report(self, value: Any) -> None:
        self.dispatcher.posted.emit((self.call_id, _PROGRESSED, value))

    def run(self) -> None:
        fn, self.fn = self.fn, None  # the registry keeps it alive until the UI thread is done
        try:
            outcome: tuple[str, Any] = (_SUCCEEDED, fn(self.report) if self.reports else fn())  # type: ignore[misc]
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, never swallowed
            outcome = (_FAILED, exc)
        finally:
            del fn
            _close_thread_connection()
        # Hand the outcome over and drop this thread's reference before the UI thread can see it:
        # whatever the result or the error's traceback holds is then released on the UI thread.
        self.dispatcher.outcomes[self.call_id] = outcome
        del outcome
        self.dispatcher.posted.emit((self.call_id, _FINISHED, None))


def _close_thread_connection() -> None:
    """peewee keeps one connection per thread; a pool thread must not hold one open."""
    from desktop.services.workspace import release_thread_connection

    release_thread_connection()


def run_for(
    receiver: QObject,
    fn: Callable[..., Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    on_progress: Callable[[Any], None] | None = None,
) -> None:
    """Run `fn()` on the thread pool; on_success(result) or on_failure(error) on the UI thread.

    Callbacks run only while `receiver` still exists. With `on_progress`, `fn` is called as
    `fn(report)`: each `report(value)` from the worker reaches on_progress(value) on the UI thread.
    """
    dispatcher = _the_dispatcher()
    call_id = next(_ids)
    dispatcher.calls[call_id] = _Call(receiver, fn, on_success, on_failure, on_progress)
    QThreadPool.globalInstance().start(_Task(call_id, fn, dispatcher, on_progress is not None))


def later(owner: QObject, delay_ms: int, fn: Callable[[QObject], None]) -> None:
    """`fn(owner)` on the UI thread `delay_ms` from now, unless `owner` is gone by then.

    The timer holds `owner` weakly: a closure over it would keep it alive, and the call would run
    anyway, after whatever owned it (a login loop, a test) has ended.
    """
    ref = weakref.ref(owner)

    def fire() -> None:
        alive = ref()
        if alive is not None:
            fn(alive)

    QTimer.singleShot(delay_ms, owner, fire)


def calls_in_flight() -> int:
    """How many background calls have not delivered their outcome yet (for tests)."""
    return len(_the_dispatcher().calls)
