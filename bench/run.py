"""`./dev bench`: every benchmark of issue 18, at one and ten million records, on SQLite and on a
throwaway PostgreSQL, each figure beside its limit measured in the same run.

    ./dev bench                                  # 1,000,000 and 10,000,000 rows, both backends
    ./dev bench --rows 100000 --runs 3           # a quick look
    ./dev bench --skip-postgres --rows 1000000

For each backend and size a database is migrated and seeded through the app, then filled with
the same reproducible records (bench_data: all nagari, three years, a fixed seed); the table's
reads (bench_queries), the recaps (bench_recap) and the Qt table (bench_qt) are measured on
it, then it is dropped. The import of 100,000 rows (bench_import) and the merge of a field
package of 10,000 records (bench_field) run once per backend, the documents and the launch
(bench_app) once. Results: bench/results.json (one object per measurement and backend) and
docs/benchmarks.md (the same, with the machine and the date).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_data  # noqa: E402
import bench_report  # noqa: E402

SMALL_ROWS = 1000


def build_sqlite(path: Path, rows: int) -> tuple[str, float]:
    from desktop.models import connection

    path.unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    ids = bench_data.seed(url)
    cases = bench_data.clone_cases(ids, bench_data.CASES)
    connection.close()
    print(f"[sqlite] filling {rows:,} rows", flush=True)
    return url, bench_data.fill_sqlite(path, bench_data.records(ids, cases, rows))


def build_postgres(server, name: str, rows: int) -> tuple[str, float]:
    from desktop.models import connection

    server.drop_database(name)
    server.create_database(name)
    url = server.url(name)
    ids = bench_data.seed(url)
    cases = bench_data.clone_cases(ids, bench_data.CASES)
    connection.close()
    print(f"[postgresql] filling {rows:,} rows", flush=True)
    return url, bench_data.fill_postgres(url, bench_data.records(ids, cases, rows))


def import_results(figures, backend: str) -> list[dict[str, Any]]:
    """bench_import's figures as results: each import beside the raw write of the same rows."""
    from bench_common import result
    from bench_import import REPEAT

    raw_ms = figures.raw * 1000
    csv_ms, xlsx_ms = figures.app["csv"] * 1000, figures.app["xlsx"] * 1000
    common = {"limit_kind": figures.raw_kind}
    return [
        result(
            "import_csv_100k",
            backend,
            figures.rows,
            csv_ms,
            raw_ms,
            2.0,
            REPEAT,
            read_ms=round(figures.read["csv"] * 1000, 1),
            **common,
        ),
        result(
            "import_xlsx_100k",
            backend,
            figures.rows,
            xlsx_ms,
            raw_ms,
            2.0,
            REPEAT,
            read_ms=round(figures.read["xlsx"] * 1000, 1),
            xlsx_to_csv=round(xlsx_ms / csv_ms, 3),
            target_xlsx_to_csv=1.5,
            **common,
        ),
    ]


def guarded(label: str, failures: list[str], work: Callable[..., list[dict]], *args: Any) -> list[dict]:
    """work(*args); a measurement that fails is reported and listed, not hidden, and the rest still run."""
    try:
        return work(*args)
    except Exception:  # noqa: BLE001 - printed here, listed in the results' page
        traceback.print_exc()
        failures.append(label)
        return []


def measure_recap(url: str, runs: int) -> list[dict[str, Any]]:
    from bench_recap import measure_recap as measure

    return measure(url, runs)


def measure_import(backend: str, url: str, rows: int, work: Path) -> list[dict[str, Any]]:
    from bench_import import measure_import as measure

    return import_results(measure(backend, url, rows, work), backend)


def measure_field(backend: str, server, work: Path, rows: int, runs: int) -> list[dict[str, Any]]:
    from bench_field import measure_field as measure

    return measure(backend, server, work, rows, runs)


def measure_app(small_url: str, runs: int) -> list[dict[str, Any]]:
    from bench_app import measure_documents, measure_launch

    return measure_documents(small_url, runs) + measure_launch(runs)


def build(backend: str, server, work: Path, rows: int, name: str) -> tuple[str, float]:
    if backend == "postgresql":
        return build_postgres(server, name, rows)
    return build_sqlite(work / f"{name}.sqlite3", rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="1000000,10000000", help="comma-separated sizes")
    parser.add_argument("--runs", type=int, default=5, help="repeated runs per figure (the median is kept)")
    parser.add_argument("--import-rows", type=int, default=100_000)
    parser.add_argument("--field-rows", type=int, default=10_000, help="records in the merged field package")
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--doc", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.rows.split(",") if s.strip()]
    os.environ.setdefault("DINAS_DESK_FAST_HASH", "1")  # the benchmark's seeded accounts only

    from bench_qt import measure_qt
    from bench_queries import measure_queries

    started = time.time()
    work = Path(tempfile.mkdtemp(prefix="dinas-bench-"))
    os.environ["DINAS_DESK_DATA_DIR"] = str(work / "data")
    results: list[dict[str, Any]] = []
    failures: list[str] = []
    fills: list[dict[str, Any]] = []
    server = runner = None
    try:
        backends = ["sqlite"] if args.skip_postgres else ["sqlite", "postgresql"]
        for backend in backends:
            if backend == "postgresql":
                from tests.conftest import _start_postgres

                server, runner = _start_postgres(Path(tempfile.mkdtemp(prefix="dinas-bench-pg-")))
            small_url, _ = build(backend, server, work, SMALL_ROWS, "bench_small")
            for rows in sizes:
                print(f"[{backend}] building {rows:,} records", flush=True)
                url, seconds = build(backend, server, work, rows, f"bench_{rows}")
                fills.append({"backend": backend, "rows": rows, "seconds": round(seconds, 1)})
                print(f"[{backend}] measuring {rows:,} records (filled in {seconds:.0f} s)", flush=True)
                label = f"{backend} {rows:,}"
                results += guarded(f"queries {label}", failures, measure_queries, url, rows, args.runs)
                results += guarded(f"recap {label}", failures, measure_recap, url, args.runs)
                results += guarded(f"qt {label}", failures, measure_qt, url, rows, small_url, args.runs)
                if backend == "sqlite":
                    Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
                else:
                    server.drop_database(f"bench_{rows}")
            if args.import_rows:
                if backend == "sqlite":
                    import_url = f"sqlite:///{work / 'import.sqlite3'}"
                else:
                    server.create_database("bench_import")
                    import_url = server.url("bench_import")
                results += guarded(
                    f"import {backend}", failures, measure_import, backend, import_url, args.import_rows, work
                )
            if args.field_rows:
                results += guarded(
                    f"field merge {backend}", failures, measure_field, backend, server, work, args.field_rows,
                    args.runs,
                )  # fmt: skip
            if backend == "sqlite":
                results += guarded("documents and launch", failures, measure_app, small_url, args.runs)
            if server is not None:
                from tests.conftest import _stop_postgres

                _stop_postgres(runner, server)
                shutil.rmtree(server.datadir.parent, ignore_errors=True)
                server = runner = None
    finally:
        if server is not None:
            from tests.conftest import _stop_postgres

            _stop_postgres(runner, server)
        shutil.rmtree(work, ignore_errors=True)
    meta = bench_report.machine(started, time.time(), sizes, args.runs, fills, failures)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    args.doc.write_text(bench_report.markdown(results, meta), encoding="utf-8")
    print(
        f"bench: {len(results)} results in {args.out}, {args.doc}; failed: {failures or 'none'}", flush=True
    )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
