"""The common shape of a role tab: heading, the role's part in the SOP, and its worklist."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.services.roles import RoleInfo
from desktop.services.session import Session
from desktop.services.workspace import WorkItem
from desktop.ui import theme
from desktop.ui.widgets.cards import card, section_label
from desktop.ui.widgets.worklist_view import WorklistView

SOP_SIJARLA = QT_TRANSLATE_NOOP("RoleTab", "SOP SIJARLA (Sistem Kejar Bola)")
SOP_INOVASI = QT_TRANSLATE_NOOP("RoleTab", "SOP Inovasi Pelayanan Publik")
SOP_NONE = QT_TRANSLATE_NOOP("RoleTab", "Pengelolaan aplikasi")

DUTIES_WIDTH = 360


class RoleTab(QWidget):
    """A role's workspace. Subclasses list the role's duties (DUTIES) and the SOPs it takes part in.

    DUTIES and SOPS hold untranslated strings marked with QT_TRANSLATE_NOOP; DUTIES use the
    subclass name as translation context, SOPS the context "RoleTab".
    """

    DUTIES: tuple[str, ...] = ()
    SOPS: tuple[str, ...] = ()

    def __init__(self, session: Session, role: RoleInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.role = role
        self.setObjectName(f"tab_{role.code}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 20)
        layout.setSpacing(16)
        layout.addLayout(self._build_heading())
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self._build_duties_card())
        body.addWidget(self._build_worklist_card(), 1)
        layout.addLayout(body, 1)
        self.refresh()

    @property
    def role_code(self) -> str:
        return self.role.code

    def duties(self) -> list[str]:
        """What this role does in the SOP, translated; the role's description when none are listed."""
        context = type(self).__name__
        return [QCoreApplication.translate(context, d) for d in self.DUTIES] or [self.role.description]

    def refresh(self) -> None:
        """Reload the worklist from the services."""
        self.set_work_items(self.load_work_items())

    def load_work_items(self) -> list[WorkItem]:
        """The work waiting for this role; subclasses ask their SOP service."""
        return []

    def set_work_items(self, items: list[WorkItem]) -> None:
        self.worklist.worklist_model().set_items(items)

    def pending_count(self) -> int:
        return self.worklist.worklist_model().rowCount()

    def _build_heading(self) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(4)
        title = QLabel(self.role.name)
        title.setProperty("role", "heading")
        title.setFont(theme.scaled_font(self.font(), 1.6, QFont.Weight.DemiBold))
        title.setObjectName("RoleTitle")
        description = QLabel(self.role.description)
        description.setProperty("role", "muted")
        description.setWordWrap(True)
        description.setObjectName("RoleDescription")
        chips = QHBoxLayout()
        chips.setSpacing(6)
        chips.setContentsMargins(0, 6, 0, 0)
        for sop in self.SOPS or (SOP_NONE,):
            chip = QLabel(QCoreApplication.translate("RoleTab", sop))
            chip.setProperty("role", "chip")
            chips.addWidget(chip)
        chips.addStretch(1)
        box.addWidget(title)
        box.addWidget(description)
        box.addLayout(chips)
        return box

    def _build_duties_card(self) -> QFrame:
        frame = card()
        frame.setFixedWidth(DUTIES_WIDTH)
        box = QVBoxLayout(frame)
        box.setContentsMargins(20, 18, 20, 18)
        box.setSpacing(12)
        caption = self.tr("Tugas dalam SOP") if self.SOPS else self.tr("Tugas")
        box.addWidget(section_label(caption))
        for number, duty in enumerate(self.duties(), start=1):
            box.addLayout(_duty_row(number, duty))
        box.addStretch(1)
        return frame

    def _build_worklist_card(self) -> QFrame:
        frame = card()
        box = QVBoxLayout(frame)
        box.setContentsMargins(20, 18, 20, 20)
        box.setSpacing(12)
        box.addWidget(section_label(self.tr("Daftar pekerjaan")))
        self.worklist = WorklistView(
            self.tr("Belum ada pekerjaan"),
            self.tr("Surat dan kasus yang menunggu tindakan Anda akan tampil di sini."),
        )
        box.addWidget(self.worklist, 1)
        return frame


def _duty_row(number: int, text: str) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(10)
    badge = QLabel(str(number))
    badge.setProperty("role", "step")
    badge.setFixedSize(24, 24)
    badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label = QLabel(text)
    label.setWordWrap(True)
    row.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(label, 1)
    return row
