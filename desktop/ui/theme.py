"""The look of the app: Fusion with a calm blue-grey palette, one UI font, and the icons in
desktop/resources/icons."""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from desktop.config import resource_dir

NAVY = "#1B3A5C"
BLUE = "#2B5C8A"
INK = "#1F2933"
MUTED = "#5B6876"
LINE = "#D9E0E8"
CANVAS = "#F2F4F7"
DANGER = "#A5301F"
FOCUS = "#E3A92B"  # the keyboard focus ring on dark and blue buttons (the avatar's amber)

# Segoe UI is the Windows UI font; the others are what Linux desktops (and CI) usually have.
PREFERRED_FAMILIES = ("Segoe UI", "Noto Sans", "Cantarell", "Ubuntu", "DejaVu Sans")

STYLESHEET = f"""
QMainWindow, QDialog {{ background: {CANVAS}; }}
QFrame#HeaderBar {{ background: {NAVY}; }}
QFrame#HeaderBar QLabel {{ color: #FFFFFF; background: transparent; }}
QFrame#HeaderBar QLabel[muted="true"] {{ color: #B9C8D8; }}
QFrame#HeaderBar QFrame#HeaderSeparator {{ background: #3A5B7E; }}
QPushButton#LogOutButton, QPushButton#HelpButton {{
    color: #FFFFFF; background: transparent; border: 1px solid #56799E; border-radius: 6px;
    padding: 6px 14px;
}}
QPushButton#LogOutButton:hover, QPushButton#HelpButton:hover {{ background: #26496F; }}
QPushButton#LogOutButton:pressed, QPushButton#HelpButton:pressed {{ background: #173250; }}
QPushButton#SearchButton {{
    color: #DCE6F1; background: #26496F; border: 1px solid #3A5B7E; border-radius: 6px;
    padding: 6px 14px; text-align: left;
}}
QPushButton#SearchButton:hover {{ background: #2E5580; color: #FFFFFF; }}
QPushButton#LogOutButton:focus, QPushButton#SearchButton:focus, QPushButton#HelpButton:focus {{
    border: 2px solid {FOCUS}; padding: 5px 13px;
}}
QFrame#BrandPanel {{ background: {NAVY}; }}
QFrame#BrandPanel QLabel {{ color: #FFFFFF; background: transparent; }}
QFrame#BrandPanel QLabel[muted="true"] {{ color: #B9C8D8; }}
QFrame#FormPanel {{ background: #FFFFFF; }}
QFrame#DemoPanel {{ background: {CANVAS}; border-left: 1px solid {LINE}; }}
QFrame#Card {{ background: #FFFFFF; border: 1px solid {LINE}; border-radius: 8px; }}
QFrame#Card QLabel {{ background: transparent; }}
QLabel[role="heading"] {{ color: {NAVY}; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="section"] {{ color: {MUTED}; letter-spacing: 0.5px; }}
QLabel[role="chip"] {{
    color: {NAVY}; background: #E3ECF6; border-radius: 10px; padding: 3px 10px;
}}
QFrame#Card QLabel[role="step"] {{
    color: {NAVY}; background: #E3ECF6; border-radius: 12px; font-weight: 600;
}}
QLabel#ErrorText {{
    color: {DANGER}; background: #FBEDEA; border: 1px solid #EDC4BC; border-radius: 6px; padding: 8px 10px;
}}
QPushButton {{
    color: {INK}; background: #FFFFFF; border: 1px solid #C3CDD8; border-radius: 6px; padding: 6px 14px;
}}
QPushButton:hover {{ background: #F3F6F9; }}
QPushButton:pressed {{ background: #E6EBF1; }}
QPushButton:default {{ border-color: {BLUE}; }}
QPushButton[primary="true"] {{
    color: #FFFFFF; background: {BLUE}; border: 1px solid {NAVY}; border-radius: 6px; padding: 8px 18px;
    font-weight: 600;
}}
QPushButton[primary="true"]:hover {{ background: #326A9E; }}
QPushButton[primary="true"]:pressed {{ background: {NAVY}; }}
QPushButton[primary="true"]:disabled {{ background: #8FA7C0; border-color: #8FA7C0; }}
QPushButton:focus {{ border: 2px solid {BLUE}; padding: 5px 13px; }}
QPushButton[primary="true"]:focus {{ border: 2px solid {FOCUS}; padding: 7px 17px; }}
QLineEdit {{ padding: 6px 8px; border: 1px solid #C3CDD8; border-radius: 6px; background: #FFFFFF; }}
QLineEdit:focus {{ border: 1px solid {BLUE}; }}
QTabWidget#RoleTabs::pane {{ border: none; border-top: 1px solid {LINE}; background: {CANVAS}; }}
QTabWidget#RoleTabs > QTabBar {{ background: #FFFFFF; }}
QTabWidget#RoleTabs::tab-bar {{ left: 12px; }}
QTabWidget#RoleTabs > QTabBar::tab {{
    background: transparent; color: {MUTED}; border: none; border-bottom: 3px solid transparent;
    padding: 10px 18px 9px 18px; margin: 0 2px;
}}
QTabWidget#RoleTabs > QTabBar::tab:selected {{ color: {NAVY}; border-bottom: 3px solid {BLUE}; }}
QTabWidget#RoleTabs > QTabBar::tab:hover:!selected {{ color: {INK}; border-bottom: 3px solid #C9D3DE; }}
QTableView {{
    background: #FFFFFF; border: 1px solid {LINE}; border-radius: 6px; gridline-color: #EEF1F5;
    selection-background-color: #DCE8F4; selection-color: {INK};
}}
QHeaderView::section {{
    background: #F6F8FA; color: {MUTED}; border: none; border-bottom: 1px solid {LINE};
    padding: 7px 10px; font-weight: 600;
}}
QStatusBar {{ background: #FFFFFF; border-top: 1px solid {LINE}; color: {MUTED}; }}
QStatusBar QLabel {{ color: {MUTED}; padding: 0 8px; }}
QListView#DemoLogins {{ background: #FFFFFF; border: 1px solid {LINE}; border-radius: 6px; }}
QScrollBar:vertical {{ background: transparent; width: 10px; margin: 2px; }}
QScrollBar::handle:vertical {{ background: #C3CDD8; border-radius: 3px; min-height: 32px; }}
QScrollBar::handle:vertical:hover {{ background: #A9B6C4; }}
QScrollBar:horizontal {{ background: transparent; height: 10px; margin: 2px; }}
QScrollBar::handle:horizontal {{ background: #C3CDD8; border-radius: 3px; min-width: 32px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
QToolTip {{ color: {INK}; background: #FFFFFF; border: 1px solid {LINE}; padding: 4px; }}
"""


