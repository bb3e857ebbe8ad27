"""Running service calls off the UI thread, with success and failure callbacks.

Anything that may block (a shared PostgreSQL server, a printer, a large import or recap)
goes through `run_in_background`: the call runs on Qt's global thread pool, and exactly one
of the callbacks runs afterwards on the UI thread. Workers never touch widgets. A
`Cancellation` token lets long work stop between batches when the user asks.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.services.errors import DomainError


class Cancellation:
    """Shared by the UI (which sets it) and a worker (which checks it between batches)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, never swallowed
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)
        finally:
            _close_thread_connection()


def _close_thread_connection() -> None:
    """peewee keeps one connection per thread; a pool thread must not hold one open."""
    from desktop.services.workspace import release_thread_connection

    release_thread_connection()


_live: set[_Relay] = set()


def run_in_background(
    fn: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    parent: QObject | None = None,
) -> None:
    """Run `fn()` on the thread pool; call on_success(result) or on_failure(error) on the UI thread."""
    relay = _Relay(parent)
    _live.add(relay)

    def done() -> None:
        _live.discard(relay)
        relay.deleteLater()

    relay.succeeded.connect(on_success)
    relay.failed.connect(on_failure)
    relay.succeeded.connect(done)
    relay.failed.connect(done)
    QThreadPool.globalInstance().start(_Task(fn, relay))


def message_for(error: BaseException) -> str:
    """What to tell the user about an error, in Indonesian."""
    if isinstance(error, DomainError):
        return error.message
    return (
        "Terjadi kesalahan yang tidak terduga; data Anda belum disimpan. "
        f"Coba lagi, dan bila berulang laporkan kepada Administrator. ({type(error).__name__}: {error})"
    )


__all__ = ["Cancellation", "message_for", "run_in_background", "Slot"]
