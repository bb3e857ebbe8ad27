"""Each member of staff as their own PostgreSQL login: securing a database, keeping its
login roles in step with the app's accounts, logging in through the gate, signing.

On SQLite and on a PostgreSQL database that has not been secured every function here
falls back to what the app does alone (argon2id hashes, the app's own checks).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import psycopg2
from peewee import Model

from desktop.errors import DatabaseUnavailable
from desktop.models import User, db, pg_security
from desktop.models.base import now
from desktop.models.connection import initialize_postgresql
from desktop.services.errors import AuthenticationFailed, PermissionDenied
from desktop.services.security import audit
from desktop.services.session import Session

# The gate URL's TLS files that the user's own connection must use too.
TLS_FILES = ("sslrootcert", "sslcert", "sslkey")
SIGN_FUNCTIONS = {"disposition": "dd_sign_disposition", "assignment_letter": "dd_sign_assignment"}


def is_secured() -> bool:
    return pg_security.state() is not None


# --- Keeping login roles in step with accounts (called inside the admin's transaction) ------


def password_hash_for(password: str, *, demo_account: bool = False) -> str:
    """What app_user.password_hash holds: an argon2id hash, or the marker on a secured database."""
    from desktop.services.security.accounts import hash_password

    return pg_security.PASSWORD_MARKER if is_secured() else hash_password(password, demo_account=demo_account)


def account_created(username: str, password: str, roles: Sequence[str]) -> None:
    if is_secured():
        key = pg_security.login_key(username, password)
        _call("SELECT dd_create_login(%s, %s, %s::text[])", (username, key, list(roles)))


def roles_changed(username: str, roles: Sequence[str]) -> None:
    if is_secured():
        _call("SELECT dd_set_login_groups(%s, %s::text[])", (username, list(roles)))


def active_changed(username: str, active: bool) -> None:
    if is_secured():
        _call("SELECT dd_set_login_enabled(%s, %s)", (username, active))


def password_changed(username: str, password: str) -> None:
    if is_secured():
        _call("SELECT dd_set_login_password(%s, %s)", (username, pg_security.login_key(username, password)))
        _call("SELECT dd_set_login_enabled(%s, true)", (username,))


def _call(sql: str, params: tuple) -> None:
    try:
        db.execute_sql(sql, params)
    except psycopg2.errors.InsufficientPrivilege as exc:
        raise PermissionDenied(
            "Server PostgreSQL menolak perubahan akun ini: hanya Administrator yang dapat mengelola akun."
        ) from exc


# --- Signing through the SECURITY DEFINER functions ------------------------------------------


def sign_row(
    model: type[Model],
    row_id: int,
    expected_version: int,
    signer_id: int,
    signed_at: dt.datetime,
    digest: str,
) -> bool:
    """Write a signature; False when the row changed or was signed meanwhile.

    On a secured PostgreSQL database only the database function can write the signature
    columns: it checks that the caller holds the signing function and the row's version.
    """
    table = model._meta.table_name
    if is_secured():
        try:
            row = db.execute_sql(
                f"SELECT {SIGN_FUNCTIONS[table]}(%s, %s, %s, %s, %s)",
                (row_id, expected_version, signer_id, signed_at, digest),
            ).fetchone()
        except psycopg2.errors.InsufficientPrivilege as exc:
            raise PermissionDenied(
                "Server PostgreSQL menolak tanda tangan ini: akun Anda tidak memegang peran penandatangan."
            ) from exc
        return bool(row and row[0])
    updated = (
        model.update(
            signed_by=signer_id,
            signed_at=signed_at,
            signature_sha256=digest,
            version=model.version + 1,
            updated_at=signed_at,
        )
        .where((model.id == row_id) & (model.version == expected_version) & model.signed_at.is_null())
        .execute()
    )
    return updated == 1


# --- Logging in as one's own PostgreSQL role -------------------------------------------------


@dataclass(frozen=True)
class Server:
    """Where the office database lives; no user's password in here."""

    host: str
    port: int
    dbname: str
    sslmode: str = "prefer"
    sslrootcert: str = ""
    gate_password: str = ""
    sslcert: str = ""  # a client certificate, when the server asks for one
    sslkey: str = ""
    hostaddr: str = ""  # the server's IP when `host` is only the name its certificate carries

    def params(self, user: str, password: str) -> dict:
        params: dict = {
            "host": self.host,
            "port": self.port,
            "dbname": self.dbname,
            "user": user,
            "password": password,
            "sslmode": self.sslmode,
            "connect_timeout": 10,
            "application_name": "dinas-desk",
        }
        for name in (*TLS_FILES, "hostaddr"):
            if getattr(self, name):
                params[name] = getattr(self, name)
        return params

    @property
    def prefix(self) -> str:
        return pg_security.role_prefix(self.dbname)


