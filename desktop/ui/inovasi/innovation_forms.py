"""The forms of the first four innovation steps: the idea, the two reviews and the first discussion.

Every form sends what was typed to one service call on the background helper. A refusal is
shown in the form's banner and the typed values stay; a stale edit offers "Muat ulang", and the
reloaded form gets the typed values back (snapshot / restore).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop import roles as R
from desktop.services.errors import StaleRecord
from desktop.services.inovasi import steps as inovasi
from desktop.services.session import Session
from desktop.ui.common.background import run_for
from desktop.ui.common.field_errors import FieldMarks, place_error_labels, show_refusal
from desktop.ui.common.forms import (
    FORM_STYLESHEET,
    Banner,
    field_label,
    heading,
    muted,
    primary_button,
    submit_shortcut,
)
from desktop.ui.common.operations import message_for
from desktop.ui.inovasi.innovation_fields import (
    AttachmentList,
    ParticipantPicker,
    date_field,
    date_of,
    read_uploads,
    text_area,
)
from desktop.ui.inovasi.innovation_state import InnovationState


class StepForm(QWidget):
    """A step's form: a banner, fields, and buttons that call one service in the background."""

    done = Signal(object)  # the service's result
    reload_requested = Signal()

    def __init__(self, session: Session, state: InnovationState | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.state = state
        self.setStyleSheet(FORM_STYLESHEET)
        self.busy = False
        self.finished_calls = 0
        self.buttons: list[QPushButton] = []
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.setSpacing(10)
        self.banner = Banner()
        self.marks = FieldMarks(self)  # every refused field marked under itself (place_error_labels)
        self.banner.action_button.clicked.connect(self.reload_requested)
        self.outer.addWidget(self.banner)
        if state is not None:  # a new idea's form sits in IdeaDialog, whose Ctrl+Enter presses 'Ajukan'
            submit_shortcut(self, self.press_main_button)

    def press_main_button(self) -> None:
        """Ctrl+Enter: the form's main (blue) button, when it may be pressed now."""
        main = [b for b in self.buttons if b.property("primary") and b.isEnabled() and b.isVisible()]
        if main:
            main[0].click()

    # --- Building helpers ------------------------------------------------------------------------

    def add_heading(self, title: str, hint: str = "") -> None:
        self.outer.addWidget(heading(title, 1.1))
        if hint:
            self.outer.addWidget(muted(hint))

    def add_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setVerticalSpacing(6)
        form.setHorizontalSpacing(12)
        # The action column is narrow beside the timeline: captions above their fields.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.outer.addLayout(form)
        return form

    def add_buttons(self, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
            self.buttons.append(button)
        self.outer.addLayout(row)
        return row

    # --- Calling the service ---------------------------------------------------------------------

    @property
    def version(self) -> int:
        assert self.state is not None
        return self.state.summary.case_version

    @property
    def innovation_id(self) -> int:
        assert self.state is not None
        return self.state.summary.id

    def call(self, fn: Callable[[], Any], success: str = "") -> None:
        """Run `fn` in the background; the form stays as typed whatever happens."""
        if self.busy:
            return
        self.busy = True
        for button in self.buttons:
            button.setEnabled(False)
        self.banner.show_message(self.tr("Menyimpan…"), "info")
        run_for(self, fn, lambda result: self._succeeded(result, success), self._failed)

    def _finish(self) -> None:
        self.busy = False
        self.finished_calls += 1
        for button in self.buttons:
            button.setEnabled(True)
        self.update_buttons()

    def _succeeded(self, result: Any, success: str) -> None:
        self._finish()
        self.marks.clear()
        if success:
            self.banner.show_message(success, "success")
        else:
            self.banner.clear()
        self.done.emit(result)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, StaleRecord):
            self.banner.show_message(message_for(error), "error", self.tr("Muat ulang"))
            return
        place_error_labels(self.marks, self.fields())
        show_refusal(self.marks, self.banner, error, message_for(error))

    def update_buttons(self) -> None:
        """Subclasses enable or disable buttons from the state (after a call, too)."""

    # --- Keeping typed values across a reload ---------------------------------------------------

    def fields(self) -> dict[str, QWidget]:
        """The editable fields by name (for snapshot / restore)."""
        return {}

    def snapshot(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, widget in self.fields().items():
            if isinstance(widget, QLineEdit):
                values[name] = widget.text()
            elif isinstance(widget, QPlainTextEdit):
                values[name] = widget.toPlainText()
            elif isinstance(widget, ParticipantPicker):
                values[name] = widget.selected_ids()
            elif isinstance(widget, AttachmentList):
                values[name] = widget.paths()
        return values

    def mark_clean(self) -> None:
        """What the fields hold now is what was loaded (or saved): nothing to ask about."""
        self._clean = self.snapshot()

    def unsaved_work(self) -> str:
        """Typed text that would be lost: '' while the fields hold what they were shown with."""
        if self.snapshot() == getattr(self, "_clean", self.snapshot()):
            return ""
        if self.state is None:
            return self.tr("Gagasan inovasi baru")
        step = self.state.step.name if self.state.step is not None else ""
        return (
            self.tr("Isian %1 untuk inovasi %2")
            .replace("%1", step)
            .replace("%2", self.state.summary.reference)
        )

    def discard_unsaved(self) -> None:
        self.mark_clean()

    def restore(self, values: dict[str, Any]) -> None:
        for name, widget in self.fields().items():
            if name not in values:
                continue
            if isinstance(widget, QLineEdit):
                widget.setText(values[name])
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(values[name])
            elif isinstance(widget, ParticipantPicker):
                widget.set_selected(values[name])
            elif isinstance(widget, AttachmentList):
                widget.set_paths(values[name])


# --- Step 1: the idea ------------------------------------------------------------------------------


class IdeaForm(StepForm):
    """The idea and its concept pointers; new (propose_idea) or revised after a 'Tidak' (revise_idea)."""

    def __init__(self, session: Session, state: InnovationState | None, parent: QWidget | None = None):
        super().__init__(session, state, parent)
        revising = state is not None
        if revising:
            self.add_heading(
                self.tr("Perbaiki gagasan"),
                self.tr(
                    "Rapat pembahasan awal mengembalikan gagasan ini. Perbaiki, lalu ajukan lagi ke Kabid."
                ),
            )
        form = self.add_form()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Contoh: Akta kelahiran langsung dari puskesmas"))
        self.problem_edit = text_area(self.tr("Masalah pelayanan yang ingin diatasi"))
        self.target_edit = text_area(self.tr("Siapa yang dilayani"), 56)
        self.pointers_edit = text_area(self.tr("Pointers konsep: langkah, pembagian tugas, target"), 110)
        self.attachments = AttachmentList(self.tr("Lampiran gagasan"))
        form.addRow(field_label(self.tr("Judul gagasan"), self.title_edit), self.title_edit)
        form.addRow(field_label(self.tr("Permasalahan"), self.problem_edit), self.problem_edit)
        form.addRow(field_label(self.tr("Sasaran"), self.target_edit), self.target_edit)
        form.addRow(field_label(self.tr("Pointers konsep"), self.pointers_edit), self.pointers_edit)
        form.addRow(field_label(self.tr("Lampiran")), self.attachments)
        if revising:
            assert state is not None
            self.title_edit.setText(state.summary.title)
            self.problem_edit.setPlainText(state.profile.problem)
            self.target_edit.setPlainText(state.profile.target)
            self.pointers_edit.setPlainText(state.profile.concept)
            self.submit_button = primary_button(self.tr("Ajukan lagi ke Kabid"))
            self.submit_button.clicked.connect(self.submit)
            self.add_buttons(self.submit_button)

    def fields(self) -> dict[str, QWidget]:
        return {
            "title": self.title_edit,
            "problem": self.problem_edit,
            "target": self.target_edit,
            "pointers": self.pointers_edit,
            "attachments": self.attachments,
        }

    def typed(self) -> tuple[str, str, str, str, list]:
        return (
            self.title_edit.text(),
            self.problem_edit.toPlainText(),
            self.target_edit.toPlainText(),
            self.pointers_edit.toPlainText(),
            self.attachments.paths(),
        )

    def submit(self) -> None:
        title, problem, target, pointers, paths = self.typed()
        session, innovation_id, version = self.session, self.innovation_id, self.version

        def work():
            draft = inovasi.IdeaDraft(title, problem, target, pointers, read_uploads(paths))
            return inovasi.revise_idea(session, innovation_id, draft, version)

        self.call(work, self.tr("Gagasan diajukan kembali ke Kabid."))


# --- Steps 2 and 3: reviews ----------------------------------------------------------------------------


class ReviewForm(StepForm):
    """The Kabid's catatan telaahan (teruskan / kembalikan) or the Kepala Dinas' catatan tindak lanjut."""

    def __init__(self, session: Session, state: InnovationState, parent: QWidget | None = None):
        super().__init__(session, state, parent)
        self.by_kabid = state.summary.current_step == inovasi.TELAAH_KABID
        if self.by_kabid:
            self.add_heading(
                self.tr("Telaahan Kabid"),
                self.tr(
                    "Telaah pointers konsep di profil inovasi, lalu teruskan ke Kepala Dinas atau kembalikan."
                ),
            )
        else:
            self.add_heading(
                self.tr("Telaahan Kepala Dinas"),
                self.tr("Tulis catatan tindak lanjut; gagasan lalu dibahas dalam rapat pejabat struktural."),
            )
        self.notes_edit = text_area(self.tr("Catatan telaahan / alasan pengembalian"), 120)
        form = self.add_form()
        caption = self.tr("Catatan telaahan") if self.by_kabid else self.tr("Catatan tindak lanjut")
        form.addRow(field_label(caption, self.notes_edit), self.notes_edit)
        if self.by_kabid:
            self.forward_button = primary_button(self.tr("Teruskan ke Kepala Dinas"))
            self.return_button = QPushButton(self.tr("Kembalikan ke Kasi Inovasi"))
            self.forward_button.clicked.connect(lambda: self.submit(True))
            self.return_button.clicked.connect(lambda: self.submit(False))
            self.add_buttons(self.return_button, self.forward_button)
        else:
            self.forward_button = primary_button(self.tr("Kirim ke rapat pembahasan awal"))
            self.forward_button.clicked.connect(lambda: self.submit(True))
            self.add_buttons(self.forward_button)

    def fields(self) -> dict[str, QWidget]:
        return {"notes": self.notes_edit}

    def submit(self, forward: bool) -> None:
        notes, session, innovation_id, version = (
            self.notes_edit.toPlainText(),
            self.session,
            self.innovation_id,
            self.version,
        )
        if self.by_kabid:
            done = (
                self.tr("Diteruskan ke Kepala Dinas.")
                if forward
                else self.tr("Dikembalikan ke Kasi Inovasi.")
            )
            self.call(lambda: inovasi.review_by_kabid(session, innovation_id, notes, forward, version), done)
        else:
            self.call(
                lambda: inovasi.review_by_kepala_dinas(session, innovation_id, notes, version),
                self.tr("Catatan tindak lanjut tersimpan; gagasan menunggu rapat pembahasan awal."),
            )


# --- Step 4: the first discussion ----------------------------------------------------------------------


class FirstDiscussionForm(StepForm):
    """Who met, and 'ya' / 'tidak' / 'tolak' with the reason; 'ya' writes the draft inovasi."""

    DECISIONS = ("ya", "tidak", "tolak")

    def __init__(self, session: Session, state: InnovationState, parent: QWidget | None = None):
        super().__init__(session, state, parent)
        self.add_heading(
            self.tr("Rapat pembahasan awal"),
            self.tr(
                "Catat peserta rapat (pejabat struktural) dan keputusannya. 'Tidak' mengembalikan gagasan."
            ),
        )
        form = self.add_form()
        self.held_on = date_field()
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("Ruang rapat Kepala Dinas"))
        self.participants = ParticipantPicker()
        structural = state.holders(R.PEJABAT_STRUKTURAL)
        self.participants.set_people(structural, [p.id for p in structural])
        form.addRow(field_label(self.tr("Tanggal rapat"), self.held_on), self.held_on)
        form.addRow(field_label(self.tr("Tempat"), self.place_edit), self.place_edit)
        form.addRow(field_label(self.tr("Peserta")), self.participants)
        self.decision_group = QButtonGroup(self)
        choices = QVBoxLayout()
        choices.setSpacing(2)
        labels = {a.action: a.label for a in state.step.actions} if state.step else {}
        self.decision_buttons: dict[str, QRadioButton] = {}
        for code in self.DECISIONS:
            button = QRadioButton(labels.get(code, code))
            self.decision_group.addButton(button)
            self.decision_buttons[code] = button
            choices.addWidget(button)
        choices.addStretch(1)
        self.decision_buttons["ya"].setChecked(True)
        form.addRow(field_label(self.tr("Keputusan")), choices)
        self.reason_edit = text_area(self.tr("Alasan keputusan (wajib untuk 'Tidak' dan 'Tolak')"))
        self.draft_edit = text_area(self.tr("Kosongkan: draft disusun dari gagasan dan hasil rapat"), 70)
        form.addRow(field_label(self.tr("Alasan"), self.reason_edit), self.reason_edit)
        form.addRow(field_label(self.tr("Draft inovasi"), self.draft_edit), self.draft_edit)
        self.submit_button = primary_button(self.tr("Simpan hasil rapat"))
        self.submit_button.clicked.connect(self.submit)
        self.add_buttons(self.submit_button)

    def fields(self) -> dict[str, QWidget]:
        return {
            "place": self.place_edit,
            "participants": self.participants,
            "reason": self.reason_edit,
            "draft": self.draft_edit,
        }

    def decision(self) -> str:
        return next(code for code, button in self.decision_buttons.items() if button.isChecked())

    def choose(self, decision: str) -> None:
        self.decision_buttons[decision].setChecked(True)

    def submit(self) -> None:
        decision = self.decision()
        draft = inovasi.MeetingDraft(
            held_on=date_of(self.held_on),
            place=self.place_edit.text(),
            participant_ids=self.participants.selected_ids(),
            decision="ya" if decision == "ya" else "tidak",
            reason=self.reason_edit.toPlainText(),
            close_as_rejected=decision == "tolak",
            draft=self.draft_edit.toPlainText(),
        )
        session, innovation_id, version = self.session, self.innovation_id, self.version
        messages = {
            "ya": self.tr("Gagasan disetujui untuk dilanjutkan; draft inovasi tersimpan."),
            "tidak": self.tr("Gagasan dikembalikan ke Kasi Inovasi untuk diperbaiki."),
            "tolak": self.tr("Gagasan ditolak."),
        }
        self.call(
            lambda: inovasi.decide_first_discussion(session, innovation_id, draft, version),
            messages[decision],
        )
