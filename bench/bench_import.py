"""Importing service records: a file of N rows (.csv and .xlsx) through record_import, beside the raw
write of the same rows (sqlite3 executemany / PostgreSQL COPY) on the same connection, in the same run.

    .venv/bin/python bench/bench_import.py --rows 100000           # SQLite and a throwaway PostgreSQL

Run by `./dev bench` (bench/run.py) too, into bench/results.json. Each figure is the median
of REPEAT runs; every run imports into the same case, then its rows are deleted (not timed).

- app: open_table (read the file once) and import_records (check every row, one bulk write through
  desktop.models.bulk, commit, one audit line), as the import window runs it;
- read only: open_table and walking its rows, nothing checked;
- raw: the rows the app stored, read back as the driver returns them, written again in one
  transaction: sqlite3 executemany of one prepared INSERT, or COPY FROM STDIN of their text
  (str() per value, no escaping needed for these rows), then commit.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # bench_data, for seed()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DINAS_DESK_FAST_HASH", "1")

REPEAT = 3
HEADER = "NIK Nama KK Alamat Jorong Nagari Kategori Sasaran Hasil Alasan Tanggal".split()
FIRST = "Siti Ahmad Rahmah Yusri Nurhayati Afrizal Desi Zulhendri Fitri Hendra Murni Rudi".split()
LAST = "Chaniago Piliang Tanjung Koto Jambak Sikumbang Guci Melayu Sinaga Bendang".split()
# Spellings as offices type them (codes, names, aliases), and outcomes with and without a reason.
CATEGORIES = ["ktp_rekam", "KTP-el", "KIA (Kartu Identitas Anak)", "akta lahir", "ikd", "Perubahan KK"]
SERVICES = [("umum", "selesai", ""), ("lansia", "selesai", ""), ("sakit", "gagal_rekam", "Sidik jari aus")]


@dataclass
class ImportFigures:
    label: str
    rows: int
    app: dict[str, float] = field(default_factory=dict)  # "csv" / "xlsx" -> seconds (median)
    read: dict[str, float] = field(default_factory=dict)
    raw: float = 0.0
    raw_kind: str = ""


def file_rows(count: int, nagari_code: str, day: dt.date, seed: int = 20261207) -> list[list]:
    """`count` valid rows of one case's nagari (NIKs unique, births spread over 60 years)."""
    rng = random.Random(seed)
    region = nagari_code[:8].replace(".", "")
    rows = []
    for i in range(count):
        serial, rest = i % 9999 + 1, i // 9999
        day_of_birth = 1 + rest % 28 + (40 if rng.random() < 0.5 else 0)
        born = f"{day_of_birth:02d}{1 + (rest // 28) % 12:02d}{(40 + rest // 336) % 100:02d}"
        nik = f"{region}{born}{serial:04d}"
        kk = f"{region}{1 + rng.randrange(28):02d}{1 + rng.randrange(12):02d}{rng.randrange(5, 25):02d}"
        group, outcome, reason = SERVICES[rng.randrange(len(SERVICES))]
        jorong = f"Jorong {rng.randrange(1, 9)}"
        rows.append(
            [
                nik,
                f"{FIRST[rng.randrange(len(FIRST))]} {LAST[rng.randrange(len(LAST))]}",
                kk + f"{rng.randrange(1, 9999):04d}" if rng.random() < 0.7 else "",
                f"{jorong}, rumah {i}",
                jorong,
                nagari_code,
                CATEGORIES[rng.randrange(len(CATEGORIES))],
                group,
                outcome,
                reason,
                day,
            ]
        )
    return rows


