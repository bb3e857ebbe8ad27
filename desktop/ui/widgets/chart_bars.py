"""Horizontal bar charts drawn with QPainter (no QtCharts in PySide6-Essentials).

A chart is one or more panels, each a title and (label, value) bars, largest first. Labels
sit left of their bar (elided when long), the value right of it. Panels sit side by side
when the widget is wide enough, else one above the other. Beyond MAX_BARS the smallest are
summed into one "Lainnya" bar, so a chart stays readable whatever the data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.services.recap import RecapFigures
from desktop.ui import theme

MAX_BARS = 10
SIDE_BY_SIDE_WIDTH = 640
MIN_SLOT = 20  # a bar and its gap: below this the label would not fit; fewer bars are drawn
PADDING = 14
TITLE_HEIGHT = 26
BAR_GAP = 6
MAX_BAR_HEIGHT = 22


@dataclass(frozen=True)
class ChartPanel:
    title: str
    bars: tuple[tuple[str, int], ...]
    color: str = theme.BLUE


def top_bars(
    counts: Mapping[str, int], limit: int = MAX_BARS, other: str = "Lainnya"
) -> tuple[tuple[str, int], ...]:
    """The largest `limit` counts, the rest summed into one bar named `other`."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if len(ordered) <= limit:
        return tuple(ordered)
    kept, rest = ordered[: limit - 1], ordered[limit - 1 :]
    return (*kept, (f"{other} ({len(rest)})", sum(n for _, n in rest)))


def fitting_bars(
    bars: tuple[tuple[str, int], ...], room: int, other: str = "Lainnya"
) -> tuple[tuple[str, int], ...]:
    """At most `room` bars (at least 3): the smallest of the rest summed into one 'Lainnya' bar."""
    room = max(3, room)
    if len(bars) <= room:
        return bars
    kept, rest = bars[: room - 1], bars[room - 1 :]
    hidden = sum(
        int(label.rsplit("(", 1)[1].rstrip(")")) if label.startswith(other) else 1 for label, _ in rest
    )
    return (*kept, (f"{other} ({hidden})", sum(n for _, n in rest)))


class BarChartWidget(QWidget):
    """Panels of horizontal bars with labels and values."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("BarChart")
        self.panels: tuple[ChartPanel, ...] = ()
        self.empty_text = self.tr("Belum ada data pada periode ini.")
        self.setMinimumSize(320, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_panels(self, panels: tuple[ChartPanel, ...]) -> None:
        self.panels = panels
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, 340)

    def side_by_side(self) -> bool:
        return len(self.panels) > 1 and self.width() >= SIDE_BY_SIDE_WIDTH

    def panel_rects(self) -> list[QRectF]:
        """Where each panel is drawn, for the current size."""
        area = QRectF(self.rect()).adjusted(PADDING, PADDING, -PADDING, -PADDING)
        count = max(1, len(self.panels))
        if self.side_by_side():
            width = (area.width() - PADDING * (count - 1)) / count
            return [
                QRectF(area.left() + i * (width + PADDING), area.top(), width, area.height())
                for i in range(count)
            ]
        height = (area.height() - PADDING * (count - 1)) / count
        return [
            QRectF(area.left(), area.top() + i * (height + PADDING), area.width(), height)
            for i in range(count)
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        if not any(panel.bars for panel in self.panels):
            painter.setPen(QColor(theme.MUTED))
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            painter.end()
            return
        for panel, rect in zip(self.panels, self.panel_rects(), strict=False):
            self._draw_panel(painter, panel, rect)
        painter.end()

    def _draw_panel(self, painter: QPainter, panel: ChartPanel, rect: QRectF) -> None:
        title_font = QFont(self.font())
        title_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(title_font)
        painter.setPen(QColor(theme.NAVY))
        painter.drawText(
            rect.adjusted(0, 0, 0, -(rect.height() - TITLE_HEIGHT)),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            panel.title,
        )
        painter.setFont(self.font())
        metrics = QFontMetrics(self.font())
        body = rect.adjusted(0, TITLE_HEIGHT + 4, 0, 0)
        if not panel.bars:
            painter.setPen(QColor(theme.MUTED))
            painter.drawText(body, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self.empty_text)
            return
        label_width = min(
            max(metrics.horizontalAdvance(label) for label, _ in panel.bars) + 8, body.width() * 0.42
        )
        value_width = max(metrics.horizontalAdvance(str(n)) for _, n in panel.bars) + 10
        bar_left = body.left() + label_width
        bar_room = max(10.0, body.width() - label_width - value_width)
        slot = min(MAX_BAR_HEIGHT + BAR_GAP, body.height() / len(panel.bars))
        bar_height = max(4.0, slot - BAR_GAP)
        largest = max(n for _, n in panel.bars) or 1
        painter.setPen(QPen(QColor(theme.LINE), 1))
        painter.drawLine(
            int(bar_left), int(body.top()), int(bar_left), int(body.top() + slot * len(panel.bars))
        )
        for i, (label, value) in enumerate(panel.bars):
            top = body.top() + i * slot
            row = QRectF(body.left(), top, label_width - 8, bar_height)
            painter.setPen(QColor(theme.INK))
            elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(row.width()))
            painter.drawText(row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, elided)
            length = bar_room * value / largest
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(panel.color))
            painter.drawRoundedRect(QRectF(bar_left, top, max(2.0, length), bar_height), 3, 3)
            painter.setPen(QColor(theme.INK))
            value_rect = QRectF(bar_left + length + 6, top, value_width, bar_height)
            painter.drawText(
                value_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(value)
            )


class RecapChartWidget(BarChartWidget):
    """The recap's two charts: people served by nagari and by service category."""

    NAGARI_COLOR = theme.BLUE
    CATEGORY_COLOR = "#2F8F83"

    def set_figures(self, figures: RecapFigures | None) -> None:
        if figures is None:
            self.set_panels(())
            return
        other = self.tr("Lainnya")
        self.set_panels(
            (
                ChartPanel(
                    self.tr("Per nagari"), top_bars(figures.by_nagari, other=other), self.NAGARI_COLOR
                ),
                ChartPanel(
                    self.tr("Per kategori layanan"),
                    top_bars(figures.by_category, other=other),
                    self.CATEGORY_COLOR,
                ),
            )
        )
