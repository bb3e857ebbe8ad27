"""The front desk's 'Catat surat masuk' form: the letter, what it asks for, and its scan.

The form only collects what was typed into a sijarla.LetterDraft; the service checks it and
refuses every wrong field at once. A failed save leaves every value where it was, shows each
message under its field and puts the cursor in the first one.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from desktop.ui.common.field_errors import FieldMarks, show_refusal
from desktop.ui.common.forms import (
    FORM_STYLESHEET,
    Banner,
    DateEdit,
    field_label,
    input_height,
    primary_button,
    scroll_area,
    submit_shortcut,
)
from desktop.ui.common.labels import sifat_choices
from desktop.ui.common.nagari_picker import NagariPicker
from desktop.ui.common.operations import message_for
from desktop.ui.common.scan_drop import ScanDropZone


class LetterForm(QWidget):
    """Fields of a Surat Permohonan; emits `submit_requested` on the button or Ctrl+Enter."""

    submit_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(FORM_STYLESHEET)
        self._auto_sender = ""
        self.category_boxes: dict[str, tuple[QCheckBox, QSpinBox]] = {}
        self._category_columns = 0
        self.marks = FieldMarks(self)
        self.banner = Banner()
        self.letter_number_edit = QLineEdit()
        self.letter_number_edit.setPlaceholderText(self.tr("mis. 140/27/WN-KB/2026"))
        self.letter_date_edit = DateEdit()
        self.letter_date_edit.setCalendarPopup(True)
        self.letter_date_edit.setDisplayFormat("dd-MM-yyyy")
        self.nagari_combo = NagariPicker(self.tr("Ketik nama nagari atau kecamatan…"))
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
        for name, widget in (
            ("letter_number", self.letter_number_edit),
            ("letter_date", self.letter_date_edit),
            ("nagari", self.nagari_combo),
            ("sifat", self.sifat_combo),
            ("sender", self.sender_edit),
            ("subject", self.subject_edit),
        ):
            self.marks.bind(name, widget)
        self.nagari_combo.currentIndexChanged.connect(self._nagari_chosen)
        self.submit_button.clicked.connect(self.submit_requested)
        self.clear_button.clicked.connect(self.clear_requested)
        submit_shortcut(self, self.submit_requested.emit)
        self.clear()

    # --- Layout -----------------------------------------------------------------------------------

    def _layout(self) -> None:
        body = QWidget()
        fields = QVBoxLayout(body)
        fields.setContentsMargins(0, 0, 8, 0)  # clear of the scroll bar
        fields.setSpacing(10)
        fields.addWidget(self.banner)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self._add_field(grid, 0, 0, self.tr("&Nomor surat"), self.letter_number_edit, "letter_number")
        self._add_field(grid, 0, 1, self.tr("&Tanggal surat"), self.letter_date_edit, "letter_date")
        self._add_field(grid, 3, 0, self.tr("N&agari"), self.nagari_combo, "nagari")
        self._add_field(grid, 3, 1, self.tr("S&ifat"), self.sifat_combo, "sifat")
        self._add_field(grid, 6, 0, self.tr("&Pengirim"), self.sender_edit, "sender", span=2)
        self._add_field(grid, 9, 0, self.tr("Pe&rihal"), self.subject_edit, "subject", span=2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        fields.addLayout(grid)
        fields.addSpacing(4)
        fields.addWidget(section_label(self.tr("Layanan yang dimohon dan perkiraan jumlah warga")))
        self.categories_grid = QGridLayout()
        self.categories_grid.setHorizontalSpacing(10)
        self.categories_grid.setVerticalSpacing(4)
        fields.addLayout(self.categories_grid)
        fields.addWidget(self.marks.error_label("requested"))
        fields.addWidget(self.total_label)
        fields.addStretch(1)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 8, 0, 0)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        left = QVBoxLayout()
        left.setSpacing(0)
        self.fields_scroll = scroll_area(body)  # a short window scrolls the fields; the buttons stay
        self.fields_scroll.viewport().installEventFilter(self)
        left.addWidget(self.fields_scroll, 1)
        left.addLayout(buttons)
        scan = QVBoxLayout()
        scan.setSpacing(8)
        scan.addWidget(section_label(self.tr("Pindaian surat")))
        scan.addWidget(self.scan_zone, 1)
        scan.addWidget(self.marks.error_label("scan"))
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(18)
        outer.addLayout(left, 5)
        outer.addLayout(scan, 4)

    def _add_field(
        self,
        grid: QGridLayout,
        row: int,
        column: int,
        caption: str,
        widget: QWidget,
        name: str,
        span: int = 1,
    ) -> None:
        grid.addWidget(field_label(caption, widget), row, column, 1, span)
        grid.addWidget(widget, row + 1, column, 1, span)
        grid.addWidget(self.marks.error_label(name), row + 2, column, 1, span)

    def set_options(self, nagari: list[NagariOption], categories: list[CategoryOption]) -> None:
        """Fill the nagari picker and the service categories (loaded by the tab in the background)."""
        self.nagari_combo.set_options(nagari)
        self._set_categories(categories)
        self._set_tab_order()

    def _set_categories(self, categories: list[CategoryOption]) -> None:
        if self.category_boxes:
            return  # the list does not change while the tab is open; keep what was ticked
        for category in categories:
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
            self.category_boxes[category.code] = (box, spin)
            self.marks.bind(f"requested.{category.code}", spin, "requested")
        first_box = next(iter(self.category_boxes.values()), (None, None))[0]
        if first_box is not None:
            self.marks.bind("requested", first_box)
        self.marks.bind("scan", self.scan_zone.choose_button)
        self._lay_out_categories()
        self._update_total()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.fields_scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._lay_out_categories()
        return super().eventFilter(watched, event)

    def category_columns(self) -> int:
        """Two columns of services where they fit beside each other, else one (a narrow window)."""
        pairs = list(self.category_boxes.values())
        if not pairs:
            return 2
        spacing = self.categories_grid.horizontalSpacing()
        widest = max(box.sizeHint().width() for box, _spin in pairs) + spacing + pairs[0][1].width()
        margins = self.fields_scroll.widget().layout().contentsMargins()
        room = self.fields_scroll.viewport().width() - margins.left() - margins.right()
        return 2 if room >= 2 * widest + spacing else 1

    def _lay_out_categories(self) -> None:
        columns = self.category_columns()
        if columns == self._category_columns:
            return
        self._category_columns = columns
        pairs = list(self.category_boxes.values())
        per_column = (len(pairs) + columns - 1) // columns
        for box, spin in pairs:
            self.categories_grid.removeWidget(box)
            self.categories_grid.removeWidget(spin)
        for i, (box, spin) in enumerate(pairs):
            row, column = i % per_column, (i // per_column) * 2
            self.categories_grid.addWidget(box, row, column)
            self.categories_grid.addWidget(spin, row, column + 1)
        for column in range(4):
            self.categories_grid.setColumnStretch(
                column, 1 if column in (0, 2) and column < 2 * columns else 0
            )

    def _set_tab_order(self) -> None:
        """Fields in reading order; each service's count right after its box (reached once ticked)."""
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

    def _empty_draft(self) -> LetterDraft:
        return LetterDraft("", QDate.currentDate().toPython(), "", 0, "", {}, self.sifat_combo.itemData(0))

    def unsaved_work(self) -> str:
        """'' when nothing was typed since the form was emptied; else what would be lost."""
        draft = self.draft()
        untouched = self._empty_draft()
        typed = (
            draft.letter_number.strip(),
            draft.sender.strip() not in ("", self._auto_sender),
            draft.subject.strip(),
            draft.requested,
            draft.scan is not None,
            self.nagari_combo.currentText().strip(),
            draft.letter_date != untouched.letter_date,
            draft.sifat != untouched.sifat,
        )
        return self.tr("Surat masuk yang sedang dicatat") if any(typed) else ""

    def discard_unsaved(self) -> None:
        self.clear()

    def nagari_id(self) -> int | None:
        return self.nagari_combo.nagari_id()

    def select_nagari(self, nagari_id: int) -> None:
        self.nagari_combo.select_nagari(nagari_id)

    def set_category(self, code: str, count: int) -> None:
        box, spin = self.category_boxes[code]
        box.setChecked(True)
        spin.setValue(count)

    def clear_requested(self) -> None:
        """'Kosongkan': asks first when something was typed."""
        from desktop.ui.common.unsaved import DiscardQuestion

        if not self.unsaved_work() or DiscardQuestion.ask(self, [self.unsaved_work()]):
            self.clear()

    def clear(self) -> None:
        """An empty form for the next letter (today's date, 'Biasa', no scan)."""
        for edit in (self.letter_number_edit, self.sender_edit, self.subject_edit):
            edit.clear()
        self._auto_sender = ""
        today = QDate.currentDate()
        self.letter_date_edit.setMaximumDate(today)  # date_rules.letter_date: not after the day received
        self.letter_date_edit.setDate(today)
        self.nagari_combo.setCurrentIndex(-1)
        self.nagari_combo.setEditText("")
        self.sifat_combo.setCurrentIndex(0)
        for box, spin in self.category_boxes.values():
            box.setChecked(False)
            spin.setValue(0)
        self.scan_zone.clear()
        self.banner.clear()
        self.marks.clear()
        self._update_total()

    def set_busy(self, busy: bool) -> None:
        self.submit_button.setEnabled(not busy)
        self.clear_button.setEnabled(not busy)
        self.submit_button.setText(self.tr("Menyimpan…") if busy else self.tr("Simpan dan teruskan ke Kabid"))

    def show_refusal(self, error: BaseException) -> None:
        """Every problem the service found under its field, the first field focused; nothing typed is
        touched. What belongs to no field (or an unexpected error) goes to the banner."""
        show_refusal(self.marks, self.banner, error, message_for(error))

    def field_widget(self, field: str | None) -> QWidget | None:
        return self.marks.field(field or "")

    # --- Reactions ------------------------------------------------------------------------------------

    def _nagari_chosen(self, index: int) -> None:
        if index < 0:
            return
        name = self.nagari_combo.itemText(index).split(" — ")[0]
        if self.sender_edit.text() in ("", self._auto_sender):
            self._auto_sender = self.tr("Wali Nagari %1").replace("%1", name)
            self.sender_edit.setText(self._auto_sender)
            self.marks.clear("sender")

    def _category_toggled(self, box: QCheckBox, spin: QSpinBox, on: bool) -> None:
        spin.setEnabled(on)
        if on and box.hasFocus():  # ticked by the user: type the count next
            spin.setFocus(Qt.FocusReason.TabFocusReason)
            spin.selectAll()
        self._update_total()

    def _update_total(self) -> None:
        chosen = [spin.value() for box, spin in self.category_boxes.values() if box.isChecked()]
        self.total_label.setText(
            self.tr("%1 jenis layanan, perkiraan %2 orang")
            .replace("%1", str(len(chosen)))
            .replace("%2", str(sum(chosen)))
        )
