"""Role names are unique per database: two offices on one server never share a login (issue 13, class 10)."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg2
import pytest

from desktop.models import connection, db, pg_security
from desktop.services import db_secure
from desktop.services.office.reference_defaults import ensure_reference_data
from tests.conftest import PgServer, _pg_template
from tests.db.factories import PASSWORD, make_office
from tests.pg_logins import connect_as, server_password

# 45 characters in common, then different: the old 20-character prefix made them one office.
COMMON = "dinasdesk_kabupaten_solok_selatan_kantor_pusat"
NAMES = (COMMON + "_a", COMMON + "_b")


def _secure(server: PgServer, name: str, gate_password: str) -> None:
    connection.initialize(server.url(name))
    try:
        ensure_reference_data()
        db_secure.secure_database(gate_password)
        make_office()  # the accounts get their own logins with the demo password
    finally:
        connection.close()


@pytest.fixture
def two_offices(pg_server: PgServer) -> Iterator[PgServer]:
    for name in NAMES:
        pg_server.create_database(name, _pg_template(pg_server))
    try:
        yield pg_server
    finally:
        for name in NAMES:
            pg_server.drop_database(name)


def _login(server: PgServer, dbname: str, user: str, password: str):
    return psycopg2.connect(
        host=server.host, port=server.port, dbname=dbname, user=user, password=password, connect_timeout=10
    )


def test_two_databases_sharing_45_characters_share_no_login(two_offices: PgServer):
    server = two_offices
    a, b = NAMES
    assert a[:45] == b[:45] and len(a) <= 63
    prefix_a, prefix_b = pg_security.role_prefix(a), pg_security.role_prefix(b)
    assert prefix_a != prefix_b and len(prefix_a) <= 21
    _secure(server, a, "gerbang-kantor-a")
    _secure(server, b, "gerbang-kantor-b")

    # Each office's own logins (through its own gate) and gate open their own database...
    own = {
        (a, "meja"): connect_as(server.host, server.port, a, "meja", PASSWORD, "gerbang-kantor-a"),
        (a, "kadis"): connect_as(server.host, server.port, a, "kadis", PASSWORD, "gerbang-kantor-a"),
        (b, "ketua1"): connect_as(server.host, server.port, b, "ketua1", PASSWORD, "gerbang-kantor-b"),
    }
    for con in own.values():
        con.close()
    _login(server, a, pg_security.gate_role(prefix_a), "gerbang-kantor-a").close()  # not reset by b's secure
    # ...and never the other office's, with the secret its own gate handed out.
    for (home, username), other in zip(own, (b, b, a), strict=True):
        user = pg_security.login_role(pg_security.role_prefix(home), username)
        secret = server_password(server.host, server.port, home, username)
        with pytest.raises(psycopg2.OperationalError, match="permission denied for database"):
            _login(server, other, user, secret).close()
    with pytest.raises(psycopg2.OperationalError, match="permission denied for database"):
        _login(server, b, pg_security.gate_role(prefix_a), "gerbang-kantor-a").close()
    # Office A's gate password does not open office B's gate (the second `db secure` set its own).
    with pytest.raises(psycopg2.OperationalError, match="password authentication failed"):
        _login(server, b, pg_security.gate_role(prefix_b), "gerbang-kantor-a").close()


def test_a_database_secured_with_the_old_prefix_keeps_its_logins_under_the_new_one(two_offices: PgServer):
    server = two_offices
    name = NAMES[0]
    new = pg_security.role_prefix(name)
    old = name[:20] + "_"  # what versions before issue 13 used
    _secure(server, name, "gerbang-kantor-a")
    # Make it look as the older version left it: roles and the recorded prefix under the old name.
    connection.initialize(server.url(name))
    try:
        with db.atomic():
            for (role,) in db.execute_sql(
                "SELECT rolname FROM pg_roles WHERE left(rolname, %s) = %s", (len(new), new)
            ).fetchall():
                db.execute_sql(f'ALTER ROLE "{role}" RENAME TO "{old + role[len(new) :]}"')
            db.execute_sql("UPDATE pg_security SET prefix = %s", (old,))
        codes = [r for (r,) in db.execute_sql("SELECT code FROM role ORDER BY id").fetchall()]
        pg_security.install(codes, "gerbang-kantor-a", db_secure.sop_policy())  # what `db secure` runs first
        assert db.execute_sql("SELECT prefix FROM pg_security").fetchone() == (new,)
        leftovers = db.execute_sql(
            "SELECT count(*) FROM pg_roles WHERE left(rolname, %s) = %s", (len(old), old)
        ).fetchone()
        assert leftovers == (0,)
    finally:
        connection.close()
    # The password survived: the gate logs kabid in under the new name.
    connect_as(server.host, server.port, name, "kabid", PASSWORD, "gerbang-kantor-a").close()
