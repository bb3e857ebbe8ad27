"""Horizontal bar charts drawn with QPainter (no QtCharts in PySide6-Essentials).

A chart is one or more panels, each a title and (label, value) bars, largest first. Labels
sit left of their bar (elided when long; the tooltip of a line names it whole), the value
right of it. A panel draws as many bars as fit at the font's height (no bar is ever cut
off); the smallest of the rest are summed into one "Lainnya" bar. Panels sit side by side
when the widget is wide enough, else one above the other. Beyond MAX_BARS the smallest are
summed into one "Lainnya" bar, so a chart stays readable whatever the data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.services.sijarla.recap import RecapFigures
from desktop.ui import theme

MAX_BARS = 10
SIDE_BY_SIDE_WIDTH = 640
MIN_SLOT = 20  # a bar and its gap at least (and the font height): fewer bars are drawn in less room
PADDING = 14
TITLE_HEIGHT = 26
BAR_GAP = 6
MAX_BAR_HEIGHT = 22


@dataclass(frozen=True)
class DrawnBar:
    """One bar as laid out on screen: its label, bar and value boxes."""

    label: str
    value: int
    label_rect: QRectF
    bar_rect: QRectF
    value_rect: QRectF

    def row(self) -> QRectF:
        """The whole line, label to value: where its tooltip answers."""
        return self.label_rect.united(self.value_rect)


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

    def bar_layout(self, panel: ChartPanel, rect: QRectF) -> list[DrawnBar]:
        """Where each bar of `panel` goes in `rect`: as many as fit at the font's height, the rest
        summed into one 'Lainnya' bar; labels as wide as the longest (at most half the panel)."""
        metrics = QFontMetrics(self.font())
        body = rect.adjusted(0, TITLE_HEIGHT + 4, 0, 0)
        slot = max(MIN_SLOT, metrics.height() + 4)
        bars = fitting_bars(panel.bars, int(body.height() // slot), self.tr("Lainnya"))
        if not bars:
            return []
        slot = max(slot, min(MAX_BAR_HEIGHT + BAR_GAP, body.height() / len(bars)))
        bar_height = slot - BAR_GAP
        label_width = min(max(metrics.horizontalAdvance(label) for label, _ in bars) + 10, body.width() * 0.5)
        value_width = max(metrics.horizontalAdvance(str(n)) for _, n in bars) + 10
        bar_left = body.left() + label_width
        bar_room = max(10.0, body.width() - label_width - value_width)
        largest = max(n for _, n in bars) or 1
        drawn = []
        for i, (label, value) in enumerate(bars):
            top = body.top() + i * slot
            length = max(2.0, bar_room * value / largest)
            drawn.append(
                DrawnBar(
                    label,
                    value,
                    # Text boxes take the whole line (a bar is thinner than the font's descenders).
                    label_rect=QRectF(body.left(), top, label_width - 10, slot),
                    bar_rect=QRectF(bar_left, top + BAR_GAP / 2, length, bar_height),
                    value_rect=QRectF(bar_left + length + 6, top, value_width, slot),
                )
            )
        return drawn

    def bars_drawn(self) -> list[list[DrawnBar]]:
        """The bars of each panel as drawn at the current size."""
        return [
            self.bar_layout(panel, rect) for panel, rect in zip(self.panels, self.panel_rects(), strict=False)
        ]

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            point = QPointF(event.pos())
            for bars in self.bars_drawn():
                for bar in bars:
                    if bar.row().contains(point):
                        QToolTip.showText(event.globalPos(), f"{bar.label}: {bar.value}", self)
                        return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().event(event)

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
        if not panel.bars:
            painter.setPen(QColor(theme.MUTED))
            body = rect.adjusted(0, TITLE_HEIGHT + 4, 0, 0)
            painter.drawText(body, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self.empty_text)
            return
        bars = self.bar_layout(panel, rect)
        if not bars:
            return
        axis = bars[0].bar_rect.left()
        painter.setPen(QPen(QColor(theme.LINE), 1))
        painter.drawLine(QPointF(axis, bars[0].bar_rect.top()), QPointF(axis, bars[-1].bar_rect.bottom()))
        centred_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        centred_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for bar in bars:
            painter.setPen(QColor(theme.INK))
            elided = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(bar.label_rect.width()))
            painter.drawText(bar.label_rect, centred_right, elided)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(panel.color))
            painter.drawRoundedRect(bar.bar_rect, 3, 3)
            painter.setPen(QColor(theme.INK))
            painter.drawText(bar.value_rect, centred_left, str(bar.value))


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