def icon_path(name: str) -> str:
    return str(resource_dir() / "icons" / name)


def app_icon() -> QIcon:
    return QIcon(icon_path("dinas-desk.svg"))


def palette() -> QPalette:
    pal = QPalette()
    colors = {
        QPalette.ColorRole.Window: CANVAS,
        QPalette.ColorRole.WindowText: INK,
        QPalette.ColorRole.Base: "#FFFFFF",
        QPalette.ColorRole.AlternateBase: "#F7F9FB",
        QPalette.ColorRole.Text: INK,
        QPalette.ColorRole.Button: "#F7F8FA",
        QPalette.ColorRole.ButtonText: INK,
        QPalette.ColorRole.Highlight: BLUE,
        QPalette.ColorRole.HighlightedText: "#FFFFFF",
        QPalette.ColorRole.Link: BLUE,
        QPalette.ColorRole.ToolTipBase: "#FFFFFF",
        QPalette.ColorRole.ToolTipText: INK,
        QPalette.ColorRole.PlaceholderText: "#8A96A3",
        QPalette.ColorRole.Mid: "#C3CDD8",
        QPalette.ColorRole.Dark: "#9AA5B1",
    }
    for role, color in colors.items():
        pal.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9AA5B1"))
    return pal


def ui_font() -> QFont:
    available = set(QFontDatabase.families())
    family = next((f for f in PREFERRED_FAMILIES if f in available), QFont().family())
    font = QFont(family)
    # DejaVu Sans runs wide: a half point less keeps it as dense as Segoe UI at 10 pt.
    font.setPointSizeF(9.5 if family == "DejaVu Sans" else 10.0)
    return font


def apply(app: QApplication) -> None:
    """Give the application its style, palette, font, stylesheet and icon."""
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    app.setPalette(palette())
    app.setFont(ui_font())
    app.setStyleSheet(STYLESHEET)
    app.setWindowIcon(app_icon())
    if sys.platform == "win32":  # pragma: no cover - Windows only: our icon on the taskbar, not Python's
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("Disdukcapil.DinasDesk")


def scaled_font(base: QFont, factor: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * factor)
    font.setWeight(weight)
    return font
