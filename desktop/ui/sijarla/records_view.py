"""The records table and its filter bar: every service record a role may see, filtered and sorted in SQL."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.session import Session
from desktop.services.sijarla.record_query import RecordChoices, RecordFilter, RecordSort
from desktop.ui.common.forms import FORM_STYLESHEET, NO_DATE, input_height, optional_date_edit, optional_day
from desktop.ui.common.tables import equip
from desktop.ui.sijarla.records_table import COLUMN_INDEX, COLUMNS, RecordsTableModel

ROW_HEIGHT = 30
# Column widths in pixels; Nama stretches.
_WIDTHS = {
    "served_on": 92,
    "nik": 142,
    "kk": 142,
    "address": 170,
    "nagari": 140,
    "jorong": 125,
    "category": 165,
    "target_group": 115,
    "outcome": 105,
    "outcome_reason": 160,
    "case_reference": 118,
}
TEXT_DELAY_MS = 350


class RecordsTableView(QTableView):
    """A QTableView tuned for a virtual model: fixed row height, no size-to-contents, SQL sorting."""

    def __init__(
        self,
        model: RecordsTableModel,
        hidden: tuple[str, ...] = (),
        parent=None,
        *,
        widths: dict[str, int] | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("RecordsTable")
        if model.parent() is None:  # the view must not outlive its model
            model.setParent(self)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSortIndicatorShown(True)
        sizes = {**_WIDTHS, **(widths or {})}
        for column, spec in enumerate(COLUMNS):
            if spec.attribute == "full_name":
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.setColumnWidth(column, sizes.get(spec.attribute, 120))
            self.setColumnHidden(column, spec.attribute in hidden)
        header.setMinimumSectionSize(48)
        self._show_sort(model.record_sort)
        # Clicking a header calls model.sort(); the model reads the new order from SQL.
        header.sortIndicatorChanged.connect(model.sort)
        header.setSectionsClickable(True)
        equip(self, QCoreApplication.translate("RecordsTableView", "Data pelayanan"))

    def records_model(self) -> RecordsTableModel:
        return self.model()

    def _show_sort(self, sort: RecordSort) -> None:
        header = self.horizontalHeader()
        column = next((i for i, c in enumerate(COLUMNS) if c.sort_key == sort.key), -1)
        order = Qt.SortOrder.DescendingOrder if sort.descending else Qt.SortOrder.AscendingOrder
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)

    def select_record(self, record_id: int) -> bool:
        row = self.records_model().row_of(record_id)
        if row is None:
            return False
        self.selectRow(row)
        self.scrollTo(self.model().index(row, 0))
        return True


class RecordsFilterBar(QWidget):
    """Nagari, category, outcome, a date range and a name-or-NIK box; emits the filter as it changes."""

    filter_changed = Signal(object)  # RecordFilter

    def __init__(self, choices: RecordChoices, parent=None, *, case_id: int | None = None):
        super().__init__(parent)
        self.case_id = case_id
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("Cari nama atau awal NIK"))
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.setMinimumWidth(170)
        self.nagari_combo = self._combo(self.tr("Semua nagari"), [(n.id, n.label) for n in choices.nagari])
        self.nagari_combo.setEditable(True)
        self.nagari_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.nagari_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.nagari_combo.completer().setCompletionMode(
            self.nagari_combo.completer().CompletionMode.PopupCompletion
        )
        self.category_combo = self._combo(
            self.tr("Semua kategori"), [(c.code, c.name) for c in choices.categories]
        )
        self.outcome_combo = self._combo(self.tr("Semua hasil"), [(c.code, c.name) for c in choices.outcomes])
        self.from_edit, self.to_edit = (
            optional_date_edit(self.tr("Semua")),
            optional_date_edit(self.tr("Semua")),
        )
        self.reset_button = QPushButton(self.tr("Atur ulang"))
        self.reset_button.setToolTip(self.tr("Hapus semua saringan"))
        layout.addWidget(self.text_edit, 2)
        layout.addWidget(self.nagari_combo, 2)
        layout.addWidget(self.category_combo, 2)
        layout.addWidget(self.outcome_combo, 1)
        layout.addWidget(QLabel(self.tr("Tanggal")))
        layout.addWidget(self.from_edit)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.to_edit)
        layout.addWidget(self.reset_button)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_DELAY_MS)
        self._text_timer.timeout.connect(self._emit)
        self.text_edit.textChanged.connect(self._text_timer.start)
        self.text_edit.returnPressed.connect(self._emit)
        for combo in (self.nagari_combo, self.category_combo, self.outcome_combo):
            combo.currentIndexChanged.connect(self._emit)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self._emit)
        self.reset_button.clicked.connect(self.reset)
        self.setStyleSheet(FORM_STYLESHEET)
        input_height(self.nagari_combo, self.category_combo, self.outcome_combo, self.from_edit, self.to_edit)

    def _combo(self, everything: str, items: list[tuple[object, str]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for value, label in items:
            combo.addItem(label, value)
        combo.setMinimumContentsLength(9)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def current_filter(self) -> RecordFilter:
        return RecordFilter(
            case_id=self.case_id,
            nagari_id=self.nagari_combo.currentData(),
            category=self.category_combo.currentData() or "",
            outcome=self.outcome_combo.currentData() or "",
            served_from=optional_day(self.from_edit),
            served_to=optional_day(self.to_edit),
            text=self.text_edit.text().strip(),
        )

    def reset(self) -> None:
        widgets = (self.text_edit, self.nagari_combo, self.category_combo, self.outcome_combo)
        for widget in (*widgets, self.from_edit, self.to_edit):
            widget.blockSignals(True)
        self.text_edit.clear()
        for combo in widgets[1:]:
            combo.setCurrentIndex(0)
        self.from_edit.setDate(NO_DATE)
        self.to_edit.setDate(NO_DATE)
        for widget in (*widgets, self.from_edit, self.to_edit):
            widget.blockSignals(False)
        self._emit()

    def _emit(self) -> None:
        self._text_timer.stop()
        self.filter_changed.emit(self.current_filter())


class RecordsBrowser(QWidget):
    """Filter bar, a line saying how many records match, and the virtual table."""

    def __init__(
        self,
        session: Session,
        choices: RecordChoices,
        parent=None,
        *,
        hidden: tuple[str, ...] = ("kk", "jorong"),
        background: bool = True,
    ):
        super().__init__(parent)
        self.model = RecordsTableModel(session, self, background=background)
        self.filter_bar = RecordsFilterBar(choices)
        self.table = RecordsTableView(self.model, hidden)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        self.count_label.setObjectName("RecordsCount")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        self.filter_bar.filter_changed.connect(self.model.set_filter)
        self.model.head_loaded.connect(self._show_count)
        self.model.counted.connect(self._show_count)
        self.model.loading_changed.connect(self._show_loading)
        self.model.failed.connect(self.count_label.setText)
        self._started = False

    def start(self) -> None:
        """Read the ids the first time the browser is shown (a hidden page costs nothing)."""
        if not self._started:
            self._started = True
            self.model.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.start()

    def _show_count(self, rows: int) -> None:
        number = f"{rows:,}".replace(",", ".")  # Indonesian grouping, whatever the system locale
        estimated = not self.model.count_is_exact()  # a large table: the exact count follows
        if self.model.record_filter.described() and estimated:
            text = self.tr("sekitar %1 data pelayanan sesuai saringan")
        elif self.model.record_filter.described():
            text = self.tr("%1 data pelayanan sesuai saringan")
        elif estimated:
            text = self.tr("sekitar %1 data pelayanan")
        else:
            text = self.tr("%1 data pelayanan")
        self.count_label.setText(text.replace("%1", number))

    def _show_loading(self, loading: bool) -> None:
        if loading:
            self.count_label.setText(self.tr("Memuat data…"))


def column_of(attribute: str) -> int:
    return COLUMN_INDEX[attribute]
