"""A member of staff's own PostgreSQL login, as a client outside the app gets it.

On a secured database the login role's server password is a random secret that only the gate's
`dd_login` hands out, after checking the user's password (as its login key) and counting a
failure. A clerk with psql does the same: connect as the gate (its password is on every
workstation), ask `dd_login` with their own password, then connect with the secret. These
helpers do exactly that, so the attack tests use what a clerk can really get.
"""

from __future__ import annotations

import psycopg2

from desktop.models import pg_security
from desktop.services.demo.office import DEMO_PASSWORD

GATE_PASSWORD = "gerbang-rahasia-123"

# (host, port, dbname, username) -> the secret last handed out; asking again replaces it on the
# server, which would stop a cached connection of the same user from reconnecting.
_SECRETS: dict[tuple, str] = {}


def gate_connection(host: str, port: int, dbname: str, gate_password: str = GATE_PASSWORD):
    con = psycopg2.connect(
        host=host,
        port=port,
        dbname=dbname,
        user=pg_security.gate_role(pg_security.role_prefix(dbname)),
        password=gate_password,
        connect_timeout=10,
    )
    con.autocommit = True
    return con


def ask_gate(
    host: str,
    port: int,
    dbname: str,
    username: str,
    password: str = DEMO_PASSWORD,
    gate_password: str = GATE_PASSWORD,
) -> str:
    """The gate's answer to a login: 'ok <secret>', 'gagal n', 'terkunci t', 'dikunci t', 'nonaktif'."""
    con = gate_connection(host, port, dbname, gate_password)
    try:
        with con.cursor() as cur:
            cur.execute("SELECT dd_login(%s, %s)", (username, pg_security.login_key(username, password)))
            return str(cur.fetchone()[0])
    finally:
        con.close()


def server_password(
    host: str,
    port: int,
    dbname: str,
    username: str,
    password: str = DEMO_PASSWORD,
    gate_password: str = GATE_PASSWORD,
    *,
    fresh: bool = False,
) -> str:
    """The login role's server password, through the gate (remembered until `fresh`)."""
    key = (host, port, dbname, username)
    if fresh or key not in _SECRETS:
        status = ask_gate(host, port, dbname, username, password, gate_password)
        assert status.startswith("ok "), f"the gate refused {username}: {status}"
        _SECRETS[key] = status.split(" ", 1)[1]
    return _SECRETS[key]


def connect_as(
    host: str,
    port: int,
    dbname: str,
    username: str,
    password: str = DEMO_PASSWORD,
    gate_password: str = GATE_PASSWORD,
):
    """A plain psycopg2 connection as the user's own login role (what psql gives them)."""
    secret = server_password(host, port, dbname, username, password, gate_password)
    return psycopg2.connect(
        host=host,
        port=port,
        dbname=dbname,
        user=pg_security.login_role(pg_security.role_prefix(dbname), username),
        password=secret,
        connect_timeout=10,
    )


def forget_secrets() -> None:
    """After `db secure` ran again: every login role lost its server password."""
    _SECRETS.clear()
