"""The SOP matrix drawn with QPainter the way the paper SOP draws it, with a case's row highlighted.

Identity box (kop, Nomor SOP, dates, Disahkan oleh), optionally the context boxes (Dasar hukum,
Kualifikasi pelaksana ...), then the matrix: No, Aktivitas, one column per pelaksana (outsiders
such as the Wali Nagari hatched, they do not use the app), Persyaratan / Kelengkapan, Waktu,
Output, Keterangan. Each row marks its pelaksana with a flowchart shape; arrows join the rows
and a decision's "Tidak" loops back. The row a case stands at is tinted amber and its performing
column filled; rows already done are tinted green.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.services.sop.view import DECISION, END, START, CasePosition, MarkView, RowView, SopMatrixView
from desktop.ui import theme
from desktop.ui.sop.sop_matrix_layout import (
    CURRENT_BG,
    CURRENT_EDGE,
    DONE_BG,
    FIXED,
    GRID,
    MARK_CURRENT,
    MARK_FILL,
    MIN_ACTIVITY,
    PAD,
    SHAPE_H,
    SHAPE_W,
    SMALL,
    Cell,
    Layout,
    MatrixLayout,
    tr,
)

__all__ = ["CURRENT_BG", "DONE_BG", "SopMatrixWidget"]


class SopMatrixWidget(QWidget):
    """Draws one SopMatrixView; `set_position()` highlights where a case stands."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("SopMatrix")
        self.setAutoFillBackground(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._matrix: SopMatrixView | None = None
        self._position: CasePosition | None = None
        self._show_context = False
        self._layout = Layout()

    # --- What to draw ------------------------------------------------------------------------------

    def set_matrix(self, matrix: SopMatrixView | None, position: CasePosition | None = None) -> None:
        self._matrix = matrix
        self._position = position if matrix is not None else None
        self._relayout()

    def set_position(self, position: CasePosition | None) -> None:
        self._position = position
        self.update()

    def set_show_context(self, show: bool) -> None:
        self._show_context = show
        self._relayout()

    def matrix(self) -> SopMatrixView | None:
        return self._matrix

    def position(self) -> CasePosition | None:
        return self._position

    def highlighted_row(self) -> int | None:
        """The row number drawn as the case's current position, if any."""
        return self._position.current_row if self._position else None

    def row_rect(self, number: int) -> QRectF:
        """Where a matrix row is drawn (empty when it is not)."""
        top, height = self._layout.rows.get(number, (0.0, 0.0))
        return QRectF(
            self._layout.table_left, top, self._layout.table_right - self._layout.table_left, height
        )

    def current_point(self) -> QPointF | None:
        """The centre of the case's current mark (where the view should scroll to), if any."""
        pos = self._position
        if pos is None or pos.current_row not in self._layout.rows:
            return None
        columns = [c for c in pos.current_columns if c in self._layout.column_x]
        if not columns:
            top, height = self._layout.rows[pos.current_row]
            return QPointF(self._layout.table_left, top + height / 2)
        return self._center(pos.current_row, columns[0])

    def minimum_width(self) -> float:
        if self._matrix is None:
            return 0.0
        n = len(self._matrix.columns)
        return sum(FIXED.values()) - FIXED["pelaksana"] + n * FIXED["pelaksana"] + MIN_ACTIVITY + 2 * PAD

    def sizeHint(self) -> QSize:
        return QSize(int(self._layout.width) or 600, int(self._layout.height) or 200)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if abs(event.size().width() - self._layout.width) > 0.5:
            self._relayout()

    def render_image(self, width: int | None = None) -> QImage:
        """The whole matrix as an image (for documentation and tests)."""
        if width:
            self._relayout(float(width))
        image = QImage(int(self._layout.width), int(self._layout.height), QImage.Format.Format_ARGB32)
        image.fill(QColor("#FFFFFF"))
        painter = QPainter(image)
        self._paint(painter)
        painter.end()
        return image

    # --- Layout ------------------------------------------------------------------------------------

    def _relayout(self, width: float | None = None) -> None:
        if self._matrix is None:
            self._layout = Layout()
            self.setMinimumSize(0, 0)
            self.update()
            return
        target = max(width or float(self.width()), self.minimum_width())
        self._layout = MatrixLayout(self._matrix, self.font(), target, self._show_context).build()
        self.setMinimumWidth(int(self.minimum_width()))
        self.setFixedHeight(int(self._layout.height) + 1)
        self.update()

    # --- Painting ----------------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        if self._matrix is not None:
            self._paint(painter)
        painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self._paint_row_states(painter)
        for cell in self._layout.cells:
            self._paint_cell(painter, cell)
        self._paint_flows(painter)
        self._paint_marks(painter)

    def _paint_row_states(self, painter: QPainter) -> None:
        if self._position is None:
            return
        left, right = self._layout.table_left, self._layout.table_right
        for number in self._position.done_rows:
            if number in self._layout.rows and number != self._position.current_row:
                top, height = self._layout.rows[number]
                painter.fillRect(QRectF(left, top, right - left, height), DONE_BG)
        current = self._position.current_row
        if current in self._layout.rows:
            top, height = self._layout.rows[current]
            painter.fillRect(QRectF(left, top, right - left, height), CURRENT_BG)
            painter.fillRect(QRectF(left - 4, top, 4, height), CURRENT_EDGE)

    def _paint_cell(self, painter: QPainter, cell: Cell) -> None:
        if cell.fill is not None:
            painter.fillRect(cell.rect, cell.fill)
        if cell.hatch:
            painter.fillRect(cell.rect, QBrush(QColor("#D8D2C4"), Qt.BrushStyle.BDiagPattern))
        painter.setPen(QPen(GRID, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(cell.rect)
        if cell.text:
            font = QFont(self.font())
            font.setPointSizeF(self.font().pointSizeF() * (0.92 * SMALL if cell.small else 0.92))
            font.setBold(cell.bold)
            painter.setFont(font)
            painter.setPen(QColor(theme.INK))
            inner = cell.rect.adjusted(PAD, PAD - 2, -PAD, -PAD + 2)
            painter.drawText(inner, int(cell.align) | int(Qt.TextFlag.TextWordWrap), cell.text)

    def _current_highlight(self, row: RowView) -> tuple[str, ...]:
        pos = self._position
        if pos is None or pos.current_row != row.number:
            return ()
        return pos.current_columns

    def _marks_of(self, row: RowView) -> list[MarkView]:
        """The row's marks, plus a plain mark where the case's step performs outside the paper's marks."""
        marks = list(row.marks)
        for column in self._current_highlight(row):
            if column not in {m.column for m in marks} and column in self._layout.column_x:
                marks.append(MarkView(column, "proses"))
        return marks

    def _center(self, row_number: int, column: str) -> QPointF:
        left, width = self._layout.column_x[column]
        top, height = self._layout.rows[row_number]
        return QPointF(left + width / 2, top + height / 2)

    def _paint_marks(self, painter: QPainter) -> None:
        assert self._matrix is not None
        font = QFont(self.font())
        font.setPointSizeF(self.font().pointSizeF() * 0.85)
        font.setBold(True)
        painter.setFont(font)
        for row in self._matrix.rows:
            current = self._current_highlight(row)
            for mark in self._marks_of(row):
                if mark.column in self._layout.column_x:
                    _draw_shape(painter, mark, self._center(row.number, mark.column), mark.column in current)

    def _paint_flows(self, painter: QPainter) -> None:
        assert self._matrix is not None
        pen = QPen(GRID, 1.3)
        painter.setPen(pen)
        rows = {r.number: r for r in self._matrix.rows}
        label_font = QFont(self.font())
        label_font.setPointSizeF(self.font().pointSizeF() * 0.85)
        label_font.setItalic(True)
        for row in self._matrix.rows:  # within a row: first mark hands over to the next
            marks = [m for m in self._marks_of(row) if m.column in self._layout.column_x]
            for a, b in zip(marks, marks[1:], strict=False):
                self._arrow_across(painter, row.number, a, b)
        for flow in self._matrix.flows:
            source, target = rows.get(flow.from_row), rows.get(flow.to_row)
            if source is None or target is None or not source.marks or not target.marks:
                continue
            painter.setFont(label_font)
            if flow.kind == "kembali":
                self._loop_back(painter, source, target, flow.label)
            else:
                self._arrow_down(painter, source, target, flow.label)

    def _arrow_across(self, painter: QPainter, row: int, a: MarkView, b: MarkView) -> None:
        pa, pb = self._center(row, a.column), self._center(row, b.column)
        direction = 1 if pb.x() > pa.x() else -1
        start = QPointF(pa.x() + direction * _half_width(a), pa.y())
        end = QPointF(pb.x() - direction * _half_width(b), pb.y())
        _polyline(painter, [start, end])

    def _arrow_down(self, painter: QPainter, source: RowView, target: RowView, label: str) -> None:
        a = [m for m in self._marks_of(source) if m.column in self._layout.column_x][-1]
        b = next(m for m in target.marks if m.column in self._layout.column_x)
        pa, pb = self._center(source.number, a.column), self._center(target.number, b.column)
        start = QPointF(pa.x(), pa.y() + _half_height(a))
        end = QPointF(pb.x(), pb.y() - _half_height(b))
        if abs(start.x() - end.x()) < 0.5:
            points = [start, end]
        else:
            bend = end.y() - 12
            points = [start, QPointF(start.x(), bend), QPointF(end.x(), bend), end]
        _polyline(painter, points)
        if label:
            painter.drawText(QPointF(start.x() + 5, start.y() + 13), label)

    def _loop_back(self, painter: QPainter, source: RowView, target: RowView, label: str) -> None:
        a = source.marks[0]
        b = target.marks[0]
        pa, pb = self._center(source.number, a.column), self._center(target.number, b.column)
        left_of_target = pb.x() - _half_width(b) - 12
        start = QPointF(pa.x() - _half_width(a), pa.y())
        x = min(left_of_target, start.x() - 14)
        points = [start, QPointF(x, start.y()), QPointF(x, pb.y()), QPointF(pb.x() - _half_width(b), pb.y())]
        pen = painter.pen()
        dashed = QPen(pen)
        dashed.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(dashed)
        _polyline(painter, points)
        painter.setPen(pen)
        if label:
            painter.drawText(QPointF(start.x() - 40, start.y() - 5), label)


# --- Shapes and arrows -------------------------------------------------------------------------------


def _half_width(mark: MarkView) -> float:
    return (SHAPE_W + 8) / 2 if mark.shape == DECISION else SHAPE_W / 2


def _half_height(mark: MarkView) -> float:
    return (SHAPE_H + 12) / 2 if mark.shape == DECISION else SHAPE_H / 2


def _draw_shape(painter: QPainter, mark: MarkView, center: QPointF, current: bool) -> None:
    w, h = _half_width(mark) * 2, _half_height(mark) * 2
    rect = QRectF(center.x() - w / 2, center.y() - h / 2, w, h)
    painter.setPen(QPen(QColor(theme.NAVY) if current else GRID, 2.2 if current else 1.3))
    painter.setBrush(MARK_CURRENT if current else MARK_FILL)
    if mark.shape in (START, END):
        painter.drawRoundedRect(rect, h / 2, h / 2)
    elif mark.shape == DECISION:
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(center.x(), rect.top()),
                    QPointF(rect.right(), center.y()),
                    QPointF(center.x(), rect.bottom()),
                    QPointF(rect.left(), center.y()),
                ]
            )
        )
    else:
        painter.drawRect(rect)
    if mark.text:
        painter.setPen(QColor("#FFFFFF") if current else QColor(theme.INK))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, tr(mark.text))


def _polyline(painter: QPainter, points: list[QPointF]) -> None:
    path = QPainterPath(points[0])
    for p in points[1:]:
        path.lineTo(p)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    tip, before = points[-1], points[-2]
    dx, dy = tip.x() - before.x(), tip.y() - before.y()
    length = max((dx * dx + dy * dy) ** 0.5, 0.001)
    ux, uy = dx / length, dy / length
    size = 7.0
    left = QPointF(tip.x() - ux * size - uy * size * 0.5, tip.y() - uy * size + ux * size * 0.5)
    right = QPointF(tip.x() - ux * size + uy * size * 0.5, tip.y() - uy * size - ux * size * 0.5)
    painter.setBrush(painter.pen().color())
    solid = QPen(painter.pen())
    solid.setStyle(Qt.PenStyle.SolidLine)
    saved = painter.pen()
    painter.setPen(solid)
    painter.drawPolygon(QPolygonF([tip, left, right]))
    painter.setPen(saved)
    painter.setBrush(Qt.BrushStyle.NoBrush)
