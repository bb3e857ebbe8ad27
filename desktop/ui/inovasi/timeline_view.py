"""The 8-step timeline of an innovation: every step done (with its return, if any), the one running
now, and those still to come, each with its planned and actual date, who, and its output document.

A step finished after its time limit, or still running past it, is drawn in red with
"terlambat n hari kerja". A return ('Tidak, perbaiki gagasan') shows as an amber turn back with
the meeting's reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.services.inovasi.steps import TimelineEntry
from desktop.services.sop.view import StepView
from desktop.ui import theme

RAIL_WIDTH = 34
DOT = 22.0
DONE, RETURNED, RUNNING, LATE, FUTURE = "selesai", "kembali", "berjalan", "terlambat", "nanti"
DOT_COLOURS = {
    DONE: ("#2E7D4F", "#FFFFFF"),
    RETURNED: ("#C98A12", "#FFFFFF"),
    RUNNING: (theme.BLUE, "#FFFFFF"),
    LATE: (theme.DANGER, "#FFFFFF"),
    FUTURE: ("#FFFFFF", "#8A96A3"),
}


def _day(day: dt.date | None) -> str:
    """'13 Okt' this year, '13 Okt 2025' another year."""
    if day is None:
        return "-"
    return QLocale().toString(day, "d MMM" if day.year == dt.date.today().year else "d MMM yyyy")


class _Rail(QWidget):
    """The dot with the step number and the line joining it to its neighbours."""

    def __init__(self, number: int, state: str, first: bool, last: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.number, self.state, self.first, self.last = number, state, first, last
        self.setFixedWidth(RAIL_WIDTH)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = self.width() / 2
        line = QPen(QColor("#C3CDD8"), 2)
        painter.setPen(line)
        top = 4 + DOT / 2
        if not self.first:
            painter.drawLine(QPointF(x, 0), QPointF(x, top))
        if not self.last:
            painter.drawLine(QPointF(x, top), QPointF(x, self.height()))
        fill, text = DOT_COLOURS[self.state]
        painter.setPen(QPen(QColor("#8A96A3") if self.state == FUTURE else QColor(fill), 1.5))
        painter.setBrush(QColor(fill))
        rect = QRectF(x - DOT / 2, 4, DOT, DOT)
        painter.drawEllipse(rect)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(self.font().pointSizeF() * 0.85)
        painter.setFont(font)
        painter.setPen(QColor(text))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(self.number))
        painter.end()


class TimelineRow(QWidget):
    """One line of the timeline; `late_label` is visible (red) only when the step was or is late."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = FUTURE
        self.title = QLabel()
        self.title.setObjectName("TimelineTitle")
        self.title.setWordWrap(True)
        self.dates = QLabel()
        self.dates.setProperty("role", "muted")
        self.dates.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.late_label = QLabel()
        self.late_label.setObjectName("LateLabel")
        self.late_label.setStyleSheet(f"QLabel#LateLabel {{ color: {theme.DANGER}; font-weight: 600; }}")
        self.late_label.hide()

    def build(self, number: int, first: bool, last: bool) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.rail = _Rail(number, self.state, first, last)
        layout.addWidget(self.rail)
        text = QVBoxLayout()
        text.setContentsMargins(0, 4, 0, 12)
        text.setSpacing(1)
        for label in (self.title, self.dates, self.late_label, self.detail):
            text.addWidget(label)
        layout.addLayout(text, 1)

    def is_late(self) -> bool:
        return not self.late_label.isHidden()


