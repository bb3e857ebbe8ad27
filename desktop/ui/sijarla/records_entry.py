"""The keyboard entry row of the by-name-by-address grid: type, press Enter, the next person.

The NIK is checked as it is typed (desktop.services.nik): the field turns red with the reason
as soon as the digits typed so far cannot be a NIK, and says what a valid one encodes. After
a save the row clears but keeps the nagari, the date and the category, which rarely change
between two people. A failed save keeps everything typed.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.nik import NIK_LENGTH
from desktop.services.sijarla import record_query, service_records
from desktop.services.sijarla.record_query import EditableRecord, RecordChoices
from desktop.services.sijarla.service_records import RecordDraft
from desktop.ui import theme
from desktop.ui.common.forms import FORM_STYLESHEET, DateEdit
from desktop.ui.common.nagari_picker import NagariPicker
from desktop.ui.sijarla.records_nik import NikValidator, nik_problem, nik_summary

STYLE = (
    FORM_STYLESHEET
    + f"""
QLineEdit[invalid="true"], QComboBox[invalid="true"] {{
    border: 1px solid {theme.DANGER}; background: #FBEDEA;
}}
QLabel#EntryMessage[tone="error"] {{ color: {theme.DANGER}; }}
QLabel#EntryMessage[tone="ok"] {{ color: #1E6B3A; }}
QLabel#EntryMessage[tone="hint"] {{ color: {theme.MUTED}; }}
QLabel#EntryMessage[tone="warn"] {{ color: #8A5A00; }}
QFrame#EntryRow {{ background: #F7F9FB; border: 1px solid {theme.LINE}; border-radius: 6px; }}
QFrame#EntryRow QLabel {{ background: transparent; }}
"""
)


class RecordEntryForm(QFrame):
    """One record's fields in two lines; Enter anywhere saves."""

    save_requested = Signal(object)  # RecordDraft, already checked here as far as the UI can
    edit_cancelled = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("EntryRow")
        self.setStyleSheet(STYLE)
        self.editing: EditableRecord | None = None
        self._outcomes: dict[str, bool] = {}
        self._build()
        self._connect()

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.nik_edit = QLineEdit()
        self.nik_edit.setObjectName("NikEdit")
        self.nik_edit.setValidator(NikValidator(self.nik_edit))
        self.nik_edit.setPlaceholderText(self.tr("16 angka"))
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(120)
        self.kk_edit = QLineEdit()
        self.kk_edit.setMaxLength(16)
        self.kk_edit.setPlaceholderText(self.tr("boleh kosong"))
        self.address_edit = QLineEdit()
        self.address_edit.setMaxLength(240)
        self.address_edit.setPlaceholderText(self.tr("boleh kosong"))
        self.nagari_combo = NagariPicker()
        self.jorong_edit = QLineEdit()
        self.jorong_edit.setMaxLength(80)
        self._jorong_names = QStringListModel(self)
        jorong_completer = QCompleter(self._jorong_names, self.jorong_edit)
        jorong_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        jorong_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.jorong_edit.setCompleter(jorong_completer)
        self.category_combo = QComboBox()
        self.group_combo = QComboBox()
        self.outcome_combo = QComboBox()
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(300)
        self.date_edit = DateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        self.date_edit.setLocale(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.date_edit.setDate(QDate.currentDate())
        self.save_button = QPushButton(self.tr("Simpan (Enter)"))
        self.save_button.setProperty("primary", True)
        self.cancel_edit_button = QPushButton(self.tr("Batal ubah"))
        self.cancel_edit_button.hide()
        self.mode_label = QLabel(self.tr("Data baru"))
        self.mode_label.setObjectName("EntryMode")
        self.message_label = QLabel()
        self.message_label.setObjectName("EntryMessage")
        self.message_label.setWordWrap(True)
        self._lay_out()
        self.show_hint(self.tr("Ketik NIK 16 angka; Enter menyimpan dan membuka baris berikutnya."))

    def _lay_out(self) -> None:
        first = (
            (self.tr("NIK"), self.nik_edit, 3),
            (self.tr("Nama lengkap"), self.name_edit, 5),
            (self.tr("No. KK"), self.kk_edit, 3),
            (self.tr("Alamat"), self.address_edit, 4),
            (self.tr("Nagari"), self.nagari_combo, 4),
            (self.tr("Jorong"), self.jorong_edit, 3),
        )
        second = (
            (self.tr("Kategori layanan"), self.category_combo, 4),
            (self.tr("Sasaran"), self.group_combo, 3),
            (self.tr("Hasil"), self.outcome_combo, 3),
            (self.tr("Alasan (bila gagal/ditunda)"), self.reason_edit, 6),
            (self.tr("Tanggal layanan"), self.date_edit, 3),
        )
        for combo in (self.nagari_combo, self.category_combo, self.group_combo, self.outcome_combo):
            combo.setMinimumContentsLength(8)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        height = self.nik_edit.sizeHint().height()
        for widget in self.fields():
            widget.setMinimumHeight(height)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 8, 12, 8)
        box.setSpacing(6)
        for fields in (first, second):
            line = QHBoxLayout()
            line.setSpacing(8)
            for label_text, widget, stretch in fields:
                line.addLayout(_labelled(label_text, widget), stretch)
            if fields is second:
                line.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
            box.addLayout(line)
        bottom = QHBoxLayout()
        bottom.addWidget(self.mode_label)
        bottom.addSpacing(12)
        bottom.addWidget(self.message_label, 1)
        bottom.addWidget(self.cancel_edit_button)
        box.addLayout(bottom)

    def _connect(self) -> None:
        self.nik_edit.textChanged.connect(self._check_nik)
        self.outcome_combo.currentIndexChanged.connect(self._outcome_changed)
        self.nagari_combo.currentIndexChanged.connect(self._nagari_changed)
        self.save_button.clicked.connect(self.submit)
        self.cancel_edit_button.clicked.connect(self._cancel_edit)
        for widget in self.fields():
            widget.installEventFilter(self)
        for edit in (self.name_edit, self.kk_edit, self.address_edit, self.jorong_edit, self.reason_edit):
            edit.textEdited.connect(lambda _text, e=edit: self._mark(e, False))
        for combo in (self.nagari_combo, self.category_combo, self.group_combo, self.outcome_combo):
            combo.currentIndexChanged.connect(lambda _index, c=combo: self._mark(c, False))

    def fields(self) -> tuple[QWidget, ...]:
        return (
            self.nik_edit,
            self.name_edit,
            self.kk_edit,
            self.address_edit,
            self.nagari_combo,
            self.jorong_edit,
            self.category_combo,
            self.group_combo,
            self.outcome_combo,
            self.reason_edit,
            self.date_edit,
        )

    # --- choices and defaults ---------------------------------------------------------------------

    def set_choices(self, choices: RecordChoices) -> None:
        self.nagari_combo.set_options(choices.nagari, keep_typed=False)
        for combo in (self.category_combo, self.group_combo, self.outcome_combo):
            combo.blockSignals(True)
            combo.clear()
        for combo, items in (
            (self.category_combo, choices.categories),
            (self.group_combo, choices.target_groups),
            (self.outcome_combo, choices.outcomes),
        ):
            for choice in items:
                combo.addItem(choice.name, choice.code)
        self._outcomes = {c.code: c.needs_reason for c in choices.outcomes}
        for combo in (self.category_combo, self.group_combo, self.outcome_combo):
            combo.blockSignals(False)
        self._outcome_changed()

    def set_nagari(self, nagari_id: int | None) -> None:
        index = self.nagari_combo.findData(nagari_id)
        if index >= 0:
            self.nagari_combo.setCurrentIndex(index)
        self._nagari_changed()

    def _nagari_changed(self) -> None:
        nagari_id = self._nagari_id()
        try:
            names = record_query.jorong_names(nagari_id) if nagari_id is not None else []
        except Exception:  # noqa: BLE001 - completion is a convenience; typing still works
            names = []
        self._jorong_names.setStringList(names)

    def _outcome_changed(self) -> None:
        needs = self._outcomes.get(self.outcome_combo.currentData() or "", False)
        self.reason_edit.setEnabled(needs)
        self.reason_edit.setPlaceholderText(self.tr("wajib diisi") if needs else self.tr("tidak perlu"))
        if not needs:
            self.reason_edit.clear()
            self._mark(self.reason_edit, False)

    # --- typing -------------------------------------------------------------------------------------

    def _check_nik(self, text: str) -> None:
        problem = nik_problem(text)
        self._mark(self.nik_edit, problem is not None)
        if problem:
            self.show_error(problem)
        elif len(text.strip()) == NIK_LENGTH:
            # An old or retired region code is no reason to refuse: say it, it is stored with the record.
            note = service_records.nik_region_note(text.strip())
            summary = nik_summary(text.strip())
            self._show(f"{summary} {note}" if note else summary, "warn" if note else "ok")
        elif text.strip():
            self.show_hint(self.tr("%1 dari 16 angka.").replace("%1", str(len(text.strip()))))
        else:
            self.show_hint(self.tr("Ketik NIK 16 angka; Enter menyimpan dan membuka baris berikutnya."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self._popup_open(watched):
                self.submit()
                return True
        return super().eventFilter(watched, event)

    def _popup_open(self, widget: QObject) -> bool:
        completer = widget.completer() if isinstance(widget, (QLineEdit, QComboBox)) else None
        if completer is not None and completer.popup().isVisible():
            return True
        return isinstance(widget, QComboBox) and widget.view().isVisible()

    # --- saving ---------------------------------------------------------------------------------------

    def draft(self) -> RecordDraft | None:
        """The typed record, or None (with the reason shown) when it cannot be right."""
        nik = self.nik_edit.text().strip()
        problem = nik_problem(nik) or (None if len(nik) == NIK_LENGTH else self._nik_length_message(nik))
        if problem:
            self.show_error(problem, "nik")
            return None
        nagari_id = self._nagari_id()
        if nagari_id is None:
            self.show_error(self.tr("Pilih nagari dari daftar."), "nagari")
            return None
        outcome = self.outcome_combo.currentData() or ""
        reason = self.reason_edit.text().strip()
        if self._outcomes.get(outcome) and not reason:
            message = self.tr("Hasil '%1' wajib disertai alasan.").replace(
                "%1", self.outcome_combo.currentText()
            )
            self.show_error(message, "outcome_reason")
            return None
        return RecordDraft(
            nik=nik,
            full_name=self.name_edit.text().strip(),
            nagari_id=nagari_id,
            category=self.category_combo.currentData() or "",
            target_group=self.group_combo.currentData() or "",
            outcome=outcome,
            served_on=self.date_edit.date().toPython(),
            kk=self.kk_edit.text().strip(),
            address=self.address_edit.text().strip(),
            jorong=self.jorong_edit.text().strip(),
            outcome_reason=reason,
        )

    def _nik_length_message(self, nik: str) -> str:
        if not nik:
            return self.tr("NIK wajib diisi.")
        return self.tr("NIK harus 16 digit; yang diisi %1 digit.").replace("%1", str(len(nik)))

    def _nagari_id(self) -> int | None:
        return self.nagari_combo.nagari_id()

    def submit(self) -> None:
        if not self.save_button.isEnabled():
            return
        draft = self.draft()
        if draft is not None:
            self.save_requested.emit(draft)

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.save_button.setText(self.tr("Menyimpan…") if busy else self._save_text())

    def _save_text(self) -> str:
        return self.tr("Simpan perubahan") if self.editing else self.tr("Simpan (Enter)")

    def start_new(self) -> None:
        """A fresh row: clear the person, keep nagari, date and category."""
        self.editing = None
        for edit in (self.nik_edit, self.name_edit, self.kk_edit, self.address_edit, self.jorong_edit):
            edit.clear()
        self.group_combo.setCurrentIndex(0)
        self.outcome_combo.setCurrentIndex(0)
        self.reason_edit.clear()
        for widget in self.fields():
            self._mark(widget, False)
        self.mode_label.setText(self.tr("Data baru"))
        self.cancel_edit_button.hide()
        self.save_button.setText(self._save_text())
        self.nik_edit.setFocus()

    def unsaved_work(self) -> str:
        """A person typed but not saved: a new record, or changes to the one being corrected."""
        person = self.name_edit.text().strip() or self.nik_edit.text().strip()
        if self.editing is not None:
            draft = self.editing.draft
            saved = (draft.nik, draft.full_name, draft.kk, draft.address, draft.jorong, draft.outcome_reason)
            if self._typed() == saved:
                return ""
            return self.tr("Perubahan data %1 (belum disimpan)").replace("%1", draft.full_name)
        if not any(self._typed()):
            return ""
        return self.tr("Data warga yang sedang diketik: %1").replace("%1", person or self.tr("(tanpa nama)"))

    def _typed(self) -> tuple[str, ...]:
        edits = (
            self.nik_edit,
            self.name_edit,
            self.kk_edit,
            self.address_edit,
            self.jorong_edit,
            self.reason_edit,
        )
        return tuple(edit.text().strip() for edit in edits)

    def discard_unsaved(self) -> None:
        self.start_new()

    def load(self, record: EditableRecord) -> None:
        """Fill the row with a saved record to correct it."""
        self.editing = record
        d = record.draft
        self.nik_edit.setText(d.nik)
        self.name_edit.setText(d.full_name)
        self.kk_edit.setText(d.kk)
        self.address_edit.setText(d.address)
        self.set_nagari(d.nagari_id)
        self.jorong_edit.setText(d.jorong)
        for combo, code in (
            (self.category_combo, d.category),
            (self.group_combo, d.target_group),
            (self.outcome_combo, d.outcome),
        ):
            combo.setCurrentIndex(max(0, combo.findData(code)))
        self.reason_edit.setText(d.outcome_reason)
        self.date_edit.setDate(QDate(d.served_on))
        self.mode_label.setText(self.tr("Mengubah: %1").replace("%1", d.full_name))
        self.cancel_edit_button.show()
        self.save_button.setText(self._save_text())
        self.name_edit.setFocus()

    def _cancel_edit(self) -> None:
        self.start_new()
        self.show_hint(self.tr("Perubahan dibatalkan."))
        self.edit_cancelled.emit()

    # --- messages -------------------------------------------------------------------------------------

    _FIELDS = {
        "nik": "nik_edit",
        "full_name": "name_edit",
        "kk": "kk_edit",
        "address": "address_edit",
        "nagari": "nagari_combo",
        "jorong": "jorong_edit",
        "category": "category_combo",
        "target_group": "group_combo",
        "outcome": "outcome_combo",
        "outcome_reason": "reason_edit",
        "served_on": "date_edit",
    }

    def show_error(self, message: str, field: str | None = None) -> None:
        widget = getattr(self, self._FIELDS[field]) if field in self._FIELDS else None
        if widget is not None:
            self._mark(widget, True)
            widget.setFocus()
        self._show(message, "error")

    def show_problems(self, problems: list[tuple[str | None, str]]) -> None:
        """Every refused field marked at once, the first in the row's order focused; the messages
        listed in the row's message line in that order."""
        order = list(self._FIELDS)
        ranked = sorted(problems, key=lambda p: order.index(p[0]) if p[0] in order else len(order))
        for name, _message in ranked:
            if name in self._FIELDS:
                self._mark(getattr(self, self._FIELDS[name]), True)
        first = next((getattr(self, self._FIELDS[n]) for n, _m in ranked if n in self._FIELDS), None)
        if first is not None:
            first.setFocus()
        if len(ranked) == 1:
            self._show(ranked[0][1], "error")
            return
        head = self.tr("%1 isian perlu diperbaiki:").replace("%1", str(len(ranked)))
        self._show("\n".join([head, *(f"• {message}" for _name, message in ranked)]), "error")

    def show_hint(self, message: str) -> None:
        self._show(message, "hint")

    def show_ok(self, message: str) -> None:
        self._show(message, "ok")

    def message(self) -> str:
        return self.message_label.text()

    def is_marked(self, field: str) -> bool:
        return bool(getattr(self, self._FIELDS[field]).property("invalid"))

    def _show(self, message: str, tone: str) -> None:
        self.message_label.setText(message)
        self.message_label.setProperty("tone", tone)
        _repolish(self.message_label)

    def _mark(self, widget: QWidget, invalid: bool) -> None:
        if bool(widget.property("invalid")) != invalid:
            widget.setProperty("invalid", invalid)
            _repolish(widget)


def _labelled(text: str, widget: QWidget) -> QVBoxLayout:
    label = QLabel(text)
    label.setProperty("role", "field")
    label.setBuddy(widget)
    box = QVBoxLayout()
    box.setSpacing(2)
    box.addWidget(label)
    box.addWidget(widget)
    return box


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)
