"""docs/benchmarks.md from the results of one `./dev bench` run: the machine, the date, every figure
beside its limit and its target, and whether the target is met (by how much it is missed)."""

from __future__ import annotations

import datetime as dt
import os
import platform
import sqlite3
import sys
from typing import Any

TITLES = {
    "recap_month": "Recap of a month",
    "recap_year": "Recap of a year",
    "list_page_1": "List: first page",
    "list_page_last": "List: last page",
    "sort_change": "Sort change (by name)",
    "nik_search": "Search by NIK",
    "name_search": "Search by name",
    "import_csv_100k": "Import 100k rows, .csv",
    "import_xlsx_100k": "Import 100k rows, .xlsx",
    "field_merge_10k": "Merge a field package of 10k records",
    "qt_table_first_paint": "Qt table: first paint",
    "qt_table_jump_end": "Qt table: jump to the last row",
    "qt_table_memory_mb": "Qt table: memory growth (MB)",
    "launch_to_login": "Launch to the login window",
    "demo_to_login": "`--demo` to the login window",
    "login_to_main": "Login to the main window",
    "surat_tugas_pdf": "Surat Tugas PDF",
    "laporan_50_pages_pdf": "50-page Laporan PDF",
}
LIMITS = {
    "recap_month": "best hand-written SQL",
    "recap_year": "best hand-written SQL",
    "list_page_1": "raw SQL, same page",
    "list_page_last": "raw SQL, same page",
    "sort_change": "raw SQL, same page",
    "nik_search": "raw SQL, same page",
    "name_search": "raw SQL, same page",
    "import_csv_100k": "executemany / COPY of the same rows",
    "import_xlsx_100k": "executemany / COPY of the same rows",
    "field_merge_10k": "executemany / COPY of the same rows",
    "qt_table_first_paint": "QSqlQueryModel, same SQLite file",
    "qt_table_jump_end": "QSqlQueryModel, same SQLite file",
    "qt_table_memory_mb": "QSqlQueryModel, same SQLite file",
    "launch_to_login": "a bare PySide6 window",
    "demo_to_login": "a bare PySide6 window",
    "login_to_main": "argon2 verification alone",
    "surat_tugas_pdf": "plain platypus, same pages",
    "laporan_50_pages_pdf": "plain platypus, same pages",
}


