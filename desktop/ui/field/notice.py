"""The field dialogs' message strip (common.forms.Banner) with short names for its three tones."""

from __future__ import annotations

from desktop.ui.common.forms import Banner


class NoticeBanner(Banner):
    """Hidden until told something: error (red), ok (green) or info (blue)."""

    def error(self, text: str) -> None:
        self.show_message(text, "error")

    def ok(self, text: str) -> None:
        self.show_message(text, "success")

    def info(self, text: str) -> None:
        self.show_message(text, "info")
