"""Reading service records for big tables: counts, sorted id lists, rows by id, keyset pages.

A table of a million records must open as fast as one of a hundred. The UI asks once per
sort and filter for the sorted list of ids (an ``array('q')``, 8 bytes a row), then fetches
only the rows it shows, about 200 at a time, by id. Sorting and filtering happen in SQL;
user text only ever reaches it as a bound parameter. Who may see what is decided here:
the Ketua Pelaksana Harian, the two Kabid and the Kepala Dinas see every record, a SIJARLA
team sees its own cases. Reading people's data is written to the audit log once per query,
not once per scrolled page. Viewers outside the team see NIKs masked.

The module also holds the small reads the team's workspace needs (the case, its
preparation checklist, the pick lists for the entry row, totals by category).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from peewee import SQL, AutoField, DateField, ForeignKeyField, IntegerField, PostgresqlDatabase, Tuple, fn

from desktop.models import (
    Kecamatan,
    Nagari,
    ServiceCategory,
    ServiceOutcome,
    ServiceRecord,
    SopCase,
    TargetGroup,
    db,
)
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.security import audit
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.sijarla.record_choices import Choice as Choice
from desktop.services.sijarla.record_choices import NagariChoice as NagariChoice
from desktop.services.sijarla.record_choices import RecordChoices as RecordChoices
from desktop.services.sijarla.record_choices import choices as choices
from desktop.services.sijarla.record_choices import jorong_names as jorong_names
from desktop.services.sijarla.record_filter import NIK_LENGTH as NIK_LENGTH
from desktop.services.sijarla.record_filter import PAGE_SIZE as PAGE_SIZE
from desktop.services.sijarla.record_filter import TEAM_ROLES as TEAM_ROLES
from desktop.services.sijarla.record_filter import VIEW_ALL_ROLES as VIEW_ALL_ROLES
from desktop.services.sijarla.record_filter import VISIBLE_NIK_DIGITS as VISIBLE_NIK_DIGITS
from desktop.services.sijarla.record_filter import RecordFilter as RecordFilter
from desktop.services.sijarla.record_filter import RecordScope as RecordScope
from desktop.services.sijarla.record_filter import RecordSort as RecordSort
from desktop.services.sijarla.record_filter import _conditions, _joined, _order, _sort_columns, _where
from desktop.services.sijarla.record_filter import nik_condition as nik_condition
from desktop.services.sijarla.record_filter import record_scope as record_scope
from desktop.services.sijarla.service_records import RecordDraft
from desktop.services.sijarla.team_workspace import CategoryTotal as CategoryTotal
from desktop.services.sijarla.team_workspace import PreparationItem as PreparationItem
from desktop.services.sijarla.team_workspace import TeamCase as TeamCase
from desktop.services.sijarla.team_workspace import _require_case_team
from desktop.services.sijarla.team_workspace import category_totals as category_totals
from desktop.services.sijarla.team_workspace import preparation_checklist as preparation_checklist
from desktop.services.sijarla.team_workspace import team_case as team_case
from desktop.services.validation import clean_int

log = logging.getLogger(__name__)


# --- What the caller asks for -------------------------------------------------------------------


SORT_KEYS: tuple[str, ...] = tuple(_sort_columns(RecordScope(None, full_nik=True)))


# --- What comes back -------------------------------------------------------------------------


class RecordListRow(NamedTuple):
    """One line of a records table (NIK and KK masked for viewers outside the team). A named
    tuple: a page builds 200 of them per scroll, at a tuple's cost."""

    id: int
    case_id: int
    case_reference: str
    nik: str
    full_name: str
    kk: str
    address: str
    jorong: str
    nagari: str
    kecamatan: str
    category: str
    target_group: str
    outcome: str
    outcome_reason: str
    served_on: dt.date
    version: int


@dataclass(frozen=True)
class RecordPage:
    rows: list[RecordListRow]
    next_after: tuple | None  # pass as `after` for the following page; None on the last page


@dataclass(frozen=True)
class EditableRecord:
    id: int
    case_id: int
    version: int
    draft: RecordDraft


# --- Scope, filter and order ----------------------------------------------------------------------


# --- The reads -------------------------------------------------------------------------------------


def count(actor: Session, f: RecordFilter = RecordFilter()) -> int:  # noqa: B008 - frozen dataclass
    """How many records the actor may see that match the filter."""
    conditions, _scope_ = _conditions(actor, f)
    # COUNT(*), not COUNT(id): both backends may then count the smallest index instead of the table.
    return _where(ServiceRecord.select(fn.COUNT(SQL("*"))), conditions).scalar() or 0


