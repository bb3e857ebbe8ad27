"""Bringing a field package back: merging N field-made records, beside the raw write of the same rows.

    .venv/bin/python bench/bench_field.py --rows 10000            # SQLite and a throwaway PostgreSQL

Run by `./dev bench` (bench/run.py) too, into bench/results.json. Once per backend: an office
database with a case at its service step (tests/db/field_case), the case taken out to one laptop,
and the package filled in field mode with N records (tests/db/field_fill: each with its field_uid
from the field database's trigger and its 'pelayanan_dicatat' audit line). Then, each round on a
fresh copy of that office database (a file copy, or CREATE DATABASE ... TEMPLATE; not timed):

- app: merge.bring_back as the team leader: open and authenticate the package, load it, check
  every record against the office's rules and its rows, write them, copy the field's audit lines,
  commit;
- raw: the rows the merge stored, read back, written again in one transaction through
  desktop.models.bulk.insert_rows (sqlite3 executemany of one prepared INSERT, or PostgreSQL
  COPY FROM STDIN), then commit.

Each figure is the median of `runs` rounds after a warm-up round. Target: the merge at most 3x raw.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DINAS_DESK_FAST_HASH", "1")

NAME = "field_merge_10k"
TARGET = 3.0


@dataclass
class FieldFigures:
    backend: str
    rows: int
    merge: float  # seconds, median
    raw: float
    raw_kind: str
    audit_lines: int
    runs: int


class _Copies:
    """The office database as built, and a fresh copy of it for each round."""

    def __init__(self, backend: str, server, work: Path):
        self.backend, self.server, self.work = backend, server, work
        if backend == "sqlite":
            self.source = work / "field-office.sqlite3"
            self.url = f"sqlite:///{self.source}"
            self.copy = work / "field-round.sqlite3"
        else:
            server.drop_database("bench_field_office")
            server.create_database("bench_field_office")
            self.url = server.url("bench_field_office")

    def fresh(self) -> str:
        """A new copy of the office database (its connections closed first); its URL."""
        from desktop.models import connection

        connection.close()
        if self.backend == "sqlite":
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.copy}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(self.source, self.copy)
            return f"sqlite:///{self.copy}"
        self.server.drop_database("bench_field_round")
        self.server.create_database("bench_field_round", template="bench_field_office")
        return self.server.url("bench_field_round")

    def drop(self) -> None:
        from desktop.models import connection

        connection.close()
        if self.backend == "sqlite":
            for path in (self.source, self.copy):
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
        else:
            self.server.drop_database("bench_field_round")
            self.server.drop_database("bench_field_office")


def build(copies: _Copies, rows: int, folder: Path) -> tuple[int, Path]:
    """The office database with a case in service, and its package filled with `rows` records."""
    from desktop.models import connection, migrations
    from desktop.services.field import export
    from tests.db.factories import session
    from tests.db.field_case import PASSPHRASE, case_in_service
    from tests.db.field_fill import fill_package

    connection.initialize(copies.url)
    migrations.upgrade()
    case_id = case_in_service()
    folder.mkdir(parents=True, exist_ok=True)
    [taken] = export.take_out(session("ketua1"), case_id, ["Laptop 1"], PASSPHRASE, folder)
    connection.close()
    fill_package(taken.path, case_id, rows)
    return case_id, taken.path


def _written():
    """The columns a merge writes for a new record (merge._insert), as the raw write lists them."""
    from desktop.models import ServiceRecord
    from desktop.services.sijarla.record_rules import CHECKED_FIELDS

    return [
        ServiceRecord.case, ServiceRecord.recorded_by, ServiceRecord.recorded_at, ServiceRecord.version,
        ServiceRecord.updated_at, ServiceRecord.field_uid, ServiceRecord.field_origin,
        *(getattr(ServiceRecord, name) for name in CHECKED_FIELDS),
    ]  # fmt: skip


def _merge_once(url: str, path: Path, rows: int) -> tuple[float, int, list[tuple]]:
    from desktop.models import ServiceRecord, User, connection
    from desktop.services.field import merge
    from desktop.services.security.auth import session_for

    connection.initialize(url)
    leader = session_for(User.get(User.username == "ketua1"))
    started = time.perf_counter()
    result = merge.bring_back(leader, path)
    elapsed = time.perf_counter() - started
    assert (result.added, result.conflicts) == (rows, 0), result
    stored = list(
        ServiceRecord.select(*_written())
        .where(ServiceRecord.field_uid.is_null(False))
        .order_by(ServiceRecord.id)
        .tuples()
    )
    return elapsed, result.audit_lines, stored


def _raw_once(url: str, stored: list[tuple]) -> float:
    from desktop.models import ServiceRecord, connection, db
    from desktop.models.bulk import insert_rows

    connection.initialize(url)
    started = time.perf_counter()
    with db.atomic():
        written = insert_rows(ServiceRecord, _written(), stored)
    elapsed = time.perf_counter() - started
    assert written == len(stored)
    return elapsed


def measure(backend: str, server, work: Path, rows: int, runs: int) -> FieldFigures:
    """Build once, then merge and raw on fresh copies: a warm-up round and `runs` timed rounds."""
    from desktop.models import connection, db

    copies = _Copies(backend, server, work)
    try:
        print(f"[{backend}] field merge: building a package of {rows:,} records", flush=True)
        _case_id, path = build(copies, rows, work / "field-packages")
        connection.close()
        merges, raws, audit_lines, stored = [], [], 0, []
        for run in range(runs + 1):
            print(f"[{backend}] field merge run {run}{' (warm-up)' if run == 0 else ''}", flush=True)
            elapsed, audit_lines, stored = _merge_once(copies.fresh(), path, rows)
            raw = _raw_once(copies.fresh(), stored)
            if run:
                merges.append(elapsed)
                raws.append(raw)
        kind = "COPY" if db.obj.param != "?" else "executemany"
        return FieldFigures(
            backend, rows, statistics.median(merges), statistics.median(raws), kind, audit_lines, runs
        )
    finally:
        copies.drop()
        shutil.rmtree(work / "field-packages", ignore_errors=True)


def results(figures: FieldFigures) -> list[dict[str, Any]]:
    from bench_common import result

    return [
        result(
            NAME,
            figures.backend,
            figures.rows,
            figures.merge * 1000,
            figures.raw * 1000,
            TARGET,
            figures.runs,
            limit_kind=figures.raw_kind,
            audit_lines=figures.audit_lines,
        )
    ]


def measure_field(backend: str, server, work: Path, rows: int, runs: int) -> list[dict[str, Any]]:
    return results(measure(backend, server, work, rows, runs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="dinas-bench-field-"))
    os.environ["DINAS_DESK_DATA_DIR"] = str(work / "data")
    found = []
    server = runner = base = None
    try:
        found += measure_field("sqlite", None, work, args.rows, args.runs)
        if not args.skip_postgres:
            from tests.conftest import _start_postgres

            base = Path(tempfile.mkdtemp(prefix="dinas-bench-pg-"))
            server, runner = _start_postgres(base)
            found += measure_field("postgresql", server, work, args.rows, args.runs)
    finally:
        if server is not None:
            from tests.conftest import _stop_postgres

            _stop_postgres(runner, server)
        if base is not None:
            shutil.rmtree(base, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    for r in found:
        print(
            f"{r['backend']}: merge of {r['rows']:,} records {r['app_ms']:,.1f} ms, raw {r['limit_kind']} "
            f"{r['limit_ms']:,.1f} ms, ratio {r['ratio']} (target ≤ {TARGET:g}x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
