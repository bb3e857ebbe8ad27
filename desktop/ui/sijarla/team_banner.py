"""The desks' message strip (widgets.forms.Banner) with the short names the team and recap panels use."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.ui.common.forms import Banner

_KINDS = {"error": "error", "ok": "success", "info": "info"}


class MessageBanner(Banner):
    """Hidden until told something: error (red), ok (green) or info (blue)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Banner")

    @property
    def tone(self) -> str:
        return {v: k for k, v in _KINDS.items()}.get(self.kind, "")

    def error(self, text: str) -> None:
        self.show_message(text, "error")

    def ok(self, text: str) -> None:
        self.show_message(text, "success")

    def info(self, text: str) -> None:
        self.show_message(text, "info")

    def clear_message(self) -> None:
        self.clear()
