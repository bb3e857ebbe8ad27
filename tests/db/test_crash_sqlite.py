"""A writer killed with SIGKILL at random moments leaves a sound SQLite file with only whole use cases.

Round after round, tests/db/crash_writer.py opens the same file through the app's start-up
and works through the SIJARLA services (letters, dispositions signed, Surat Tugas, the
preparation checklist, service records) until it is killed, 0.05 to 0.6 s after it said
"ready". After each kill the file is opened again, as the next start of the app would,
and checked with plain sqlite3:

- PRAGMA integrity_check says ok and PRAGMA foreign_key_check finds nothing;
- every letter has its case, its registration step, both requested services and its scan,
  and every case has its letter (a use case is one transaction: all of it or none);
- every signed disposition has its signature and its case moved on, with the team set;
- the SOP engine's invariant: a case opens at version 1 and every transition writes one
  CaseStep row and one 'langkah_sop' audit line and bumps the version by one, all in one
  transaction, so version = 1 + its CaseStep rows, and CaseStep rows = those audit lines;
- agenda numbers, case references and Surat Tugas numbers run 1..n without a gap or a
  duplicate, and each sequence's last value is n (a killed transaction gives its number back).
"""

from __future__ import annotations

import os
import random
import re
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

WRITER = Path(__file__).with_name("crash_writer.py")
ROUNDS = 30
REPO = Path(__file__).resolve().parents[2]

# Each query lists what breaks a rule; an empty result is a pass.
PARTIAL = {
    "surat tanpa kasus": "SELECT id FROM incoming_letter WHERE case_id NOT IN (SELECT id FROM sop_case)",
    "surat tanpa langkah registrasi": """
        SELECT l.id FROM incoming_letter l WHERE NOT EXISTS (
            SELECT 1 FROM case_step s WHERE s.case_id = l.case_id AND s.step_code = 'registrasi')""",
    "surat tanpa kedua layanan yang dimohon": """
        SELECT l.id FROM incoming_letter l
        WHERE (SELECT count(*) FROM requested_service r WHERE r.letter_id = l.id) != 2""",
    "surat tanpa pindaian": """
        SELECT l.id FROM incoming_letter l
        WHERE (SELECT count(*) FROM attachment a WHERE a.letter_id = l.id) != 1""",
    "kasus tanpa surat": """
        SELECT c.id FROM sop_case c
        WHERE NOT EXISTS (SELECT 1 FROM incoming_letter l WHERE l.case_id = c.id)""",
    "versi kasus bukan 1 + jumlah langkah": """
        SELECT c.id FROM sop_case c
        WHERE c.version != 1 + (SELECT count(*) FROM case_step s WHERE s.case_id = c.id)""",
    "langkah tanpa baris audit": """
        SELECT 1 WHERE (SELECT count(*) FROM case_step)
            != (SELECT count(*) FROM audit_log WHERE action = 'langkah_sop')""",
    "kasus dibuka tanpa baris audit": """
        SELECT 1 WHERE (SELECT count(*) FROM sop_case)
            != (SELECT count(*) FROM audit_log WHERE action = 'kasus_dibuka')""",
    "disposisi bertanda tangan, kasus belum bergerak": """
        SELECT d.id FROM disposition d JOIN sop_case c ON c.id = d.case_id
        WHERE d.signed_at IS NOT NULL AND (
            d.signed_by_id IS NULL OR d.signature_sha256 IS NULL OR c.current_step = 'disposisi'
            OR c.team_id IS NOT d.team_id OR NOT EXISTS (
                SELECT 1 FROM case_step s
                WHERE s.case_id = c.id AND s.step_code = 'disposisi' AND s.action = 'selesai'))""",
    "kasus melewati disposisi tanpa tanda tangan": """
        SELECT c.id FROM sop_case c WHERE c.current_step NOT IN ('registrasi', 'disposisi')
        AND NOT EXISTS (SELECT 1 FROM disposition d WHERE d.case_id = c.id AND d.signed_at IS NOT NULL)""",
    "disposisi tanpa baris audit": """
        SELECT 1 WHERE (SELECT count(*) FROM disposition WHERE signed_at IS NOT NULL)
            != (SELECT count(*) FROM audit_log WHERE action = 'disposisi_ditandatangani')
        OR (SELECT count(*) FROM disposition)
            != (SELECT count(*) FROM audit_log WHERE action = 'disposisi_ditulis')""",
    "surat tugas tidak utuh": """
        SELECT a.id FROM assignment_letter a JOIN sop_case c ON c.id = a.case_id
        WHERE a.signed_at IS NULL OR a.signature_sha256 IS NULL
        OR (SELECT count(*) FROM assignment_member m WHERE m.letter_id = a.id) != 2
        OR (SELECT count(*) FROM preparation_check p WHERE p.case_id = a.case_id) != 3
        OR c.current_step IN ('registrasi', 'disposisi', 'surat_tugas')""",
    "kasus melewati surat tugas tanpa surat tugas": """
        SELECT c.id FROM sop_case c WHERE c.current_step IN ('persiapan', 'pelayanan')
        AND NOT EXISTS (SELECT 1 FROM assignment_letter a WHERE a.case_id = c.id)""",
    "pelayanan sebelum persiapan lengkap": """
        SELECT c.id FROM sop_case c WHERE c.current_step = 'pelayanan'
        AND (SELECT count(*) FROM preparation_check p WHERE p.case_id = c.id AND p.is_done) != 3""",
    "centang tanpa baris audit": """
        SELECT 1 WHERE (SELECT coalesce(sum(version - 1), 0) FROM preparation_check)
            != (SELECT count(*) FROM audit_log WHERE action = 'persiapan_dicentang')""",
    "data pelayanan di luar tahap pelayanan": """
        SELECT r.id FROM service_record r JOIN sop_case c ON c.id = r.case_id
        WHERE c.current_step != 'pelayanan'""",
    "data pelayanan tanpa baris audit": """
        SELECT 1 WHERE (SELECT count(*) FROM service_record)
            != (SELECT count(*) FROM audit_log WHERE action = 'pelayanan_dicatat')""",
}