def sorted_ids(
    actor: Session,
    f: RecordFilter = RecordFilter(),  # noqa: B008 - frozen dataclass
    sort: RecordSort = RecordSort(),  # noqa: B008 - frozen dataclass
) -> array:
    """The ids of every matching record in display order, fetched in one query (logged)."""
    conditions, scope = _conditions(actor, f)
    order, _keys = _order(sort, scope)
    query = _where(_joined(ServiceRecord.select(ServiceRecord.id), sort), conditions).order_by(*order)
    ids = _fetch_ids(query)
    with audit.read_transaction():
        audit.record(
            actor,
            "pelayanan_dibaca",
            "service_record",
            None,
            saring=f.described(),
            urut=sort.key,
            baris=len(ids),
        )
    return ids


# The columns of a RecordListRow, in its field order after `id` (NIK and KK as the scope reads them).
def _row_columns(scope: RecordScope) -> tuple:
    return (
        ServiceRecord.id,
        ServiceRecord.case,
        SopCase.reference,
        scope.nik,
        ServiceRecord.full_name,
        scope.kk,
        ServiceRecord.address,
        ServiceRecord.jorong,
        Nagari.name,
        Kecamatan.name,
        ServiceCategory.name,
        TargetGroup.name,
        ServiceOutcome.name,
        ServiceRecord.outcome_reason,
        ServiceRecord.served_on,
        ServiceRecord.version,
    )


def _fetch_ids(query) -> array:
    """The first column of every row as an array('q'); on PostgreSQL through COPY, whose text
    output costs no Python tuple per row (a million ids: about half the time of fetchall)."""
    if isinstance(db.obj, PostgresqlDatabase):
        try:
            return _copy_ids(query)
        except Exception:  # noqa: BLE001 - the ordinary path below has the connection's recovery
            log.warning("COPY of the id list failed; reading it row by row", exc_info=True)
    cursor = db.execute(query)
    ids = array("q")
    while batch := cursor.fetchmany(50_000):
        ids.extend(row[0] for row in batch)
    return ids


def _copy_ids(query) -> array:
    sql, params = query.sql()
    buffer = io.StringIO()
    with db.connection().cursor() as cursor:
        # mogrify quotes the values exactly as execute() would (psycopg2 binds on the client).
        statement = cursor.mogrify(sql, params).decode()
        cursor.copy_expert(f"COPY ({statement}) TO STDOUT", buffer)
    return array("q", map(int, buffer.getvalue().split()))


def _row_query(scope: RecordScope):
    """The row query; read with _fetch (no model objects: a page is 200 rows, read on every scroll)."""
    return (
        ServiceRecord.select(*_row_columns(scope))
        .join_from(ServiceRecord, SopCase)
        .join_from(ServiceRecord, Nagari)
        .join_from(Nagari, Kecamatan)
        .join_from(ServiceRecord, ServiceCategory)
        .join_from(ServiceRecord, TargetGroup)
        .join_from(ServiceRecord, ServiceOutcome)
    )


_WIDTH = len(RecordListRow._fields)


def _fetch(query) -> list[tuple]:
    """The query's rows straight from the driver cursor (peewee's per-value conversion skipped)."""
    sql, params = query.sql()
    return db.execute_sql(sql, params).fetchall()


def _list_row(values: tuple) -> RecordListRow:
    # NIK and KK come as the scope reads them (masked by the database for masking roles).
    served = values[14]
    if isinstance(served, str):  # SQLite hands dates back as ISO text
        served = dt.date.fromisoformat(served)
    return RecordListRow._make((*values[:5], values[5] or "", *values[6:14], served, values[15]))


def rows_by_id(actor: Session, ids: Sequence[int]) -> list[RecordListRow]:
    """The records with these ids, in the order given (ids the actor may not see are left out)."""
    if not isinstance(ids, (list, tuple, array)) or len(ids) > 5 * PAGE_SIZE:
        raise InvalidInput(f"Paling banyak {5 * PAGE_SIZE} baris per permintaan.", field="ids")
    checked = [clean_int(i, "Nomor baris", 1, field="ids") for i in ids]
    if not checked:
        return []
    return _rows(record_scope(actor), checked)


def _rows(scope: RecordScope, ids: list[int]) -> list[RecordListRow]:
    if not ids:
        return []
    sql, params = _rows_sql(len(ids), scope)
    # Placeholders -1..-n stand for the ids (real ids and team ids are positive).
    values = [ids[p + len(ids)] if isinstance(p, int) and -len(ids) <= p < 0 else p for p in params]
    found = {row[0]: _list_row(row) for row in db.execute_sql(sql, values).fetchall()}
    return [found[i] for i in ids if i in found]


_SQL_CACHE: dict[tuple, tuple[str, list]] = {}


