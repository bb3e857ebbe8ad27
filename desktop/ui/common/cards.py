"""Small building blocks shared by tabs and dialogs: white cards and section captions."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from desktop.ui import theme


def card(parent: QWidget | None = None) -> QFrame:
    """A white panel with a thin border and rounded corners (styled by the theme)."""
    frame = QFrame(parent)
    frame.setObjectName("Card")
    return frame


def section_label(text: str) -> QLabel:
    """A small upper-case caption above a group: 'TUGAS DALAM SOP'."""
    label = QLabel(text.upper())
    label.setProperty("role", "section")
    label.setFont(theme.scaled_font(label.font(), 0.85, QFont.Weight.DemiBold))
    return label
