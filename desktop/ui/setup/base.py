"""What every page of the setup wizard shares: a scrolling body, a banner for refusals, and a check in
the background before the wizard moves on.

QWizard asks `validatePage()` synchronously, but the checks go through the services (a PostgreSQL
server on the LAN may take seconds). So the first press of "Lanjut" starts the check and answers
False; when the check passes for exactly what is typed, the page presses "Lanjut" (or "Selesai")
again itself, and `validatePage()` now answers True. A refusal shows in the page's banner and moves
the focus to the refused field; nothing typed is cleared, on this page or any other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QVBoxLayout, QWidget, QWizard, QWizardPage

from desktop.services.errors import InvalidInput
from desktop.ui import theme
from desktop.ui.common.background import run_for
from desktop.ui.common.forms import FORM_STYLESHEET, Banner, scroll_area
from desktop.ui.common.operations import message_for

REFUSED_STYLE = f"""
QLineEdit[refused="true"], QComboBox[refused="true"], QAbstractSpinBox[refused="true"],
QPushButton[refused="true"] {{ border: 1px solid {theme.DANGER}; background: #FFF7F5; }}
"""


class SetupPage(QWizardPage):
    """A wizard page whose fields scroll (never squeezed) and whose "Lanjut" waits for a service check."""

    TITLE = ""
    SUBTITLE = ""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr(self.TITLE))
        self.setSubTitle(self.tr(self.SUBTITLE))
        self.setStyleSheet(FORM_STYLESHEET + REFUSED_STYLE)
        self.refused_widget: QWidget | None = None
        self.checks_finished = 0  # answered checks (tests wait on it)
        self.busy = False
        self._passed: Any = None  # the snapshot of the fields that passed their check
        self.result: Any = None  # what the last passed check returned
        self.snapshot_database: Any = None  # the database page as it was when this page was checked
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        self.banner = Banner()
        outer.addWidget(self.banner)
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(2, 2, 14, 2)
        self.body.setSpacing(10)
        self.scroll = scroll_area(body)
        outer.addWidget(self.scroll, 1)

    # --- What subclasses give ----------------------------------------------------------------------

    def snapshot(self) -> Any:
        """Everything typed on the page, comparable with == (a new check runs when it changed)."""
        return None

    def local_refusal(self) -> tuple[str, QWidget] | None:
        """A refusal the page can tell without a service (two passwords that differ), with its field."""
        return None

    def background_check(self) -> Callable[[], Any] | None:
        """The service call that checks the snapshot (run off the UI thread); None: nothing to check."""
        return None

    def field_widget(self, field: str | None) -> QWidget | None:
        """The widget of a service's field name, to put the focus on after a refusal."""
        return None

    def first_field(self) -> QWidget | None:
        """Where the keyboard starts when the page opens (None: the wizard's default button)."""
        return None

    def passed(self, result: Any) -> None:
        """The check passed (subclasses may keep its result)."""

    # --- The mechanism -------------------------------------------------------------------------------

    def validatePage(self) -> bool:
        if self.busy:
            return False
        current = self.snapshot()
        if self._passed is not None and self._passed == current:
            return True
        refusal = self.local_refusal()
        if refusal is not None:
            self.refuse(*refusal)
            return False
        check = self.background_check()
        if check is None:
            return True
        self._set_busy(True)
        self.banner.show_message(self.tr("Sedang diperiksa…"), "info")
        run_for(self, check, lambda result: self._check_passed(current, result), self._check_failed)
        return False

    def _check_passed(self, snapshot: Any, result: Any) -> None:
        self._set_busy(False)
        self.checks_finished += 1
        self._passed, self.result = snapshot, result
        self.banner.clear()
        self._mark(None)
        self.passed(result)
        self.go_on()

    def go_on(self) -> None:
        """Press "Lanjut", or "Selesai" on the last page, now that the check passed."""
        wizard = self.wizard()
        if wizard is None or wizard.currentPage() is not self:
            return
        if self.isFinalPage() or wizard.nextId() == -1:
            wizard.accept()
        else:
            wizard.next()

    def _check_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.checks_finished += 1
        field = error.field if isinstance(error, InvalidInput) else None
        self.refuse(message_for(error), self.field_widget(field))

    def refuse(self, message: str, focus: QWidget | None = None) -> None:
        """Say why on this page and put the focus where the user fixes it; nothing typed is cleared."""
        self._passed = None
        self.banner.show_message(message, "error")
        self._mark(focus)
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _mark(self, widget: QWidget | None) -> None:
        """Outline the refused field in red (one at a time) until the user changes it or the page passes."""
        for target, refused in ((self.refused_widget, False), (widget, True)):
            if target is not None:
                target.setProperty("refused", refused)
                target.style().unpolish(target)
                target.style().polish(target)
        self.refused_widget = widget
        changed = _change_signal(widget)
        if changed is not None:
            changed.connect(self._unmark, Qt.ConnectionType.SingleShotConnection)

    def _unmark(self, *_args: Any) -> None:
        if self.refused_widget is not None:
            self._mark(None)

    def forget_check(self) -> None:
        """What passed no longer holds (the database changed on an earlier page)."""
        self._passed = None

    def _set_busy(self, busy: bool) -> None:
        """While a check runs the wizard's buttons wait (a second press would start a second check)."""
        self.busy = busy
        wizard = self.wizard()
        if wizard is None:
            return
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
            wizard.button(which).setEnabled(not busy)
        wizard.button(QWizard.WizardButton.BackButton).setEnabled(not busy and len(wizard.visitedIds()) > 1)


def _change_signal(widget: QWidget | None) -> Any:
    """The signal that says the user changed the field (None for a widget without one)."""
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QSpinBox):
        return widget.valueChanged
    return None
