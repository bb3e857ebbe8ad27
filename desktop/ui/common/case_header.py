"""The strip above an open case on a desk: back to the queue, the case's number and title, its SLA."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.ui.common.forms import heading, muted
from desktop.ui.common.sla import SlaChip


class CaseHeader(QWidget):
    back_requested = Signal()
    file_requested = Signal()

    def __init__(self, back_text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        self.back_button = QPushButton("← " + (back_text or self.tr("Kembali ke daftar")))
        self.back_button.setToolTip(self.tr("Kembali ke daftar pekerjaan (Esc)"))
        self.back_button.setShortcut(Qt.Key.Key_Escape)
        row.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignVCenter)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title_label = heading("", 1.1)
        self.detail_label = muted("")
        titles.addWidget(self.title_label)
        titles.addWidget(self.detail_label)
        row.addLayout(titles, 1)
        self.sla_chip = SlaChip()
        row.addWidget(self.sla_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        self.file_button = QPushButton(self.tr("Berkas kasus…"))
        self.file_button.setToolTip(self.tr("Riwayat langkah, lampiran, dokumen dan jejak audit kasus ini"))
        row.addWidget(self.file_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.back_button.clicked.connect(self.back_requested)
        self.file_button.clicked.connect(self.file_requested)

    def show_loading(self, text: str) -> None:
        self.title_label.setText(text)
        self.detail_label.setText(self.tr("Memuat…"))
        self.sla_chip.hide()

    def show_case(self, reference: str, title: str, detail: str, sla, days_left, due) -> None:
        self.title_label.setText(f"{reference} · {title}")
        self.detail_label.setText(detail)
        self.sla_chip.set_state(sla, days_left, due)
        self.sla_chip.setVisible(due is not None)
