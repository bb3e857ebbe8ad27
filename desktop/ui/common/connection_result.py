"""The outcome of "Uji koneksi" as one line: green with a tick, or red with a cross.

Shared by the administrator's workstation page and the setup wizard's database page.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui import theme


class ConnectionResultLabel(QLabel):
    """Hidden until a test ran; `show_result(ok, text)` shows it, `ok()` says how it went (None: no test)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ConnectionResult")
        self.setWordWrap(True)
        self.hide()

    def show_result(self, ok: bool, text: str) -> None:
        colour, background, mark = ("#1D6438", "#E9F6EC", "✓") if ok else (theme.DANGER, "#FBEDEA", "✗")
        self.setText(f"{mark} {text}")
        self.setProperty("ok", ok)
        self.setStyleSheet(
            f"QLabel#ConnectionResult {{ color: {colour}; background: {background}; border-radius: 6px;"
            " padding: 6px 10px; font-weight: 600; }"
        )
        self.show()

    def ok(self) -> bool | None:
        return None if self.isHidden() else bool(self.property("ok"))


def connection_text(
    ok: bool, message: str, backend: str, server_version: str, location: str, tls: str
) -> str:
    """The service's message, then the server, where it is and whether the connection is encrypted."""
    if not ok:
        return message
    text = f"{message} {server_version} · {location}"
    if backend == "postgresql":
        text += " · " + (
            QCoreApplication.translate("ConnectionResultLabel", "Terhubung (%1)").replace("%1", tls)
            if tls
            else QCoreApplication.translate("ConnectionResultLabel", "Terhubung tanpa enkripsi")
        )
    return text
