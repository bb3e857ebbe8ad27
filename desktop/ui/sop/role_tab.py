"""The common shape of a role tab: heading, the role's part in the SOP, and its worklist.

The worklist comes from desktop.services.sop.worklists, loaded on the background helper: each
row shows its deadline as a green, amber or red chip with the working days left. After
loading, the tab emits `worklist_loaded(role, count)` (the main window's badge); after an
action that changed some case it emits `work_done` (the main window refreshes every badge).
Double-click or Enter on a row calls `open_work_item(entry)`, which role tabs override to
open their own form; the default opens the case's file.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.roles import RoleInfo
from desktop.services.session import Session
from desktop.services.sop import worklists
from desktop.ui import theme
from desktop.ui.common.background import run_for
from desktop.ui.common.cards import card, section_label
from desktop.ui.common.forms import Banner, keep_text_height
from desktop.ui.common.operations import message_for
from desktop.ui.sop.case_worklist import CaseWorklistTableModel
from desktop.ui.sop.worklist_view import WorklistView

SOP_SIJARLA = QT_TRANSLATE_NOOP("RoleTab", "SOP SIJARLA (Sistem Kejar Bola)")
SOP_INOVASI = QT_TRANSLATE_NOOP("RoleTab", "SOP Inovasi Pelayanan Publik")
SOP_NONE = QT_TRANSLATE_NOOP("RoleTab", "Pengelolaan aplikasi")

DUTIES_WIDTH = 340


class RoleTab(QWidget):
    """A role's workspace. Subclasses list the role's duties (DUTIES) and the SOPs it takes part in.

    DUTIES and SOPS hold untranslated strings marked with QT_TRANSLATE_NOOP; DUTIES use the
    subclass name as translation context, SOPS the context "RoleTab". A subclass with forms
    overrides build_body() and places the worklist card (_build_worklist_card) itself.
    """

    DUTIES: tuple[str, ...] = ()
    SOPS: tuple[str, ...] = ()

    worklist_loaded = Signal(str, int)  # role code, rows
    work_done = Signal()

    def __init__(self, session: Session, role: RoleInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.role = role
        self.setObjectName(f"tab_{role.code}")
        self._loading = False
        self._reload_after = False
        self._load_error_shown = False
        self.loads_finished = 0  # how many worklist loads came back (tests wait on it)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(self._build_heading())
        self.body_scroll = tab_scroll(self.build_body())
        layout.addWidget(self.body_scroll, 1)
        self.refresh()

    @property
    def role_code(self) -> str:
        return self.role.code

    def duties(self) -> list[str]:
        """What this role does in the SOP, translated; the role's description when none are listed."""
        context = type(self).__name__
        return [QCoreApplication.translate(context, d) for d in self.DUTIES] or [self.role.description]

    # --- The worklist --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the worklist on the background helper (a second call while loading runs after it)."""
        if self._loading:
            self._reload_after = True
            return
        self._loading = True
        run_for(self, self.load_work_items, self._work_items_loaded, self._work_items_failed)

    def load_work_items(self) -> list[Any]:
        """The work waiting for this role. Runs on a worker thread: read services only, no widgets."""
        return worklists.worklist(self.session, self.role_code)

    def set_work_items(self, items: list[Any]) -> None:
        self.worklist.set_entries(items)
        if self._load_error_shown:  # other messages (an action's result) stay until replaced
            self._load_error_shown = False
            self.worklist_banner.clear()
        self.worklist_loaded.emit(self.role_code, len(items))

    def pending_count(self) -> int:
        return self.worklist.worklist_model().rowCount()

    def first_focus(self) -> QWidget | None:
        """Where the keyboard starts when the window opens on this tab (None: on the tabs)."""
        return None

    def open_work_item(self, entry: Any) -> None:
        """Double-click or Enter on a row: role tabs open their form; here, the case's file."""
        if getattr(entry, "kind", "kasus") == "kasus" and getattr(entry, "ref_id", None):
            from desktop.ui.sop.case_detail_dialog import CaseDetailDialog

            CaseDetailDialog.open_for(self, self.session, entry.ref_id)

    def action_done(self) -> None:
        """Call after an action changed a case: reload this list and let the window refresh badges."""
        self.refresh()
        self.work_done.emit()

    def _work_items_loaded(self, items: list[Any]) -> None:
        self._finish_loading()
        self.set_work_items(items)

    def _work_items_failed(self, error: BaseException) -> None:
        self._finish_loading()
        self._load_error_shown = True
        self.worklist_banner.show_message(
            self.tr("Daftar pekerjaan tidak dapat dimuat: %1").replace("%1", message_for(error)),
            "error",
        )

    def _finish_loading(self) -> None:
        self._loading = False
        self.loads_finished += 1
        if self._reload_after:
            self._reload_after = False
            self.refresh()

    # --- Building --------------------------------------------------------------------------------

    def build_body(self) -> QWidget:
        """The area under the heading: the duties beside the worklist."""
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        row.addWidget(self._build_duties_card())
        row.addWidget(self._build_worklist_card(), 1)
        return body

    def _build_heading(self) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(2)
        top = QHBoxLayout()
        top.setSpacing(10)
        title = QLabel(self.role.name)
        title.setProperty("role", "heading")
        title.setFont(theme.scaled_font(self.font(), 1.45, QFont.Weight.DemiBold))
        title.setObjectName("RoleTitle")
        top.addWidget(title)
        for sop in self.SOPS or (SOP_NONE,):
            chip = QLabel(QCoreApplication.translate("RoleTab", sop))
            chip.setProperty("role", "chip")
            top.addWidget(chip, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        self.heading_actions = QHBoxLayout()
        self.heading_actions.setSpacing(8)
        top.addLayout(self.heading_actions)
        description = QLabel(self.role.description)
        description.setProperty("role", "muted")
        description.setWordWrap(True)
        description.setObjectName("RoleDescription")
        box.addLayout(top)
        box.addWidget(description)
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

    def _build_worklist_card(self, caption: str = "", empty_detail: str = "") -> QFrame:
        frame = card()
        box = QVBoxLayout(frame)
        box.setContentsMargins(18, 16, 18, 18)
        box.setSpacing(10)
        box.addWidget(section_label(caption or self.tr("Daftar pekerjaan")))
        self.worklist_banner = Banner()
        box.addWidget(self.worklist_banner)
        self.worklist = WorklistView(
            self.tr("Belum ada pekerjaan"),
            empty_detail or self.tr("Surat dan kasus yang menunggu tindakan Anda akan tampil di sini."),
            model=CaseWorklistTableModel(),
        )
        self.worklist.entry_activated.connect(self.open_work_item)
        box.addWidget(self.worklist, 1)
        return frame


class _MinimumHeightLayout(QVBoxLayout):
    """Reports no height-for-width: a scroll area would take a body's preferred height for its
    wrapped text as its minimum and scroll a page that fits. Its minimum size is what counts."""

    def hasHeightForWidth(self) -> bool:
        return False


def tab_scroll(body: QWidget) -> QScrollArea:
    """The tab's body in a frameless scroll area: a window too small for its forms and tables (a
    1366x768 laptop, 150% scaling) scrolls instead of squeezing fields to slivers."""
    holder = QWidget()
    layout = _MinimumHeightLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(body)
    area = QScrollArea()
    area.setObjectName("TabScroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(holder)
    return area


def _duty_row(number: int, text: str) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(10)
    badge = QLabel(str(number))
    badge.setProperty("role", "step")
    badge.setFixedSize(24, 24)
    badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label = QLabel(text)
    label.setWordWrap(True)
    keep_text_height(label)  # nested rows of wrapped text: Qt's layouts may give a line too little
    row.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(label, 1)
    return row
