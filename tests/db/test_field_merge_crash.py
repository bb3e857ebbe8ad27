"""A merge killed with SIGKILL at random moments leaves the office database as it was before it.

Once: an office database with a case at its service step, the case taken out to one laptop, and
the package filled in field mode with RECORDS records (tests/db/field_fill). Then, round after
round, tests/db/field_merge_child.py connects to the office database (the same URL) and brings
the package back; it is killed at a random moment within 1.2 x the time one whole merge takes
(measured first, in this process, in a transaction rolled back), counted from the moment it is
told to start or, every other round, from the moment the merge's transaction opened. After each
kill the office database is read again and is either exactly as before the merge (the case's
records, the conflicts, the field audit lines, the package still 'dibawa': checksums of the
rows), or, when the merge had committed before the kill, exactly merged; then it is put back as
before (a copy).
SQLite's file passes its integrity_check after every kill. The rounds go on until at least
INTERRUPTED kills fell before the commit (the child says when the merge's transaction opened:
most of them fall inside it). Last, a merge left alone succeeds and every record is there once.
"""

from __future__ import annotations

import hashlib
import os
import random
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from desktop.models import ServiceRecord, connection, db
from desktop.services.field import export, merge

from .factories import session
from .field_case import PASSPHRASE, case_in_service
from .field_fill import fill_package

pytestmark = pytest.mark.slow

CHILD = Path(__file__).with_name("field_merge_child.py")
REPO = Path(__file__).resolve().parents[2]
RECORDS = 2000
INTERRUPTED = 20  # kills that must fall before the merge committed
MAX_ROUNDS = 60


def _sql(sql: str, params=()) -> list[tuple]:
    if db.obj.param != "?":
        sql = sql.replace("?", "%s")
    return db.execute_sql(sql, params).fetchall()


def _digest(rows: list[tuple]) -> str:
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def state(case_id: int) -> dict:
    """What a merge changes, as counts and checksums."""
    records = _sql("SELECT * FROM service_record WHERE case_id = ? ORDER BY id", (case_id,))
    uids = _sql(
        "SELECT field_uid FROM service_record WHERE case_id = ? AND field_uid IS NOT NULL", (case_id,)
    )
    conflicts = _sql("SELECT * FROM field_conflict ORDER BY id")
    field_lines = _sql("SELECT * FROM audit_log WHERE action LIKE ? ORDER BY id", ("lapangan:%",))
    package = _sql("SELECT status, version, audit_copied, summary, returned_by_id FROM field_package")
    return {
        "records": len(records),
        "records_sum": _digest(records),
        "field_uids": len(set(uids)),
        "conflicts": len(conflicts),
        "conflicts_sum": _digest(conflicts),
        "field_audit": len(field_lines),
        "field_audit_sum": _digest(field_lines),
        "audit_lines": _sql("SELECT count(*) FROM audit_log")[0][0],
        "package": package,
    }


def merged(now: dict, before: dict, result: merge.MergeResult) -> bool:
    """Whether `now` is the whole merge on top of `before`."""
    return (
        now["records"] == before["records"] + RECORDS
        and now["field_uids"] == RECORDS
        and now["conflicts"] == before["conflicts"]
        and now["field_audit"] == result.audit_lines
        and now["audit_lines"] == before["audit_lines"] + result.audit_lines + 1
        and [p[0] for p in now["package"]] == ["dikembalikan"]
    )


class Office:
    """The office database by its URL: a copy kept aside, put back when a merge got through."""

    def __init__(self, url: str, request: pytest.FixtureRequest, tmp_path: Path):
        self.url = url
        self.sqlite = url.startswith("sqlite")
        if self.sqlite:
            self.path = Path(urlsplit(url).path)
            self.saved = tmp_path / "office-before-merge.sqlite3"
        else:
            self.server = request.getfixturevalue("pg_server")
            self.name = urlsplit(url).path.lstrip("/")
            self.saved_name = f"{self.name}_saved"

    def save(self) -> None:
        connection.close()
        if self.sqlite:
            shutil.copyfile(self.path, self.saved)
        else:
            self.server.create_database(self.saved_name, template=self.name)
        connection.initialize(self.url)

    def restore(self) -> None:
        connection.close()
        if self.sqlite:
            for suffix in ("-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(self.saved, self.path)
        else:
            self.server.drop_database(self.name)
            self.server.create_database(self.name, template=self.saved_name)
        connection.initialize(self.url)

    def drop_saved(self) -> None:
        if not self.sqlite:
            self.server.drop_database(self.saved_name)

    def integrity(self) -> None:
        if self.sqlite:
            con = sqlite3.connect(self.path)
            try:
                assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                assert con.execute("PRAGMA foreign_key_check").fetchall() == []
            finally:
                con.close()

    def wait_gone(self, backend_pid: int) -> None:
        """PostgreSQL: the killed child's server process has ended (its transaction rolled back, or
        its commit done) before the database is read."""
        if self.sqlite or not backend_pid:
            return
        deadline = time.monotonic() + 30
        while _sql("SELECT count(*) FROM pg_stat_activity WHERE pid = ?", (backend_pid,))[0][0]:
            assert time.monotonic() < deadline, f"backend {backend_pid} still there 30 s after the kill"
            time.sleep(0.01)


def start_child(url: str, path: Path) -> tuple[subprocess.Popen, int]:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), url, str(path)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, DINAS_DESK_FAST_HASH="1"),
    )
    assert child.stdout is not None
    ready, _, _ = select.select([child.stdout], [], [], 60)
    line = child.stdout.readline() if ready else ""
    if not line.startswith("ready"):
        child.kill()
        _, err = child.communicate()
        pytest.fail(f"the merge child did not start (said {line!r}):\n{err}")
    return child, int(line.split()[1])


