"""The administrator's tables: accounts, signers, numbering patterns, reference lists, holidays, backups.

Each is a small read-only QAbstractTableModel whose columns are declared once as (header, value):
the page replaces all rows with set_rows() after every load.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtGui import QColor

from desktop.services.office import admin
from desktop.services.office.admin import PatternRow, SignerRow, UserRow
from desktop.services.office.backups import BackupInfo
from desktop.services.office.reference_data import CodeItem, HolidayRow, JorongRow, NagariRow
from desktop.ui import theme
from desktop.ui.common.table_model import ListTableModel

Row = TypeVar("Row")
Column = tuple[str, Callable[[Any], Any]]  # (untranslated header, value of a row)
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("AdminTables", text)


def _day(value: dt.date | dt.datetime | None, fmt: str = "d MMM yyyy") -> str:
    return QLocale().toString(value, fmt) if value else "-"


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, size // 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


class RecordTableModel(ListTableModel[Row]):
    """Rows of one dataclass; subclasses declare COLUMNS and may grey out inactive rows."""

    COLUMNS: tuple[Column, ...] = ()
    CONTEXT = "AdminTables"

    def titles(self) -> Sequence[str]:
        return [title for title, _ in self.COLUMNS]

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.set_items(rows)

    def row(self, index: int) -> Row:
        return self.item(index)

    def rows(self) -> list[Row]:
        return list(self._items)

    def find(self, predicate: Callable[[Row], bool]) -> int:
        return next((i for i, r in enumerate(self._items) if predicate(r)), -1)

    def is_dimmed(self, row: Row) -> bool:
        return False

    def value(self, column: int, row: Row) -> Any:
        return self.COLUMNS[column][1](row)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        row = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self.value(index.column(), row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and self.is_dimmed(row):
            return QColor(theme.MUTED)
        if role == ROW_ROLE:
            return row
        return None


def user_state(u: UserRow) -> str:
    if not u.is_active:
        return QCoreApplication.translate("AdminTables", "Nonaktif")
    if u.is_locked():
        return QCoreApplication.translate("AdminTables", "Terkunci s.d. %1").replace(
            "%1", _day(u.locked_until, "HH:mm")
        )
    return QCoreApplication.translate("AdminTables", "Aktif")


DATABASE_LOGIN_TEXTS = {
    "": QT_TRANSLATE_NOOP("AdminTables", "—"),  # SQLite or a server not secured: no own login
    admin.DATABASE_LOGIN_OK: QT_TRANSLATE_NOOP("AdminTables", "Aktif"),
    admin.DATABASE_LOGIN_DISABLED: QT_TRANSLATE_NOOP("AdminTables", "Nonaktif"),
    admin.DATABASE_LOGIN_MISSING: QT_TRANSLATE_NOOP("AdminTables", "Belum ada: jalankan db secure"),
    admin.DATABASE_LOGIN_OUT_OF_STEP: QT_TRANSLATE_NOOP(
        "AdminTables", "Tidak sesuai peran: simpan peran lagi"
    ),
}


def database_login(state: str) -> str:
    return _tr(DATABASE_LOGIN_TEXTS.get(state, state))


class UsersTableModel(RecordTableModel[UserRow]):
    ROLES_COLUMN = 2
    COLUMNS = (
        (QT_TRANSLATE_NOOP("AdminTables", "Nama"), lambda u: u.full_name),
        (QT_TRANSLATE_NOOP("AdminTables", "Nama pengguna"), lambda u: u.username),
        (QT_TRANSLATE_NOOP("AdminTables", "Peran"), lambda u: ", ".join(u.roles)),
        (QT_TRANSLATE_NOOP("AdminTables", "Status"), user_state),
        (QT_TRANSLATE_NOOP("AdminTables", "Akun database"), lambda u: database_login(u.database_login)),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.role_names: dict[str, str] = {}

    def value(self, column: int, row: UserRow) -> Any:
        if column == self.ROLES_COLUMN:
            return ", ".join(self.role_names.get(r, r) for r in row.roles)
        return super().value(column, row)

    def is_dimmed(self, row: UserRow) -> bool:
        return not row.is_active


class SignersTableModel(RecordTableModel[SignerRow]):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("AdminTables", "Keperluan"), lambda s: s.purpose_label),
        (
            QT_TRANSLATE_NOOP("AdminTables", "Penandatangan"),
            lambda s: s.full_name or QCoreApplication.translate("AdminTables", "(belum diatur)"),
        ),
        (QT_TRANSLATE_NOOP("AdminTables", "Jabatan tertulis"), lambda s: s.title),
    )

    def is_dimmed(self, row: SignerRow) -> bool:
        return row.id is None


class PatternsTableModel(RecordTableModel[PatternRow]):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("AdminTables", "Pola"), lambda p: p.name),
        (QT_TRANSLATE_NOOP("AdminTables", "Format"), lambda p: p.pattern),
        (QT_TRANSLATE_NOOP("AdminTables", "Berikutnya"), lambda p: p.next_seq),
    )


class NagariTableModel(RecordTableModel[NagariRow]):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("AdminTables", "Kode"), lambda n: n.code),
        (QT_TRANSLATE_NOOP("AdminTables", "Nagari"), lambda n: n.name),
        (
            QT_TRANSLATE_NOOP("AdminTables", "Status"),
            lambda n: (
                QCoreApplication.translate("AdminTables", "Aktif")
                if n.is_active
                else QCoreApplication.translate("AdminTables", "Nonaktif")
            ),
        ),
    )

    def is_dimmed(self, row: NagariRow) -> bool:
        return not row.is_active


class JorongTableModel(RecordTableModel[JorongRow]):
    COLUMNS = ((QT_TRANSLATE_NOOP("AdminTables", "Jorong"), lambda j: j.name),)


class CodesTableModel(RecordTableModel[CodeItem]):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("AdminTables", "Kode"), lambda c: c.code),
        (QT_TRANSLATE_NOOP("AdminTables", "Nama"), lambda c: c.name),
        (
            QT_TRANSLATE_NOOP("AdminTables", "Status"),
            lambda c: (
                QCoreApplication.translate("AdminTables", "Aktif")
                if c.is_active
                else QCoreApplication.translate("AdminTables", "Nonaktif")
            ),
        ),
    )

    def is_dimmed(self, row: CodeItem) -> bool:
        return not row.is_active


class HolidaysTableModel(RecordTableModel[HolidayRow]):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("AdminTables", "Tanggal"), lambda h: _day(h.day, "ddd, d MMM yyyy")),
        (QT_TRANSLATE_NOOP("AdminTables", "Keterangan"), lambda h: h.name),
        (QT_TRANSLATE_NOOP("AdminTables", "Jenis"), lambda h: h.kind_label),
    )


class BackupsTableModel(RecordTableModel[BackupInfo]):
    COLUMNS = (
        (QT_TRANSLATE_NOOP("AdminTables", "Berkas"), lambda b: b.name),
        (QT_TRANSLATE_NOOP("AdminTables", "Waktu"), lambda b: _day(b.modified, "d MMM yyyy HH:mm")),
        (QT_TRANSLATE_NOOP("AdminTables", "Ukuran"), lambda b: _size(b.size_bytes)),
        (QT_TRANSLATE_NOOP("AdminTables", "Jenis"), lambda b: b.kind_label),
    )
