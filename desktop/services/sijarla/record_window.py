"""Rows of a big records table by position, without a list of every id.

A table of ten million records must open, jump to its last row and change its sort as fast
as one of a thousand, and hold no memory that grows with it. So the table never reads the
whole order. It asks for:

- ``estimated_count``: the exact count up to COUNT_CAP rows (a bounded index scan), and above
  that (or for a search inside names, which no index can count) an estimate: the planner's
  on PostgreSQL, a sample of the newest ids on SQLite; the exact ``count`` replaces it a
  moment later;
- ``window``: the rows next to a row whose sort key it knows (a keyset marker: the key of
  the row before or after), or next to either end of the order, skipping a few rows;
  forwards or backwards, on the same composite indexes as the first page;
- ``landmarks``: the sort keys of every STRIDE-th row, read once in the background by hops
  along the order's index (or one ROW_NUMBER scan for an order by a joined name; no row
  reaches Python but the landmarks). With a
  landmark every STRIDE rows, any position is at most STRIDE / 2 index entries from a
  known key: at ten million rows 1,000 keys in memory.

Every key ends with the record id, so a keyset marker names one row exactly. Who may see
what is decided by record_filter, as for every read of this table; the reading of people's
data is logged once per list opened (record_query.page), not once per scrolled page.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from peewee import SQL, PostgresqlDatabase, Tuple, fn

from desktop.models import ServiceRecord, db
from desktop.services.errors import InvalidInput
from desktop.services.session import Session
from desktop.services.sijarla.record_filter import (
    PAGE_SIZE,
    RecordFilter,
    RecordSort,
    _conditions,
    _joined,
    _order,
    _where,
)
from desktop.services.sijarla.record_query import RecordListRow, _checked_marker, _fetch, _rows
from desktop.services.validation import clean_int

STRIDE = 5_000  # rows between two landmarks
COUNT_CAP = 10_000  # counted exactly at once up to here; estimated above, counted in the background
INDEXED_ORDERS = frozenset({"served_on", "full_name", "nik", "recorded"})  # an index walks these
SAMPLE = 20_000  # newest ids the SQLite estimate looks at
MAX_SKIP = 1 << 40


@dataclass(frozen=True)
class RecordWindow:
    """Rows in display order, each with its sort key (None for a row deleted since the keys were read)."""

    rows: list[RecordListRow | None]
    keys: list[tuple]


@dataclass(frozen=True)
class CountHint:
    rows: int
    exact: bool


def window(
    actor: Session,
    f: RecordFilter = RecordFilter(),  # noqa: B008 - frozen dataclass
    sort: RecordSort = RecordSort(),  # noqa: B008 - frozen dataclass
    *,
    after: Sequence | None = None,
    before: Sequence | None = None,
    from_end: bool = False,
    skip: int = 0,
    limit: int = PAGE_SIZE,
) -> RecordWindow:
    """`limit` rows after the row keyed `after` (or from the first row), skipping `skip`;
    or, with `before` or `from_end`, the `limit` rows that end `skip` rows before the row keyed
    `before` (or before the end of the order). Always handed back in display order."""
    clean_int(limit, "Ukuran halaman", 1, 5 * PAGE_SIZE, field="limit")
    clean_int(skip, "Posisi halaman", 0, MAX_SKIP, field="skip")
    if after is not None and (before is not None or from_end):
        raise InvalidInput("Halaman diminta dari dua arah sekaligus; muat ulang daftar.", field="after")
    conditions, scope = _conditions(actor, f)
    _order_by, keys = _order(sort, scope)
    backward = before is not None or bool(from_end)
    marker = after if after is not None else before
    query = _keys_query(conditions, sort, keys, marker, descending=sort.descending != backward)
    query = query.limit(limit)
    if skip:
        query = query.offset(skip)
    found = [tuple(values) for values in _fetch(query)]
    if backward:
        found.reverse()
    by_id = {r.id: r for r in _rows(scope, [values[-1] for values in found])}
    return RecordWindow([by_id.get(values[-1]) for values in found], found)


def landmarks(
    actor: Session,
    f: RecordFilter = RecordFilter(),  # noqa: B008 - frozen dataclass
    sort: RecordSort = RecordSort(),  # noqa: B008 - frozen dataclass
    every: int = STRIDE,
) -> list[tuple]:
    """The sort keys of rows every-1, 2*every-1, ... of the order.

    Where an index gives the order, by hops along it (the key `every` rows after the last one
    found: LIMIT 1 OFFSET every-1, entries skipped inside the index); otherwise (an order by a
    joined name) by one ROW_NUMBER scan, so the sort happens once."""
    clean_int(every, "Jarak penanda", 100, 10_000_000, field="every")
    conditions, scope = _conditions(actor, f)
    order, keys = _order(sort, scope)
    if sort.key in INDEXED_ORDERS:
        marks: list[tuple] = []
        while True:
            hop = _keys_query(conditions, sort, keys, marks[-1] if marks else None, sort.descending)
            found = _fetch(hop.limit(1).offset(every - 1))
            if not found:
                return marks
            marks.append(tuple(found[0]))
    columns = [k.alias(f"k{i}") for i, k in enumerate(keys)]
    inner = _where(
        _joined(ServiceRecord.select(*columns, fn.ROW_NUMBER().over(order_by=order).alias("rn")), sort),
        conditions,
    )
    sql, params = inner.sql()
    names = ", ".join(f"t.k{i}" for i in range(len(keys)))
    param = db.obj.param
    modulo = "%" if param == "?" else "%%"  # psycopg2 reads a lone % as a placeholder
    statement = f"SELECT {names} FROM ({sql}) AS t WHERE t.rn {modulo} {param} = 0 ORDER BY t.rn"
    return [tuple(row) for row in db.execute_sql(statement, [*params, every]).fetchall()]


def _keys_query(conditions, sort: RecordSort, keys: list, marker, descending: bool):
    """The rows' sort keys (the id last) walking the order one way, strictly past `marker` if given."""
    query = _where(_joined(ServiceRecord.select(*keys), sort), conditions)
    if marker is not None:
        checked = _checked_marker(tuple(marker) if isinstance(marker, list) else marker, keys)
        query = query.where(Tuple(*keys) < Tuple(*checked) if descending else Tuple(*keys) > Tuple(*checked))
    return query.order_by(*[k.desc() if descending else k.asc() for k in keys])