def test_killed_merge_leaves_the_office_database_as_before(database, request, tmp_path):
    started = time.monotonic()
    case_id = case_in_service()
    [taken] = export.take_out(session("ketua1"), case_id, ["Laptop 1"], PASSPHRASE, tmp_path)
    connection.close()
    fill_package(taken.path, case_id, RECORDS)
    connection.initialize(database)
    office = Office(database, request, tmp_path)
    office.save()
    before = state(case_id)
    assert [p[0] for p in before["package"]] == ["dibawa"]

    # One whole merge, rolled back: how long a merge takes, and what it leaves.
    ketua = session("ketua1")
    timed = time.perf_counter()
    with db.atomic() as transaction:
        result = merge.bring_back(ketua, taken.path)
        merge_seconds = time.perf_counter() - timed
        assert merged(state(case_id), before, result), state(case_id)
        transaction.rollback()
    assert state(case_id) == before
    assert result.added == RECORDS and result.conflicts == 0

    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    rounds = interrupted = inside = completed = 0
    while interrupted < INTERRUPTED and rounds < MAX_ROUNDS:
        rounds += 1
        child, backend_pid = start_child(database, taken.path)
        delay = rng.uniform(0, 1.2 * merge_seconds)
        child.stdin.write("go\n")
        child.stdin.flush()
        opened = False
        if rounds % 2 == 0:  # every other round, the delay runs from the transaction's opening
            ready, _, _ = select.select([child.stdout], [], [], 60)
            opened = bool(ready) and child.stdout.readline().strip() == "in"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=30)
        opened = opened or "in" in out.split()
        office.wait_gone(backend_pid)
        office.integrity()
        now = state(case_id)
        where = f"round {rounds} (seed {seed}, kill after {delay * 1000:.0f} ms)"
        if child.returncode != -signal.SIGKILL:
            assert child.returncode == 0 and "done" in out, f"{where}: the merge failed:\n{err}"
        if now == before:
            assert "done" not in out, f"{where}: the merge said done, and nothing is merged"
            interrupted += 1
            inside += opened
        else:
            assert merged(now, before, result), f"{where}: a partial merge after a kill:\n{now}\n{before}"
            completed += 1
            office.restore()
            assert state(case_id) == before

    elapsed = time.monotonic() - started
    print(
        f"seed {seed}: {rounds} rounds, {interrupted} interrupted ({inside} inside the merge's transaction), "
        f"{completed} completed before the kill; one merge {merge_seconds * 1000:.0f} ms; {elapsed:.1f} s"
    )
    assert interrupted >= INTERRUPTED, f"only {interrupted} of {rounds} kills interrupted the merge"
    assert inside >= INTERRUPTED // 2, f"only {inside} kills fell inside the merge's transaction"

    # The next merge, left alone, succeeds: every record there once.
    child, _pid = start_child(database, taken.path)
    out, err = child.communicate("go\n", timeout=120)
    assert child.returncode == 0 and f"done {RECORDS}" in out, err
    office.integrity()
    after = state(case_id)
    assert merged(after, before, result), after
    uids = [u for (u,) in _sql("SELECT field_uid FROM service_record WHERE field_uid IS NOT NULL")]
    assert len(uids) == len(set(uids)) == RECORDS
    # The field's audit lines name the records by their office ids.
    office_ids = _sql("SELECT id FROM service_record WHERE case_id = ? AND field_uid IS NOT NULL", (case_id,))
    named = _sql("SELECT entity_id FROM audit_log WHERE action = ?", ("lapangan:pelayanan_dicatat",))
    assert sorted(i for (i,) in named) == sorted(i for (i,) in office_ids)
    again = merge.bring_back(ketua, taken.path)
    assert (again.added, again.conflicts, again.already_returned) == (0, 0, True)
    assert ServiceRecord.select().where(ServiceRecord.case == case_id).count() == before["records"] + RECORDS
    office.drop_saved()
