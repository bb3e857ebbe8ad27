"""What background operations share besides running: a cancellation token and the error message.

Running a call off the UI thread is `desktop.ui.common.background.run_for`, the one helper.
A `Cancellation` lets long work stop between batches when the user asks; `message_for` turns
an error that reached a failure callback into what the user reads.
"""

from __future__ import annotations

import threading

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


def message_for(error: BaseException) -> str:
    """What to tell the user about an error, in Indonesian."""
    if isinstance(error, DomainError):
        return error.message
    return (
        "Terjadi kesalahan yang tidak terduga; data Anda belum disimpan. "
        f"Coba lagi, dan bila berulang laporkan kepada Administrator. ({type(error).__name__}: {error})"
    )


__all__ = ["Cancellation", "message_for"]