def write_csv(path: Path, rows: list[list]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows([*r[:-1], f"{r[-1]:%d-%m-%Y}"] for r in rows)


def write_xlsx(path: Path, rows: list[list]) -> None:
    """openpyxl's write-only mode: real date cells, and no <dimension> tag (as several exporters)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Data pelayanan")
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)


def seed_case(url: str) -> tuple[int, str]:
    """A fresh database with the demo office and one case in service; (case id, its nagari code)."""
    from bench_data import seed

    from desktop.models import SopCase

    ids = seed(url)
    case = SopCase.get_by_id(ids["template"])
    return case.id, case.nagari.code


def measure_import(label: str, url: str, count: int, work: Path) -> ImportFigures:
    """Seed `url`, write the files, and time app, read-only and raw (median of REPEAT each)."""
    from desktop.models import connection, db

    figures = ImportFigures(label, count)
    print(f"[{label}] import: seeding", flush=True)
    case_id, code = seed_case(url)
    files = {"csv": work / f"import-{count}.csv", "xlsx": work / f"import-{count}.xlsx"}
    if not files["xlsx"].exists():
        print(f"[{label}] import: writing {count:,} rows as .csv and .xlsx", flush=True)
        rows = file_rows(count, code, dt.date.today())
        write_csv(files["csv"], rows)
        write_xlsx(files["xlsx"], rows)
    stored: list[tuple] = []
    times: dict[str, list[float]] = {"csv": [], "xlsx": [], "raw": [], "read csv": [], "read xlsx": []}
    for run in range(REPEAT):
        for kind, path in files.items():
            print(f"[{label}] import run {run + 1}: {kind}", flush=True)
            times[f"read {kind}"].append(_read_only(path))
            times[kind].append(_app_import(case_id, path, count))
            if not stored:
                stored = _stored(case_id)
            _delete(db, case_id)
        print(f"[{label}] import run {run + 1}: raw", flush=True)
        times["raw"].append(_raw(db, stored))
        _delete(db, case_id)
    figures.app = {k: statistics.median(times[k]) for k in files}
    figures.read = {k: statistics.median(times[f"read {k}"]) for k in files}
    figures.raw = statistics.median(times["raw"])
    figures.raw_kind = "COPY" if db.obj.param != "?" else "executemany"
    connection.close()
    return figures


def _read_only(path: Path) -> float:
    from desktop.services.sijarla import record_import

    started = time.perf_counter()
    table = record_import.open_table(path)
    for _row in table.rows:
        pass
    return time.perf_counter() - started


def _app_import(case_id: int, path: Path, count: int) -> float:
    from desktop.models import User
    from desktop.services.security.auth import session_for
    from desktop.services.sijarla import record_import

    leader = session_for(User.get(User.username == "ketua1"))
    started = time.perf_counter()
    table = record_import.open_table(path)
    result = record_import.import_records(leader, case_id, table.rows)
    elapsed = time.perf_counter() - started
    assert (result.imported, result.errors) == (count, []), result.errors[:3]
    return elapsed


def _columns() -> list[str]:
    from desktop.services.sijarla.record_import import WRITTEN

    return [f.column_name for f in WRITTEN]


def _stored(case_id: int) -> list[tuple]:
    from desktop.models import db

    sql = f"SELECT {', '.join(_columns())} FROM service_record WHERE case_id = {int(case_id)} ORDER BY id"
    return list(db.execute_sql(sql).fetchall())


def _delete(db, case_id: int) -> None:
    with db.atomic():
        db.execute_sql(f"DELETE FROM service_record WHERE case_id = {int(case_id)}")
    if db.obj.param != "?":
        db.execute_sql("VACUUM ANALYZE service_record")  # no dead rows left for the next run


def _raw(db, rows: list[tuple]) -> float:
    columns = _columns()
    started = time.perf_counter()
    with db.atomic():
        cursor = db.cursor()
        if db.obj.param == "?":
            marks = ", ".join("?" * len(columns))
            cursor.executemany(f"INSERT INTO service_record ({', '.join(columns)}) VALUES ({marks})", rows)
        else:
            text = "".join("\t".join("\\N" if v is None else str(v) for v in row) + "\n" for row in rows)
            cursor.copy_expert(f"COPY service_record ({', '.join(columns)}) FROM STDIN", io.StringIO(text))
    return time.perf_counter() - started


def report_lines(figures: ImportFigures) -> list[str]:
    """The import section of RESULTS.md for one backend."""
    raw = figures.raw
    lines = [
        f"Import of {figures.rows:,} rows (`record_import`: read once, every row checked, one bulk write, "
        f"commit), beside the raw {figures.raw_kind} of the same rows; median of {REPEAT} runs:",
        "",
        "| Work | seconds | rows/s | / raw | of which reading the file (s) |",
        "|---|---:|---:|---:|---:|",
        f"| raw {figures.raw_kind}, one transaction | {raw:,.2f} | {figures.rows / raw:,.0f} | 1.00 | |",
    ]
    for kind in ("csv", "xlsx"):
        spent = figures.app[kind]
        lines.append(
            f"| import .{kind} | {spent:,.2f} | {figures.rows / spent:,.0f} | {spent / raw:.2f} "
            f"| {figures.read[kind]:,.2f} |"
        )
    lines += ["", f"xlsx / csv: {figures.app['xlsx'] / figures.app['csv']:.2f}.", ""]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="dinas-bench-import-"))
    os.environ["DINAS_DESK_DATA_DIR"] = str(work / "data")
    results = [measure_import("SQLite", f"sqlite:///{work / 'import.sqlite3'}", args.rows, work)]
    if not args.skip_postgres:
        from tests.conftest import _start_postgres, _stop_postgres

        base = Path(tempfile.mkdtemp(prefix="dinas-bench-pg-"))
        server, runner = _start_postgres(base)
        try:
            server.create_database("bench_import")
            results.append(measure_import("PostgreSQL", server.url("bench_import"), args.rows, work))
        finally:
            _stop_postgres(runner, server)
            shutil.rmtree(base, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    for figures in results:
        print(f"## {figures.label}\n")
        print("\n".join(report_lines(figures)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
