"""An SOP page: the matrix as on paper, a case picker, and the chosen case's history beside the matrix.

Used by the "Lihat SOP" dialog, inside the innovation panel and by case views: `show_sop(code)`
draws an SOP alone, `show_case(case_id)` draws the case's SOP with its current row highlighted.
Loading runs on the background helper; `loaded` is emitted when the page shows what was asked.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services.session import Session
from desktop.services.sop import view as sop_view
from desktop.services.sop.view import CasePosition, HistoryEntry, SopMatrixView
from desktop.ui import theme
from desktop.ui.common.background import run_for
from desktop.ui.common.cards import section_label
from desktop.ui.common.forms import FORM_STYLESHEET, Banner, muted
from desktop.ui.common.operations import message_for
from desktop.ui.sop.sop_matrix import SopMatrixWidget

NO_CASE = -1
HISTORY_WIDTH = 240


def _day_time(moment) -> str:
    return QLocale().toString(moment, "d MMM yyyy HH:mm")


class SopHistoryList(QWidget):
    """The case's steps so far, newest last, with who did them and whether they were late."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(8)
        self.lines: list[QLabel] = []

    def set_position(self, position: CasePosition | None) -> None:
        while self.box.count():
            item = self.box.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.lines = []
        if position is None:
            self.box.addWidget(muted(self.tr("Pilih kasus untuk melihat posisinya pada SOP.")))
            self.box.addStretch(1)
            return
        self.box.addWidget(self._now_label(position))
        for number, entry in enumerate(position.history, start=1):
            label = QLabel(self._entry_html(number, entry))
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setObjectName("HistoryEntry")
            self.lines.append(label)
            self.box.addWidget(label)
        if not position.history:
            self.box.addWidget(muted(self.tr("Belum ada langkah yang diselesaikan.")))
        self.box.addStretch(1)

    def _now_label(self, position: CasePosition) -> QLabel:
        if position.current_row is None:
            text = self.tr("<b>%1</b> sudah <b>%2</b>.").replace("%1", escape(position.reference))
            text = text.replace("%2", position.status_label.lower())
        else:
            text = (
                self.tr("<b>%1</b> sekarang pada baris <b>%2</b>: %3.")
                .replace("%1", escape(position.reference))
                .replace("%2", str(position.current_row))
                .replace("%3", escape(position.current_step_name))
            )
            if position.late_working_days:
                late = self.tr("terlambat %1 hari kerja").replace("%1", str(position.late_working_days))
                text += f' <span style="color:{theme.DANGER}; font-weight:600">{late}</span>'
        label = QLabel(text)
        label.setWordWrap(True)
        label.setObjectName("HistoryNow")
        label.setStyleSheet("QLabel#HistoryNow { background: #FFF0C7; border-radius: 6px; padding: 8px; }")
        return label

    def _entry_html(self, number: int, entry: HistoryEntry) -> str:
        row = self.tr("baris %1").replace("%1", str(entry.row))
        parts = [
            f"<b>{number}. {entry.step_name}</b> <span style='color:{theme.MUTED}'>({row})</span>",
            f"{escape(entry.action_label)} · {escape(entry.actor)}",
            f"<span style='color:{theme.MUTED}'>{_day_time(entry.acted_at)}</span>",
        ]
        if entry.output_label:
            parts.append(self.tr("Output: %1").replace("%1", escape(entry.output_label)))
        if entry.note:
            parts.append(f"<i>{escape(entry.note)}</i>")
        if entry.late_working_days:
            late = self.tr("terlambat %1 hari kerja").replace("%1", str(entry.late_working_days))
            parts.append(f"<span style='color:{theme.DANGER}; font-weight:600'>{late}</span>")
        if entry.returned:
            parts[1] = f"<span style='color:#8A5A00'>↩ {parts[1]}</span>"
        return "<br>".join(parts)