def estimated_count(
    actor: Session,
    f: RecordFilter = RecordFilter(),  # noqa: B008 - frozen dataclass
    cap: int = COUNT_CAP,
) -> CountHint:
    """The row count at once: exact up to `cap`, an estimate above it (never below cap + 1)."""
    clean_int(cap, "Batas hitung", 1, 10_000_000, field="cap")
    conditions, _scope = _conditions(actor, f)
    if not conditions:  # every record: the id span says how many, from both ends of the primary key
        top, low = _id_span()
        if top - low + 1 > cap:
            return CountHint(top - low + 1, exact=False)
    # A name searched inside the names has no index to count on: even a bounded count may read
    # every row, so it is estimated at once (a short result is counted from its only page).
    if not _searches_inside_names(f):
        bounded = _where(ServiceRecord.select(SQL("1")), conditions).limit(cap + 1)
        counted = ServiceRecord.select(fn.COUNT(SQL("*"))).from_(bounded.alias("b")).scalar() or 0
        if counted <= cap:
            return CountHint(counted, exact=True)
    if isinstance(db.obj, PostgresqlDatabase):
        guess = _planner_rows(_where(ServiceRecord.select(ServiceRecord.id), conditions))
    else:
        guess = _sampled_rows(conditions)
    return CountHint(guess, exact=False)


def _searches_inside_names(f: RecordFilter) -> bool:
    text = f.text.strip() if isinstance(f.text, str) else ""
    return bool(text) and not text.isdigit()


def _planner_rows(query) -> int:
    sql, params = query.sql()
    plan = db.execute_sql(f"EXPLAIN (FORMAT JSON) {sql}", params).fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def _id_span() -> tuple[int, int]:
    """The highest and the lowest record id (0, 1 for none): two primary-key lookups."""
    top = ServiceRecord.select(fn.MAX(ServiceRecord.id)).scalar() or 0
    low = ServiceRecord.select(fn.MIN(ServiceRecord.id)).scalar() or 1
    return top, low


def _sampled_rows(conditions) -> int:
    """SQLite has no cheap estimate: the share of matches among the newest SAMPLE ids, times the id span."""
    top, low = _id_span()
    start = max(low, top - SAMPLE + 1)
    sample = _where(ServiceRecord.select(fn.COUNT(SQL("*"))).where(ServiceRecord.id >= start), conditions)
    matches = sample.scalar() or 0
    return round(matches / max(1, top - start + 1) * (top - low + 1))
