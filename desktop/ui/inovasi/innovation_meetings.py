"""The forms of innovation steps 5 to 8: finalization meeting and its approvals, technical discussion,
naming, and the daily output log of the running innovation."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop import roles as R
from desktop.services.inovasi import steps as inovasi
from desktop.services.inovasi.steps import MeetingView, ParticipantView
from desktop.services.session import Session
from desktop.ui.common.forms import field_label, muted, primary_button
from desktop.ui.inovasi.innovation_fields import (
    ParticipantPicker,
    approval_text,
    choose_file,
    confirm,
    date_field,
    date_of,
    read_uploads,
    text_area,
)
from desktop.ui.inovasi.innovation_forms import StepForm
from desktop.ui.inovasi.innovation_state import InnovationState

MINUTES_FILTER = QT_TRANSLATE_NOOP(
    "FileDialog", "Notulen (*.pdf *.doc *.docx *.odt *.jpg *.jpeg *.png);;Semua berkas (*)"
)
NAME_ROWS = 4


# --- Step 5: approval by every participant, then the notulen ------------------------------------------


class FinalizationForm(StepForm):
    """Open the meeting; every participant approves the draft; then the notulen closes the step."""

    def __init__(self, session: Session, state: InnovationState, parent: QWidget | None = None):
        super().__init__(session, state, parent)
        self.meeting: MeetingView | None = state.finalization
        self.may_act = state.may_act(session)
        self.minutes_path = None
        self.approve_button: QPushButton | None = None
        self.reject_button: QPushButton | None = None
        self.finish_button: QPushButton | None = None
        self.open_button: QPushButton | None = None
        if self.meeting is None:
            self._build_opening(state)
        else:
            self._build_meeting(self.meeting)
        self.update_buttons()

    def _build_opening(self, state: InnovationState) -> None:
        self.add_heading(
            self.tr("Rapat finalisasi konsep"),
            self.tr(
                "Buka rapat dengan pesertanya; setiap peserta lalu menyetujui draft inovasi dari akunnya."
            ),
        )
        if not self.may_act:
            self.outer.addWidget(muted(self.tr("Rapat belum dibuka oleh pejabat struktural.")))
            return
        form = self.add_form()
        self.held_on = date_field()
        self.place_edit = QLineEdit()
        self.participants = ParticipantPicker()
        structural = state.holders(R.PEJABAT_STRUKTURAL)
        self.participants.set_people(structural, [p.id for p in structural])
        form.addRow(field_label(self.tr("Tanggal rapat"), self.held_on), self.held_on)
        form.addRow(field_label(self.tr("Tempat"), self.place_edit), self.place_edit)
        form.addRow(field_label(self.tr("Peserta")), self.participants)
        self.open_button = primary_button(self.tr("Buka rapat finalisasi"))
        self.open_button.clicked.connect(self.open_meeting)
        self.add_buttons(self.open_button)

    def _build_meeting(self, meeting: MeetingView) -> None:
        day = QLocale().toString(meeting.held_on, "d MMMM yyyy")
        self.add_heading(
            self.tr("Persetujuan draft inovasi"),
            self.tr("Rapat %1, %2. Setiap peserta menyetujui draft dari akunnya sendiri.")
            .replace("%1", day)
            .replace("%2", meeting.place or "-"),
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        self.approval_labels: dict[int, QLabel] = {}
        for row, p in enumerate(meeting.participants):
            name = QLabel(p.full_name)
            name.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(name, row, 0)
            label = QLabel(approval_text(p))
            label.setTextFormat(Qt.TextFormat.RichText)
            self.approval_labels[p.user_id] = label
            grid.addWidget(label, row, 1)
        grid.setColumnStretch(1, 1)
        self.outer.addLayout(grid)
        me = next((p for p in meeting.participants if p.user_id == self.session.user_id), None)
        if me is not None:
            self._build_my_approval(me)
        if self.may_act:
            self._build_finish(meeting)

    def _build_my_approval(self, me: ParticipantView) -> None:
        form = self.add_form()
        self.comment_edit = text_area(self.tr("Catatan (wajib bila tidak setuju)"), 56)
        self.comment_edit.setPlainText(me.comment)
        form.addRow(field_label(self.tr("Catatan Anda"), self.comment_edit), self.comment_edit)
        self.reject_button = QPushButton(self.tr("Tidak setuju"))
        self.approve_button = primary_button(self.tr("Setujui draft"))
        self.approve_button.clicked.connect(lambda: self.approve(True))
        self.reject_button.clicked.connect(lambda: self.approve(False))
        self.add_buttons(self.reject_button, self.approve_button)

    def _build_finish(self, meeting: MeetingView) -> None:
        pending = [p.full_name for p in meeting.participants if p.approved is not True]
        text = (
            self.tr("Menunggu persetujuan: %1.").replace("%1", ", ".join(pending))
            if pending
            else self.tr("Semua peserta sudah menyetujui. Lampirkan notulen untuk menyelesaikan langkah ini.")
        )
        self.pending_label = muted(text)
        self.outer.addWidget(self.pending_label)
        self.minutes_label = QLabel(self.tr("Belum ada berkas notulen"))
        self.minutes_label.setProperty("role", "muted")
        choose = QPushButton(self.tr("Pilih notulen…"))
        choose.clicked.connect(self.choose_minutes)
        self.finish_button = primary_button(self.tr("Selesaikan finalisasi"))
        self.finish_button.clicked.connect(self.finish)
        row = self.add_buttons(choose, self.finish_button)
        row.insertWidget(0, self.minutes_label)

    def fields(self) -> dict[str, QWidget]:
        found: dict[str, QWidget] = {}
        if hasattr(self, "comment_edit"):
            found["comment"] = self.comment_edit
        if hasattr(self, "place_edit"):
            found["place"] = self.place_edit
        return found

    def update_buttons(self) -> None:
        if self.finish_button is not None:
            ready = bool(self.meeting and self.meeting.all_approved)
            self.finish_button.setEnabled(ready and not self.busy)
            self.finish_button.setToolTip(
                "" if ready else self.tr("Dapat diselesaikan setelah semua peserta menyetujui draft.")
            )

    def open_meeting(self) -> None:
        held, place, ids = date_of(self.held_on), self.place_edit.text(), self.participants.selected_ids()
        session, innovation_id = self.session, self.innovation_id
        self.call(
            lambda: inovasi.open_finalization(session, innovation_id, held, place, ids),
            self.tr("Rapat finalisasi dibuka; peserta dapat menyetujui draft."),
        )

    def approve(self, yes: bool) -> None:
        comment, session, innovation_id = self.comment_edit.toPlainText(), self.session, self.innovation_id
        self.call(
            lambda: inovasi.approve_draft(session, innovation_id, yes, comment),
            self.tr("Persetujuan Anda tercatat.") if yes else self.tr("Ketidaksetujuan Anda tercatat."),
        )

    def choose_minutes(self) -> None:
        path = choose_file(self, self.tr("Pilih berkas notulen"), MINUTES_FILTER)
        if path is not None:
            self.minutes_path = path
            self.minutes_label.setText(path.name)

    def finish(self) -> None:
        if self.minutes_path is None:
            self.banner.show_message(self.tr("Pilih berkas notulen rapat lebih dulu."), "error")
            return
        path, session, innovation_id, version = (
            self.minutes_path,
            self.session,
            self.innovation_id,
            self.version,
        )
        self.call(
            lambda: inovasi.finish_finalization(session, innovation_id, read_uploads([path])[0], version),
            self.tr("Finalisasi konsep selesai; notulen tersimpan."),
        )


# --- Step 6: technical discussion ------------------------------------------------------------------------


class TechnicalForm(StepForm):
    """Mechanism, resources, schedule and indicators: the konsep final, with ADB / pelaksana teknis."""

    def __init__(self, session: Session, state: InnovationState, parent: QWidget | None = None):
        super().__init__(session, state, parent)
        self.add_heading(
            self.tr("Pembahasan teknis"),
            self.tr("Susun konsep final bersama ADB / pelaksana teknis (paling sedikit satu ikut)."),
        )
        form = self.add_form()
        self.mechanism_edit = text_area(self.tr("Alur layanan, siapa mengerjakan apa"))
        self.resources_edit = text_area(self.tr("Petugas, perangkat, anggaran"), 56)
        self.schedule_edit = text_area(self.tr("Uji coba, perluasan"), 56)
        self.indicators_edit = text_area(self.tr("Ukuran keberhasilan"), 56)
        self.held_on = date_field()
        self.place_edit = QLineEdit()
        self.participants = ParticipantPicker()
        people = state.holders(R.PEJABAT_STRUKTURAL, R.PELAKSANA_TEKNIS)
        technical = {p.id for p in state.holders(R.PELAKSANA_TEKNIS)}
        self.participants.set_people(
            people, [p.id for p in people if p.id in technical or p.id == session.user_id]
        )
        form.addRow(field_label(self.tr("Mekanisme"), self.mechanism_edit), self.mechanism_edit)
        form.addRow(field_label(self.tr("Sumber daya"), self.resources_edit), self.resources_edit)
        form.addRow(field_label(self.tr("Jadwal"), self.schedule_edit), self.schedule_edit)
        form.addRow(field_label(self.tr("Indikator"), self.indicators_edit), self.indicators_edit)
        form.addRow(field_label(self.tr("Tanggal rapat"), self.held_on), self.held_on)
        form.addRow(field_label(self.tr("Tempat"), self.place_edit), self.place_edit)
        form.addRow(field_label(self.tr("Peserta")), self.participants)
        self.submit_button = primary_button(self.tr("Simpan konsep final"))
        self.submit_button.clicked.connect(self.submit)
        self.add_buttons(self.submit_button)

    def fields(self) -> dict[str, QWidget]:
        return {
            "mechanism": self.mechanism_edit,
            "resources": self.resources_edit,
            "schedule": self.schedule_edit,
            "indicators": self.indicators_edit,
            "place": self.place_edit,
            "participants": self.participants,
        }

    def submit(self) -> None:
        concept = inovasi.FinalConcept(
            self.mechanism_edit.toPlainText(),
            self.resources_edit.toPlainText(),
            self.schedule_edit.toPlainText(),
            self.indicators_edit.toPlainText(),
        )
        ids, held, place = self.participants.selected_ids(), date_of(self.held_on), self.place_edit.text()
        session, innovation_id, version = self.session, self.innovation_id, self.version
        self.call(
            lambda: inovasi.record_technical_discussion(
                session, innovation_id, concept, ids, version, held_on=held, place=place
            ),
            self.tr("Konsep final tersimpan; langkah berikutnya penamaan inovasi."),
        )


# --- Step 7: naming ---------------------------------------------------------------------------------------


class NamingForm(StepForm):
    """The meeting's name alternatives (with meanings) and the one the Kepala Dinas chooses."""

    def __init__(self, session: Session, state: InnovationState, parent: QWidget | None = None):
        super().__init__(session, state, parent)
        self.add_heading(
            self.tr("Keputusan nama inovasi"),
            self.tr("Tulis alternatif nama dari rapat; Kepala Dinas memilih dan menetapkan satu."),
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.addWidget(field_label(self.tr("Alternatif nama")), 0, 0)
        grid.addWidget(field_label(self.tr("Makna / kepanjangan")), 0, 1)
        self.name_edits: list[QLineEdit] = []
        self.meaning_edits: list[QLineEdit] = []
        for row in range(1, NAME_ROWS + 1):
            name, meaning = QLineEdit(), QLineEdit()
            name.textChanged.connect(self._names_changed)
            self.name_edits.append(name)
            self.meaning_edits.append(meaning)
            grid.addWidget(name, row, 0)
            grid.addWidget(meaning, row, 1)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(0, 1)
        self.outer.addLayout(grid)
        form = self.add_form()
        self.chosen_combo = QComboBox()
        form.addRow(field_label(self.tr("Nama terpilih"), self.chosen_combo), self.chosen_combo)
        self.submit_button = primary_button(self.tr("Tetapkan nama inovasi"))
        self.submit_button.clicked.connect(self.submit)
        self.add_buttons(self.submit_button)
        if not session.has_role(R.KEPALA_DINAS):
            self.outer.addWidget(muted(self.tr("Hanya Kepala Dinas yang dapat menetapkan nama.")))

    def fields(self) -> dict[str, QWidget]:
        found: dict[str, QWidget] = {f"name{i}": e for i, e in enumerate(self.name_edits)}
        found.update({f"meaning{i}": e for i, e in enumerate(self.meaning_edits)})
        return found

    def alternatives(self) -> list[tuple[str, str]]:
        return [
            (n.text(), m.text())
            for n, m in zip(self.name_edits, self.meaning_edits, strict=True)
            if n.text().strip()
        ]

    def _names_changed(self) -> None:
        current = self.chosen_combo.currentText()
        self.chosen_combo.clear()
        self.chosen_combo.addItems([name.strip() for name, _ in self.alternatives()])
        index = self.chosen_combo.findText(current)
        self.chosen_combo.setCurrentIndex(max(index, 0))

    def submit(self) -> None:
        options, chosen = self.alternatives(), self.chosen_combo.currentText()
        session, innovation_id, version = self.session, self.innovation_id, self.version
        self.call(
            lambda: inovasi.decide_name(session, innovation_id, options, chosen, version),
            self.tr("Nama inovasi ditetapkan: %1.").replace("%1", chosen),
        )


# --- Step 8: running the innovation -----------------------------------------------------------------------


class OutputForm(StepForm):
    """The daily output log of the running innovation, and closing the implementation step."""

    def __init__(self, session: Session, state: InnovationState, parent: QWidget | None = None):
        super().__init__(session, state, parent)
        totals = state.profile.outputs
        self.add_heading(
            self.tr("Pelaksanaan inovasi"),
            self.tr("Catat keluaran setiap hari kerja: kegiatan dan jumlah orang terlayani."),
        )
        summary = self.tr("Sejauh ini: %1 catatan pada %2 hari, %3 orang terlayani.")
        self.totals_label = QLabel(
            summary.replace("%1", str(totals.entries))
            .replace("%2", str(totals.days))
            .replace("%3", str(totals.people_served))
        )
        self.totals_label.setObjectName("OutputTotals")
        self.outer.addWidget(self.totals_label)
        form = self.add_form()
        self.day_edit = date_field(dt.date.today())
        self.activity_edit = QLineEdit()
        self.activity_edit.setPlaceholderText(self.tr("Contoh: Akta kelahiran diterbitkan dari puskesmas"))
        self.people_spin = QSpinBox()
        self.people_spin.setRange(0, inovasi.MAX_PEOPLE_PER_DAY)
        self.note_edit = QLineEdit()
        form.addRow(field_label(self.tr("Tanggal"), self.day_edit), self.day_edit)
        form.addRow(field_label(self.tr("Kegiatan"), self.activity_edit), self.activity_edit)
        form.addRow(field_label(self.tr("Orang terlayani"), self.people_spin), self.people_spin)
        form.addRow(field_label(self.tr("Catatan"), self.note_edit), self.note_edit)
        self.log_button = primary_button(self.tr("Catat keluaran"))
        self.log_button.clicked.connect(self.log)
        self.close_button = QPushButton(self.tr("Tutup tahap pelaksanaan…"))
        self.close_button.setToolTip(
            self.tr("Menulis output inovasi dan menutup kasus: inovasi berjalan rutin.")
        )
        self.close_button.clicked.connect(self.complete)
        self.add_buttons(self.close_button, self.log_button)

    def fields(self) -> dict[str, QWidget]:
        return {"activity": self.activity_edit, "note": self.note_edit}

    def log(self) -> None:
        day, activity, people, note = (
            date_of(self.day_edit),
            self.activity_edit.text(),
            self.people_spin.value(),
            self.note_edit.text(),
        )
        session, innovation_id = self.session, self.innovation_id
        self.call(
            lambda: inovasi.log_output(session, innovation_id, day, activity, people, note),
            self.tr("Keluaran tanggal %1 tercatat.").replace("%1", QLocale().toString(day, "d MMM yyyy")),
        )

    def complete(self) -> None:
        question = self.tr(
            "Tutup tahap pelaksanaan? Output inovasi ditulis dari catatan keluaran dan kasus ditutup; "
            "keluaran tidak dapat dicatat lagi sesudahnya."
        )
        if not confirm(self, self.tr("Tutup tahap pelaksanaan"), question):
            return
        note, session, innovation_id, version = (
            self.note_edit.text(),
            self.session,
            self.innovation_id,
            self.version,
        )
        self.call(
            lambda: inovasi.complete_implementation(session, innovation_id, note, version),
            self.tr("Tahap pelaksanaan ditutup; inovasi berjalan rutin."),
        )
