"""Pieces every desk form uses: a message banner, field captions, read-only value rows, busy state.

FORM_STYLESHEET gives multi-line text the look the theme gives QLineEdit and keeps the theme's
line-edit frame off the editors inside combo boxes and date fields; a form applies it to its
own container. Combo boxes and date fields keep Fusion's drawing (arrows included) at the
height of a line edit (input_height).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QSize, Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import theme
from desktop.ui.common.tables import equip

FORM_STYLESHEET = f"""
QComboBox QLineEdit, QAbstractSpinBox QLineEdit {{ border: none; padding: 0; background: transparent; }}
QLineEdit:disabled, QPlainTextEdit:disabled {{ background: #F4F6F8; color: #5B6876; }}
QPlainTextEdit {{ padding: 4px 6px; border: 1px solid #C3CDD8; border-radius: 6px; background: #FFFFFF; }}
QPlainTextEdit:focus {{ border: 1px solid {theme.BLUE}; }}
QCheckBox {{ spacing: 8px; }}
QLabel[role="field"] {{ color: {theme.INK}; font-weight: 600; }}
QLabel[role="value"] {{ color: {theme.INK}; }}
QScrollArea#FormScroll {{ background: transparent; border: none; }}
QWidget#FormScrollBody {{ background: transparent; }}
"""
# A field refused by the service (field_errors.FieldMarks sets the property). A spin box keeps Fusion's
# frame and arrows: only its background turns red.
INVALID_SHEET = f"""
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] {{
    border: 1px solid {theme.DANGER}; background: #FFF7F5;
}}
QAbstractSpinBox[invalid="true"] {{ background: #FBE4E0; }}
QComboBox[invalid="true"] {{ border: 1px solid {theme.DANGER}; border-radius: 4px; }}
QLabel#FieldError {{ color: {theme.DANGER}; }}
"""
FORM_STYLESHEET += INVALID_SHEET
INPUT_HEIGHT = 32


def input_height(*widgets: QWidget) -> None:
    """Combo boxes, date and number fields as tall as the theme's line edits (Fusion draws them)."""
    for widget in widgets:
        widget.setMinimumHeight(INPUT_HEIGHT)


_BANNER_STYLES = {
    "error": f"color: {theme.DANGER}; background: #FBEDEA; border: 1px solid #EDC4BC;",
    "success": "color: #1D6438; background: #E9F6EC; border: 1px solid #BFE0C8;",
    "info": f"color: {theme.NAVY}; background: #E9F0F8; border: 1px solid #C7D7EA;",
}


class Banner(QFrame):
    """A one-message strip above a form: an error (red), a success (green) or a note (blue).

    An optional action button sits at its right ('Muat ulang').
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Banner")
        self.kind = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.setSpacing(8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.action_button = QPushButton()
        self.action_button.hide()
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def text(self) -> str:
        """The message shown, or '' while the banner is hidden."""
        return "" if self.isHidden() else self.label.text()

    def show_message(self, text: str, kind: str = "error", action: str = "") -> None:
        self.kind = kind
        self.setStyleSheet(
            f"QFrame#Banner {{ {_BANNER_STYLES[kind]} border-radius: 6px; }}"
            f" QFrame#Banner QLabel {{ {_BANNER_STYLES[kind]} border: none; background: transparent; }}"
        )
        self.label.setText(text)
        self.action_button.setText(action)
        self.action_button.setVisible(bool(action))
        self.show()

    def clear(self) -> None:
        self.kind = ""
        self.label.clear()
        self.action_button.hide()
        self.hide()


def field_label(text: str, buddy: QWidget | None = None) -> QLabel:
    """The caption of a field; with a buddy, Alt+underlined letter jumps to it."""
    label = QLabel(text)
    label.setProperty("role", "field")
    if buddy is not None:
        label.setBuddy(buddy)
    return label


def heading(text: str, factor: float = 1.2) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "heading")
    label.setFont(theme.scaled_font(label.font(), factor, QFont.Weight.DemiBold))
    label.setWordWrap(True)
    return label


def muted(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "muted")
    label.setWordWrap(True)
    return label


def value_rows(rows: Iterable[tuple[str, QLabel]]) -> QFormLayout:
    """Read-only 'caption: value' rows; the value labels wrap and can be selected."""
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    form.setHorizontalSpacing(14)
    form.setVerticalSpacing(6)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    for caption, value in rows:
        caption_label = QLabel(caption)
        caption_label.setProperty("role", "muted")
        form.addRow(caption_label, value)
    return form


def value_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "value")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def scroll_area(body: QWidget) -> QScrollArea:
    """A frameless scroll area around a form body: a short window scrolls the fields instead of
    squeezing them; a narrow one (150% scaling) shows a horizontal bar rather than cutting them off."""
    area = QScrollArea()
    area.setObjectName("FormScroll")
    body.setObjectName("FormScrollBody")
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def submit_shortcut(form: QWidget, submit: Callable[[], None]) -> None:
    """Ctrl+Enter (either Enter key) anywhere in `form` submits it, as in every form of the app."""
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(keys), form, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(submit)


WINDOW_CHROME = QSize(16, 63)  # a window frame, and a 40 px taskbar plus a 23 px title bar


def fit_on_screen(window: QWidget, width: int, height: int) -> None:
    """Give a dialog its preferred size, but no larger than the screen it opens on (a 1366x768
    laptop, or 1920x1080 at 150%): a dialog taller than the screen hides its buttons."""
    parent = window.parentWidget()
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    size = QSize(width, height)
    if screen is not None:
        size = size.boundedTo(screen.availableGeometry().size() - WINDOW_CHROME)
    window.resize(size.expandedTo(window.minimumSizeHint()))


class _HeightForWidth(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.FontChange):
            widget = watched
            need = widget.heightForWidth(widget.width())
            if need > 0 and widget.minimumHeight() != need:
                widget.setMinimumHeight(need)
        return False


def keep_text_height(widget: QWidget) -> None:
    """Never give `widget` less height than its wrapped text needs at its width: splitters and stacks
    size their children by minimum size hints, which leave word wrapping out."""
    widget.installEventFilter(_HeightForWidth(widget))


def reveal(widget: QWidget) -> None:
    """Scroll every scroll area holding `widget` so that it is in view (a short window)."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(child, 0, 0)
            child = parent
        parent = parent.parentWidget()


def primary_button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setProperty("primary", True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def card_layout(frame: QFrame, margins: int = 18, spacing: int = 12) -> QVBoxLayout:
    box = QVBoxLayout(frame)
    box.setContentsMargins(margins, margins - 2, margins, margins)
    box.setSpacing(spacing)
    return box


def read_only_table(
    model,
    stretch_column: int = -1,
    parent: QWidget | None = None,
    widths: dict[int, int] | None = None,
    wrap: bool = False,
) -> QTableView:
    """A plain, row-selecting, read-only table over `model`; one column takes the spare width.

    Columns in `widths` get that width (the user may drag them); with `wrap`, long cells wrap and
    rows grow to fit instead of the table scrolling sideways.
    """
    view = QTableView(parent)
    model.setParent(view)  # the view keeps its model alive
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(wrap)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(30)
    if wrap:
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column, width in (widths or {}).items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(column, width)
    if stretch_column >= 0:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    equip(view)
    return view


class DateEdit(QDateEdit):
    """A date field that Tab leaves at once, as every other field (Qt's steps through day, month
    and year first; the arrow keys still do that)."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


NO_DATE = QDate(2000, 1, 1)  # an optional date edit's minimum, shown as its "any date" text


def optional_date_edit(empty_text: str) -> QDateEdit:
    """A dd-MM-yyyy date edit with a calendar that may stay empty: NO_DATE shows `empty_text`."""
    edit = DateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(empty_text)
    edit.setDate(NO_DATE)
    edit.setLocale(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    return edit


def optional_day(edit: QDateEdit) -> dt.date | None:
    """The day an optional_date_edit holds, None while it is empty."""
    return None if edit.date() == NO_DATE else edit.date().toPython()
