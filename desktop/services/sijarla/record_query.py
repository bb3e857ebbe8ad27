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
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, cast

from peewee import JOIN, SQL, Expression, PostgresqlDatabase, Tuple, fn

from desktop import roles as R
from desktop.models import (
    Jorong,
    Kecamatan,
    Nagari,
    PreparationCheck,
    ServiceCategory,
    ServiceOutcome,
    ServiceRecord,
    SopCase,
    TargetGroup,
    Team,
    TeamMember,
    User,
    db,
)
from desktop.services.errors import InvalidInput, NotFound, PermissionDenied
from desktop.services.nik import mask_nik
from desktop.services.security import audit
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.sijarla.service_records import RecordDraft
from desktop.services.sop.workflow import builtin_sops, get_case
from desktop.services.validation import clean_text

log = logging.getLogger(__name__)
PAGE_SIZE = 200
VIEW_ALL_ROLES = (R.KETUA_PELAKSANA_HARIAN, R.KABID_PEMANFAATAN, R.KABID_PELAYANAN, R.KEPALA_DINAS)
TEAM_ROLES = (R.KETUA_TIM, R.ANGGOTA_TIM)
_NIK_PREFIX = re.compile(r"[0-9]{1,16}", re.ASCII)
NIK_LENGTH = 16
VISIBLE_NIK_DIGITS = 6  # mask_nik shows the region code (6) and the last 4 digits


# --- What the caller asks for -------------------------------------------------------------------


@dataclass(frozen=True)
class RecordFilter:
    """Which records: every field optional; codes for the pick lists, text for a name or NIK."""

    case_id: int | None = None
    nagari_id: int | None = None
    category: str = ""
    target_group: str = ""
    outcome: str = ""
    served_from: dt.date | None = None
    served_to: dt.date | None = None
    text: str = ""  # part of a name, or the first digits of a NIK

    def described(self) -> dict[str, Any]:
        """The non-empty parts, for the audit log."""
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}


def _sort_columns() -> dict[str, tuple[Any, ...]]:
    # "served_on" follows the recap's covering index (served_on, nagari, category, outcome),
    # so the default order is an index scan on both backends.
    return {
        "served_on": (
            ServiceRecord.served_on,
            ServiceRecord.nagari,
            ServiceRecord.category,
            ServiceRecord.outcome,
        ),
        "nik": (ServiceRecord.nik,),
        "full_name": (ServiceRecord.full_name,),
        # An empty KK sorts as '' on both backends (NULLs would also break keyset comparisons).
        "kk": (fn.COALESCE(ServiceRecord.kk, ""),),
        "jorong": (ServiceRecord.jorong,),
        "nagari": (Nagari.name,),
        "category": (ServiceCategory.name,),
        "target_group": (TargetGroup.name,),
        "outcome": (ServiceOutcome.name,),
        "case": (ServiceRecord.case,),
        "recorded": (),
    }


SORT_KEYS: tuple[str, ...] = tuple(_sort_columns())


@dataclass(frozen=True)
class RecordSort:
    key: str = "served_on"
    descending: bool = True


# --- What comes back -------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordListRow:
    """One line of a records table (NIK and KK masked for viewers outside the team)."""

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


@dataclass(frozen=True)
class RecordScope:
    """Which records an actor may read, and whether their NIKs show in full (the one masking rule)."""

    condition: Expression | None  # None: every record
    full_nik: bool

    def shown(self, number: str) -> str:
        """A NIK or KK as this viewer may see it."""
        return number if self.full_nik or not number else mask_nik(number)


def record_scope(actor: Session) -> RecordScope:
    """Everything for the Kabid, Kepala Dinas and KPH (NIKs masked), a team's own cases in full."""
    if actor.has_role(*VIEW_ALL_ROLES):
        return RecordScope(None, full_nik=False)
    require_role(actor, *TEAM_ROLES, *VIEW_ALL_ROLES)
    cases = SopCase.select(SopCase.id).where(SopCase.team.in_(_team_ids(actor) or [0]))
    return RecordScope(ServiceRecord.case.in_(cases), full_nik=True)


def _team_ids(actor: Session) -> list[int]:
    return [m.team_id for m in TeamMember.select(TeamMember.team).where(TeamMember.user == actor.user_id)]


def _code_id(model, code: str, label: str) -> int:
    row = model.get_or_none(model.code == code)
    if row is None:
        raise InvalidInput(f"{label} '{code}' tidak dikenal.", field=label.lower())
    return row.id