def _rows_sql(count: int, scope: RecordScope) -> tuple[str, list]:
    """The page query's SQL for `count` ids, built once per size and scope (building it costs
    more than running it); the ids are stand-ins -count..-1, replaced by the caller."""
    condition_sql = None
    if scope.condition is not None:
        condition_sql = tuple(ServiceRecord.select(ServiceRecord.id).where(scope.condition).sql()[1])
    key = (id(db.obj), count, condition_sql, scope.full_nik)
    if key not in _SQL_CACHE:
        query = _row_query(scope).where(ServiceRecord.id.in_(list(range(-count, 0))))
        if scope.condition is not None:
            query = query.where(scope.condition)
        if len(_SQL_CACHE) > 64:
            _SQL_CACHE.clear()
        sql, params = query.sql()
        _SQL_CACHE[key] = (sql, list(params))
    return _SQL_CACHE[key]


def page(
    actor: Session,
    f: RecordFilter = RecordFilter(),  # noqa: B008 - frozen dataclass
    sort: RecordSort = RecordSort(),  # noqa: B008 - frozen dataclass
    *,
    offset: int = 0,
    after: tuple | None = None,
    limit: int = PAGE_SIZE,
) -> RecordPage:
    """One page of rows: by keyset (`after`, from the previous page) or by offset (logged)."""
    clean_int(limit, "Ukuran halaman", 1, 5 * PAGE_SIZE, field="limit")
    clean_int(offset, "Posisi halaman", 0, field="offset")
    conditions, scope = _conditions(actor, f)
    order, keys = _order(sort, scope)
    # Two steps, as the table does: the page's sort keys and ids from service_record alone (its
    # indexes serve the order), then the rows by id. One joined query let SQLite's planner sort
    # every row of the table before the LIMIT.
    query = _where(_joined(ServiceRecord.select(*keys), sort), conditions)
    if after is not None:
        after = _checked_marker(after, keys)
        compare = Tuple(*keys) < Tuple(*after) if sort.descending else Tuple(*keys) > Tuple(*after)
        query = query.where(compare)
    elif offset:
        query = query.offset(offset)
    found = _fetch(query.order_by(*order).limit(limit + 1))
    more = len(found) > limit
    found = found[:limit]
    rows = _rows(scope, [values[-1] for values in found])
    with audit.read_transaction():
        audit.record(actor, "pelayanan_dibaca", "service_record", None, saring=f.described(), baris=len(rows))
    return RecordPage(rows, tuple(found[-1]) if more and found else None)


def _checked_marker(after: object, keys: list[Any]) -> tuple:
    """A page marker as `page` handed it out: one value per sort key, of that key's type.

    Anything else (another length, text where a date belongs, NUL, a number beyond 64 bits) is the
    same InvalidInput on both backends, never a driver error.
    """
    wrong = InvalidInput("Penanda halaman tidak cocok dengan urutan; muat ulang daftar.", field="after")
    if not isinstance(after, (tuple, list)) or len(after) != len(keys):
        raise wrong
    values = []
    for key, value in zip(keys, after, strict=True):
        if isinstance(key, DateField):
            if isinstance(value, str):  # SQLite hands dates back as ISO text
                try:
                    value = dt.date.fromisoformat(value)
                except ValueError:
                    raise wrong from None
            ok = isinstance(value, dt.date) and not isinstance(value, dt.datetime)
        elif isinstance(key, (IntegerField, ForeignKeyField, AutoField)):
            ok = isinstance(value, int) and not isinstance(value, bool) and abs(value) < 1 << 63
        else:
            ok = isinstance(value, str) and len(value) <= 500
            ok = ok and not any(unicodedata.category(ch) in ("Cc", "Cs") for ch in value)
        if not ok:
            raise wrong
        values.append(value)
    return tuple(values)


def record_for_edit(actor: Session, record_id: int) -> EditableRecord:
    """A record as its form shows it, with its version, for a team member to correct (logged)."""
    require_role(actor, *TEAM_ROLES)
    row = (
        ServiceRecord.select(ServiceRecord, ServiceCategory, TargetGroup, ServiceOutcome)
        .join_from(ServiceRecord, ServiceCategory)
        .join_from(ServiceRecord, TargetGroup)
        .join_from(ServiceRecord, ServiceOutcome)
        .where(ServiceRecord.id == record_id)
        .first()
    )
    if row is None:
        raise NotFound("Data pelayanan tidak ditemukan; mungkin sudah dihapus.")
    _require_case_team(actor, row.case_id)
    with db.atomic():
        audit.record(actor, "pelayanan_dibaca", "service_record", row.id)
    draft = RecordDraft(
        nik=row.nik,
        full_name=row.full_name,
        nagari_id=row.nagari_id,
        category=row.category.code,
        target_group=row.target_group.code,
        outcome=row.outcome.code,
        served_on=row.served_on,
        kk=row.kk or "",
        address=row.address,
        jorong=row.jorong,
        outcome_reason=row.outcome_reason,
        note=row.note,
    )
    return EditableRecord(row.id, row.case_id, row.version, draft)


# --- The team's workspace ------------------------------------------------------------------------


# --- Pick lists for the entry row and the filter bar ------------------------------------------------
