"""Dates and times on screen, the Indonesian way (the application's default locale is Indonesian)."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def long_date(day) -> str:
    """Senin, 7 Desember 2026 (or "-")."""
    return QLocale().toString(day, "dddd, d MMMM yyyy") if day else "-"


def short_date(day) -> str:
    """7 Des 2026 (or "-")."""
    return QLocale().toString(day, "d MMM yyyy") if day else "-"


def date_time(moment) -> str:
    """7 Des 2026 14.05 (or "-")."""
    return QLocale().toString(moment, "d MMM yyyy HH.mm") if moment else "-"
