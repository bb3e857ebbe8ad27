"""What a records table asks for and may see: the filter, the sort, the actor's scope, as SQL conditions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass
from typing import Any

from peewee import SQL, ColumnBase, Expression, NodeList, Value, fn

from desktop import roles as R
from desktop.models import (
    KK_MASKED,
    NIK_MASKED,
    Nagari,
    ServiceCategory,
    ServiceOutcome,
    ServiceRecord,
    SopCase,
    TargetGroup,
    TeamMember,
    pg_security,
)
from desktop.services.errors import InvalidInput
from desktop.services.nik import mask_nik
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.validation import clean_code, clean_date, clean_int, clean_text, fold

PAGE_SIZE = 200


VIEW_ALL_ROLES = (R.KETUA_PELAKSANA_HARIAN, R.KABID_PEMANFAATAN, R.KABID_PELAYANAN, R.KEPALA_DINAS)


TEAM_ROLES = (R.KETUA_TIM, R.ANGGOTA_TIM)


_NIK_PREFIX = re.compile(r"[0-9]{1,16}", re.ASCII)


NIK_LENGTH = 16


VISIBLE_NIK_DIGITS = 6  # mask_nik shows the region code (6) and the last 4 digits


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


def _sort_columns(scope: RecordScope) -> dict[str, tuple[Any, ...]]:
    # "served_on" follows the recap's covering index (served_on, nagari, category, outcome),
    # so the default order is an index scan on both backends.
    return {
        "served_on": (
            ServiceRecord.served_on,
            ServiceRecord.nagari,
            ServiceRecord.category,
            ServiceRecord.outcome,
        ),
        "nik": (scope.nik,),
        "full_name": (ServiceRecord.full_name,),
        # An empty KK sorts as '' on both backends (NULLs would also break keyset comparisons).
        "kk": (fn.COALESCE(scope.kk, ""),),
        "jorong": (ServiceRecord.jorong,),
        "nagari": (Nagari.name,),
        "category": (ServiceCategory.name,),
        "target_group": (TargetGroup.name,),
        "outcome": (ServiceOutcome.name,),
        "case": (ServiceRecord.case,),
        "recorded": (),
    }


@dataclass(frozen=True)
class RecordSort:
    key: str = "served_on"
    descending: bool = True


@dataclass(frozen=True)
class RecordScope:
    """Which records an actor may read, and whether their NIKs show in full (the one masking rule)."""

    condition: Expression | None  # None: every record
    full_nik: bool

    def shown(self, number: str) -> str:
        """A NIK or KK as this viewer may see it."""
        return number if self.full_nik or not number else mask_nik(number)

    @property
    def nik(self) -> Any:
        """The NIK column this viewer reads: the full one, or the database's masked one (a masking
        role on a secured PostgreSQL database has no privilege on the full column)."""
        return ServiceRecord.nik if self.full_nik else NIK_MASKED

    @property
    def kk(self) -> Any:
        return ServiceRecord.kk if self.full_nik else KK_MASKED


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
    code = clean_code(code, label, field=label.lower())
    row = model.get_or_none(model.code == code)
    if row is None:
        raise InvalidInput(f"{label} '{code}' tidak dikenal.", field=label.lower())
    return row.id


def _conditions(actor: Session, f: RecordFilter) -> tuple[list[ColumnBase], RecordScope]:
    scope = record_scope(actor)
    where: list[ColumnBase] = [] if scope.condition is None else [scope.condition]
    if not isinstance(f, RecordFilter):
        raise InvalidInput("Saringan data pelayanan tidak sah.", field="filter")
    if f.case_id is not None:
        where.append(ServiceRecord.case == clean_int(f.case_id, "Kasus", 1, field="case"))
    if f.nagari_id is not None:
        where.append(ServiceRecord.nagari == clean_int(f.nagari_id, "Nagari", 1, field="nagari"))
    if f.category:
        where.append(ServiceRecord.category == _code_id(ServiceCategory, f.category, "Kategori"))
    if f.target_group:
        where.append(ServiceRecord.target_group == _code_id(TargetGroup, f.target_group, "Sasaran"))
    if f.outcome:
        where.append(ServiceRecord.outcome == _code_id(ServiceOutcome, f.outcome, "Hasil"))
    if f.served_from is not None:
        where.append(
            ServiceRecord.served_on >= clean_date(f.served_from, "Tanggal awal", field="served_from")
        )
    if f.served_to is not None:
        where.append(ServiceRecord.served_on <= clean_date(f.served_to, "Tanggal akhir", field="served_to"))
    if not isinstance(f.text, str):
        raise InvalidInput("Kata kunci harus teks.", field="text")
    text = clean_text(f.text, "Kata kunci", 100, field="text", required=False)
    if _NIK_PREFIX.fullmatch(text):
        where.append(nik_condition(scope, text, field="text"))
    elif text:  # folded on both sides: "ZOË MÜLLER" finds "Zoë Müller" on SQLite and PostgreSQL alike
        where.append(name_contains(text))
    return where, scope


def name_contains(text: str) -> NodeList:
    """The records whose folded name contains the folded text: LIKE, not ILIKE (peewee's
    contains()), since both sides are folded already; PostgreSQL's LIKE is the cheaper scan.
    The user's % _ and backslash are matched as themselves."""
    pattern = fold(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    escaped = NodeList((Value(f"%{pattern}%", converter=False), SQL("ESCAPE"), Value("\\", converter=False)))
    # SQL's own LIKE on both backends (peewee writes OP.LIKE as GLOB on SQLite).
    return NodeList((ServiceRecord.name_fold, SQL("LIKE"), escaped))


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
        if not scope.full_nik and pg_security.state() is not None:
            # The whole NIK, without reading the column: the server's function gives the ids.
            return ServiceRecord.id.in_(SQL("(SELECT dd_records_with_nik(%s))", [digits]))
        return ServiceRecord.nik == digits
    # A range instead of LIKE 'x%': it uses the NIK index on both backends; the masked column keeps
    # the first 6 digits, and has its own index. The upper bound is the next prefix of digits
    # ("130210" -> "130211", "1399" -> "14"), not the prefix and a character after '9': a
    # database in a linguistic collation (ICU, en_US.UTF-8) sorts punctuation before digits.
    column = scope.nik
    after = next_prefix(digits)
    return (column >= digits) & (column < after) if after else column >= digits


def next_prefix(digits: str) -> str:
    """The smallest digit string above every string that starts with `digits` ('' when none is)."""
    head = digits.rstrip("9")
    return head[:-1] + str(int(head[-1]) + 1) if head else ""


def _order(sort: RecordSort, scope: RecordScope) -> tuple[list, list[Any]]:
    if not isinstance(sort, RecordSort) or not isinstance(sort.key, str):
        raise InvalidInput("Urutan tidak sah.", field="sort")
    columns = _sort_columns(scope).get(sort.key)
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


def _where(query, conditions: list[ColumnBase]):
    for condition in conditions:
        query = query.where(condition)
    return query
