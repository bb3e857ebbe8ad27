"""The benchmarks' data: a database migrated and seeded through the app, then filled with plausible
service records at the driver's speed (sqlite3 executemany, PostgreSQL COPY), reproducibly.

The records spread over every nagari of the office's kabupaten, CASES cases and DAYS days (three
years), with valid NIKs unique per case and category, from a fixed seed: the same rows on both
backends and on every run. For ten million rows the secondary indexes of service_record are
dropped while filling and built again after (as a restore would), which is several times faster
than keeping them up to date row by row; the figures are taken on the finished, analysed table.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import sqlite3
import time
from pathlib import Path

CASES = 2000
DAYS = 1095  # three years of service: one month holds about 1/36 of the rows
FIRST = "Siti Ahmad Rahmah Yusri Nurhayati Afrizal Desi Zulhendri Fitri Hendra Murni Rudi".split()
LAST = "Chaniago Piliang Tanjung Koto Jambak Sikumbang Guci Melayu Sinaga Bendang".split()
COLUMNS = (
    "version updated_at case_id nik full_name kk address jorong nagari_id category_id "
    "target_group_id outcome_id outcome_reason note served_on recorded_by_id recorded_at name_fold"
).split()


def seed(url: str) -> dict:
    """Migrate, load reference data and the demo office, bring one case into service; return ids."""
    from desktop.models import (
        Nagari,
        ServiceCategory,
        ServiceOutcome,
        SopCase,
        TargetGroup,
        User,
        connection,
        db,
        migrations,
    )
    from desktop.services.demo.office import create_office, create_people
    from desktop.services.office.reference_defaults import ensure_reference_data
    from tests.db.test_permissions import at_step

    connection.initialize(url)
    migrations.upgrade()
    ensure_reference_data()
    with db.atomic():
        create_office()
        create_people()
    template = SopCase.get_by_id(at_step("pelayanan"))
    outcomes = list(ServiceOutcome.select())
    return {
        "template": template.id,
        "nagari": [n.id for n in Nagari.select().order_by(Nagari.code)],
        "codes": {n.id: n.code for n in Nagari.select()},
        "categories": [c.id for c in ServiceCategory.select()],
        "groups": [g.id for g in TargetGroup.select()],
        "outcomes": [(o.id, o.needs_reason) for o in outcomes],
        "user": User.get(User.username == "anggota1").id,
    }


def clone_cases(ids: dict, count: int) -> list[int]:
    """`count` copies of the seeded case (other nagari and references), by plain INSERTs."""
    from desktop.models import SopCase, db

    base = SopCase.get_by_id(ids["template"])
    rows = []
    for i in range(count - 1):
        rows.append(
            {
                "sop": base.sop_id,
                "reference": f"BENCH-{i:05d}",
                "title": base.title,
                "origin": base.origin,
                "nagari": ids["nagari"][i % len(ids["nagari"])],
                "current_step": "pelayanan",
                "status": "berjalan",
                "opened_by": base.opened_by_id,
                "opened_at": base.opened_at,
                "due_on": base.due_on,
                "team": base.team_id,
            }
        )
    with db.atomic():
        for start in range(0, len(rows), 500):
            SopCase.insert_many(rows[start : start + 500]).execute()  # 2,000 rows: not the bulk path
    return [ids["template"]] + [
        c.id for c in SopCase.select(SopCase.id).where(SopCase.reference.startswith("BENCH-"))
    ]


def records(ids: dict, cases: list[int], count: int, seed_value: int = 20260801):
    """`count` plausible records (valid NIKs, unique per case and category) as tuples of COLUMNS."""
    rng = random.Random(seed_value)
    today = dt.date.today()
    nagari, codes = ids["nagari"], ids["codes"]
    now = dt.datetime.now().replace(microsecond=0)
    for i in range(count):
        place = nagari[rng.randrange(len(nagari))]
        serial, rest = i % 9999 + 1, i // 9999
        day, month, year = 1 + rest % 28, 1 + (rest // 28) % 12, (rest // 336) % 100
        female = rng.random() < 0.5
        region = codes[place][:8].replace(".", "")
        nik = f"{region}{day + (40 if female else 0):02d}{month:02d}{year:02d}{serial:04d}"
        outcome, needs_reason = ids["outcomes"][rng.randrange(len(ids["outcomes"]))]
        served = today - dt.timedelta(days=rng.randrange(DAYS))
        jorong = f"Jorong {rng.randrange(1, 9)}"
        name = f"{FIRST[rng.randrange(len(FIRST))]} {LAST[rng.randrange(len(LAST))]}"
        yield (
            1,
            now,
            cases[i % len(cases)],
            nik,
            name,
            None if rng.random() < 0.2 else nik[:6] + f"{i:010d}",
            jorong,
            jorong,
            place,
            ids["categories"][rng.randrange(len(ids["categories"]))],
            ids["groups"][rng.randrange(len(ids["groups"]))],
            outcome,
            "Alasan" if needs_reason else "",
            "",
            served,
            ids["user"],
            now,
            name.casefold(),  # what services.validation.fold writes for these ASCII names
        )


def fill_sqlite(path: Path, rows) -> float:
    """sqlite3 executemany in one transaction, the secondary indexes built after; then ANALYZE."""
    started = time.perf_counter()
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA journal_mode=MEMORY")
    indexes = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'service_record' "
        "AND sql IS NOT NULL"
    ).fetchall()
    sql = f"INSERT INTO service_record ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    with con:
        for name, _sql in indexes:
            con.execute(f'DROP INDEX "{name}"')
        batch = []
        for row in rows:
            batch.append(tuple(_sqlite_value(v) for v in row))
            if len(batch) == 100_000:
                con.executemany(sql, batch)
                batch = []
        con.executemany(sql, batch)
        for _name, index_sql in indexes:
            con.execute(index_sql)
    con.execute("ANALYZE")
    con.close()
    return time.perf_counter() - started


def _sqlite_value(value):
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    return value.isoformat() if isinstance(value, dt.date) else value


def fill_postgres(url: str, rows) -> float:
    """COPY in CSV batches with the secondary indexes dropped and built after, then VACUUM ANALYZE
    (so that index-only scans can happen, as on a table in use)."""
    import psycopg2

    started = time.perf_counter()
    con = psycopg2.connect(url)
    with con, con.cursor() as cur:
        # Plain indexes only: a constraint's index (the primary key) stays.
        cur.execute(
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid "
            "WHERE x.indrelid = 'service_record'::regclass AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)"
        )
        indexes = cur.fetchall()
        for name, _sql in indexes:
            cur.execute(f'DROP INDEX "{name}"')
        # Strings quoted: an empty reason stays '' (COPY reads an unquoted empty field as NULL).
        batch, n = io.StringIO(), 0
        writer = csv.writer(batch, quoting=csv.QUOTE_NONNUMERIC)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
            n += 1
            if n % 200_000 == 0:
                _copy(cur, batch)
                batch = io.StringIO()
                writer = csv.writer(batch, quoting=csv.QUOTE_NONNUMERIC)
        _copy(cur, batch)
        cur.execute("SET maintenance_work_mem = '512MB'")
        for _name, index_sql in indexes:
            cur.execute(index_sql)
    con.autocommit = True
    with con.cursor() as cur:
        cur.execute("VACUUM ANALYZE service_record")
    con.close()
    return time.perf_counter() - started


def _copy(cur, batch: io.StringIO) -> None:
    batch.seek(0)
    # kk empty means NULL (FORCE_NULL); the other texts are never empty except reason and note.
    cur.copy_expert(
        f"COPY service_record ({', '.join(COLUMNS)}) FROM STDIN WITH (FORMAT csv, FORCE_NULL (kk))", batch
    )
