"""The "Lihat SOP" window: an SOP's matrix as on paper, and where a chosen case stands in it.

Any tab opens it with `open_sop_view(parent, session, sop_code=..., case_id=...)`; the window is
not modal, so the user can keep it beside their work.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from desktop.services.session import Session
from desktop.services.sop import view as sop_view
from desktop.ui.common.forms import fit_on_screen
from desktop.ui.sop.sop_view_panel import SopViewPanel

DEFAULT_SIZE = QSize(1240, 760)


class SopViewDialog(QDialog):
    """A window holding one SopViewPanel."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lihat SOP"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.panel = SopViewPanel(session)
        layout.addWidget(self.panel, 1)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.close)
        layout.addWidget(buttons)
        fit_on_screen(self, DEFAULT_SIZE.width(), DEFAULT_SIZE.height())


def open_sop_view(
    parent: QWidget | None, session: Session, sop_code: str | None = None, case_id: int | None = None
) -> SopViewDialog:
    """Show the SOP window: a case's position when `case_id` is given, else the SOP `sop_code`."""
    dialog = SopViewDialog(session, parent)
    if case_id is not None:
        dialog.panel.show_case(case_id)
    else:
        dialog.panel.show_sop(sop_code or sop_view.list_sops()[0].code)
    dialog.show()
    return dialog
