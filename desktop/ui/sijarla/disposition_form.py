"""The Kabid's disposition: the form while it is a draft, and the read-only sheet once signed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.printing.text import signature_code
from desktop.services.case_view import DispositionView, TeamOption
from desktop.services.sijarla import steps as sijarla
from desktop.ui.common.cards import section_label
from desktop.ui.common.field_errors import FieldMarks, problems_of
from desktop.ui.common.forms import (
    FORM_STYLESHEET,
    Banner,
    DateEdit,
    field_label,
    heading,
    input_height,
    muted,
    primary_button,
    submit_shortcut,
    value_label,
    value_rows,
)
from desktop.ui.common.labels import disposition_request_label, sifat_choices, sifat_label
from desktop.ui.common.unsaved import TypedText
from desktop.ui.sijarla.letter_panels import date_time, long_date

DEFAULT_FORWARDED_TO = "Ketua Tim SIJARLA"


class DispositionForm(QWidget):
    """Sifat, diteruskan kepada, tim, batas waktu, dengan hormat harap, isi; Ctrl+Enter signs."""

    sign_requested = Signal()
    save_requested = Signal()
    return_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(FORM_STYLESHEET)
        self.teams: list[TeamOption] = []
        self.banner = Banner()
        self.sifat_combo = QComboBox()
        for code, label in sifat_choices():
            self.sifat_combo.addItem(label, code)
        self.forwarded_edit = QLineEdit()
        self.team_combo = QComboBox()
        self.team_members = muted("")
        self.deadline_edit = DateEdit()
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat("dddd, dd-MM-yyyy")
        input_height(self.sifat_combo, self.team_combo, self.deadline_edit)
        self.request_boxes = {
            code: QCheckBox(disposition_request_label(code)) for code in sijarla.DISPOSITION_REQUESTS
        }
        self.instructions_edit = QPlainTextEdit()
        self.instructions_edit.setPlaceholderText(
            self.tr("mis. Tugaskan tim untuk pelayanan jemput bola; utamakan lansia dan disabilitas.")
        )
        self.instructions_edit.setTabChangesFocus(True)
        self.instructions_edit.setMinimumHeight(90)
        self.return_button = QPushButton(self.tr("Kembalikan…"))
        self.return_button.setToolTip(self.tr("Kembalikan permohonan ke meja depan dengan alasan"))
        self.save_button = QPushButton(self.tr("Simpan draf"))
        self.sign_button = primary_button(self.tr("Tandatangani…"))
        self.sign_button.setToolTip(self.tr("Simpan lalu tandatangani disposisi (Ctrl+Enter)"))
        self.marks = FieldMarks(self)
        self.typed = TypedText(self)
        self.case_reference = ""  # the case whose disposition this is ('' while none is open)
        self._layout()
        self.team_combo.currentIndexChanged.connect(self._team_chosen)
        self.return_button.clicked.connect(self.return_requested)
        self.save_button.clicked.connect(self.save_requested)
        self.sign_button.clicked.connect(self.sign_requested)
        submit_shortcut(self, self.sign_requested.emit)

    def _layout(self) -> None:
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 8, 0)  # clear of the scroll bar
        box.setSpacing(8)
        box.addWidget(self.banner)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        pairs = [
            (0, 0, self.tr("&Sifat"), self.sifat_combo, "sifat"),
            (0, 1, self.tr("&Batas waktu"), self.deadline_edit, "deadline"),
            (3, 0, self.tr("&Tim SIJARLA"), self.team_combo, "team"),
            (3, 1, self.tr("&Diteruskan kepada"), self.forwarded_edit, "forwarded_to"),
        ]
        for row, column, caption, widget, name in pairs:
            grid.addWidget(field_label(caption, widget), row, column)
            grid.addWidget(widget, row + 1, column)
            grid.addWidget(self.marks.error_label(name), row + 2, column)
        grid.addWidget(self.team_members, 6, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        box.addLayout(grid)
        box.addWidget(section_label(self.tr("Dengan hormat harap")))
        checks = QGridLayout()
        checks.setHorizontalSpacing(16)
        checks.setVerticalSpacing(4)
        for i, check in enumerate(self.request_boxes.values()):
            checks.addWidget(check, i // 2, i % 2)
        box.addLayout(checks)
        box.addWidget(self.marks.error_label("requests"))
        box.addWidget(field_label(self.tr("&Isi disposisi"), self.instructions_edit))
        box.addWidget(self.instructions_edit, 1)
        box.addWidget(self.marks.error_label("instructions"))
        for name, widget in (
            ("sifat", self.sifat_combo),
            ("deadline", self.deadline_edit),
            ("team", self.team_combo),
            ("forwarded_to", self.forwarded_edit),
            ("requests", next(iter(self.request_boxes.values()))),
            ("instructions", self.instructions_edit),
        ):
            self.marks.bind(name, widget)
        for check in self.request_boxes.values():
            check.toggled.connect(lambda _on: self.marks.clear("requests"))
        self.actions = QWidget()  # placed by the tab under the scrolling fields, always in view
        buttons = QHBoxLayout(self.actions)
        buttons.setContentsMargins(0, 8, 0, 0)
        buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.sign_button)

    def set_tab_order(self) -> None:
        """Call once the tab has placed `actions`: the buttons must be in the same window as the fields."""
        chain: list[QWidget] = [self.sifat_combo, self.deadline_edit, self.team_combo, self.forwarded_edit]
        chain += list(self.request_boxes.values())
        chain += [self.instructions_edit, self.return_button, self.save_button, self.sign_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # --- Values ---------------------------------------------------------------------------------

    def set_teams(self, teams: list[TeamOption]) -> None:
        chosen = self.team_combo.currentData()
        self.teams = teams
        self.team_combo.blockSignals(True)
        self.team_combo.clear()
        for team in teams:
            self.team_combo.addItem(team.name, team.id)
        self.team_combo.setCurrentIndex(max(0, self.team_combo.findData(chosen)) if teams else -1)
        self.team_combo.blockSignals(False)
        self._team_chosen()

    def start_new(self, deadline: dt.date, letter_sifat: str = "") -> None:
        """Values for a case without a draft: the letter's sifat, 3 working days, 'proses lebih lanjut'."""
        self.sifat_combo.setCurrentIndex(max(0, self.sifat_combo.findData(letter_sifat)))
        self.forwarded_edit.setText(DEFAULT_FORWARDED_TO)
        self.team_combo.setCurrentIndex(0 if self.teams else -1)
        self.deadline_edit.setDate(QDate(deadline))
        for code, check in self.request_boxes.items():
            check.setChecked(code == "proses_lanjut")
        self.instructions_edit.clear()
        self.banner.clear()
        self.marks.clear()
        self.typed.mark_clean()

    def set_values(self, d: DispositionView) -> None:
        """The saved draft's values."""
        self.sifat_combo.setCurrentIndex(max(0, self.sifat_combo.findData(d.sifat)))
        self.forwarded_edit.setText(d.forwarded_to)
        index = self.team_combo.findData(d.team_id)
        if index >= 0:
            self.team_combo.setCurrentIndex(index)
        self.deadline_edit.setDate(QDate(d.deadline))
        for code, check in self.request_boxes.items():
            check.setChecked(code in d.requests)
        self.instructions_edit.setPlainText(d.instructions)
        self.typed.mark_clean()

    def unsaved_work(self) -> str:
        """The disposition being written, when its text differs from what was loaded or saved."""
        if not self.case_reference or not self.typed.changed():
            return ""
        return self.tr("Disposisi %1 (belum disimpan)").replace("%1", self.case_reference)

    def discard_unsaved(self) -> None:
        self.typed.mark_clean()

    def show_refusal(self, error: BaseException) -> None:
        """Each problem under its field, the first field focused; the rest in the banner."""
        problems = problems_of(error)
        unplaced = self.marks.show(problems) if problems else []
        if len(problems) > 1 and not unplaced:
            text = self.tr("%1 isian perlu diperbaiki; lihat pesan merah di bawah setiap isian.")
            self.banner.show_message(text.replace("%1", str(len(problems))), "error")

    def draft(self) -> sijarla.DispositionDraft:
        return sijarla.DispositionDraft(
            instructions=self.instructions_edit.toPlainText(),
            team_id=self.team_combo.currentData() or 0,
            deadline=self.deadline_edit.date().toPython(),
            forwarded_to=self.forwarded_edit.text(),
            requests=tuple(code for code, check in self.request_boxes.items() if check.isChecked()),
            sifat=self.sifat_combo.currentData(),
        )

    def set_busy(self, busy: bool) -> None:
        for button in (self.return_button, self.save_button, self.sign_button):
            button.setEnabled(not busy)

    def focus_field(self, field: str | None) -> None:
        widget = {
            "instructions": self.instructions_edit,
            "team": self.team_combo,
            "deadline": self.deadline_edit,
            "forwarded_to": self.forwarded_edit,
            "sifat": self.sifat_combo,
            "requests": next(iter(self.request_boxes.values())),
        }.get(field or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _team_chosen(self, *_args) -> None:
        team = next((t for t in self.teams if t.id == self.team_combo.currentData()), None)
        if team is None:
            self.team_members.setText(self.tr("Belum ada tim aktif; minta Administrator menyusun tim."))
            return
        others = [m.full_name for m in team.members if not m.is_leader]
        self.team_members.setText(
            self.tr("Ketua: %1 · Anggota: %2")
            .replace("%1", team.leader or self.tr("(belum ada)"))
            .replace("%2", ", ".join(others) or "-")
        )


class SignedDispositionSheet(QWidget):
    """A signed disposition, read-only: its content and who signed it, when, with the hash's prefix."""

    print_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(10)
        self.banner = Banner()
        box.addWidget(self.banner)
        box.addWidget(heading(self.tr("Disposisi ditandatangani"), 1.1))
        self.signature_label = value_label()
        self.signature_label.setObjectName("SignatureLine")
        self.signature_label.setStyleSheet(
            "QLabel#SignatureLine { background: #E9F6EC; color: #1D6438; border: 1px solid #BFE0C8;"
            " border-radius: 6px; padding: 8px 10px; }"
        )
        box.addWidget(self.signature_label)
        self.values = {
            k: value_label() for k in ("sifat", "forwarded", "team", "deadline", "requests", "text")
        }
        box.addLayout(
            value_rows(
                [
                    (self.tr("Sifat"), self.values["sifat"]),
                    (self.tr("Diteruskan kepada"), self.values["forwarded"]),
                    (self.tr("Tim"), self.values["team"]),
                    (self.tr("Batas waktu"), self.values["deadline"]),
                    (self.tr("Dengan hormat harap"), self.values["requests"]),
                    (self.tr("Isi disposisi"), self.values["text"]),
                ]
            )
        )
        box.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.print_button = QPushButton(self.tr("Cetak Lembar Disposisi…"))
        self.print_button.clicked.connect(self.print_requested)
        row.addWidget(self.print_button)
        box.addLayout(row)

    def show_disposition(self, d: DispositionView) -> None:
        self.signature_label.setText(
            self.tr("Ditandatangani secara elektronik oleh %1 pada %2 · kode tanda tangan %3")
            .replace("%1", d.signed_by)
            .replace("%2", date_time(d.signed_at))
            .replace("%3", signature_code(d.signature_sha256))
        )
        self.values["sifat"].setText(sifat_label(d.sifat))
        self.values["forwarded"].setText(d.forwarded_to)
        self.values["team"].setText(d.team or "-")
        self.values["deadline"].setText(long_date(d.deadline))
        self.values["requests"].setText(", ".join(disposition_request_label(c) for c in d.requests) or "-")
        self.values["text"].setText(d.instructions)
