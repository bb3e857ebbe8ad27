"""Read-only panels about a letter: the receipt after registering, and a letter's data for the desks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.case_view import LetterView
from desktop.services.sijarla.drafts import LetterReceipt
from desktop.ui import theme
from desktop.ui.common.cards import section_label
from desktop.ui.common.dates import date_time, long_date, short_date  # noqa: F401  (re-exported)
from desktop.ui.common.forms import Banner, heading, muted, primary_button, value_label, value_rows
from desktop.ui.common.labels import sifat_label
from desktop.ui.common.sla import SlaChip


def requested_text(requested) -> str:
    """'KTP-el perekaman: 25 orang', one line per service asked for."""
    line = QCoreApplication.translate("LetterPanels", "%1: %2 orang")
    return "\n".join(line.replace("%1", name).replace("%2", str(count)) for name, count in requested) or "-"


class ReceiptPanel(QWidget):
    """'Surat masuk tercatat': agenda number, tracking code, due date, and the receipt buttons."""

    print_requested = Signal()
    next_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.receipt: LetterReceipt | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        top = QHBoxLayout()
        tick = QLabel("✓")
        tick.setFixedSize(40, 40)
        tick.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tick.setStyleSheet("background: #E4F3E8; color: #1D6438; border-radius: 20px; font-size: 20px;")
        top.addWidget(tick)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(heading(self.tr("Surat masuk tercatat dan diteruskan ke Kabid Pelayanan"), 1.2))
        self.subtitle = muted("")
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        layout.addLayout(top)
        self.agenda_label = QLabel()
        self.agenda_label.setObjectName("AgendaNumber")
        self.agenda_label.setFont(theme.scaled_font(self.font(), 2.0, QFont.Weight.Bold))
        self.agenda_label.setStyleSheet(f"color: {theme.NAVY};")
        self.agenda_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QFrame()
        box.setStyleSheet(
            "QFrame { background: #F6F8FA; border: 1px solid #D9E0E8; border-radius: 8px; }"
            " QLabel { border: none; background: transparent; }"
        )
        inner = QVBoxLayout(box)
        inner.setContentsMargins(18, 14, 18, 14)
        inner.addWidget(section_label(self.tr("Nomor agenda")))
        inner.addWidget(self.agenda_label)
        self.tracking_label = value_label()
        self.case_label = value_label()
        self.due_label = value_label()
        self.letter_label = value_label()
        self.requested_label = value_label()
        inner.addLayout(
            value_rows(
                [
                    (self.tr("Kode lacak"), self.tracking_label),
                    (self.tr("Nomor kasus"), self.case_label),
                    (self.tr("Batas layanan"), self.due_label),
                    (self.tr("Surat"), self.letter_label),
                    (self.tr("Layanan dimohon"), self.requested_label),
                ]
            )
        )
        layout.addWidget(box)
        self.banner = Banner()
        layout.addWidget(self.banner)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.next_button = QPushButton(self.tr("Catat surat berikutnya (Ctrl+N)"))
        self.print_button = primary_button(self.tr("Cetak tanda terima"))
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_requested)
        self.next_button.clicked.connect(self.next_requested)

    def show_receipt(self, receipt: LetterReceipt) -> None:
        self.receipt = receipt
        self.banner.clear()
        self.agenda_label.setText(receipt.agenda_number)
        self.subtitle.setText(
            self.tr("Diterima %1 dari %2")
            .replace("%1", date_time(receipt.received_at))
            .replace("%2", receipt.sender)
        )
        self.tracking_label.setText(receipt.tracking_code)
        self.case_label.setText(receipt.case_reference)
        self.due_label.setText(long_date(receipt.due_on))
        self.letter_label.setText(
            f"{receipt.letter_number} · {receipt.nagari}, {receipt.kecamatan}\n{receipt.subject}"
        )
        self.requested_label.setText(requested_text(receipt.requested))
        self.print_button.setFocus(Qt.FocusReason.OtherFocusReason)


class LetterSummary(QWidget):
    """The letter behind a case, read-only: numbers, dates, sender, subject, requests, SLA."""

    def __init__(self, parent: QWidget | None = None, show_sla: bool = True):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.title_label = heading("", 1.1)
        self.sla_chip = SlaChip()
        self.sla_chip.setVisible(show_sla)
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        layout.addLayout(top)
        layout.addWidget(self.sla_chip, 0, Qt.AlignmentFlag.AlignLeft)
        self.values = {
            key: value_label()
            for key in ("agenda", "letter", "sender", "nagari", "sifat", "requested", "reason")
        }
        self.rows = value_rows(
            [
                (self.tr("Agenda"), self.values["agenda"]),
                (self.tr("Surat"), self.values["letter"]),
                (self.tr("Pengirim"), self.values["sender"]),
                (self.tr("Nagari"), self.values["nagari"]),
                (self.tr("Sifat"), self.values["sifat"]),
                (self.tr("Dimohon"), self.values["requested"]),
                (self.tr("Dasar analisis"), self.values["reason"]),
            ]
        )
        layout.addLayout(self.rows)

    def show_letter(self, letter: LetterView) -> None:
        self.title_label.setText(letter.subject or letter.title)
        self.sla_chip.set_state(letter.sla, letter.days_left, letter.due_on)
        if letter.letter_id is None:
            self.values["agenda"].setText(self.tr("Tanpa surat: dibuka dari analisis Kepala Dinas"))
            self.values["letter"].setText(letter.reference)
            self.values["sender"].setText("-")
            self.values["sifat"].setText("-")
            self.values["requested"].setText("-")
        else:
            self.values["agenda"].setText(
                self.tr("%1 · diterima %2")
                .replace("%1", letter.agenda_number)
                .replace("%2", date_time(letter.received_at))
            )
            self.values["letter"].setText(
                self.tr("No. %1 tanggal %2")
                .replace("%1", letter.letter_number)
                .replace("%2", short_date(letter.letter_date))
            )
            self.values["sender"].setText(letter.sender)
            self.values["sifat"].setText(sifat_label(letter.sifat))
            self.values["requested"].setText(requested_text(letter.requested))
        place = ", ".join(x for x in (letter.nagari, letter.kecamatan) if x)
        self.values["nagari"].setText(place or "-")
        # A case from analysis: the Kepala Dinas' whole reason (the title shortens it).
        self.values["reason"].setText(letter.origin_note)
        self.rows.setRowVisible(self.values["reason"], bool(letter.origin_note))
