"""The SIJARLA recap (recap.compute) beside the fastest hand-written SQL answering the same question.

    ./dev bench                                                  # fills and measures (bench/run.py)
    .venv/bin/python bench/bench_recap.py sqlite:////tmp/r.sqlite3   # a database filled already

`measure_recap(url)` works on a database that is already filled (bench/bench_data.py fills them);
importing this module changes nothing.

The limit is the same figures by raw SQL on the same connection: the records grouped by ids over
the covering index (served_on, nagari_id, category_id, outcome_id) and only then joined to the
names, the served count summed from those groups, and the cases' SLA counted in SQL.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections.abc import Callable
from typing import Any

RECORDS_SQL = (
    "SELECT k.name, n.name, c.name, o.name, SUM(g.n), SUM(CASE WHEN o.counts_as_served THEN g.n ELSE 0 END) "
    "FROM (SELECT nagari_id, category_id, outcome_id, COUNT(*) AS n FROM service_record "
    "      WHERE served_on >= ? AND served_on <= ? GROUP BY nagari_id, category_id, outcome_id) g "
    "JOIN nagari n ON n.id = g.nagari_id JOIN kecamatan k ON k.id = n.kecamatan_id "
    "JOIN service_category c ON c.id = g.category_id JOIN service_outcome o ON o.id = g.outcome_id "
    "GROUP BY k.name, n.name, c.name, o.name ORDER BY k.name, n.name, c.name, o.name"
)
OPENED_SQL = (
    "SELECT COUNT(*) FROM sop_case c JOIN sop s ON s.id = c.sop_id "
    "WHERE s.code = 'sijarla' AND c.opened_at >= ? AND c.opened_at <= ?"
)
DONE_SQL = (
    "SELECT cs.case_id, c.due_on IS NULL OR date(MAX(cs.acted_at)) <= c.due_on "
    "FROM case_step cs JOIN sop_case c ON c.id = cs.case_id JOIN sop s ON s.id = c.sop_id "
    "WHERE s.code = 'sijarla' AND cs.step_code = ? AND cs.action = 'selesai' "
    "AND cs.acted_at >= ? AND cs.acted_at <= ? GROUP BY cs.case_id, c.due_on"
)


def measure_recap(url: str, runs: int = 5) -> list[dict]:
    """Median ms of recap.compute for a month and a year beside the raw SQL limit, on a filled database.

    Points the app's global database at `url` and closes it at the end; the figures of app and
    limit are asserted equal (AssertionError otherwise). One dict per recap, see the module doc.
    """
    from desktop.models import connection, db
    from desktop.services.sijarla import recap

    connection.initialize(url)
    try:
        backend = "sqlite" if connection.is_sqlite() else "postgresql"
        rows = db.execute_sql("SELECT COUNT(*) FROM service_record").fetchone()[0]
        results = []
        for name, period in _periods(recap):
            (app_ms, figures), (limit_ms, limit) = _median_ms(
                [lambda p=period: recap.compute(p), lambda p=period: _limit(p)], runs
            )
            _assert_same(figures, limit)
            results.append(
                {
                    "name": name,
                    "backend": backend,
                    "rows": rows,
                    "app_ms": round(app_ms, 2),
                    "limit_ms": round(limit_ms, 2),
                    "ratio": round(app_ms / limit_ms, 3),
                    "target_ratio": 1.3,
                    "runs": runs,
                }
            )
        return results
    finally:
        connection.close()


def _periods(recap) -> list[tuple[str, Any]]:
    """The last whole month before the newest record, and that record's year."""
    from desktop.models import db

    latest = db.execute_sql("SELECT MAX(served_on) FROM service_record").fetchone()[0]
    latest = dt.date.fromisoformat(str(latest)) if latest else dt.date.today()
    before = latest.replace(day=1) - dt.timedelta(days=1)
    return [
        ("recap_month", recap.period("bulan", before.year, before.month)),
        ("recap_year", recap.period("tahun", latest.year)),
    ]


def _median_ms(fns: list[Callable[[], object]], runs: int) -> list[tuple[float, Any]]:
    """Median ms and last result of each function, run in turn (a busy machine slows all alike)."""
    results = [fn() for fn in fns]  # warm the caches: a table in use, not the first query after boot
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for i, fn in enumerate(fns):
            started = time.perf_counter()
            results[i] = fn()
            times[i].append((time.perf_counter() - started) * 1000)
    return [(statistics.median(t), r) for t, r in zip(times, results, strict=True)]


def _raw(sql: str, params: list) -> list[tuple]:
    from desktop.models import db

    if db.obj.param != "?":
        sql = sql.replace("?", "%s")
    return db.execute_sql(sql, params).fetchall()


def _limit(p) -> dict:
    """The recap's figures by hand-written SQL."""
    from desktop.models import connection
    from desktop.services.sop.workflow import builtin_sops

    definition = builtin_sops()["sijarla"]
    until = definition.time_limit.until_step if definition.time_limit else "pelayanan"
    start, end = dt.datetime.combine(p.start, dt.time.min), dt.datetime.combine(p.end, dt.time.max)
    if connection.is_sqlite():  # as sqlite3 adapts a datetime, the form the rows are stored in
        start, end = start.isoformat(" "), end.isoformat(" ")  # type: ignore[assignment]
    grouped = _raw(RECORDS_SQL, [p.start, p.end])
    done = _raw(DONE_SQL, [until, start, end])
    return {
        "rows": [(k, n, c, o, int(count)) for k, n, c, o, count, _ in grouped],
        "served": sum(int(r[5]) for r in grouped),
        "opened": _raw(OPENED_SQL, [start, end])[0][0],
        "within": sum(1 for r in done if r[1]),
        "case_ids": sorted(r[0] for r in done),
    }


def _assert_same(figures, limit: dict) -> None:
    assert figures.rows == limit["rows"], "recap rows differ from the raw SQL"
    assert figures.total_records == sum(r[4] for r in limit["rows"])
    assert figures.served == limit["served"]
    assert figures.cases_opened == limit["opened"]
    assert sorted(figures.case_ids) == limit["case_ids"]
    assert figures.cases_within_limit == limit["within"]
    assert figures.cases_late == len(limit["case_ids"]) - limit["within"]


# --- Filling a test database (only when run as a script) ---------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Measure databases filled already (./dev bench fills and measures in one go)."""
    import argparse
    import os
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    sys.path[:0] = [str(root), str(root / "bench")]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+", help="filled databases: sqlite:///path or postgresql://...")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    for url in args.urls:
        for r in measure_recap(url, args.runs):
            print(r, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