def _connect(params: dict):
    try:
        return psycopg2.connect(**params)
    except psycopg2.OperationalError as exc:
        text = str(exc)
        if "password authentication failed" in text or "is not permitted to log in" in text:
            return None
        if "certificate" in text or "SSL" in text:
            raise DatabaseUnavailable(
                "Sambungan aman (TLS) ke server database gagal: sertifikat server tidak cocok atau tidak "
                f"dipercaya. Periksa berkas sertifikat CA di pengaturan Komputer ini. ({text.strip()})"
            ) from exc
        raise DatabaseUnavailable(
            f"Server database {params['host']}:{params['port']} tidak dapat dihubungi. Periksa jaringan "
            f"atau minta Administrator menyalakan server. ({text.strip()})"
        ) from exc


def _gate(server: Server, sql: str, params: tuple) -> str:
    con = _connect(server.params(pg_security.gate_role(server.prefix), server.gate_password))
    if con is None:
        raise AuthenticationFailed(
            "Kata sandi gerbang masuk komputer ini ditolak server. Minta Administrator memeriksa "
            "pengaturan Komputer ini."
        )
    try:
        con.autocommit = True  # the failure count commits whatever happens next
        with con.cursor() as cur:
            cur.execute(sql, params)
            return str(cur.fetchone()[0])
    finally:
        con.close()


def _status_value(status: str) -> str:
    """The value after the word of a gate answer: 'ok <secret>', 'terkunci <time>' or 'gagal <count>'."""
    return status.split(" ", 1)[1]


def refusal_for(status: str, wrong: str = "Nama pengguna atau kata sandi salah.") -> AuthenticationFailed:
    """The message for a password check the server refused: 'gagal n', 'terkunci t' (locked before),
    'dikunci t' (locked by this failure) or 'nonaktif'."""
    from desktop.services.security.accounts import MAX_FAILED_LOGINS, locked_refusal

    if status.startswith("terkunci"):  # locked before this try
        return locked_refusal(dt.datetime.fromisoformat(_status_value(status)), now())
    if status.startswith("dikunci"):  # this try was the last one
        until = dt.datetime.fromisoformat(_status_value(status))
        return AuthenticationFailed(
            f"Kata sandi salah {MAX_FAILED_LOGINS} kali. Akun dikunci sampai {until:%H:%M}."
        )
    if status == "nonaktif":
        return AuthenticationFailed("Akun ini dinonaktifkan. Hubungi Administrator.")
    failures = int(_status_value(status))  # 0: no such account, nothing left to count
    suffix = f" Sisa percobaan: {MAX_FAILED_LOGINS - failures}." if failures else ""
    return AuthenticationFailed(wrong + suffix)


def login(server: Server, username: str, password: str) -> Session:
    """Log in as one's own PostgreSQL role; the global database becomes that connection.

    The gate checks the password (as its login key) and counts a failure; on success it hands
    out the login role's server password, a random secret valid for 12 hours that only this
    connection (and its reconnects) uses. The user never knows it: guessing at the login role
    with psql is pointless, and every guess at the password goes through the gate's count.
    """
    from desktop.services.security.accounts import session_for
    from desktop.services.validation import is_username

    name = username.strip().lower()
    if not is_username(name):
        raise AuthenticationFailed("Nama pengguna atau kata sandi salah.")
    status = _gate(server, "SELECT dd_login(%s, %s)", (name, pg_security.login_key(name, password)))
    if not status.startswith("ok "):
        raise refusal_for(status)
    params = server.params(pg_security.login_role(server.prefix, name), _status_value(status))
    con = _connect(params)
    if con is None:
        raise AuthenticationFailed(
            "Server menolak sesi yang baru saja diberikan gerbang masuk. Coba masuk sekali lagi; bila tetap "
            "gagal, minta Administrator memeriksa pg_hba.conf server (metode scram-sha-256 atau md5)."
        )
    con.close()
    initialize_postgresql(params)
    with db.atomic():
        session = session_for(User.get(User.username == name))
        audit.record(session, "login", "user", session.user_id)
    return session


_GATE: dict = {}


def login_through_gate(username: str, password: str) -> Session:
    """Log in from the gate connection the app opened at start; remember the gate for log-out."""
    params = dict(db.obj.connect_params)
    server = Server(
        host=params.get("host", "localhost"),
        port=int(params.get("port", 5432)),
        dbname=db.obj.database,
        sslmode=params.get("sslmode", "prefer"),
        gate_password=params.get("password", ""),
        **{name: str(params[name]) for name in (*TLS_FILES, "hostaddr") if params.get(name)},
    )
    session = login(server, username, password)
    _GATE.clear()
    _GATE.update(params, dbname=server.dbname)
    return session


def back_to_gate() -> None:
    """After log-out: the user's own connection closes, the gate opens again for the next login."""
    if _GATE and pg_security.per_user_session():
        initialize_postgresql(_GATE)


def confirm_own_password(password: str) -> str:
    """On a user's own PostgreSQL login: the server checks the password and counts a wrong one.

    'ok', or the server's refusal ('gagal n', 'terkunci t', 'nonaktif') for `refusal_for`. The
    count is the server's: it holds whichever client asks, and is committed with the caller's
    transaction.
    """
    own = db.execute_sql("SELECT username FROM app_user WHERE id = dd_session_user_id()").fetchone()
    username = str(own[0])
    key = pg_security.login_key(username, password)
    return str(db.execute_sql("SELECT dd_confirm_password(%s)", (key,)).fetchone()[0])
