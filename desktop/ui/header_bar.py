"""The strip across the top of the main window: the office on the left, who is working on the right."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.session import Session
from desktop.services.workspace import OfficeSummary
from desktop.ui import theme

AVATAR_SIZE = 36


def initials(full_name: str) -> str:
    """Two letters for the avatar: 'Hendri Yusman, S.STP, M.Si' gives 'HY'."""
    words = [w for w in full_name.split(",")[0].split() if w[:1].isalpha()]
    letters = "".join(w[0] for w in words[:2]).upper()
    return letters or "?"


def avatar_pixmap(full_name: str, size: int = AVATAR_SIZE, ratio: float = 1.0) -> QPixmap:
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#E3A92B"))
    painter.drawEllipse(QRectF(0, 0, size, size))
    font = QFont()
    font.setPixelSize(int(size * 0.4))
    font.setWeight(QFont.Weight.DemiBold)
    painter.setFont(font)
    painter.setPen(QColor(theme.NAVY))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials(full_name))
    painter.end()
    return pixmap


class HeaderBar(QFrame):
    """Office name, the user's name and jabatan, and the Keluar button."""

    log_out_requested = Signal()
    search_requested = Signal()
    help_requested = Signal()

    def __init__(self, session: Session, office: OfficeSummary, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("HeaderBar")
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 10)
        layout.setSpacing(12)
        logo = QLabel()
        logo.setPixmap(theme.app_icon().pixmap(QSize(38, 38), self.devicePixelRatioF()))
        layout.addWidget(logo)
        layout.addLayout(self._office_block(office))
        layout.addStretch(1)
        self.search_button = QPushButton(QIcon(theme.icon_path("search.svg")), self.tr("Cari…  Ctrl+K"))
        self.search_button.setObjectName("SearchButton")
        self.search_button.setToolTip(self.tr("Cari kasus, surat, dan warga (Ctrl+K atau Ctrl+F)"))
        self.search_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.search_button.clicked.connect(self.search_requested)
        layout.addWidget(self.search_button)
        layout.addSpacing(8)
        self.help_button = QPushButton(self.tr("Bantuan"))
        self.help_button.setObjectName("HelpButton")
        self.help_button.setToolTip(self.tr("Buka panduan pengguna pada bab tab yang sedang dibuka (F1)"))
        self.help_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.help_button.clicked.connect(self.help_requested)
        layout.addWidget(self.help_button)
        layout.addSpacing(14)
        avatar = QLabel()
        avatar.setPixmap(avatar_pixmap(session.full_name, ratio=self.devicePixelRatioF()))
        layout.addWidget(avatar)
        layout.addLayout(self._user_block(session))
        separator = QFrame()
        separator.setObjectName("HeaderSeparator")
        separator.setFixedSize(1, 32)
        layout.addSpacing(6)
        layout.addWidget(separator)
        layout.addSpacing(6)
        self.log_out_button = QPushButton(QIcon(theme.icon_path("log-out.svg")), self.tr("Keluar"))
        self.log_out_button.setObjectName("LogOutButton")
        self.log_out_button.setToolTip(self.tr("Keluar dari akun ini dan kembali ke layar masuk"))
        self.log_out_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.log_out_button.clicked.connect(self.log_out_requested)
        layout.addWidget(self.log_out_button)

    def _office_block(self, office: OfficeSummary) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(0)
        app_name = QLabel(self.tr("Dinas Desk"))
        app_name.setFont(theme.scaled_font(self.font(), 1.25, QFont.Weight.DemiBold))
        place = office.kabupaten or self.tr("kantor belum diatur")
        subtitle = QLabel(self.tr("Disdukcapil %1").replace("%1", place))
        subtitle.setProperty("muted", True)
        box.addWidget(app_name)
        box.addWidget(subtitle)
        return box

    def _user_block(self, session: Session) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(0)
        self.name_label = QLabel(session.full_name)
        self.name_label.setFont(theme.scaled_font(self.font(), 1.0, QFont.Weight.DemiBold))
        self.jabatan_label = QLabel(session.jabatan or session.username)
        self.jabatan_label.setProperty("muted", True)
        for label in (self.name_label, self.jabatan_label):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft)
            box.addWidget(label)
        return box
