"""Choosing a recap period: a month, a quarter, a year, or any two dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QSpinBox, QWidget

from desktop.services.sijarla import recap
from desktop.services.sijarla.recap import MONTHS, Period
from desktop.ui.common.forms import FORM_STYLESHEET, input_height

KINDS = (
    ("bulan", QT_TRANSLATE_NOOP("PeriodPicker", "Bulan")),
    ("triwulan", QT_TRANSLATE_NOOP("PeriodPicker", "Triwulan")),
    ("tahun", QT_TRANSLATE_NOOP("PeriodPicker", "Tahun")),
    ("bebas", QT_TRANSLATE_NOOP("PeriodPicker", "Bebas (tanggal)")),
)


class PeriodPicker(QWidget):
    """Kind, year and month/quarter, or start and end dates; `period()` asks the recap service."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        today = today or dt.date.today()
        self.kind_combo = QComboBox()
        for code, label in KINDS:
            self.kind_combo.addItem(self.tr(label), code)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2015, today.year + 1)
        self.year_spin.setValue(today.year)
        self.month_combo = QComboBox()
        for number, name in enumerate(MONTHS, start=1):  # the names the recap's title prints
            self.month_combo.addItem(name, number)
        self.month_combo.setCurrentIndex(today.month - 1)
        self.quarter_combo = QComboBox()
        for quarter in range(1, 5):
            self.quarter_combo.addItem(self.tr("Triwulan %1").replace("%1", str(quarter)), quarter)
        self.quarter_combo.setCurrentIndex((today.month - 1) // 3)
        self.start_edit, self.end_edit = self._date(today.replace(day=1)), self._date(today)
        self.setStyleSheet(FORM_STYLESHEET)
        input_height(
            self.kind_combo,
            self.year_spin,
            self.month_combo,
            self.quarter_combo,
            self.start_edit,
            self.end_edit,
        )
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setVerticalSpacing(8)
        self.form.addRow(self.tr("Jenis"), self.kind_combo)
        self.form.addRow(self.tr("Tahun"), self.year_spin)
        self.form.addRow(self.tr("Bulan"), self.month_combo)
        self.form.addRow(self.tr("Triwulan"), self.quarter_combo)
        self.form.addRow(self.tr("Dari"), self.start_edit)
        self.form.addRow(self.tr("Sampai"), self.end_edit)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        for widget in (self.kind_combo, self.month_combo, self.quarter_combo):
            widget.currentIndexChanged.connect(self.changed)
        self.year_spin.valueChanged.connect(self.changed)
        for edit in (self.start_edit, self.end_edit):
            edit.dateChanged.connect(self.changed)
        self._kind_changed()

    def _date(self, day: dt.date) -> QDateEdit:
        edit = QDateEdit(QDate(day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd-MM-yyyy")
        edit.setLocale(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        return edit

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def set_month(self, year: int, month: int) -> None:
        self.set_kind("bulan")
        self.year_spin.setValue(year)
        self.month_combo.setCurrentIndex(month - 1)

    def _kind_changed(self) -> None:
        kind = self.kind()
        shown = {
            self.year_spin: kind != "bebas",
            self.month_combo: kind == "bulan",
            self.quarter_combo: kind == "triwulan",
            self.start_edit: kind == "bebas",
            self.end_edit: kind == "bebas",
        }
        for widget, visible in shown.items():
            self.form.setRowVisible(widget, visible)

    def period(self) -> Period:
        """The chosen period; InvalidInput (from the service) when the dates are the wrong way round."""
        kind = self.kind()
        if kind == "bebas":
            return recap.period(
                kind,
                self.start_edit.date().year(),
                start=self.start_edit.date().toPython(),
                end=self.end_edit.date().toPython(),
            )
        index = self.month_combo.currentData() if kind == "bulan" else self.quarter_combo.currentData()
        return recap.period(kind, self.year_spin.value(), index or 1)
