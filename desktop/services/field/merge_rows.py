"""Reading a returned package's rows, and merging the case's checklist and report draft.

Records are merged in services/field/merge; here: the package's records and audit lines as the
merge reads them, and the other rows a team edits in the field (the preparation checklist and
the report's draft), taken when the office left them as they were.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any, cast

from desktop.models import PreparationCheck, Report, SopCase
from desktop.models.base import now
from desktop.services.session import Session

# What a record says (its content), as the package and the office both store it.
RECORD_CONTENT = (
    "nik",
    "full_name",
    "kk",
    "address",
    "jorong",
    "nagari_id",
    "category_id",
    "target_group_id",
    "outcome_id",
    "outcome_reason",
    "note",
    "served_on",
)
_RECORD_COLUMNS = ("id", "version", "field_uid", "field_origin", "recorded_at", *RECORD_CONTENT)


def tuples(query: Any) -> list[tuple]:
    """A peewee query's rows as tuples (peewee's own stubs do not say so)."""
    return list(cast(Iterable[tuple], query.tuples()))


def code_map(model: Any, column: str = "code") -> dict[int, str]:
    """id -> code (or another column) of a small reference table."""
    return {row_id: value for row_id, value in tuples(model.select(model.id, getattr(model, column)))}


def reference_codes() -> dict[str, dict[int, str]]:
    """id -> code of the lists a record names, as the office's rules take them."""
    from desktop.models import ServiceCategory, ServiceOutcome, TargetGroup

    return {
        "category_id": code_map(ServiceCategory),
        "target_group_id": code_map(TargetGroup),
        "outcome_id": code_map(ServiceOutcome),
    }


def rule_arguments(lookups: Any, codes: dict[str, dict[int, str]], record: dict) -> tuple:
    """A field record (ids, a date) as record_rules._checked and _checked_together take it: codes
    for the lists (an id the office no longer has as "#id", refused by the rules)."""

    def code(column: str) -> str:
        return codes[column].get(record[column], f"#{record[column]}")

    return (
        lookups, record["nik"], record["full_name"], record["nagari_id"],
        code("category_id"), code("target_group_id"), code("outcome_id"), record["served_on"],
        record.get("kk") or "", record.get("address") or "", record.get("jorong") or "",
        record.get("outcome_reason") or "", record.get("note") or "",
    )  # fmt: skip


def _date(value: object) -> object:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _datetime(value: object) -> object:
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


def package_records(conn: sqlite3.Connection) -> list[dict]:
    """The package's records, oldest first, dates as dates."""
    columns = ", ".join(f'"{c}"' for c in _RECORD_COLUMNS)
    rows = []
    for values in conn.execute(f"SELECT {columns} FROM service_record ORDER BY id"):
        row = dict(zip(_RECORD_COLUMNS, values, strict=True))
        row["served_on"] = _date(row["served_on"])
        row["recorded_at"] = _datetime(row["recorded_at"])
        row["field_origin"] = row["field_origin"] or ""
        rows.append(row)
    return rows


_AUDIT_COLUMNS = ("id", "at", "username", "action", "entity", "entity_id", "detail", "workstation")


def audit_rows(conn: sqlite3.Connection, after: int) -> list[dict]:
    """The package's audit lines after line `after`, in order."""
    lines = []
    query = (
        "SELECT id, at, username, action, entity, entity_id, detail, workstation FROM audit_log "
        "WHERE id > ? ORDER BY id"
    )
    for values in conn.execute(query, (after,)):
        line = dict(zip(_AUDIT_COLUMNS, values, strict=True))
        try:
            detail = json.loads(line["detail"]) if line["detail"] else {}
        except ValueError:
            detail = {"teks": line["detail"]}
        line["detail"] = detail if isinstance(detail, dict) else {"nilai": detail}
        lines.append(line)
    return lines


# The other rows a team edits in the field: the model, its content, and how a row is known when
# the field made it (a report drafted in the field: the case has one report).
OTHER_ROWS = {
    "preparation_check": (PreparationCheck, ("is_done", "checked_by_id", "checked_at", "note"), ("item",)),
    "report": (Report, ("introduction", "activities", "conclusion", "closing"), ()),
}

Conflict = Callable[[str, str, str, dict, "int | None", str], None]


class OtherRows:
    """Merge the checklist and the report draft: the field's version where the office did not
    change the row meanwhile, a conflict where both did."""

    def __init__(self, opened, case: SopCase, actor: Session, conflict: Conflict):
        self.opened, self.case, self.actor, self.conflict = opened, case, actor, conflict
        self.unchanged = 0

    def merge(self) -> int:
        updated = 0
        for entity, (model, content, natural) in OTHER_ROWS.items():
            columns = ("id", "version", *natural, *content)
            query = f"SELECT {', '.join(columns)} FROM {entity} WHERE case_id = ?"
            for values in self.opened.conn.execute(query, (self.case.id,)):
                row = dict(zip(columns, values, strict=True))
                updated += self._row(entity, model, content, natural, row)
        return updated

    def _row(self, entity: str, model, content: tuple, natural: tuple, row: dict) -> int:
        base = self.opened.base.get((entity, row["id"]))
        office = self._office(model, natural, row, base)
        if base is not None and row["version"] == base:
            self.unchanged += 1
            return 0
        if office is not None and all(_same(row[c], getattr(office, c)) for c in content):
            self.unchanged += 1
            return 0
        key = f"{entity}:{row['id'] if base is not None else 'baru'}"
        values = {c: _typed(model, c, row[c]) for c in content}
        if office is None:
            model.create(case=self.case.id, **values)
            return 1
        if base is None or office.version != base:
            self.conflict(entity, key, "perubahan", row, office.id,
                          "Diubah di kantor dan di lapangan selama kasus dibawa ke lapangan.")  # fmt: skip
            return 0
        done = (
            model.update(version=model.version + 1, updated_at=now(), **values)
            .where((model.id == office.id) & (model.version == base))
            .execute()
        )
        return done

    def _office(self, model, natural: tuple, row: dict, base: int | None):
        if base is not None:
            return model.get_or_none(model.id == row["id"])
        query = model.select().where(model.case == self.case.id)
        for column in natural:
            query = query.where(getattr(model, column) == row[column])
        return query.first()


def _typed(model, column: str, value: object) -> object:
    field = model._meta.columns[column]
    if value is None:
        return None
    kind = type(field).__name__
    if kind == "DateTimeField":
        return _datetime(value)
    if kind == "BooleanField":
        return bool(value)
    return value


def _same(a: object, b: object) -> bool:
    if isinstance(b, bool) or isinstance(a, bool):
        return bool(a) == bool(b)
    if hasattr(b, "id") and not isinstance(b, (int, str)):
        b = b.id
    return (None if a in (None, "") else str(a)) == (None if b in (None, "") else str(b))
