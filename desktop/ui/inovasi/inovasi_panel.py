"""One innovation: its 8-step timeline, the form of the current step for this user, its profile,
meetings and its place on the SOP matrix.

Other tabs open it with `open_innovation(parent, session, case_id)` (a window holding the panel);
the innovation tabs embed `InnovationPanel` beside their list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.inovasi import steps as inovasi
from desktop.services.session import Session
from desktop.ui import theme
from desktop.ui.common.background import run_for
from desktop.ui.common.cards import section_label
from desktop.ui.common.forms import FORM_STYLESHEET, Banner, fit_on_screen, heading, muted, scroll_area
from desktop.ui.common.operations import message_for
from desktop.ui.common.sla import COLOURS
from desktop.ui.common.unsaved import may_leave
from desktop.ui.inovasi.innovation_forms import FirstDiscussionForm, IdeaForm, ReviewForm, StepForm
from desktop.ui.inovasi.innovation_meetings import FinalizationForm, NamingForm, OutputForm, TechnicalForm
from desktop.ui.inovasi.innovation_profile import InnovationProfileView, MeetingsView
from desktop.ui.inovasi.innovation_state import InnovationState, innovation_for_case, load_state
from desktop.ui.inovasi.innovation_table import status_label
from desktop.ui.inovasi.timeline_view import TimelineWidget
from desktop.ui.sop.sop_view_panel import SopViewPanel

FORMS: dict[str, type[StepForm]] = {
    inovasi.IDE: IdeaForm,
    inovasi.TELAAH_KABID: ReviewForm,
    inovasi.TELAAH_KADIS: ReviewForm,
    inovasi.PEMBAHASAN_AWAL: FirstDiscussionForm,
    inovasi.FINALISASI: FinalizationForm,
    inovasi.PEMBAHASAN_TEKNIS: TechnicalForm,
    inovasi.PENAMAAN: NamingForm,
    inovasi.PELAKSANAAN: OutputForm,
}
TIMELINE_WIDTH = 320
# Scroll areas inside the white card stay white (the form's own sheet cannot reach its parents).
PANEL_STYLESHEET = (
    FORM_STYLESHEET
    + """
