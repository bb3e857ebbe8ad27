"""A recap on screen: its title and status, the SLA figures, the chart and the table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.sijarla.recap import RecapFigures
from desktop.services.sop.workflow import builtin_sops
from desktop.ui import theme
from desktop.ui.common.chart_bars import RecapChartWidget
from desktop.ui.common.tables import equip
from desktop.ui.sijarla.recap_table import COUNT_COLUMN, RecapTableModel

TILE_STYLE = f"""
QFrame#FigureTile {{ background: #F7F9FB; border: 1px solid {theme.LINE}; border-radius: 6px; }}
QFrame#FigureTile[tone="good"] {{ background: #EEF7F1; border-color: #BFDCC8; }}
QFrame#FigureTile[tone="bad"] {{ background: #FBEDEA; border-color: #EDC4BC; }}
QFrame#FigureTile QLabel {{ background: transparent; }}
QLabel#RecapStatus {{ color: {theme.NAVY}; background: #E3ECF6; border-radius: 10px; padding: 3px 10px; }}
"""


CHART_HEIGHT = 200


class FigureTile(QFrame):
    """A big number with its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("FigureTile")
        self.value_label = QLabel("0")
        self.value_label.setFont(theme.scaled_font(self.font(), 1.6, QFont.Weight.DemiBold))
        self.value_label.setProperty("role", "heading")
        self.caption_label = QLabel(caption)
        self.caption_label.setProperty("role", "muted")
        self.caption_label.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 8, 12, 8)
        box.setSpacing(0)
        box.addWidget(self.value_label)
        box.addWidget(self.caption_label)

    def set_value(self, value: int, tone: str = "") -> None:
        self.value_label.setText(f"{value:,}".replace(",", "."))
        self.setProperty("tone", tone)
        self.style().unpolish(self)
        self.style().polish(self)


class RecapViewWidget(QWidget):
    """Shows one recap (or a preview); an empty page until there is one."""

    def __init__(self, empty_hint: str, extra: QWidget | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(TILE_STYLE)
        self.figures: RecapFigures | None = None
        self.title_label = QLabel()
        self.title_label.setFont(theme.scaled_font(self.font(), 1.2, QFont.Weight.DemiBold))
        self.title_label.setProperty("role", "heading")
        self.title_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("RecapStatus")
        self.period_label = QLabel()
        self.period_label.setProperty("role", "muted")
        days = builtin_sops()["sijarla"].time_limit_days or 3
        self.tiles = {
            "total_records": FigureTile(self.tr("Data pelayanan")),
            "served": FigureTile(self.tr("Warga terlayani")),
            "cases_finished": FigureTile(self.tr("Kasus selesai")),
            "cases_within_limit": FigureTile(self.tr("Dalam %1 hari kerja").replace("%1", str(days))),
            "cases_late": FigureTile(self.tr("Terlambat")),
        }
        self.chart = RecapChartWidget()
        self.chart.setMinimumHeight(150)
        self.table_model = RecapTableModel(self)
        self.table = self._table()
        self.stack = QStackedWidget()
        self.stack.addWidget(self._empty_page(empty_hint, extra))
        self.stack.addWidget(self._figures_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("RecapTable")
        table.setModel(self.table_model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(28)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        for column, width in enumerate((150, 170, 200, 130, 80)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COUNT_COLUMN, QHeaderView.ResizeMode.Fixed)
        equip(table, self.tr("Rekapitulasi"))
        return table

    def _empty_page(self, hint: str, extra: QWidget | None) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(12)
        label = QLabel(hint)
        label.setWordWrap(True)
        label.setProperty("role", "muted")
        self.empty_label = label
        box.addWidget(label)
        if extra is not None:
            row = QHBoxLayout()
            row.addWidget(extra)
            row.addStretch(1)
            box.addLayout(row)
        box.addStretch(1)
        return page

    def _figures_page(self) -> QWidget:
        page = QWidget()
        heading = QHBoxLayout()
        heading.addWidget(self.title_label, 1)
        heading.addWidget(self.status_label, 0, Qt.AlignmentFlag.AlignTop)
        tiles = QHBoxLayout()
        tiles.setSpacing(8)
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)
        # The chart across the width (its two panels side by side), the table under it.
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        box.addLayout(heading)
        box.addWidget(self.period_label)
        box.addLayout(tiles)
        box.addWidget(splitter, 1)
        return page

    def show_figures(self, figures: RecapFigures, title: str, status: str) -> None:
        self.figures = figures
        period = figures.period
        self.title_label.setText(title)
        self.status_label.setText(status)
        span = f"{period.start:%d-%m-%Y} s.d. {period.end:%d-%m-%Y}"
        label = span if period.kind == "bebas" else f"{period.title}: {span}"
        self.period_label.setText(
            self.tr("Periode %1 · %2 kasus dibuka")
            .replace("%1", label)
            .replace("%2", str(figures.cases_opened))
        )
        for name, tile in self.tiles.items():
            value = getattr(figures, name)
            tone = (
                "bad"
                if name == "cases_late" and value
                else "good"
                if name == "cases_within_limit" and value
                else ""
            )
            tile.set_value(value, tone)
        self.chart.set_figures(figures)
        self.table_model.set_rows(figures.rows)
        self.stack.setCurrentIndex(1)
        height = self.splitter.height()
        if height > 0:
            chart = max(CHART_HEIGHT, height // 2)
            self.splitter.setSizes([chart, height - chart])

    def set_status(self, status: str) -> None:
        self.status_label.setText(status)

    def clear(self) -> None:
        self.figures = None
        self.chart.set_figures(None)
        self.table_model.set_rows([])
        self.stack.setCurrentIndex(0)

    def tile_value(self, name: str) -> str:
        return self.tiles[name].value_label.text()
