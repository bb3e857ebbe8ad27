"""The deadline state of a case (SOP: service within 3 working days) as colours, words and a chip."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

# sla code -> (background, text, border): green, amber, red; None is a neutral grey.
COLOURS: dict[str | None, tuple[str, str, str]] = {
    "tepat_waktu": ("#E4F3E8", "#1D6438", "#B9DEC4"),
    "jatuh_tempo_hari_ini": ("#FCF0D4", "#7D5300", "#EFD28E"),
    "terlambat": ("#FBE4E0", "#A5301F", "#EDC0B8"),
    None: ("#EEF1F5", "#4A5663", "#D9E0E8"),
}
SLA_ROLE = int(Qt.ItemDataRole.UserRole) + 20  # models return the sla code under this role


def days_left_text(sla: str | None, days_left: int | None) -> str:
    """'sisa 2 hari kerja', 'jatuh tempo hari ini', 'terlambat 3 hari kerja', or '' without a limit."""
    if sla is None or days_left is None:
        return ""
    if sla == "terlambat":
        late = abs(days_left)
        return (
            QCoreApplication.translate("Sla", "terlambat %1 hari kerja").replace("%1", str(late))
            if late
            else QCoreApplication.translate("Sla", "terlambat")
        )
    if sla == "jatuh_tempo_hari_ini" or days_left <= 0:
        return QCoreApplication.translate("Sla", "jatuh tempo hari ini")
    return QCoreApplication.translate("Sla", "sisa %1 hari kerja").replace("%1", str(days_left))


def sla_label(sla: str | None) -> str:
    return {
        "tepat_waktu": QCoreApplication.translate("Sla", "Tepat waktu"),
        "jatuh_tempo_hari_ini": QCoreApplication.translate("Sla", "Jatuh tempo hari ini"),
        "terlambat": QCoreApplication.translate("Sla", "Terlambat"),
    }.get(sla or "", QCoreApplication.translate("Sla", "Tanpa tenggat"))


def deadline_text(deadline: dt.date | None, sla: str | None, days_left: int | None) -> str:
    """What the Tenggat cell says: '24 Nov 2026 · sisa 1 hari kerja'."""
    if deadline is None:
        return "-"
    same_year = deadline.year == dt.date.today().year
    day = QLocale().toString(deadline, "d MMM" if same_year else "d MMM yyyy")
    rest = days_left_text(sla, days_left)
    return f"{day} · {rest}" if rest else day


def chip_text(sla: str | None, days_left: int | None, deadline: dt.date | None) -> str:
    """'Sisa 2 hari kerja · tenggat 24 Nov', 'Jatuh tempo hari ini · …', 'Terlambat 3 hari kerja · …'."""
    if deadline is None:
        return sla_label(None)
    same_year = deadline.year == dt.date.today().year
    day = QCoreApplication.translate("Sla", "tenggat %1").replace(
        "%1", QLocale().toString(deadline, "d MMM" if same_year else "d MMM yyyy")
    )
    days = abs(days_left or 0)
    if sla == "terlambat":
        head = (
            QCoreApplication.translate("Sla", "Terlambat %1 hari kerja").replace("%1", str(days))
            if days
            else QCoreApplication.translate("Sla", "Terlambat")
        )
    elif sla == "tepat_waktu" and days:
        head = QCoreApplication.translate("Sla", "Sisa %1 hari kerja").replace("%1", str(days))
    else:
        head = sla_label(sla)
    return f"{head} · {day}"


class SlaChip(QLabel):
    """A rounded label coloured by the deadline state."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("SlaChip")
        self.sla: str | None = None
        self.set_state(None, None, None)

    def set_state(self, sla: str | None, days_left: int | None, deadline: dt.date | None) -> None:
        self.sla = sla
        background, text, border = COLOURS.get(sla, COLOURS[None])
        self.setStyleSheet(
            f"QLabel#SlaChip {{ background: {background}; color: {text}; border: 1px solid {border};"
            " border-radius: 10px; padding: 2px 10px; font-weight: 600; }"
        )
        self.setText(chip_text(sla, days_left, deadline))


CHIP_LEFT, CHIP_PADDING, CHIP_RIGHT = 8, 20, 8  # the chip's place in its cell, around the text


class SlaChipDelegate(QStyledItemDelegate):
    """Paints a cell as a coloured chip, using the sla code the model returns under SLA_ROLE.

    Its size hint holds the whole chip, so a column sized to its content never cuts one.
    """

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex):
        hint = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        width = QFontMetrics(option.font).horizontalAdvance(str(text)) + CHIP_LEFT + CHIP_PADDING + CHIP_RIGHT
        hint.setWidth(max(hint.width(), width))
        return hint

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if not text or text == "-":
            painter.drawText(opt.rect.adjusted(10, 0, -6, 0), int(Qt.AlignmentFlag.AlignVCenter), text)
            return
        background, colour, border = COLOURS.get(index.data(SLA_ROLE), COLOURS[None])
        metrics = QFontMetrics(opt.font)
        width = min(metrics.horizontalAdvance(text) + CHIP_PADDING, opt.rect.width() - CHIP_LEFT - CHIP_RIGHT)
        chip = QRectF(opt.rect.left() + CHIP_LEFT, opt.rect.center().y() - 11, width, 22)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(border))
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(chip, 11, 11)
        painter.setPen(QColor(colour))
        painter.setFont(opt.font)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(chip.width()) - 16)
        painter.drawText(chip.adjusted(8, 0, -8, 0), int(Qt.AlignmentFlag.AlignCenter), shown)
        painter.restore()