def _conditions(actor: Session, f: RecordFilter) -> tuple[list[Expression], RecordScope]:
    scope = record_scope(actor)
    where: list[Expression] = [] if scope.condition is None else [scope.condition]
    if f.case_id is not None:
        where.append(ServiceRecord.case == f.case_id)
    if f.nagari_id is not None:
        where.append(ServiceRecord.nagari == f.nagari_id)
    if f.category:
        where.append(ServiceRecord.category == _code_id(ServiceCategory, f.category, "Kategori"))
    if f.target_group:
        where.append(ServiceRecord.target_group == _code_id(TargetGroup, f.target_group, "Sasaran"))
    if f.outcome:
        where.append(ServiceRecord.outcome == _code_id(ServiceOutcome, f.outcome, "Hasil"))
    if f.served_from is not None:
        where.append(ServiceRecord.served_on >= f.served_from)
    if f.served_to is not None:
        where.append(ServiceRecord.served_on <= f.served_to)
    text = clean_text(f.text, "Kata kunci", 100, field="text", required=False)
    if _NIK_PREFIX.fullmatch(text):
        where.append(nik_condition(scope, text, field="text"))
    elif text:
        where.append(ServiceRecord.full_name.contains(text))
    return where, scope


def nik_condition(scope: RecordScope, digits: str, field: str) -> Expression:
    """The records whose NIK starts with `digits`, as far as `scope` may ask.

    A viewer who sees NIKs masked (130210******0002) could recover the hidden digits by searching
    ever longer prefixes and watching which names stay. So they search by the digits they can see
    (up to the 6-digit region code) or by the whole 16-digit NIK, never by a prefix in between.
    """
    if not scope.full_nik and VISIBLE_NIK_DIGITS < len(digits) < NIK_LENGTH:
        raise InvalidInput(
            "NIK tampil tersamar untuk peran Anda: cari dengan 16 digit NIK lengkap, "
            f"dengan {VISIBLE_NIK_DIGITS} digit kode wilayah, atau dengan nama.",
            field=field,
        )
    if len(digits) == NIK_LENGTH:
        return ServiceRecord.nik == digits
    # A range instead of LIKE 'x%': it uses the NIK index on both backends (':' follows '9').
    return (ServiceRecord.nik >= digits) & (ServiceRecord.nik < digits + ":")


def _order(sort: RecordSort) -> tuple[list, list[Any]]:
    columns = _sort_columns().get(sort.key)
    if columns is None:
        raise InvalidInput(f"Urutan '{sort.key}' tidak dikenal.", field="sort")
    keys = [*columns, ServiceRecord.id]
    return [k.desc() if sort.descending else k.asc() for k in keys], keys


def _joined(query, sort: RecordSort):
    """Join only the reference table the sort needs (filters use ids, not names)."""
    joins = {
        "nagari": Nagari,
        "category": ServiceCategory,
        "target_group": TargetGroup,
        "outcome": ServiceOutcome,
    }
    model = joins.get(sort.key)
    return query.join_from(ServiceRecord, model) if model is not None else query


def _where(query, conditions: list[Expression]):
    for condition in conditions:
        query = query.where(condition)
    return query


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
    conditions, _scope_ = _conditions(actor, f)
    order, _keys = _order(sort)
    query = _where(_joined(ServiceRecord.select(ServiceRecord.id), sort), conditions).order_by(*order)
    ids = _fetch_ids(query)
    with db.atomic():
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


