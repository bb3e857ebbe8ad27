"""The list of innovations: one row per innovation, with its step, status and the step's deadline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from desktop.services.inovasi.steps import InnovationSummary
from desktop.ui import theme

COLUMNS: tuple[tuple[str, str], ...] = (
    ("reference", QT_TRANSLATE_NOOP("InnovationTableModel", "Nomor")),
    ("title", QT_TRANSLATE_NOOP("InnovationTableModel", "Inovasi")),
    ("position", QT_TRANSLATE_NOOP("InnovationTableModel", "Posisi")),  # the step, or how it ended
)
STATUS_LABELS = {
    "berjalan": QT_TRANSLATE_NOOP("InnovationTableModel", "Berjalan"),
    "selesai": QT_TRANSLATE_NOOP("InnovationTableModel", "Berjalan rutin"),
    "ditolak": QT_TRANSLATE_NOOP("InnovationTableModel", "Ditolak"),
    "dibatalkan": QT_TRANSLATE_NOOP("InnovationTableModel", "Dibatalkan"),
}
SUMMARY_ROLE = int(Qt.ItemDataRole.UserRole) + 1
WAITING_ROLE = int(Qt.ItemDataRole.UserRole) + 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("InnovationTableModel", text)


def status_label(status: str) -> str:
    return _tr(STATUS_LABELS.get(status, status))


class InnovationTableModel(QAbstractTableModel):
    """Read-only rows of InnovationSummary; rows waiting for the user's action are bold."""

    def __init__(self, parent=None, step_numbers: dict[str, int] | None = None):
        super().__init__(parent)
        self._rows: list[InnovationSummary] = []
        self._waiting: frozenset[int] = frozenset()  # case ids
        self._numbers = dict(step_numbers or {})
        self._today = dt.date.today()

    def set_rows(self, rows: Sequence[InnovationSummary], today: dt.date | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today or dt.date.today()
        self.endResetModel()

    def set_waiting(self, case_ids: Iterable[int]) -> None:
        """Mark the innovations whose current step waits for this user."""
        self._waiting = frozenset(case_ids)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def summary(self, row: int) -> InnovationSummary:
        return self._rows[row]

    def row_of_case(self, case_id: int) -> int:
        return next((i for i, s in enumerate(self._rows) if s.case_id == case_id), -1)

    def row_of_innovation(self, innovation_id: int) -> int:
        return next((i for i, s in enumerate(self._rows) if s.id == innovation_id), -1)

    def rowCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def is_late(self, s: InnovationSummary) -> bool:
        return s.status == "berjalan" and s.step_due_on is not None and s.step_due_on < self._today

    def _text(self, s: InnovationSummary, column: str) -> str:
        if column == "reference":
            return s.reference
        if column == "title":
            return s.chosen_name or s.title
        if s.status != "berjalan":
            return status_label(s.status)
        number = self._numbers.get(s.current_step)
        return f"{number}. {s.step_name}" if number else s.step_name

    def _tooltip(self, s: InnovationSummary, column: str) -> str:
        if column == "title" and s.chosen_name:
            return f"{s.chosen_name}: {s.title}"
        if column == "position" and s.status == "berjalan" and s.step_due_on is not None:
            due = QLocale().toString(s.step_due_on, "d MMM yyyy")
            late = (
                QCoreApplication.translate("InnovationTableModel", " (terlambat)") if self.is_late(s) else ""
            )
            return (
                QCoreApplication.translate("InnovationTableModel", "%1 · tenggat %2")
                .replace("%1", self._text(s, column))
                .replace("%2", due)
                + late
            )
        return self._text(s, column)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        column = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(s, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(s, column)
        if role == Qt.ItemDataRole.FontRole and s.case_id in self._waiting:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == "position" and self.is_late(s):
            return QColor(theme.DANGER)
        if role == SUMMARY_ROLE:
            return s
        if role == WAITING_ROLE:
            return s.case_id in self._waiting
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return _tr(COLUMNS[section][1])
        return super().headerData(section, orientation, role)
