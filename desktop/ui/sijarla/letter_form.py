"""The front desk's 'Catat surat masuk' form: the letter, what it asks for, and its scan.

The form only collects what was typed into a sijarla.LetterDraft; the service checks it. A
failed save leaves every value where it was and points at the field the service named.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.case_view import CategoryOption, NagariOption
from desktop.services.sijarla.drafts import LetterDraft
from desktop.ui.common.cards import section_label
from desktop.ui.common.forms import FORM_STYLESHEET, Banner, field_label, input_height, primary_button
from desktop.ui.common.labels import sifat_choices
from desktop.ui.common.scan_drop import ScanDropZone

INVALID_STYLE = "border: 1px solid #A5301F; background: #FFF7F5;"


class LetterForm(QWidget):
    """Fields of a Surat Permohonan; emits `submit_requested` on the button or Ctrl+Enter."""

    submit_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(FORM_STYLESHEET)
        self._auto_sender = ""
        self.category_boxes: dict[str, tuple[QCheckBox, QSpinBox]] = {}
        self.banner = Banner()
        self.letter_number_edit = QLineEdit()
        self.letter_number_edit.setPlaceholderText(self.tr("mis. 140/27/WN-KB/2026"))
        self.letter_date_edit = QDateEdit()
        self.letter_date_edit.setCalendarPopup(True)
        self.letter_date_edit.setDisplayFormat("dd-MM-yyyy")
        self.nagari_combo = QComboBox()
        self.nagari_combo.setEditable(True)
        self.nagari_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.nagari_combo.lineEdit().setPlaceholderText(self.tr("Ketik nama nagari atau kecamatan…"))
        self.sender_edit = QLineEdit()
        self.subject_edit = QLineEdit()
        self.subject_edit.setPlaceholderText(self.tr("mis. Permohonan pelayanan KTP-el bagi lansia"))
        self.sifat_combo = QComboBox()
        for code, label in sifat_choices():
            self.sifat_combo.addItem(label, code)
        input_height(self.letter_date_edit, self.nagari_combo, self.sifat_combo)
        self.scan_zone = ScanDropZone()
        self.submit_button = primary_button(self.tr("Simpan dan teruskan ke Kabid"))
        self.submit_button.setToolTip(self.tr("Simpan surat masuk (Ctrl+Enter)"))
        self.clear_button = QPushButton(self.tr("Kosongkan"))
        self.total_label = QLabel()
        self.total_label.setProperty("role", "muted")
        self._layout()
        self.nagari_combo.currentIndexChanged.connect(self._nagari_chosen)
        for edit in (self.letter_number_edit, self.sender_edit, self.subject_edit):
            edit.textEdited.connect(lambda _text, e=edit: self._mark_valid(e))
        self.submit_button.clicked.connect(self.submit_requested)
        self.clear_button.clicked.connect(self.clear)
        shortcut = QShortcut(
            QKeySequence("Ctrl+Return"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        shortcut.activated.connect(self.submit_requested)
        enter = QShortcut(
            QKeySequence("Ctrl+Enter"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        enter.activated.connect(self.submit_requested)
        self.clear()

    # --- Layout -----------------------------------------------------------------------------------

    def _layout(self) -> None:
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(18)
        fields = QVBoxLayout()
        fields.setSpacing(10)
        fields.addWidget(self.banner)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self._add_field(grid, 0, 0, self.tr("&Nomor surat"), self.letter_number_edit)
        self._add_field(grid, 0, 1, self.tr("&Tanggal surat"), self.letter_date_edit)
        self._add_field(grid, 2, 0, self.tr("N&agari"), self.nagari_combo)
        self._add_field(grid, 2, 1, self.tr("S&ifat"), self.sifat_combo)
        self._add_field(grid, 4, 0, self.tr("&Pengirim"), self.sender_edit, span=2)
        self._add_field(grid, 6, 0, self.tr("Pe&rihal"), self.subject_edit, span=2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        fields.addLayout(grid)
        fields.addSpacing(4)
        fields.addWidget(section_label(self.tr("Layanan yang dimohon dan perkiraan jumlah warga")))
        self.categories_grid = QGridLayout()
        self.categories_grid.setHorizontalSpacing(10)
        self.categories_grid.setVerticalSpacing(4)
        fields.addLayout(self.categories_grid)
        fields.addWidget(self.total_label)
        fields.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        fields.addLayout(buttons)
        scan = QVBoxLayout()
        scan.setSpacing(8)
        scan.addWidget(section_label(self.tr("Pindaian surat")))
        scan.addWidget(self.scan_zone, 1)
        outer.addLayout(fields, 5)
        outer.addLayout(scan, 4)

    @staticmethod
    def _add_field(
        grid: QGridLayout, row: int, column: int, caption: str, widget: QWidget, span: int = 1
    ) -> None:
        grid.addWidget(field_label(caption, widget), row, column, 1, span)
        grid.addWidget(widget, row + 1, column, 1, span)

    def set_options(self, nagari: list[NagariOption], categories: list[CategoryOption]) -> None:
        """Fill the nagari picker and the service categories (loaded by the tab in the background)."""
        typed = self.nagari_combo.currentText()
        self.nagari_combo.blockSignals(True)
        self.nagari_combo.clear()
        for option in nagari:
            self.nagari_combo.addItem(option.label, option.id)
        self.nagari_combo.setCurrentIndex(self.nagari_combo.findText(typed) if typed else -1)
        self.nagari_combo.setEditText(typed)
        self.nagari_combo.blockSignals(False)
        completer = QCompleter(self.nagari_combo.model(), self.nagari_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.nagari_combo.setCompleter(completer)
        self._set_categories(categories)
        self._set_tab_order()

    def _set_categories(self, categories: list[CategoryOption]) -> None:
        if self.category_boxes:
            return  # the list does not change while the tab is open; keep what was ticked
        per_column = (len(categories) + 1) // 2
        for i, category in enumerate(categories):
            box = QCheckBox(category.name)
            spin = QSpinBox()
            spin.setRange(0, 100_000)
            spin.setSuffix(self.tr(" orang"))
            spin.setFixedWidth(112)
            input_height(spin)
            spin.setEnabled(False)
            spin.setAccessibleName(self.tr("Perkiraan jumlah %1").replace("%1", category.name))
            box.toggled.connect(lambda on, b=box, s=spin: self._category_toggled(b, s, on))
            spin.valueChanged.connect(self._update_total)
            row, column = i % per_column, (i // per_column) * 2
            self.categories_grid.addWidget(box, row, column)
            self.categories_grid.addWidget(spin, row, column + 1)
            self.category_boxes[category.code] = (box, spin)
        self.categories_grid.setColumnStretch(0, 1)
        self.categories_grid.setColumnStretch(2, 1)
        self._update_total()

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.letter_number_edit,
            self.letter_date_edit,
            self.nagari_combo,
            self.sifat_combo,
            self.sender_edit,
            self.subject_edit,
        ]
        for box, spin in self.category_boxes.values():
            chain += [box, spin]
        chain += [self.scan_zone.choose_button, self.clear_button, self.submit_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # --- Values -------------------------------------------------------------------------------------

    def draft(self) -> LetterDraft:
        """What the user typed, as the service takes it (the service checks it)."""
        requested = {
            code: spin.value() for code, (box, spin) in self.category_boxes.items() if box.isChecked()
        }
        return LetterDraft(
            letter_number=self.letter_number_edit.text(),
            letter_date=self.letter_date_edit.date().toPython(),
            sender=self.sender_edit.text(),
            nagari_id=self.nagari_id() or 0,
            subject=self.subject_edit.text(),
            requested=requested,
            sifat=self.sifat_combo.currentData(),
            scan=self.scan_zone.scan,
        )

    def nagari_id(self) -> int | None:
        index = self.nagari_combo.findText(self.nagari_combo.currentText(), Qt.MatchFlag.MatchFixedString)
        return self.nagari_combo.itemData(index) if index >= 0 else None

    def select_nagari(self, nagari_id: int) -> None:
        index = self.nagari_combo.findData(nagari_id)
        self.nagari_combo.setCurrentIndex(index)

    def set_category(self, code: str, count: int) -> None:
        box, spin = self.category_boxes[code]
        box.setChecked(True)
        spin.setValue(count)

    def clear(self) -> None:
        """An empty form for the next letter (today's date, 'Biasa', no scan)."""
        for edit in (self.letter_number_edit, self.sender_edit, self.subject_edit):
            edit.clear()
            self._mark_valid(edit)
        self._auto_sender = ""
        today = QDate.currentDate()
        self.letter_date_edit.setMaximumDate(today.addDays(1))
        self.letter_date_edit.setDate(today)
        self.nagari_combo.setCurrentIndex(-1)
        self.nagari_combo.setEditText("")
        self.sifat_combo.setCurrentIndex(0)
        for box, spin in self.category_boxes.values():
            box.setChecked(False)
            spin.setValue(0)
        self.scan_zone.clear()
        self.banner.clear()
        self._update_total()

    def set_busy(self, busy: bool) -> None:
        self.submit_button.setEnabled(not busy)
        self.clear_button.setEnabled(not busy)
        self.submit_button.setText(self.tr("Menyimpan…") if busy else self.tr("Simpan dan teruskan ke Kabid"))

    def show_error(self, message: str, field: str | None) -> None:
        """Show the service's message and point at its field; nothing typed is touched."""
        self.banner.show_message(message, "error")
        widget = self.field_widget(field)
        if widget is not None:
            if isinstance(widget, QLineEdit):
                widget.setStyleSheet(INVALID_STYLE)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def field_widget(self, field: str | None) -> QWidget | None:
        first_box = next(iter(self.category_boxes.values()), (None, None))[0]
        return {
            "letter_number": self.letter_number_edit,
            "letter_date": self.letter_date_edit,
            "sender": self.sender_edit,
            "nagari": self.nagari_combo,
            "subject": self.subject_edit,
            "sifat": self.sifat_combo,
            "requested": first_box,
            "estimated_people": first_box,
            "scan": self.scan_zone.choose_button,
        }.get(field or "")

    # --- Reactions ------------------------------------------------------------------------------------

    def _nagari_chosen(self, index: int) -> None:
        if index < 0:
            return
        name = self.nagari_combo.itemText(index).split(" — ")[0]
        if self.sender_edit.text() in ("", self._auto_sender):
            self._auto_sender = self.tr("Wali Nagari %1").replace("%1", name)
            self.sender_edit.setText(self._auto_sender)

    def _category_toggled(self, box: QCheckBox, spin: QSpinBox, on: bool) -> None:
        spin.setEnabled(on)
        if on and box.hasFocus():  # ticked by the user: type the count next
            spin.setFocus(Qt.FocusReason.OtherFocusReason)
            spin.selectAll()
        self._update_total()

    def _update_total(self) -> None:
        chosen = [spin.value() for box, spin in self.category_boxes.values() if box.isChecked()]
        self.total_label.setText(
            self.tr("%1 jenis layanan, perkiraan %2 orang")
            .replace("%1", str(len(chosen)))
            .replace("%2", str(sum(chosen)))
        )

    @staticmethod
    def _mark_valid(edit: QLineEdit) -> None:
        edit.setStyleSheet("")