# The columns of a RecordListRow, in its field order after `id` (NIK and KK masked afterwards).
def _row_columns() -> tuple:
    return (
        ServiceRecord.id,
        ServiceRecord.case,
        SopCase.reference,
        ServiceRecord.nik,
        ServiceRecord.full_name,
        ServiceRecord.kk,
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


def _row_query():
    """The row query; read with _fetch (no model objects: a page is 200 rows, read on every scroll)."""
    return (
        ServiceRecord.select(*_row_columns())
        .join_from(ServiceRecord, SopCase)
        .join_from(ServiceRecord, Nagari)
        .join_from(Nagari, Kecamatan)
        .join_from(ServiceRecord, ServiceCategory)
        .join_from(ServiceRecord, TargetGroup)
        .join_from(ServiceRecord, ServiceOutcome)
    )


_WIDTH = len(RecordListRow.__dataclass_fields__)


def _fetch(query) -> list[tuple]:
    """The query's rows straight from the driver cursor (peewee's per-value conversion skipped)."""
    sql, params = query.sql()
    return db.execute_sql(sql, params).fetchall()


def _list_row(values: tuple, scope: RecordScope) -> RecordListRow:
    record_id, case_id, reference, nik, name, kk, address, jorong = values[:8]
    nagari, kecamatan, category, group, outcome, reason, served, version = values[8:_WIDTH]
    if isinstance(served, str):  # SQLite hands dates back as ISO text
        served = dt.date.fromisoformat(served)
    nik, kk = scope.shown(nik), scope.shown(kk or "")
    return RecordListRow(
        record_id,
        case_id,
        reference,
        nik,
        name,
        kk,
        address,
        jorong,
        nagari,
        kecamatan,
        category,
        group,
        outcome,
        reason,
        served,
        version,
    )


def rows_by_id(actor: Session, ids: Sequence[int]) -> list[RecordListRow]:
    """The records with these ids, in the order given (ids the actor may not see are left out)."""
    if len(ids) > 5 * PAGE_SIZE:
        raise InvalidInput(f"Paling banyak {5 * PAGE_SIZE} baris per permintaan.", field="ids")
    if not ids:
        return []
    return _rows(record_scope(actor), list(ids))


def _rows(scope: RecordScope, ids: list[int]) -> list[RecordListRow]:
    if not ids:
        return []
    sql, params = _rows_sql(len(ids), scope)
    # Placeholders -1..-n stand for the ids (real ids and team ids are positive).
    values = [ids[p + len(ids)] if isinstance(p, int) and -len(ids) <= p < 0 else p for p in params]
    found = {row[0]: _list_row(row, scope) for row in db.execute_sql(sql, values).fetchall()}
    return [found[i] for i in ids if i in found]


_SQL_CACHE: dict[tuple, tuple[str, list]] = {}


def _rows_sql(count: int, scope: RecordScope) -> tuple[str, list]:
    """The page query's SQL for `count` ids, built once per size and scope (building it costs
    more than running it); the ids are stand-ins -count..-1, replaced by the caller."""
    condition_sql = None
    if scope.condition is not None:
        condition_sql = tuple(ServiceRecord.select().where(scope.condition).sql()[1])
    key = (id(db.obj), count, condition_sql)
    if key not in _SQL_CACHE:
        query = _row_query().where(ServiceRecord.id.in_(list(range(-count, 0))))
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
    if not 1 <= limit <= 5 * PAGE_SIZE or offset < 0:
        raise InvalidInput("Ukuran halaman tidak sah.", field="limit")
    conditions, scope = _conditions(actor, f)
    order, keys = _order(sort)
    # Two steps, as the table does: the page's sort keys and ids from service_record alone (its
    # indexes serve the order), then the rows by id. One joined query let SQLite's planner sort
    # every row of the table before the LIMIT.
    query = _where(_joined(ServiceRecord.select(*keys), sort), conditions)
    if after is not None:
        if len(after) != len(keys):
            raise InvalidInput("Penanda halaman tidak cocok dengan urutan.", field="after")
        compare = Tuple(*keys) < Tuple(*after) if sort.descending else Tuple(*keys) > Tuple(*after)
        query = query.where(compare)
    elif offset:
        query = query.offset(offset)
    found = _fetch(query.order_by(*order).limit(limit + 1))
    more = len(found) > limit
    found = found[:limit]
    rows = _rows(scope, [values[-1] for values in found])
    with db.atomic():
        audit.record(actor, "pelayanan_dibaca", "service_record", None, saring=f.described(), baris=len(rows))
    return RecordPage(rows, tuple(found[-1]) if more and found else None)


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


@dataclass(frozen=True)
class TeamCase:
    """A case as the SIJARLA team works on it."""

    id: int
    reference: str
    title: str
    current_step: str
    step_name: str
    status: str
    version: int
    nagari_id: int | None
    nagari: str
    team: str
    due_on: dt.date | None
    record_count: int
    is_leader: bool  # the acting user leads the case's team


@dataclass(frozen=True)
class PreparationItem:
    item: str
    label: str
    is_done: bool
    checked_by: str
    checked_at: dt.datetime | None
    note: str
    version: int


@dataclass(frozen=True)
class CategoryTotal:
    category: str
    total: int
    served: int


def _require_case_team(actor: Session, case_id: int) -> TeamMember:
    require_role(actor, *TEAM_ROLES)
    case = get_case(case_id)
    link = TeamMember.get_or_none((TeamMember.team == case.team_id) & (TeamMember.user == actor.user_id))
    if link is None:
        raise PermissionDenied(f"Kasus {case.reference} bukan tugas tim Anda.")
    return link


def team_case(actor: Session, case_id: int) -> TeamCase:
    """The case, its step and how many people are recorded, for a member of its team."""
    link = _require_case_team(actor, case_id)
    case = (
        SopCase.select(SopCase, Nagari, Team)
        .join_from(SopCase, Nagari, JOIN.LEFT_OUTER)
        .join_from(SopCase, Team, JOIN.LEFT_OUTER)
        .where(SopCase.id == case_id)
        .get()
    )
    steps = {s.code: s.name for d in builtin_sops().values() for s in d.steps}
    records = ServiceRecord.select().where(ServiceRecord.case == case.id).count()
    return TeamCase(
        id=case.id,
        reference=case.reference,
        title=case.title,
        current_step=case.current_step,
        step_name=steps.get(case.current_step, case.current_step),
        status=case.status,
        version=case.version,
        nagari_id=case.nagari_id,
        nagari=case.nagari.name if case.nagari_id else "",
        team=case.team.name if case.team_id else "",
        due_on=case.due_on,
        record_count=records,
        is_leader=bool(link.is_leader),
    )


def preparation_checklist(actor: Session, case_id: int) -> list[PreparationItem]:
    """The case's preparation items with who ticked them, when, and their note."""
    _require_case_team(actor, case_id)
    rows = (
        PreparationCheck.select(PreparationCheck, User)
        .join(User, JOIN.LEFT_OUTER, on=(PreparationCheck.checked_by == User.id))
        .where(PreparationCheck.case == case_id)
        .order_by(PreparationCheck.id)
    )
    return [
        PreparationItem(
            r.item,
            r.label,
            bool(r.is_done),
            r.checked_by.full_name if r.checked_by_id else "",
            r.checked_at,
            r.note,
            r.version,
        )
        for r in rows
    ]


def category_totals(actor: Session, case_id: int) -> list[CategoryTotal]:
    """People recorded in a case by service category, and how many of them were served."""
    _require_case_team(actor, case_id)
    served = fn.SUM(ServiceOutcome.counts_as_served.cast("integer"))
    query = (
        ServiceRecord.select(ServiceCategory.name, fn.COUNT(ServiceRecord.id), served)
        .join_from(ServiceRecord, ServiceCategory)
        .join_from(ServiceRecord, ServiceOutcome)
        .where(ServiceRecord.case == case_id)
        .group_by(ServiceCategory.name, ServiceCategory.sort_order)
        .order_by(ServiceCategory.sort_order)
        .tuples()
    )
    rows = cast(Iterable[tuple], query)
    return [CategoryTotal(name, int(total), int(done or 0)) for name, total, done in rows]


# --- Pick lists for the entry row and the filter bar ------------------------------------------------


@dataclass(frozen=True)
class Choice:
    code: str
    name: str
    needs_reason: bool = False


@dataclass(frozen=True)
class NagariChoice:
    id: int
    name: str
    kecamatan: str
    code: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.kecamatan})"