def machine(started: float, ended: float, sizes: list[int], runs: int, fills, failures) -> dict[str, Any]:
    import peewee
    import PySide6

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = ""
    try:
        with open("/proc/cpuinfo") as handle:
            cpu = next(
                (line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), ""
            )
    except OSError:
        pass
    return {
        "date": dt.datetime.fromtimestamp(started, dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "minutes": round((ended - started) / 60, 1),
        "cpu": f"{cpu or platform.processor()}, {os.cpu_count()} logical cores",
        "memory_gb": round(memory, 1),
        "os": platform.platform(),
        "software": f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, "
        f"peewee {peewee.__version__}, PySide6 {PySide6.__version__}",
        "sizes": sizes,
        "runs": runs,
        "fills": fills,
        "failures": failures,
    }


def verdict(r: dict[str, Any], results: list[dict[str, Any]]) -> str:
    """Met, or missed by how much, against the issue's target for this figure."""
    name = r["name"]
    notes = []
    if r.get("target_ratio") and r.get("ratio") is not None:
        notes.append(_against(r["ratio"], r["target_ratio"], "x"))
    if "ratio_to_1000" in r:
        notes.append(f"{_against(r['ratio_to_1000'], r['target_ratio_to_1000'], 'x')} of 1,000 rows")
    if name.startswith("qt_table") and r.get("limit_ms") is not None:
        notes.append(
            "ahead of QSqlQueryModel" if r["app_ms"] < r["limit_ms"] else "**behind QSqlQueryModel**"
        )
    if "target_max" in r:
        notes.append(_against(r["app_ms"], r["target_max"], " MB"))
    if "target_xlsx_to_csv" in r:
        notes.append(f"xlsx/csv {_against(r['xlsx_to_csv'], r['target_xlsx_to_csv'], 'x')}")
    if "target_ms_over_limit" in r and r.get("limit_ms") is not None:
        over = r["app_ms"] - r["limit_ms"]
        notes.append(f"+{over:,.0f} ms over the limit: {_against(over, r['target_ms_over_limit'], ' ms')}")
    if name == "list_page_last" or (name == "list_page_1" and r["rows"] > 1_000_000):
        base = next(
            (
                x
                for x in results
                if x["name"] == "list_page_1" and x["backend"] == r["backend"] and x["rows"] == 1_000_000
            ),
            None,
        )
        if base and base is not r:
            notes.append(f"{_against(r['app_ms'] / base['app_ms'], 1.2, 'x')} page 1 at 1M")
    return "; ".join(notes)


def _against(value: float, target: float, unit: str) -> str:
    if value <= target:
        return f"met ({value:,.2f}{unit} ≤ {target:g}{unit})"
    return f"**missed** ({value:,.2f}{unit} > {target:g}{unit}, by {value / target - 1:.0%})"


def markdown(results: list[dict[str, Any]], meta: dict[str, Any]) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Written by `./dev bench` (`bench/run.py`); the same figures as JSON in `bench/results.json`.",
        "Every app figure stands beside its limit measured in the same run, on the same machine and",
        f"database: read the ratios, not the times. Each figure is the median of {meta['runs']} runs after",
        "a warm-up, unless its row says otherwise.",
        "",
        "## Machine and run",
        "",
        f"- Date: {meta['date']}; the whole run took {meta['minutes']} minutes",
        f"- CPU: {meta['cpu']}; RAM {meta['memory_gb']} GB",
        f"- OS: {meta['os']}",
        f"- {meta['software']}",
        "- Data: "
        + ", ".join(f"{s:,}" for s in meta["sizes"])
        + " service records over every nagari of the two "
        "kabupaten, 2,000 cases and three years, from a fixed seed (`bench/bench_data.py`)",
    ]
    for fill in meta["fills"]:
        lines.append(f"- Filled {fill['rows']:,} rows on {fill['backend']} in {fill['seconds']:,} s")
    if meta["failures"]:
        lines.append(f"- **Failed measurements** (see the run's output): {', '.join(meta['failures'])}")
    lines += [
        "",
        "## Results",
        "",
        "| Measurement | Backend | Rows | App | Limit | Limit is | Ratio | Target |",
        "|---|---|---:|---:|---:|---|---:|---|",
    ]
    order = list(TITLES)
    ranked = sorted(
        results, key=lambda r: (order.index(r["name"]) if r["name"] in order else 99, r["backend"], r["rows"])
    )
    for r in ranked:
        unit = " MB" if r.get("unit") == "MB" else " ms"
        limit = "" if r["limit_ms"] is None else f"{r['limit_ms']:,.1f}{unit}"
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}"
        lines.append(
            f"| {TITLES.get(r['name'], r['name'])} | {r['backend']} | {r['rows']:,} "
            f"| {r['app_ms']:,.1f}{unit} | {limit} | {LIMITS.get(r['name'], '')} | {ratio} "
            f"| {verdict(r, results)} |"
        )
    lines += ["", "## Notes", ""]
    extra = [r for r in ranked if r.get("count_ms") is not None or r.get("landmarks_ready_ms") is not None]
    for r in extra:
        if r.get("count_ms") is not None:
            kind = "exact" if r["count_exact"] else "estimated (the exact count follows in the background)"
            lines.append(
                f"- {TITLES[r['name']]}, {r['backend']}, {r['rows']:,} rows: the count beside the page took "
                f"{r['count_ms']:,.1f} ms, {kind}."
            )
        if r.get("landmarks_ready_ms") is not None:
            lines.append(
                f"- Qt table, {r['backend']}, {r['rows']:,} rows: the exact count was in "
                f"{r['count_ready_ms']:,.0f} ms after opening (the jump to the end is measured from then; "
                "before, the last rows show '…' for that long), the landmarks (a key every 5,000 rows, "
                f"read in the background) in {r['landmarks_ready_ms']:,.0f} ms; until then a row far from "
                "both ends and from the pages read is read from the nearest of them."
            )
    return "\n".join(lines) + "\n"
