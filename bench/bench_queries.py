"""The records table's reads over a filled database, each beside the hand-written SQL that answers
the same question on the same connection, in the same run.

Each app figure is the page query the table sends (record_query.page for the first page of an
order or a filter, record_window.window for the last page); the raw peer is the best plain SQL
for the same 200 rows: their sort keys from service_record alone (the index serves the order),
then the rows joined to their names by id. The count the table shows beside a page (exact up to
record_window.COUNT_CAP, estimated above) is measured on its own as `count_ms`.
"""

from __future__ import annotations

from typing import Any

from bench_common import backend_of, median_ms, raw, result

ORDER_DEFAULT = "served_on DESC, nagari_id DESC, category_id DESC, outcome_id DESC, id DESC"
ORDER_REVERSED = "served_on ASC, nagari_id ASC, category_id ASC, outcome_id ASC, id ASC"
KEYS = "SELECT served_on, nagari_id, category_id, outcome_id, id FROM service_record"
ROWS_SQL = (
    "SELECT sr.id, sr.case_id, sc.reference, sr.nik_masked, sr.full_name, sr.kk_masked, sr.address, "
    "sr.jorong, n.name, k.name, c.name, g.name, o.name, sr.outcome_reason, sr.served_on, sr.version "
    "FROM service_record sr JOIN sop_case sc ON sc.id = sr.case_id JOIN nagari n ON n.id = sr.nagari_id "
    "JOIN kecamatan k ON k.id = n.kecamatan_id JOIN service_category c ON c.id = sr.category_id "
    "JOIN target_group g ON g.id = sr.target_group_id JOIN service_outcome o ON o.id = sr.outcome_id "
)
NAME = "siti chan"  # a first name and the start of a family name, as typed into the search box
TARGET = 2.0


def two_step(keys_sql: str, params=(), limit: int = 201) -> list[tuple]:
    """The page's keys (id last), then its rows by id: what the best hand-written code would send."""
    found = raw(f"{keys_sql} LIMIT {limit}", params)[:200]
    ids = [k[-1] for k in found]
    if not ids:
        return []
    return raw(f"{ROWS_SQL} WHERE sr.id IN ({','.join('?' * len(ids))})", ids)


def measure_queries(url: str, rows: int, runs: int = 5) -> list[dict[str, Any]]:
    from desktop.models import ServiceRecord, User, connection
    from desktop.services.security.auth import session_for
    from desktop.services.sijarla import record_query, record_window
    from desktop.services.sijarla.record_query import RecordFilter, RecordSort

    backend = backend_of(url)
    connection.initialize(url)
    try:
        kph = session_for(User.get(User.username == "kph"))
        out: list[dict[str, Any]] = []

        def pair(name: str, app, limit, f: RecordFilter | None = None, check=None) -> None:
            app_ms, app_rows = median_ms(app, runs)
            limit_ms, raw_rows = median_ms(limit, runs)
            got = [r.id for r in (app_rows.rows if hasattr(app_rows, "rows") else app_rows) if r]
            want = [r[0] for r in raw_rows]
            assert want and sorted(got) == sorted(want) and len(got) == len(want), (name, got[:5], want[:5])
            extra: dict[str, Any] = {}
            if f is not None:
                count_ms, hint = median_ms(lambda: record_window.estimated_count(kph, f), runs)
                extra = {"count_ms": round(count_ms, 2), "count_exact": hint.exact}
            out.append(result(name, backend, rows, app_ms, limit_ms, TARGET, runs, **extra))

        everything = RecordFilter()
        pair(
            "list_page_1",
            lambda: record_query.page(kph),
            lambda: two_step(f"{KEYS} ORDER BY {ORDER_DEFAULT}"),
            everything,
        )
        pair(
            "list_page_last",
            lambda: record_window.window(kph, from_end=True),
            lambda: two_step(f"{KEYS} ORDER BY {ORDER_REVERSED}", limit=200),
        )
        pair(
            "sort_change",
            lambda: record_query.page(kph, sort=RecordSort("full_name", False)),
            lambda: two_step("SELECT full_name, id FROM service_record ORDER BY full_name, id"),
        )
        middle = (
            ServiceRecord.select(ServiceRecord.nik)
            .order_by(ServiceRecord.id)
            .offset(rows // 2)
            .limit(1)
            .scalar()
        )
        by_nik = RecordFilter(text=middle)
        pair(
            "nik_search",
            lambda: record_query.page(kph, by_nik),
            lambda: two_step(f"{KEYS} WHERE nik = ? ORDER BY {ORDER_DEFAULT}", [middle]),
            by_nik,
        )
        by_name = RecordFilter(text=NAME)
        pair(
            "name_search",
            lambda: record_query.page(kph, by_name),
            lambda: two_step(f"{KEYS} WHERE name_fold LIKE ? ORDER BY {ORDER_DEFAULT}", [f"%{NAME}%"]),
            by_name,
        )
        return out
    finally:
        connection.close()