# pattern code, the numbers as stored, how to read the sequence number out of one
SEQUENCES = {
    "agenda": ("SELECT agenda_number FROM incoming_letter", re.compile(r"^(\d+)/AG/\d{4}$")),
    "kasus_sijarla": ("SELECT reference FROM sop_case", re.compile(r"^SJL-\d{4}-(\d+)$")),
    "surat_tugas": ("SELECT number FROM assignment_letter", re.compile(r"^400\.12/(\d+)/ST/")),
}


def problems(path: Path) -> list[str]:
    """Every broken rule in the file, as readable lines (empty: the file is sound and whole)."""
    con = sqlite3.connect(path)
    try:
        found = []
        integrity = con.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            found.append(f"integrity_check: {integrity[:5]}")
        orphans = con.execute("PRAGMA foreign_key_check").fetchall()
        if orphans:
            found.append(f"foreign_key_check: {orphans[:5]}")
        for rule, sql in PARTIAL.items():
            rows = con.execute(sql).fetchall()
            if rows:
                found.append(f"{rule}: {rows[:5]}")
        for code, (sql, pattern) in SEQUENCES.items():
            found.extend(_sequence_problems(con, code, sql, pattern))
        return found
    finally:
        con.close()


def _sequence_problems(con: sqlite3.Connection, code: str, sql: str, pattern: re.Pattern) -> list[str]:
    numbers = [row[0] for row in con.execute(sql)]
    seqs = sorted(int(m.group(1)) for m in map(pattern.match, numbers) if m)
    if len(seqs) != len(numbers):
        return [f"{code}: numbers not in the pattern: {numbers[:5]}"]
    last = con.execute(
        "SELECT coalesce(max(s.last_value), 0) FROM number_sequence s "
        "JOIN numbering_pattern p ON p.id = s.pattern_id WHERE p.code = ?",
        (code,),
    ).fetchone()[0]
    if seqs != list(range(1, len(seqs) + 1)) or last != len(seqs):
        return [f"{code}: gaps or duplicates: {seqs[-10:]}, sequence at {last}"]
    return []


def counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        tables = ("incoming_letter", "disposition", "assignment_letter", "service_record", "case_step")
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}  # noqa: S608
    finally:
        con.close()


def run_writer(path: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(path), *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, DINAS_DESK_FAST_HASH="1"),
    )


def wait_ready(writer: subprocess.Popen, timeout: float = 60) -> None:
    assert writer.stdout is not None
    ready, _, _ = select.select([writer.stdout], [], [], timeout)
    line = writer.stdout.readline() if ready else ""
    if line.strip() != "ready":
        writer.kill()
        _, err = writer.communicate()
        pytest.fail(f"the writer did not start (said {line!r}):\n{err}")


def test_killed_writer_leaves_only_whole_use_cases(tmp_path: Path):
    path = tmp_path / "crash.sqlite3"
    setup = run_writer(path, "--setup")
    _, err = setup.communicate(timeout=120)
    assert setup.returncode == 0, err

    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    started, progress = time.monotonic(), []
    for round_number in range(1, ROUNDS + 1):
        writer = run_writer(path)
        wait_ready(writer)
        time.sleep(rng.uniform(0.05, 0.6))
        if writer.poll() is not None:  # it must still be working: it only stops when killed
            pytest.fail(f"round {round_number}: the writer stopped by itself:\n{writer.communicate()[1]}")
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate(timeout=30)
        assert writer.returncode == -signal.SIGKILL
        found = problems(path)
        assert not found, f"round {round_number} (seed {seed}): partial records after a kill:\n" + "\n".join(
            found
        )
        progress.append(out.count("done"))

    total = counts(path)
    elapsed = time.monotonic() - started
    print(f"seed {seed}: {ROUNDS} kills in {elapsed:.1f} s, requests served per round {progress}, {total}")
    assert total["incoming_letter"] > ROUNDS // 2, "the writer hardly wrote anything before being killed"
    assert total["service_record"] > 0 and total["disposition"] > 0
    assert_checks_can_fail(path, tmp_path / "damaged.sqlite3")


def assert_checks_can_fail(path: Path, damaged: Path) -> None:
    """The checks are not vacuous: a copy with half a use case removed by hand is caught."""
    source, target = sqlite3.connect(path), sqlite3.connect(damaged)
    source.backup(target)
    source.close()
    target.execute("DELETE FROM requested_service WHERE id = (SELECT max(id) FROM requested_service)")
    target.execute("DELETE FROM case_step WHERE id = (SELECT max(id) FROM case_step)")
    target.execute("UPDATE number_sequence SET last_value = last_value + 1")
    target.commit()
    target.close()
    found = " | ".join(problems(damaged))
    for rule in ("kedua layanan", "versi kasus", "langkah tanpa baris audit", "agenda: gaps"):
        assert rule in found, f"the check '{rule}' missed a damaged file: {found}"
