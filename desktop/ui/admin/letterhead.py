"""A live preview of the kop surat, drawn with QPainter from what is typed on the office page.

Tata Naskah Dinas: the regional emblem at the left, PEMERINTAH KABUPATEN ... and the agency in
capitals, the address and contacts below, then a double rule (thick over thin). The preview is
the top of a page of the chosen paper (A4 210 mm, F4 215 mm wide), scaled to the widget.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QDate, QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.ui import theme

PAPER_WIDTH_MM = {"A4": 210.0, "F4": 215.0}
MARGIN_MM = 20.0
LOGO_MM = 24.0
MIN_TEXT_PX = 6  # the smallest text the preview shrinks a kop line to
SHOWN_HEIGHT_MM = 62.0  # the kop and a little of the letter below it


@dataclass(frozen=True)
class LetterheadText:
    government: str = ""
    agency: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    city: str = ""
    paper: str = "A4"

    @property
    def contact_line(self) -> str:
        parts = [
            f"Telepon {self.phone}" if self.phone else "",
            f"Pos-el {self.email}" if self.email else "",
            f"Laman {self.website}" if self.website else "",
        ]
        return "  ·  ".join(p for p in parts if p)


class LetterheadPreview(QWidget):
    """`set_letterhead(text, logo_png)` redraws; the logo may be None (a placeholder box is drawn)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("LetterheadPreview")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(360, 150)
        self.text = LetterheadText()
        self.logo: QPixmap | None = None

    def set_letterhead(self, text: LetterheadText, logo_png: bytes | None) -> None:
        self.text = text
        pixmap = QPixmap()
        self.logo = pixmap if logo_png and pixmap.loadFromData(logo_png) else None
        self.updateGeometry()
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        paper = PAPER_WIDTH_MM.get(self.text.paper, 210.0)
        return int(width * SHOWN_HEIGHT_MM / paper) + 28

    def sizeHint(self) -> QSize:
        return QSize(560, self.heightForWidth(560))

    def render_image(self, width: int = 800) -> QImage:
        image = QImage(width, self.heightForWidth(width), QImage.Format.Format_ARGB32)
        image.fill(QColor(theme.CANVAS))
        painter = QPainter(image)
        self._paint(painter, width, image.height())
        painter.end()
        return image

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        self._paint(painter, self.width(), self.height())
        painter.end()

    def _paint(self, painter: QPainter, width: int, height: int) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        paper = PAPER_WIDTH_MM.get(self.text.paper, 210.0)
        sheet = QRectF(8, 8, width - 16, height - 8)
        painter.fillRect(QRectF(0, 0, width, height), QColor(theme.CANVAS))
        painter.fillRect(sheet.translated(2, 2), QColor("#D5DCE4"))
        painter.fillRect(sheet, QColor("#FFFFFF"))
        painter.setPen(QPen(QColor("#C3CDD8"), 1))
        painter.drawLine(sheet.topLeft(), sheet.bottomLeft())
        painter.drawLine(sheet.topLeft(), sheet.topRight())
        painter.drawLine(sheet.topRight(), sheet.bottomRight())
        mm = sheet.width() / paper
        left, right = sheet.left() + MARGIN_MM * mm, sheet.right() - MARGIN_MM * mm
        top = sheet.top() + 10 * mm
        logo = QRectF(left, top, LOGO_MM * mm, LOGO_MM * mm * 1.15)
        self._draw_logo(painter, logo, mm)
        text_left = logo.right() + 3 * mm
        text_box = QRectF(text_left, top - 1 * mm, right - text_left, logo.height() + 2 * mm)
        bottom = self._draw_lines(painter, text_box, mm)
        rule_y = max(bottom, logo.bottom()) + 2.5 * mm
        painter.setPen(QPen(QColor("#000000"), max(1.6, 0.9 * mm)))
        painter.drawLine(int(left), int(rule_y), int(right), int(rule_y))
        painter.setPen(QPen(QColor("#000000"), max(0.8, 0.3 * mm)))
        thin = rule_y + 1.4 * mm
        painter.drawLine(int(left), int(thin), int(right), int(thin))
        self._draw_sample(painter, left, right, thin + 5 * mm, mm)
        painter.setPen(QColor(theme.MUTED))
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.8)
        painter.setFont(small)
        size = "210 × 297 mm" if self.text.paper == "A4" else "215 × 330 mm"
        painter.drawText(
            sheet.adjusted(0, 0, -6, -4),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
            f"{self.text.paper} · {size}",
        )

    def _draw_logo(self, painter: QPainter, box: QRectF, mm: float) -> None:
        if self.logo is None:
            painter.setPen(QPen(QColor("#B9C3CE"), 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(box)
            painter.setPen(QColor(theme.MUTED))
            font = QFont(self.font())
            font.setPointSizeF(max(6.0, 2.6 * mm))
            painter.setFont(font)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), "LOGO")
            return
        scaled = self.logo.size().scaled(box.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(
            box.left() + (box.width() - scaled.width()) / 2,
            box.top() + (box.height() - scaled.height()) / 2,
            scaled.width(),
            scaled.height(),
        )
        painter.drawPixmap(target, self.logo, QRectF(self.logo.rect()))

    def _draw_lines(self, painter: QPainter, box: QRectF, mm: float) -> float:
        t = self.text
        lines = [
            ((t.government or "PEMERINTAH KABUPATEN …").upper(), 4.6, True),
            ((t.agency or "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL").upper(), 5.2, True),
            (t.address, 3.1, False),
            (t.contact_line, 3.0, False),
        ]
        y = box.top()
        painter.setPen(QColor("#000000"))
        for text, size_mm, bold in lines:
            if not text:
                continue
            font = QFont(self.font())
            font.setPixelSize(max(7, int(size_mm * mm)))
            font.setBold(bold)
            metrics = QFontMetricsF(font)
            while metrics.horizontalAdvance(text) > box.width() and font.pixelSize() > MIN_TEXT_PX:
                font.setPixelSize(font.pixelSize() - 1)  # one line each, as on the printed kop
                metrics = QFontMetricsF(font)
            # A narrow preview may still be too small for a long line: end it with "…", never clip it.
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, box.width())
            painter.setFont(font)
            rect = QRectF(box.left(), y, box.width(), metrics.height())
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), text)
            y += metrics.height() + 0.6 * mm
        return y

    def _draw_sample(self, painter: QPainter, left: float, right: float, y: float, mm: float) -> None:
        font = QFont(self.font())
        font.setPixelSize(max(7, int(3.3 * mm)))
        painter.setFont(font)
        painter.setPen(QColor("#4A5663"))
        today = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia).toString(
            QDate.currentDate(), "d MMMM yyyy"
        )  # the official way: 7 Desember 2026
        place = f"{self.text.city or '…'}, {today}"
        painter.drawText(QRectF(left, y, right - left, 6 * mm), int(Qt.AlignmentFlag.AlignRight), place)
        painter.setPen(QPen(QColor("#E1E6EC"), max(1.0, 1.4 * mm)))
        for i in range(2):
            line_y = y + (8 + 5 * i) * mm
            painter.drawLine(
                int(left), int(line_y), int(left + (right - left) * (0.7 - 0.25 * i)), int(line_y)
            )
