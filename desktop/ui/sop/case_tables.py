"""Read-only tables of a case file: step history, issued documents, audit trail, recap figures.

Each model declares its columns once, as (header, value) pairs; the rows are the services'
dataclasses, replaced all at once with set_rows().
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt
from PySide6.QtGui import QColor

from desktop.services.security.audit_log import action_name, entity_name
from desktop.ui.common.table_model import ListTableModel
from desktop.ui.theme import DANGER

Column = tuple[str, Callable[[Any], str]]
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 30


def _moment(value) -> str:
    return QLocale().toString(value, "dd-MM-yyyy HH.mm") if value else ""


def _day(value) -> str:
    return QLocale().toString(value, "dd-MM-yyyy") if value else ""


class RowsTableModel(ListTableModel[Any]):
    """Rows of dataclasses shown through COLUMNS; translation context is the subclass name."""

    COLUMNS: tuple[Column, ...] = ()

    def titles(self) -> Sequence[str]:
        return [title for title, _ in self.COLUMNS]

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.set_items(rows)

    def row(self, index: int) -> Any:
        return self.item(index)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        row = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.COLUMNS[index.column()][1](row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, index.column())
        return None

    def foreground(self, row: Any, column: int) -> QColor | None:
        return None


class CaseHistoryTableModel(RowsTableModel):
    """case_view.StepRecord: who did which step, when, with what note and output."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP("CaseHistoryTableModel", "Waktu"), lambda s: _moment(s.acted_at)),
        (QT_TRANSLATE_NOOP("CaseHistoryTableModel", "Langkah"), lambda s: s.step_name),
        (QT_TRANSLATE_NOOP("CaseHistoryTableModel", "Tindakan"), lambda s: s.action_label),
        (QT_TRANSLATE_NOOP("CaseHistoryTableModel", "Oleh"), lambda s: s.actor),
        (QT_TRANSLATE_NOOP("CaseHistoryTableModel", "Catatan"), lambda s: s.note),
        (QT_TRANSLATE_NOOP("CaseHistoryTableModel", "Keluaran"), lambda s: s.output_label),
        (QT_TRANSLATE_NOOP("CaseHistoryTableModel", "Tenggat"), lambda s: _day(s.due_on)),
    )

    def foreground(self, row: Any, column: int) -> QColor | None:
        return QColor(DANGER) if column == 6 and row.late else None


class CaseDocumentsTableModel(RowsTableModel):
    """documents.IssuedDocumentInfo: what left the office for this case."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP("CaseDocumentsTableModel", "Dokumen"), lambda d: d.type_label),
        (QT_TRANSLATE_NOOP("CaseDocumentsTableModel", "Nomor"), lambda d: d.number),
        (QT_TRANSLATE_NOOP("CaseDocumentsTableModel", "Diterbitkan"), lambda d: _moment(d.issued_at)),
        (QT_TRANSLATE_NOOP("CaseDocumentsTableModel", "Oleh"), lambda d: d.issued_by),
        (QT_TRANSLATE_NOOP("CaseDocumentsTableModel", "Kode verifikasi"), lambda d: d.verification_code),
    )


class CaseAuditTableModel(RowsTableModel):
    """case_view.AuditLine: every change and read logged about the case."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP("CaseAuditTableModel", "Waktu"), lambda a: _moment(a.at)),
        (QT_TRANSLATE_NOOP("CaseAuditTableModel", "Pengguna"), lambda a: a.username),
        (QT_TRANSLATE_NOOP("CaseAuditTableModel", "Tindakan"), lambda a: action_name(a.action)),
        (QT_TRANSLATE_NOOP("CaseAuditTableModel", "Data"), lambda a: entity_name(a.entity)),
        (QT_TRANSLATE_NOOP("CaseAuditTableModel", "Keterangan"), lambda a: a.detail),
    )


class FiguresTableModel(RowsTableModel):
    """(label, count) pairs of a recap: by category, nagari or outcome."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP("FiguresTableModel", "Uraian"), lambda r: r[0]),
        (QT_TRANSLATE_NOOP("FiguresTableModel", "Jumlah"), lambda r: QLocale().toString(int(r[1]))),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid() and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)