QScrollArea { background: transparent; border: none; }
QWidget#TimelineBody, QWidget#FormScrollBody, QWidget#ActionSummary { background: transparent; }
"""
)


def _chip(text: str, sla: str | None = None) -> QLabel:
    background, colour, border = COLOURS.get(sla, COLOURS[None])
    label = QLabel(text)
    label.setStyleSheet(
        f"background: {background}; color: {colour}; border: 1px solid {border}; border-radius: 10px;"
        " padding: 2px 10px; font-weight: 600;"
    )
    return label


class InnovationPanel(QWidget):
    """Shows one innovation; `changed` after this user's action changed it, `loaded` after each load."""

    changed = Signal()
    loaded = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.state: InnovationState | None = None
        self.form: QWidget | None = None
        self.form_container: QWidget | None = None
        self.innovation_id: int | None = None
        self.loads = 0
        self._restore: dict[str, Any] | None = None
        self._sop_case: int | None = None
        self.setStyleSheet(PANEL_STYLESHEET)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self._build_header())
        self.banner = Banner()
        self.banner.action_button.clicked.connect(self.reload)
        layout.addWidget(self.banner)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self._build_flow_page(), self.tr("Alur kerja"))
        self.profile_view = InnovationProfileView()
        self.pages.addTab(self.profile_view, self.tr("Profil inovasi"))
        self.meetings_view = MeetingsView()
        self.pages.addTab(self.meetings_view, self.tr("Rapat"))
        self.sop_panel = SopViewPanel(session, pickers=False, history_width=210)
        self.pages.addTab(self.sop_panel, self.tr("Posisi pada SOP"))
        self.pages.currentChanged.connect(self._page_changed)
        layout.addWidget(self.pages, 1)

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        text = QVBoxLayout()
        text.setSpacing(2)
        self.title_label = QLabel(self.tr("Memuat…"))
        self.title_label.setProperty("role", "heading")
        self.title_label.setFont(theme.scaled_font(self.font(), 1.25, QFont.Weight.DemiBold))
        self.title_label.setWordWrap(True)
        self.subtitle_label = muted("")
        text.addWidget(self.title_label)
        text.addWidget(self.subtitle_label)
        row.addLayout(text, 1)
        self.status_chip = _chip("")
        row.addWidget(self.status_chip, 0, Qt.AlignmentFlag.AlignTop)
        self.sop_button = QPushButton(self.tr("Lihat SOP"))
        self.sop_button.setToolTip(self.tr("Buka matriks SOP dengan posisi inovasi ini"))
        self.sop_button.clicked.connect(self.open_sop)
        row.addWidget(self.sop_button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _build_flow_page(self) -> QWidget:
        page = QWidget()
        split = QSplitter(Qt.Orientation.Horizontal, page)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 8, 8, 0)
        left_box.addWidget(section_label(self.tr("Linimasa 8 langkah")))
        self.timeline = TimelineWidget()
        left_box.addWidget(self.timeline, 1)
        right = QWidget()
        self.action_box = QVBoxLayout(right)
        self.action_box.setContentsMargins(8, 8, 0, 0)
        self.action_caption = section_label(self.tr("Tindakan Anda"))
        self.action_box.addWidget(self.action_caption)
        self.action_holder = QVBoxLayout()
        self.action_box.addLayout(self.action_holder, 1)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([TIMELINE_WIDTH, 500])
        split.setChildrenCollapsible(False)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(split)
        return page

    # --- Loading -----------------------------------------------------------------------------------

    def show_innovation(self, innovation_id: int) -> None:
        """Load and show an innovation (the forms keep nothing from another innovation)."""
        if innovation_id != self.innovation_id:
            self._restore = None
            self.banner.clear()
        self.innovation_id = innovation_id
        run_for(self, lambda: load_state(innovation_id), self._loaded, self._failed)

    def show_case(self, case_id: int) -> None:
        """Load the innovation of an innovation case."""
        run_for(self, lambda: innovation_for_case(case_id), self.show_innovation, self._failed)

    def reload(self) -> None:
        if self.innovation_id is not None:
            self.show_innovation(self.innovation_id)

    def _failed(self, error: BaseException) -> None:
        self.banner.show_message(message_for(error), "error", self.tr("Muat ulang"))
        self.loads += 1
        self.loaded.emit()

    def _loaded(self, state: InnovationState) -> None:
        self.state = state
        s = state.summary
        self.title_label.setText(s.chosen_name or s.title)
        subtitle = f"{s.reference} · {s.title}" if s.chosen_name else s.reference
        self.subtitle_label.setText(subtitle)
        late = any(e.late_working_days > 0 for e in state.timeline if e.action is None)
        sla = ("terlambat" if late else "tepat_waktu") if s.status == "berjalan" else None
        text = f"{s.step_name}" if s.status == "berjalan" else status_label(s.status)
        self.status_chip.setText(text)
        self.status_chip.setStyleSheet(_chip("", sla).styleSheet())
        closed = "" if s.status == "berjalan" else s.status
        self.timeline.set_timeline(state.timeline, state.steps, closed)
        self.profile_view.set_profile(state.profile)
        self.meetings_view.set_meetings(state.meetings, state.steps)
        self._show_form(state)
        if self.pages.currentWidget() is self.sop_panel:
            self._load_sop()
        self.loads += 1
        self.loaded.emit()

    # --- The current step's form --------------------------------------------------------------------

    def _show_form(self, state: InnovationState) -> None:
        if self.form_container is not None:
            self.action_holder.removeWidget(self.form_container)
            self.form_container.deleteLater()
        self.form = self._form_for(state)
        if isinstance(self.form, StepForm):
            self.form.mark_clean()
            if self._restore is not None:
                self.form.restore(self._restore)  # typed before a reload: still unsaved
                self._restore = None
            self.form.outer.addStretch(1)  # buttons right under the fields, not at the bottom
            self.form.done.connect(self._action_done)
            self.form.reload_requested.connect(self._reload_keeping_input)
            self.form_container = scroll_area(self.form)
        else:
            self.form_container = self.form
        self.action_holder.addWidget(self.form_container, 1)

    def _form_for(self, state: InnovationState) -> QWidget:
        step = state.step
        if step is None:
            return self._summary(state, self._closed_text(state))
        form_class = FORMS.get(step.code)
        participant = state.finalization is not None and any(
            p.user_id == self.session.user_id for p in state.finalization.participants
        )
        finalizing = step.code == inovasi.FINALISASI and participant
        if form_class is not None and (state.may_act(self.session) or finalizing):
            return form_class(self.session, state)
        return self._summary(state, self._waiting_text(state))

    def _waiting_text(self, state: InnovationState) -> str:
        step = state.step
        assert step is not None
        text = self.tr("Langkah %1 dikerjakan oleh %2.").replace("%1", step.name)
        text = text.replace("%2", ", ".join(step.role_names))
        if step.output_label:
            text += " " + self.tr("Outputnya: %1.").replace("%1", step.output_label)
        return text

    def _closed_text(self, state: InnovationState) -> str:
        if state.summary.status == "selesai":
            return self.tr("Inovasi ini sudah berjalan rutin; semua langkah SOP selesai.")
        if state.summary.status == "ditolak":
            return self.tr("Gagasan ini ditolak pada rapat pembahasan awal.")
        return self.tr("Inovasi ini sudah %1.").replace("%1", status_label(state.summary.status).lower())

    def _summary(self, state: InnovationState, note: str) -> QWidget:
        """What the user sees when the step is someone else's: who acts, and the innovation in short."""
        box = QFrame()
        box.setObjectName("ActionSummary")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(6)
        step = state.step
        if step is not None:
            layout.addWidget(heading(self.tr("Menunggu %1").replace("%1", ", ".join(step.role_names)), 1.05))
        label = muted(note)
        label.setObjectName("ActionNote")
        layout.addWidget(label)
        profile = state.profile
        facts = [(self.tr("Permasalahan"), profile.problem), (self.tr("Sasaran"), profile.target)]
        if profile.outputs.entries:
            served = self.tr("%1 orang terlayani pada %2 hari").replace(
                "%1", str(profile.outputs.people_served)
            )
            facts.append((self.tr("Output inovasi"), served.replace("%2", str(profile.outputs.days))))
        for caption, value in facts:
            layout.addSpacing(4)
            layout.addWidget(section_label(caption))
            text = QLabel(value or "-")
            text.setWordWrap(True)
            layout.addWidget(text)
        layout.addStretch(1)
        return box

    def action_note(self) -> str:
        """The note shown instead of a form ('' when a form is shown)."""
        note = self.form.findChild(QLabel, "ActionNote") if self.form is not None else None
        return note.text() if note is not None else ""

    def _action_done(self, _result: Any) -> None:
        form = self.form
        message = (
            form.banner.label.text() if isinstance(form, StepForm) and form.banner.kind == "success" else ""
        )
        if message:
            self.banner.show_message(message, "success")
        self.reload()
        self.changed.emit()

    def _reload_keeping_input(self) -> None:
        if isinstance(self.form, StepForm):
            self._restore = self.form.snapshot()
        self.reload()

    # --- The SOP page ---------------------------------------------------------------------------------

    def _page_changed(self) -> None:
        if self.pages.currentWidget() is self.sop_panel:
            self._load_sop()

    def _load_sop(self) -> None:
        if self.state is not None:
            self.sop_panel.show_case(self.state.summary.case_id)

    def open_sop(self) -> None:
        from desktop.ui.sop.sop_view_dialog import open_sop_view

        case_id = self.state.summary.case_id if self.state else None
        open_sop_view(self.window(), self.session, sop_code=inovasi.SOP_CODE, case_id=case_id)


class InnovationDialog(QDialog):
    """A window with one InnovationPanel, for tabs that list innovations among other work; closing it
    asks first when its step form holds unsaved text."""

    def reject(self) -> None:
        if may_leave(self, [self.panel.form] if self.panel.form is not None else []):
            super().reject()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inovasi"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        self.panel = InnovationPanel(session)
        layout.addWidget(self.panel)
        fit_on_screen(self, 1100, 720)


def open_innovation(parent: QWidget | None, session: Session, case_id: int) -> InnovationDialog:
    """Open an innovation case in its own window; connect `dialog.panel.changed` to refresh a list."""
    dialog = InnovationDialog(session, parent)
    refresh = getattr(parent, "action_done", None)
    if callable(refresh):  # a role tab reloads its worklist after an action taken here
        dialog.panel.changed.connect(refresh)
    dialog.panel.show_case(case_id)
    dialog.show()
    return dialog


def open_innovation_entry(parent: QWidget | None, session: Session, entry: Any) -> InnovationDialog:
    """Open the innovation of a worklist entry (a WorkEntry of kind 'kasus')."""
    return open_innovation(parent, session, entry.ref_id)
