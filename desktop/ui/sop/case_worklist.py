"""A role's worklist with the deadline state of each case: one row per WorkEntry, most urgent first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor

from desktop.ui.common.sla import COLOURS, SLA_ROLE, deadline_text, sla_label
from desktop.ui.common.table_model import SORT_ROLE, ListTableModel

# (key, header); declared once for data() and headerData().
COLUMNS: tuple[tuple[str, str], ...] = (
    ("number", QT_TRANSLATE_NOOP("CaseWorklistTableModel", "Nomor")),
    ("subject", QT_TRANSLATE_NOOP("CaseWorklistTableModel", "Perihal")),
    ("nagari", QT_TRANSLATE_NOOP("CaseWorklistTableModel", "Nagari")),
    ("deadline", QT_TRANSLATE_NOOP("CaseWorklistTableModel", "Tenggat")),
    ("status", QT_TRANSLATE_NOOP("CaseWorklistTableModel", "Status")),
)
DEADLINE_COLUMN = 3
ENTRY_ROLE = int(Qt.ItemDataRole.UserRole) + 21  # the row's entry object


def entry_key(entry: Any) -> tuple[str, int | str]:
    """What identifies a row across reloads: (kind, ref_id), or the number for plain items."""
    kind = getattr(entry, "kind", "kasus")
    ref = getattr(entry, "ref_id", None)
    return (kind, ref if ref is not None else getattr(entry, "number", ""))


def status_text(entry: Any) -> str:
    """The Status cell: the step waiting (worklists' WorkEntry) or the plain status (WorkItem)."""
    return getattr(entry, "step_name", None) or getattr(entry, "status", "") or ""


class CaseWorklistTableModel(ListTableModel[Any]):
    """Read-only rows of worklist entries (worklists.WorkEntry); the owner replaces them with set_items()."""

    TITLES = tuple(title for _, title in COLUMNS)
    CONTEXT = "CaseWorklistTableModel"

    def items(self) -> list[Any]:
        return list(self._items)

    def row_of(self, key: tuple[str, int | str]) -> int:
        return next((i for i, e in enumerate(self._items) if entry_key(e) == key), -1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        entry = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == SORT_ROLE and COLUMNS[column][0] == "deadline":
            return getattr(entry, "deadline", None)
        if role == SLA_ROLE:
            return getattr(entry, "sla", None)
        if role == ENTRY_ROLE:
            return entry
        if column == DEADLINE_COLUMN and role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            sla = getattr(entry, "sla", None)
            if getattr(entry, "deadline", None) is None:
                return None
            background, text, _border = COLOURS.get(sla, COLOURS[None])
            return QColor(background if role == Qt.ItemDataRole.BackgroundRole else text)
        return None

    def _text(self, entry: Any, column: int) -> str:
        key = COLUMNS[column][0]
        if key == "deadline":
            return deadline_text(
                getattr(entry, "deadline", None),
                getattr(entry, "sla", None),
                getattr(entry, "days_left", None),
            )
        if key == "status":
            return status_text(entry)
        return str(getattr(entry, key, "") or "")

    def _tooltip(self, entry: Any, column: int) -> str:
        if COLUMNS[column][0] == "deadline":
            return sla_label(getattr(entry, "sla", None)) + " · " + self._text(entry, column)
        if COLUMNS[column][0] == "subject" and getattr(entry, "team", ""):
            return f"{entry.subject}\n{entry.team}"
        return self._text(entry, column)
