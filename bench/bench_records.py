"""How the records table and the recap behave over a million service records, on SQLite and PostgreSQL.

    .venv/bin/python bench/bench_records.py                 # 1,000,000 rows, a throwaway PostgreSQL
    .venv/bin/python bench/bench_records.py --rows 100000 --pg-url postgresql://user:pw@host/db

Each database is migrated and seeded through the app (reference data, the demo office, one
real SIJARLA case), then filled by the fast path: sqlite3 executemany and PostgreSQL COPY,
never peewee's insert_many. Every figure of desktop.services.sijarla.record_query / recap is put
beside the raw SQL that answers the same question on the same connection, in the same run.
The Qt table model is opened over the million and over a 100-row database. Results go to
bench/RESULTS.md (or --out), with the machine they were measured on.

The import benchmark (bench/bench_import.py: --import-rows rows from .xlsx and .csv through
record_import, beside the raw executemany / COPY of the same rows) runs on databases of its own.

A --pg-url database is emptied first: point it at a database made for the benchmark.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_data import CASES, DAYS, clone_cases, fill_postgres, fill_sqlite, records, seed  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DINAS_DESK_FAST_HASH", "1")

REPEAT = 5


@dataclass
class Row:
    name: str
    app_ms: float
    raw_ms: float
    note: str = ""


@dataclass
class Backend:
    label: str
    url: str
    fill_seconds: float = 0.0
    rows: list[Row] = field(default_factory=list)
    qt: list[tuple[str, float, float, float, float]] = field(
        default_factory=list
    )  # what, paint, ids, end, MB
    version: str = ""
    imported: Any = None  # bench_import.ImportFigures, when the import was measured


# --- Setting up --------------------------------------------------------------------------------


# --- Measuring --------------------------------------------------------------------------------


def median_ms(fn: Callable[[], object], repeat: int = REPEAT) -> tuple[float, object]:
    fn()  # warm the caches: the figures are for a table in use, not the first query after boot
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def raw(sql: str, params=()) -> list[tuple]:
    from desktop.models import db

    if db.obj.param != "?":
        sql = sql.replace("?", "%s")
    return db.execute_sql(sql, params).fetchall()


ORDER_DEFAULT = "served_on DESC, nagari_id DESC, category_id DESC, outcome_id DESC, id DESC"
ROWS_SQL = (
    "SELECT sr.*, sc.id, sc.reference, n.id, n.name, k.id, k.name, c.id, c.name, g.id, g.name, o.id, o.name "
    "FROM service_record sr JOIN sop_case sc ON sc.id = sr.case_id JOIN nagari n ON n.id = sr.nagari_id "
    "JOIN kecamatan k ON k.id = n.kecamatan_id JOIN service_category c ON c.id = sr.category_id "
    "JOIN target_group g ON g.id = sr.target_group_id JOIN service_outcome o ON o.id = sr.outcome_id "
)


def measure(backend: Backend, ids: dict) -> None:
    from desktop.models import TeamMember, User
    from desktop.services.security.auth import session_for
    from desktop.services.sijarla import recap, record_query
    from desktop.services.sijarla.record_filter import next_prefix
    from desktop.services.sijarla.record_query import RecordFilter, RecordSort

    kph = session_for(User.get(User.username == "kph"))
    add = backend.rows.append

    def pair(name, app, sql_fn, note=""):
        app_ms, app_result = median_ms(app)
        raw_ms, raw_result = median_ms(sql_fn)
        add(Row(name, app_ms, raw_ms, note))
        return app_result, raw_result

    total, expected = pair(
        "count, no filter",
        lambda: record_query.count(kph),
        lambda: raw("SELECT COUNT(*) FROM service_record"),
    )
    assert total == expected[0][0], (total, expected)
    ids_all, raw_ids = pair(
        "sorted id list, default order (open the table)",
        lambda: record_query.sorted_ids(kph),
        lambda: array("q", (r[0] for r in raw(f"SELECT id FROM service_record ORDER BY {ORDER_DEFAULT}"))),
        "app: + one audit line",
    )
    assert list(ids_all[:1000]) == list(raw_ids[:1000])
    first = list(ids_all[:200])
    marks = ",".join("?" * len(first))
    pair(
        "first page: 200 rows by id",
        lambda: record_query.rows_by_id(kph, first),
        lambda: raw(f"{ROWS_SQL} WHERE sr.id IN ({marks})", first),
    )
    keys_sql = "SELECT served_on, nagari_id, category_id, outcome_id, id FROM service_record "
    keys_order = f"ORDER BY {ORDER_DEFAULT}"

    def two_step(where: str = "", params=(), tail: str = "LIMIT 201") -> list[tuple]:
        """What page() sends: the page's keys from service_record alone, then its rows by id."""
        found = raw(f"{keys_sql}{where} {keys_order} {tail}", params)[:200]
        page_ids = [k[-1] for k in found]
        return raw(f"{ROWS_SQL} WHERE sr.id IN ({','.join('?' * len(page_ids))})", page_ids)

    pair("first page by keyset (page())", lambda: record_query.page(kph), two_step, "app: + one audit line")
    single_ms, _ = median_ms(
        lambda: raw(
            f"{ROWS_SQL} ORDER BY sr.served_on DESC, sr.nagari_id DESC, sr.category_id DESC, "
            "sr.outcome_id DESC, sr.id DESC LIMIT 201"
        )
    )
    add(
        Row(
            "first page as one joined query (not used)",
            single_ms,
            single_ms,
            "raw only: the planner trap page() avoids",
        )
    )
    deep_at = int(len(ids_all) * 0.8)
    deep = list(ids_all[deep_at : deep_at + 200])
    pair(
        f"deep page: 200 rows by id at row {deep_at:,}",
        lambda: record_query.rows_by_id(kph, deep),
        lambda: raw(f"{ROWS_SQL} WHERE sr.id IN ({marks})", deep),
    )
    key = _key_at(ids_all[deep_at - 1])
    pair(
        f"deep page by keyset after row {deep_at:,}",
        lambda: record_query.page(kph, after=key),
        lambda: two_step("WHERE (served_on, nagari_id, category_id, outcome_id, id) < (?, ?, ?, ?, ?)", key),
    )
    pair(
        f"deep page by OFFSET {deep_at:,}",
        lambda: record_query.page(kph, offset=deep_at),
        lambda: two_step(tail=f"LIMIT 201 OFFSET {deep_at}"),
        "for comparison: what the table does not do",
    )
    pair(
        "sort change: by name (indexed)",
        lambda: record_query.sorted_ids(kph, sort=RecordSort("full_name", False)),
        lambda: array("q", (r[0] for r in raw("SELECT id FROM service_record ORDER BY full_name, id"))),
    )
    pair(
        "sort change: by nagari name (join)",
        lambda: record_query.sorted_ids(kph, sort=RecordSort("nagari", False)),
        lambda: array(
            "q",
            (
                r[0]
                for r in raw(
                    "SELECT sr.id FROM service_record sr JOIN nagari n ON n.id = sr.nagari_id "
                    "ORDER BY n.name, sr.id"
                )
            ),
        ),
    )
    place = ids["nagari"][len(ids["nagari"]) // 2]
    n_place, raw_n = pair(
        "filter by nagari: count",
        lambda: record_query.count(kph, RecordFilter(nagari_id=place)),
        lambda: raw("SELECT COUNT(*) FROM service_record WHERE nagari_id = ?", [place]),
    )
    assert n_place == raw_n[0][0]
    pair(
        f"filter by nagari: sorted ids ({n_place:,} rows)",
        lambda: record_query.sorted_ids(kph, RecordFilter(nagari_id=place)),
        lambda: array(
            "q",
            (
                r[0]
                for r in raw(
                    f"SELECT id FROM service_record WHERE nagari_id = ? ORDER BY {ORDER_DEFAULT}", [place]
                )
            ),
        ),
    )
    # Masking roles (the KPH) may not search NIK prefixes longer than the region code they see
    # (record_filter.nik_condition): 9 digits as a team member, 6 as the KPH on the masked column.
    leader = session_for(User.get(User.username == "ketua1"))
    teams = [m.team_id for m in TeamMember.select().where(TeamMember.user == leader.user_id)]
    prefix = deep_nik(deep[0])
    pair(
        "filter by NIK prefix (9 digits), as a team member",
        lambda: record_query.sorted_ids(leader, RecordFilter(text=prefix)),
        lambda: raw(
            "SELECT id FROM service_record WHERE nik >= ? AND nik < ? AND case_id IN (SELECT id FROM "
            f"sop_case WHERE team_id IN ({','.join('?' * len(teams))})) ORDER BY {ORDER_DEFAULT}",
            [prefix, next_prefix(prefix), *teams],
        ),
        "app: + one audit line",
    )
    region = prefix[:6]
    pair(
        "filter by region code (6 digits), NIKs masked (KPH)",
        lambda: record_query.sorted_ids(kph, RecordFilter(text=region)),
        lambda: raw(
            "SELECT id FROM service_record WHERE nik_masked >= ? AND nik_masked < ? "
            f"ORDER BY {ORDER_DEFAULT}",
            [region, next_prefix(region)],
        ),
        "app: + one audit line",
    )
    today = dt.date.today()
    month = recap.period("bulan", today.year, today.month) if today.day > 20 else _last_month(recap, today)
    figures, grouped = pair(
        f"one-month recap ({month.title})",
        lambda: recap.compute(month),
        lambda: (
            raw(
                "SELECT k.name, n.name, c.name, o.name, COUNT(sr.id) FROM service_record sr "
                "JOIN nagari n ON n.id = sr.nagari_id JOIN kecamatan k ON k.id = n.kecamatan_id "
                "JOIN service_category c ON c.id = sr.category_id "
                "JOIN service_outcome o ON o.id = sr.outcome_id "
                "WHERE sr.served_on BETWEEN ? AND ? GROUP BY k.name, n.name, c.name, o.name "
                "ORDER BY k.name, n.name, c.name, o.name",
                [month.start, month.end],
            ),
            raw(
                "SELECT COUNT(*) FROM service_record sr JOIN service_outcome o ON o.id = sr.outcome_id "
                "WHERE sr.served_on BETWEEN ? AND ? AND o.counts_as_served",
                [month.start, month.end],
            ),
        ),
        "app: + the cases' SLA figures",
    )
    assert figures.total_records == sum(r[4] for r in grouped[0])
    backend.rows[-1].name += f": {len(figures.rows):,} groups over {figures.total_records:,} rows"


def deep_nik(record_id: int) -> str:
    from desktop.models import ServiceRecord

    return ServiceRecord.get_by_id(record_id).nik[:9]


def _key_at(record_id: int) -> tuple:
    from desktop.models import ServiceRecord

    r = ServiceRecord.get_by_id(record_id)
    return (r.served_on, r.nagari_id, r.category_id, r.outcome_id, r.id)


def _last_month(recap, today: dt.date):
    first = today.replace(day=1) - dt.timedelta(days=1)
    return recap.period("bulan", first.year, first.month)


def measure_qt(backend: Backend, what: str) -> None:
    """Open the virtual model in a real QTableView: first paint, id list read, scroll to the end."""
    from PySide6.QtWidgets import QApplication

    from desktop.models import User
    from desktop.services.security.auth import session_for
    from desktop.ui.sijarla.records_table import RecordsTableModel
    from desktop.ui.sijarla.records_view import RecordsTableView

    app = QApplication.instance() or QApplication([])
    _warm_qt(app)
    kph = session_for(User.get(User.username == "kph"))
    rss = _rss_mb()
    started = time.perf_counter()
    model = RecordsTableModel(kph)
    view = RecordsTableView(model)
    view.resize(1200, 700)
    view.show()
    heads: list[float] = []
    model.head_loaded.connect(lambda _n: (view.viewport().repaint(), heads.append(time.perf_counter())))
    model.reload()
    while not model.ids_ready():
        app.processEvents()
        time.sleep(0.001)
    ready = time.perf_counter()
    view.scrollToBottom()
    view.viewport().repaint()
    app.processEvents()
    ended = time.perf_counter()
    backend.qt.append(
        (
            f"{what} ({model.rowCount():,} rows)",
            (heads[0] - started) * 1000,
            (ready - started) * 1000,
            (ended - ready) * 1000,
            _rss_mb() - rss,
        )
    )
    view.close()
    view.deleteLater()
    app.processEvents()


def _warm_qt(app) -> None:
    """Fonts, style and the first window cost the same for any table: pay them before timing."""
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    if app.property("bench_warm"):
        return
    view = QTableView()
    view.setModel(QStandardItemModel(10, 5, view))
    view.show()
    view.viewport().repaint()
    app.processEvents()
    view.close()
    app.setProperty("bench_warm", True)


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


# --- Running -----------------------------------------------------------------------------------


def run_backend(backend: Backend, rows: int, fill: Callable[[dict, list[int]], float]) -> None:
    from desktop.models import connection, db

    print(f"[{backend.label}] seeding", flush=True)
    ids = seed(backend.url)
    cases = clone_cases(ids, CASES)
    connection.close()
    print(f"[{backend.label}] filling {rows:,} rows", flush=True)
    backend.fill_seconds = fill(ids, cases)
    connection.initialize(backend.url)
    backend.version = _server_version(db)
    print(f"[{backend.label}] measuring", flush=True)
    measure(backend, ids)
    measure_qt(backend, "all records")
    connection.close()


def _server_version(db) -> str:
    if db.obj.param == "?":
        return "SQLite " + sqlite3.sqlite_version
    version = db.execute_sql("SHOW server_version").fetchone()[0].split()[0]
    return f"PostgreSQL {version}"


def small_qt(backend: Backend, url: str, fill: Callable[[dict, list[int]], float]) -> None:
    """The same model over a 100-row database, for the 'as fast as a hundred' comparison."""
    from desktop.models import connection

    ids = seed(url)
    cases = clone_cases(ids, 10)
    connection.close()
    fill(ids, cases)
    connection.initialize(url)
    measure_qt(backend, "a 100-row database")
    connection.close()


def machine() -> list[str]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = int(Path("/proc/meminfo").read_text().split()[1]) / 2**20
    except OSError:
        memory = 0
    import peewee
    from PySide6 import __version__ as pyside

    return [
        f"- CPU: {cpu}, {os.cpu_count()} logical cores; RAM {memory:.1f} GB",
        f"- OS: {platform.platform()}",
        f"- Python {platform.python_version()}, peewee {peewee.__version__}, PySide6 {pyside}, psycopg2",
        f"- Date: {dt.datetime.now():%Y-%m-%d %H:%M}",
    ]


def report(backends: list[Backend], rows: int, out: Path) -> None:
    lines = [
        f"# Records table and recap over {rows:,} service records, and the import",
        "",
        f"Written by `bench/bench_records.py` ({rows:,} rows, {CASES:,} cases, {DAYS} days, "
        f"median of {REPEAT} runs after one warm-up). Each figure of the app's service call stands "
        "beside the raw SQL that answers the same question on the same connection, in the same run.",
        "",
        "## Machine",
        "",
        *machine(),
        "",
    ]
    for b in backends:
        lines += [
            f"## {b.label} ({b.version})",
            "",
            f"Filled in {b.fill_seconds:.1f} s ({rows / b.fill_seconds:,.0f} rows/s, "
            + ("sqlite3 executemany" if "SQLite" in b.label else "COPY")
            + ", indexes in place).",
            "",
            "| Question | app (ms) | raw SQL (ms) | app / raw | note |",
            "|---|---:|---:|---:|---|",
        ]
        for r in b.rows:
            ratio = r.app_ms / r.raw_ms if r.raw_ms else 0
            lines.append(f"| {r.name} | {r.app_ms:,.1f} | {r.raw_ms:,.1f} | {ratio:.2f} | {r.note} |")
        lines += [
            "",
            "Qt table model (`RecordsTableModel` in a `RecordsTableView`, 1200x700, offscreen):",
            "",
            "| Data | first paint: count + first page (ms) | id list read (ms) | then scroll to the end (ms) "
            "| memory growth (MB) |",
            "|---|---:|---:|---:|---:|",
        ]
        lines += [f"| {what} | {p:,.1f} | {i:,.1f} | {e:,.1f} | {m:,.1f} |" for what, p, i, e, m in b.qt]
        lines.append("")
        if b.imported is not None:
            from bench_import import report_lines

            lines += report_lines(b.imported)
    lines += [
        "## Reading the figures",
        "",
        "- Opening the table shows the count and a keyset page of 200 rows at once (milliseconds at"
        " any size); the sorted id list (8 bytes a row) is read behind it in the background, and"
        " from then on scrolling anywhere costs one page of 200 rows by id. The id list is the only"
        " cost that grows with the table; until it is in, rows past the first page show '…'.",
        "- `app` includes what the service adds to the query: the role check, building the query,"
        " dataclasses, and for id lists and `page()` one audit line (a committed write).",
        "- OFFSET is listed to show why the table walks by id or keyset instead; the one joined"
        " query shows why page() reads the page's ids from service_record before joining.",
        "- PostgreSQL's id list in the default order is a sequential scan and an external sort: the"
        " recap's covering index (served_on, nagari, category, outcome) lacks `id`. Tried by hand on"
        " the same data: with an index on (served_on, nagari_id, category_id, outcome_id, id) the plan"
        " becomes an index-only scan backward and reading the million ids took 530 ms instead of"
        " 1,765 ms. That index belongs in a migration of desktop/models.",
        "- Import: `import .csv` / `.xlsx` is what the import window runs (record_import.open_table reads"
        " the file once, .xlsx with python-calamine, and the progress bar's row count comes from what"
        " was read; every row then goes through the checks of a typed record, record_rules, with each"
        " check's answer remembered per value within the batch; then one write through models/bulk and"
        " the commit). `raw` writes the same rows, read back from the table, with the bare driver call."
        " Before this path (issue 18, same kind of machine) the import ran at 6.1k / 8.8k rows/s on"
        " SQLite (6.8x / 4.7x the raw executemany) and 4.4k / 6.0k rows/s on PostgreSQL (6.5x / 4.7x"
        " COPY), 89 % of the write spent building peewee's insert_many.",
        "- On a secured PostgreSQL database a team member imports through their own login: PostgreSQL"
        " refuses COPY FROM under row-level security, so models/bulk sends INSERT ... SELECT FROM"
        " unnest(arrays) in chunks of 10,000 rows there (tests/db/test_import_bulk.py). Not in the tables"
        " above; timed once by hand on the test suite's secured database (20,000 rows): 4.6 s on a team"
        " member's own login, 1.9 s for the same import as the database owner (COPY), 2.2 s as the owner"
        " through unnest. The rest is the row policy's dd_in_case_team(case_id), a SECURITY DEFINER"
        " function run for every row; a WITH CHECK against the team's cases computed once per statement"
        " (a scalar subquery) would remove most of it (models/pg_grants, not changed here).",
        "- The machine has 2 cores shared with other work: compare the ratios, not the seconds.",
        "",
    ]
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--pg-url", help="an empty PostgreSQL database to use instead of a throwaway cluster")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument(
        "--import-rows", type=int, default=100_000, help="rows of the import benchmark (0: none)"
    )
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="dinas-bench-"))
    os.environ["DINAS_DESK_DATA_DIR"] = str(work / "data")
    backends: list[Backend] = []
    try:
        lite = Backend("SQLite", f"sqlite:///{work / 'bench.sqlite3'}")
        run_backend(
            lite,
            args.rows,
            lambda ids, cases: fill_sqlite(work / "bench.sqlite3", records(ids, cases, args.rows)),
        )
        small = work / "small.sqlite3"
        small_qt(lite, f"sqlite:///{small}", lambda ids, cases: fill_sqlite(small, records(ids, cases, 100)))
        if args.import_rows:
            from bench_import import measure_import

            lite.imported = measure_import(
                "SQLite", f"sqlite:///{work / 'import.sqlite3'}", args.import_rows, work
            )
        backends.append(lite)
        if not args.skip_postgres:
            backends.append(run_postgres(args, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(backends, args.rows, args.out)
    return 0


def run_postgres(args, work: Path) -> Backend:
    server = runner = None
    if args.pg_url:
        url, small_url = args.pg_url, None
        _empty(url)
    else:
        from tests.conftest import _start_postgres, _stop_postgres

        base = Path(tempfile.mkdtemp(prefix="dinas-bench-pg-"))
        server, runner = _start_postgres(base)
        server.create_database("bench_records")
        server.create_database("bench_small")
        url, small_url = server.url("bench_records"), server.url("bench_small")
    try:
        pg = Backend("PostgreSQL", url)
        run_backend(pg, args.rows, lambda ids, cases: fill_postgres(url, records(ids, cases, args.rows)))
        if small_url:
            small_qt(pg, small_url, lambda ids, cases: fill_postgres(small_url, records(ids, cases, 100)))
        if args.import_rows:
            from bench_import import measure_import

            if server is not None:
                server.create_database("bench_import")
                import_url = server.url("bench_import")
            else:
                _empty(url)
                import_url = url
            pg.imported = measure_import("PostgreSQL", import_url, args.import_rows, work)
        return pg
    finally:
        if server is not None:
            _stop_postgres(runner, server)
            shutil.rmtree(server.datadir.parent, ignore_errors=True)


def _empty(url: str) -> None:
    import psycopg2

    con = psycopg2.connect(url)
    con.autocommit = True
    with con.cursor() as cur:
        cur.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    con.close()


if __name__ == "__main__":
    raise SystemExit(main())
