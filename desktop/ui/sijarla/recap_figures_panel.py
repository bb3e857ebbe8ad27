"""A recap waiting for the Kepala Dinas: its figures as built, and 'Terima'."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.case_view import RecapDetail
from desktop.ui import theme
from desktop.ui.common.cards import section_label
from desktop.ui.common.forms import FORM_STYLESHEET, Banner, heading, muted, primary_button, read_only_table
from desktop.ui.common.labels import recap_status_label
from desktop.ui.sijarla.letter_panels import date_time, short_date
from desktop.ui.sop.case_tables import FiguresTableModel


def _tile(caption: str) -> tuple[QFrame, QLabel]:
    frame = QFrame()
    frame.setObjectName("FigureTile")
    frame.setStyleSheet(
        "QFrame#FigureTile { background: #F6F8FA; border: 1px solid #D9E0E8; border-radius: 8px; }"
        " QFrame#FigureTile QLabel { border: none; background: transparent; }"
    )
    box = QVBoxLayout(frame)
    box.setContentsMargins(12, 8, 12, 8)
    box.setSpacing(0)
    value = QLabel("0")
    value.setFont(theme.scaled_font(value.font(), 1.6, QFont.Weight.Bold))
    value.setStyleSheet(f"color: {theme.NAVY};")
    label = QLabel(caption)
    label.setProperty("role", "muted")
    box.addWidget(value)
    box.addWidget(label)
    return frame, value


class RecapFiguresPanel(QWidget):
    acknowledge_requested = Signal()
    print_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(FORM_STYLESHEET)
        self.recap: RecapDetail | None = None
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(10)
        self.title_label = heading("", 1.15)
        self.detail_label = muted("")
        box.addWidget(self.title_label)
        box.addWidget(self.detail_label)
        self.banner = Banner()
        box.addWidget(self.banner)
        tiles = QGridLayout()
        tiles.setSpacing(8)
        self.tiles: dict[str, QLabel] = {}
        for i, (key, caption) in enumerate(
            (
                ("total_records", self.tr("Data pelayanan")),
                ("served", self.tr("Dilayani (selesai)")),
                ("cases_finished", self.tr("Kasus selesai")),
                ("cases_within_limit", self.tr("Tepat waktu (≤ 3 hari kerja)")),
                ("cases_late", self.tr("Terlambat")),
            )
        ):
            frame, value = _tile(caption)
            self.tiles[key] = value
            tiles.addWidget(frame, 0, i)
        box.addLayout(tiles)
        tables = QHBoxLayout()
        tables.setSpacing(12)
        self.models = {}
        for key, caption in (
            ("by_category", self.tr("Per kategori layanan")),
            ("by_nagari", self.tr("Per nagari")),
            ("by_outcome", self.tr("Per hasil")),
        ):
            column = QVBoxLayout()
            column.setSpacing(4)
            column.addWidget(section_label(caption))
            model = FiguresTableModel()
            self.models[key] = model
            column.addWidget(read_only_table(model, 0), 1)
            tables.addLayout(column, 1)
        box.addLayout(tables, 1)
        row = QHBoxLayout()
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Catatan Kepala Dinas (boleh kosong)"))
        self.print_button = QPushButton(self.tr("Cetak rekapitulasi…"))
        self.acknowledge_button = primary_button(self.tr("Terima rekapitulasi"))
        row.addWidget(self.note_edit, 1)
        row.addWidget(self.print_button)
        row.addWidget(self.acknowledge_button)
        box.addLayout(row)
        self.print_button.clicked.connect(self.print_requested)
        self.acknowledge_button.clicked.connect(self.acknowledge_requested)

    def show_recap(self, recap: RecapDetail) -> None:
        if self.recap is None or self.recap.id != recap.id:
            self.note_edit.clear()  # another recap: the note was about the one before
        self.recap = recap
        self.banner.clear()
        self.title_label.setText(recap.title)
        self.detail_label.setText(
            self.tr("Periode %1 s.d. %2 · disusun %3 oleh %4 · %5")
            .replace("%1", short_date(recap.period_start))
            .replace("%2", short_date(recap.period_end))
            .replace("%3", date_time(recap.built_at))
            .replace("%4", recap.built_by)
            .replace("%5", recap_status_label(recap.status))
        )
        for key, label in self.tiles.items():
            label.setText(QLocale().toString(int(getattr(recap, key))))
        for key, model in self.models.items():
            model.set_rows(getattr(recap, key))
        waiting = recap.status == "diajukan"
        self.acknowledge_button.setEnabled(waiting)
        self.note_edit.setEnabled(waiting)
        self.acknowledge_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def unsaved_work(self) -> str:
        """A note typed for a recap not yet received."""
        if self.recap is None or not self.note_edit.isEnabled() or not self.note_edit.text().strip():
            return ""
        return self.tr("Catatan penerimaan %1").replace("%1", self.recap.title)

    def discard_unsaved(self) -> None:
        self.note_edit.clear()
