"""Background calls on behalf of a widget: the callbacks are dropped once the widget is gone.

A list loaded for a tab may come back after its window closed (logging out, a test ending);
its callbacks must not touch a deleted widget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtWidgets import QWidget

from desktop.ui.operations import run_in_background


def run_for(
    widget: QWidget,
    fn: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
) -> None:
    """run_in_background(fn, ...) whose callbacks run only while `widget` still exists."""

    def succeeded(result: Any) -> None:
        if shiboken6.isValid(widget):
            on_success(result)

    def failed(error: BaseException) -> None:
        if shiboken6.isValid(widget):
            on_failure(error)

    run_in_background(fn, succeeded, failed)