@dataclass(frozen=True)
class RecordChoices:
    nagari: tuple[NagariChoice, ...]
    categories: tuple[Choice, ...]
    target_groups: tuple[Choice, ...]
    outcomes: tuple[Choice, ...]


def choices() -> RecordChoices:
    """The active nagari, categories, target groups and outcomes, in their display order."""
    nagari = (
        Nagari.select(Nagari.id, Nagari.name, Nagari.code, Kecamatan.name)
        .join(Kecamatan)
        .where(Nagari.is_active)
        .order_by(Nagari.name, Nagari.code)
    )

    def codes(model) -> tuple[Choice, ...]:
        rows = model.select().where(model.is_active).order_by(model.sort_order, model.name)
        return tuple(Choice(r.code, r.name, bool(getattr(r, "needs_reason", False))) for r in rows)

    return RecordChoices(
        tuple(NagariChoice(n.id, n.name, n.kecamatan.name, n.code) for n in nagari),
        codes(ServiceCategory),
        codes(TargetGroup),
        codes(ServiceOutcome),
    )


def jorong_names(nagari_id: int, limit: int = 200) -> list[str]:
    """Jorong of a nagari for completion: the reference list and those already typed in records."""
    known = {j.name for j in Jorong.select(Jorong.name).where(Jorong.nagari == nagari_id)}
    typed = (
        ServiceRecord.select(ServiceRecord.jorong)
        .where((ServiceRecord.nagari == nagari_id) & (ServiceRecord.jorong != ""))
        .distinct()
        .order_by(SQL("1"))
        .limit(limit)
    )
    known.update(r.jorong for r in typed)
    return sorted(known, key=str.casefold)[:limit]