class SopViewPanel(QWidget):
    """Pick an SOP and (optionally) a case; the matrix on the left, the case's history on the right."""

    loaded = Signal()

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        pickers: bool = True,
        history_width: int = HISTORY_WIDTH,
    ):
        super().__init__(parent)
        self.session = session
        self.setStyleSheet(FORM_STYLESHEET)
        self._sop_code = ""
        self._case_id: int | None = None
        self.loads = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self._build_bar(pickers))
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.matrix = SopMatrixWidget()
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.matrix)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.scroll.setProperty("wideContent", True)  # the SOP's matrix, as wide as on paper
        self.history = SopHistoryList()
        history_scroll = QScrollArea()
        history_scroll.setWidget(self.history)
        history_scroll.setWidgetResizable(True)
        history_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side = QWidget()
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(10, 4, 0, 4)
        side_box.addWidget(section_label(self.tr("Riwayat kasus")))
        side_box.addWidget(history_scroll, 1)
        side.setMinimumWidth(min(220, history_width))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.scroll)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([1000, history_width])
        layout.addWidget(self.splitter, 1)
        self.history.set_position(None)

    def _build_bar(self, pickers: bool) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.sop_combo = QComboBox()
        self.case_combo = QComboBox()
        for combo, length in ((self.sop_combo, 30), (self.case_combo, 34)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(length)
        self.context_check = QCheckBox(self.tr("Dasar hukum dan keterkaitan"))
        self.context_check.setToolTip(
            self.tr("Tampilkan kotak dasar hukum, kualifikasi, keterkaitan dan peringatan SOP")
        )
        self.context_check.toggled.connect(self.matrix_context)
        for sop in sop_view.list_sops():
            self.sop_combo.addItem(f"{sop.title} ({sop.number})", sop.code)
        self.sop_combo.currentIndexChanged.connect(self._sop_chosen)
        self.case_combo.currentIndexChanged.connect(self._case_chosen)
        if pickers:
            bar.addWidget(QLabel(self.tr("SOP")))
            bar.addWidget(self.sop_combo, 1)
            bar.addWidget(QLabel(self.tr("Kasus")))
            bar.addWidget(self.case_combo, 1)
        else:
            self.sop_combo.hide()
            self.case_combo.hide()
        bar.addWidget(self.context_check)
        return bar

    def matrix_context(self, show: bool) -> None:
        self.matrix.set_show_context(show)

    # --- What to show --------------------------------------------------------------------------

    def show_sop(self, code: str) -> None:
        """The SOP alone (and its cases in the picker)."""
        self._sop_code, self._case_id = code, None
        self._select_sop(code)
        run_for(self, lambda: self._load_sop(code), self._sop_loaded, self._failed)

    def show_case(self, case_id: int) -> None:
        """A case's SOP with its current row highlighted and its history beside it."""
        self._case_id = case_id
        run_for(self, lambda: self._load_case(case_id), self._case_loaded, self._failed)

    def _load_case(self, case_id: int):
        position = sop_view.case_position(self.session, case_id)
        cases = (
            sop_view.recent_cases(self.session, position.sop_code)
            if position.sop_code != self._sop_code
            else None
        )
        return position, cases

    def _load_sop(self, code: str):
        matrix = sop_view.sop_matrix(code)
        try:
            cases = sop_view.recent_cases(self.session, code)
        except Exception:  # noqa: BLE001 - a user outside this SOP still sees the SOP itself
            cases = []
        return matrix, cases

    def _sop_loaded(self, result) -> None:
        matrix, cases = result
        self.banner.clear()
        self._fill_cases(cases)
        self.matrix.set_matrix(matrix, None)
        self.history.set_position(None)
        self._done()

    def _case_loaded(self, result) -> None:
        position, cases = result
        self.banner.clear()
        if cases is not None:
            self._fill_cases(cases)
        self._sop_code = position.sop_code
        self._select_sop(position.sop_code)
        if self.case_combo.findData(position.case_id) < 0:
            self.case_combo.blockSignals(True)
            self.case_combo.addItem(f"{position.reference} · {position.title}", position.case_id)
            self.case_combo.blockSignals(False)
        self._select_case(position.case_id)
        self.matrix.set_matrix(position.matrix, position)
        self.history.set_position(position)
        self._scroll_to_row(position)
        self._done()

    def _failed(self, error: BaseException) -> None:
        self.banner.show_message(message_for(error), "error")
        self._done()

    def _done(self) -> None:
        self.loads += 1
        self.loaded.emit()

    def position(self) -> CasePosition | None:
        return self.matrix.position()

    def current_matrix(self) -> SopMatrixView | None:
        return self.matrix.matrix()

    def _scroll_to_row(self, position: CasePosition) -> None:
        point = self.matrix.current_point()
        if point is not None:
            self.scroll.ensureVisible(int(point.x()), int(point.y()), 140, 90)

    # --- Pickers -------------------------------------------------------------------------------

    def _select_sop(self, code: str) -> None:
        index = self.sop_combo.findData(code)
        if index >= 0 and index != self.sop_combo.currentIndex():
            self.sop_combo.blockSignals(True)
            self.sop_combo.setCurrentIndex(index)
            self.sop_combo.blockSignals(False)

    def _select_case(self, case_id: int | None) -> None:
        self.case_combo.blockSignals(True)
        self.case_combo.setCurrentIndex(max(0, self.case_combo.findData(case_id if case_id else NO_CASE)))
        self.case_combo.blockSignals(False)

    def _fill_cases(self, cases) -> None:
        self.case_combo.blockSignals(True)
        self.case_combo.clear()
        self.case_combo.addItem(self.tr("(tanpa kasus: SOP saja)"), NO_CASE)
        for case in cases:
            self.case_combo.addItem(f"{case.reference} · {case.step_name} · {case.title}", case.id)
        self.case_combo.blockSignals(False)
        self._select_case(self._case_id)

    def _sop_chosen(self) -> None:
        code = self.sop_combo.currentData()
        if code and code != self._sop_code:
            self.show_sop(code)

    def _case_chosen(self) -> None:
        case_id = self.case_combo.currentData()
        if case_id in (None, NO_CASE):
            self._case_id = None
            self.matrix.set_position(None)
            self.history.set_position(None)
        else:
            self.show_case(int(case_id))