class TimelineWidget(QScrollArea):
    """Shows `set_timeline(entries, steps)`: the steps in the order they happened, then what remains."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows: list[TimelineRow] = []
        self._body = QWidget()
        self._body.setObjectName("TimelineBody")
        self._box = QVBoxLayout(self._body)
        self._box.setContentsMargins(0, 0, 6, 0)
        self._box.setSpacing(0)
        self.setWidget(self._body)

    def set_timeline(
        self, entries: Sequence[TimelineEntry], steps: Sequence[StepView], closed_as: str = ""
    ) -> None:
        """Draw the entries; the steps after the last one are listed as still to come."""
        while self._box.count():
            item = self._box.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.rows = []
        lines = [self._entry_row(e, steps, i, entries) for i, e in enumerate(entries)]
        if not closed_as:
            reached = entries[-1].step_number if entries else 0
            lines += [self._future_row(s) for s in steps if s.number > reached]
        for i, (row, number) in enumerate(lines):
            row.build(number, i == 0, i == len(lines) - 1)
            self.rows.append(row)
            self._box.addWidget(row)
        self._box.addStretch(1)

    def late_rows(self) -> list[TimelineRow]:
        return [r for r in self.rows if r.is_late()]

    def _entry_row(
        self, e: TimelineEntry, steps: Sequence[StepView], index: int, entries: Sequence[TimelineEntry]
    ) -> tuple[TimelineRow, int]:
        row = TimelineRow()
        step = next((s for s in steps if s.code == e.step_code), None)
        action = next((a for a in step.actions if a.action == e.action), None) if step else None
        returned = action.goes_back if action else False
        running = e.action is None
        late = e.late_working_days > 0
        row.state = LATE if late else RETURNED if returned else RUNNING if running else DONE
        title = f"<b>{escape(e.step_name)}</b>"
        if running:
            now_running = self.tr("sedang berjalan")  # outside the f-string, where lupdate can see it
            title += f" <span style='color:{theme.BLUE}'>· {now_running}</span>"
        elif action is not None:
            colour = "#8A5A00" if returned else "#1D6438"
            arrow = "↩ " if returned else "✓ "
            title += f" <span style='color:{colour}'>· {arrow}{escape(action.label)}</span>"
        row.title.setText(title)
        planned = (
            self.tr("Tenggat %1").replace("%1", _day(e.due_on)) if e.due_on else self.tr("Tanpa batas waktu")
        )
        actual = (
            self.tr("selesai %1").replace("%1", _day(e.done_on))
            if e.done_on
            else self.tr("mulai %1").replace("%1", _day(e.started_on))
        )
        row.dates.setText(f"{planned} · {actual}")
        if late:
            text = self.tr("terlambat %1 hari kerja").replace("%1", str(e.late_working_days))
            row.late_label.setText(text)
            row.late_label.show()
        row.detail.setText(self._detail(e, step, running, returned))
        return row, e.step_number

    def _detail(self, e: TimelineEntry, step: StepView | None, running: bool, returned: bool) -> str:
        parts = []
        if e.actor:
            parts.append(self.tr("oleh %1").replace("%1", escape(e.actor)))
        if running and step is not None:
            parts.append(self.tr("Pelaksana: %1").replace("%1", ", ".join(step.role_names)))
        if e.output_label:
            parts.append(self.tr("Output: %1").replace("%1", escape(e.output_label)))
        elif running and step is not None and step.output_label:
            parts.append(self.tr("Output yang diharapkan: %1").replace("%1", step.output_label))
        if e.note:
            colour = "#8A5A00" if returned else theme.MUTED
            note = self.tr("Catatan: %1").replace("%1", f"<i>{escape(e.note)}</i>")
            parts.append(f"<span style='color:{colour}'>{note}</span>")
        return "<br>".join(parts)

    def _future_row(self, step: StepView) -> tuple[TimelineRow, int]:
        row = TimelineRow()
        row.state = FUTURE
        row.title.setText(f"<span style='color:{theme.MUTED}'>{step.name}</span>")
        time = step.time_label or "-"
        row.dates.setText(self.tr("Belum dimulai · waktu %1").replace("%1", time[:1].lower() + time[1:]))
        output = self.tr("Output: %1").replace("%1", step.output_label) if step.output_label else ""
        row.detail.setText(f"<span style='color:{theme.MUTED}'>{output}</span>")
        return row, step.number
