"""What every benchmark shares: the median of repeated runs, raw SQL on the app's connection, and
one result as bench/results.json holds it."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def median_ms(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    """The median wall time of `runs` calls in milliseconds, after one warm-up call; and the last result."""
    fn()  # warm the caches: the figures are for a table in use, not the first query after boot
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def raw(sql: str, params=()) -> list[tuple]:
    """Hand-written SQL on the app's own connection (`?` placeholders on both backends)."""
    from desktop.models import db

    if db.obj.param != "?":
        sql = sql.replace("?", "%s")
    return db.execute_sql(sql, params).fetchall()


def backend_of(url: str) -> str:
    return "sqlite" if url.startswith("sqlite") else "postgresql"


def result(
    name: str,
    backend: str,
    rows: int,
    app_ms: float,
    limit_ms: float | None,
    target_ratio: float | None,
    runs: int,
    **extra: Any,
) -> dict[str, Any]:
    """One measurement: the app beside its limit in the same run (None where there is no peer)."""
    ratio = round(app_ms / limit_ms, 3) if limit_ms else None
    figure = {
        "name": name,
        "backend": backend,
        "rows": rows,
        "app_ms": round(app_ms, 2),
        "limit_ms": None if limit_ms is None else round(limit_ms, 2),
        "ratio": ratio,
        "target_ratio": target_ratio,
        "runs": runs,
    }
    figure.update(extra)
    print(
        f"  {name:<24} {backend:<10} {rows:>11,} rows  app {app_ms:10.1f} ms  "
        f"limit {'' if limit_ms is None else f'{limit_ms:10.1f} ms'}  ratio {ratio}",
        flush=True,
    )
    return figure
