"""The main window's amber strip in field mode, and the timer that keeps the package sealed.

The package seals itself after every commit; every SEAL_INTERVAL_MS the strip asks once more
(mode.seal_if_changed), so a seal that failed (the flash disk pulled out) is retried. A failure
is shown in the strip, without a modal box: the team keeps working, the data is in memory.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.services.errors import DomainError
from desktop.services.field import mode

log = logging.getLogger(__name__)

SEAL_INTERVAL_MS = 5_000
STYLE = """
QFrame#FieldModeBanner { background: #F5B72E; border-bottom: 1px solid #C98F0F; }
QFrame#FieldModeBanner QLabel { color: #2B1D00; background: transparent; }
QLabel#FieldSealError { color: #7A1A0C; font-weight: 600; }
"""


class FieldModeBanner(QFrame):
    """'Mode lapangan: <case>, dibawa <date> oleh <leader>' and the last seal failure, if any."""

    seal_failed = Signal(str)

    def __init__(self, info: mode.FieldInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("FieldModeBanner")
        self.setStyleSheet(STYLE)
        self.text_label = QLabel(info.banner)
        self.text_label.setObjectName("FieldModeText")
        self.text_label.setWordWrap(True)
        font = self.text_label.font()
        font.setBold(True)
        self.text_label.setFont(font)
        self.laptop_label = QLabel(
            self.tr("Laptop: %1 · berkas %2. Data disimpan ke berkas paket setiap kali tersimpan.")
            .replace("%1", info.laptop)
            .replace("%2", str(info.path))
        )
        self.laptop_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("FieldSealError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 6, 16, 6)
        box.setSpacing(2)
        box.addWidget(self.text_label)
        box.addWidget(self.laptop_label)
        box.addWidget(self.error_label)
        self.timer = QTimer(self)
        self.timer.setInterval(SEAL_INTERVAL_MS)
        self.timer.timeout.connect(self.seal)
        self.timer.start()

    def text(self) -> str:
        return self.text_label.text()

    def seal_error(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def seal(self) -> bool:
        """Seal the package if something changed; False (and the reason shown) when it failed."""
        try:
            mode.seal_if_changed()
        except DomainError as exc:
            self.show_seal_error(exc.message)
            return False
        except Exception as exc:  # noqa: BLE001 - a timer must never take the window down
            log.exception("the field package was not sealed")
            self.show_seal_error(str(exc))
            return False
        if not self.error_label.isHidden():
            self.error_label.hide()
            self.error_label.clear()
        return True

    def show_seal_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.seal_failed.emit(message)

    def stop(self) -> None:
        self.timer.stop()
