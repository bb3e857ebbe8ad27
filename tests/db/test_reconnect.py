"""A shared PostgreSQL that restarts or drops a connection mid-session.

The next action after a restart succeeds by reconnecting outside a transaction; a
transaction that was cut off is not replayed: it fails with a clear message and leaves
nothing behind; the user's typed values (the draft object) are untouched.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import uuid

import pytest

from desktop.models import IncomingLetter, SopCase, connection, db
from desktop.services.errors import DatabaseUnavailable
from desktop.services.sijarla import steps as sijarla
from desktop.services.sop.worklists import worklist

from ..conftest import _pg_template
from .factories import letter_draft, make_office, session


@pytest.fixture
def pg_database(pg_server):
    """A migrated PostgreSQL database of its own (these faults have no SQLite counterpart)."""
    name = f"dinas_reconnect_{uuid.uuid4().hex[:12]}"
    pg_server.create_database(name, _pg_template(pg_server))
    connection.initialize(pg_server.url(name))
    try:
        yield pg_server
    finally:
        connection.close()
        pg_server.drop_database(name)


def restart(server) -> None:
    base = server.datadir.parent
    argv = [
        str(server.bindir / "pg_ctl"),
        "-D",
        str(server.datadir),
        "-l",
        str(base / "server.log"),
        "-w",
        "-t",
        "60",
        "-m",
        "fast",
        "restart",
    ]
    if os.geteuid() == 0:
        argv = ["runuser", "-u", "postgres", "--", *argv]
    done = subprocess.run(argv, cwd=base, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr


def kill_our_backends(server, dbname: str) -> int:
    con = server.connect()
    try:
        with con.cursor() as cur:
            cur.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (dbname,),
            )
            return cur.fetchone()[0]
    finally:
        con.close()


def test_next_action_after_a_server_restart_succeeds(pg_database):
    make_office()
    sijarla.register_letter(session("meja"), letter_draft())
    restart(pg_database)
    receipt = sijarla.register_letter(session("meja"), letter_draft(letter_number="140/28/WN-KB/2026"))
    assert IncomingLetter.select().count() == 2
    assert [e.number for e in worklist(session("kabid"), "kabid_pelayanan")][-1] == receipt.case_reference


def test_a_transaction_cut_off_is_not_replayed_and_leaves_nothing(pg_database, monkeypatch):
    make_office()
    draft = letter_draft()
    dbname = db.obj.database
    original = sijarla._attach

    def attach_then_lose_connection(*args, **kwargs):
        row = original(*args, **kwargs)
        assert kill_our_backends(pg_database, dbname) >= 1  # the network drops mid-save
        return row

    monkeypatch.setattr(sijarla, "_attach", attach_then_lose_connection)
    with pytest.raises(DatabaseUnavailable, match="terputus"):
        sijarla.register_letter(session("meja"), draft)
    monkeypatch.undo()
    assert draft.subject.startswith("Permohonan")  # what the clerk typed is still in the form
    assert IncomingLetter.select().count() == 0 and SopCase.select().count() == 0
    receipt = sijarla.register_letter(session("meja"), draft)  # the retry works on a new connection
    assert receipt.agenda_number == f"0001/AG/{dt.date.today().year}"  # the lost number was never used


def test_an_unreachable_server_gives_a_clear_message(pg_database):
    from desktop.models.connection import make_database

    lost = make_database(pg_database.url("postgres").replace(f":{pg_database.port}/", ":1/"))
    with pytest.raises(DatabaseUnavailable, match="tidak dapat dihubungi"):
        lost.connect()
