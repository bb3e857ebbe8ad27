"""PostgreSQL roles of a secured database: their names, what each office role may touch, its state."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from peewee import PostgresqlDatabase

# The role codes are declared once, in a module of plain constants (no database, no Qt).
from desktop.roles import (
    ADMINISTRATOR,
    ANGGOTA_TIM,
    KABID_PELAYANAN,
    KABID_PEMANFAATAN,
    KEPALA_DINAS,
    KETUA_PELAKSANA_HARIAN,
    KETUA_TIM,
)

from .base import db

SCRAM_ITERATIONS = 4096  # PostgreSQL's own default (scram_iterations)


PASSWORD_MARKER = "postgresql-scram"  # app_user.password_hash once PostgreSQL holds the secret


# Who reads personal data (service records): every record, or only their own team's.
RECORDS_ALL = (KETUA_PELAKSANA_HARIAN, KABID_PEMANFAATAN, KABID_PELAYANAN, KEPALA_DINAS)


RECORDS_OWN_TEAM = (KETUA_TIM, ANGGOTA_TIM)


TEAM_ROLES = RECORDS_OWN_TEAM  # roles that act only on the cases given to their own team


# Tables whose rows belong to a case and are read (and written) only by the roles of the
# case's SOP, team roles only for their own team's cases (row-level security).
CASE_SCOPED_TABLES = ("attachment", "report", "preparation_check")


AUDIT_READERS = (ADMINISTRATOR,)


# Audit lines every member of staff may read: the trail of a case's workflow (shown in the
# case file). Lines about people's records, searches and accounts are for the administrator.
CASE_TRAIL_ENTITIES = (
    "sop_case",
    "incoming_letter",
    "disposition",
    "assignment_letter",
    "issued_document",
    "attachment",
    "innovation",
    "meeting",
    "recap",
    "output_log",
)


# Tables whose changes are not logged line by line: the log itself, the schema's version, and
# the security tables `db secure` rewrites. Every other table with an `id` column is audited.
_UNAUDITED = ("audit_log", "schema_version", "pg_security")


def audited_tables() -> list[str]:
    """Every table whose each change a statement-level trigger writes to the audit log."""
    rows = db.execute_sql(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' "
        "AND column_name = 'id' ORDER BY table_name"
    ).fetchall()
    return [t for (t,) in rows if t not in _UNAUDITED and not t.startswith("dd_")]


class SecurityError(Exception):
    """The database cannot be secured as asked; the message is for the administrator."""


def role_prefix(database_name: str) -> str:
    """The prefix of every role of one database, unique to its whole name (21 characters at most).

    Roles are cluster-wide: two databases on one server must never share one. The prefix is
    the name's first 12 characters (readable in pg_roles) and 7 hex digits of the SHA-256 of
    the whole name, so `dinasdesk_kab_solok` and `dinasdesk_kab_solok_selatan` differ. With
    `u_` and a 40-character username a login role stays within PostgreSQL's 63 characters.
    """
    cleaned = re.sub(r"[^a-z0-9_]", "_", database_name.lower())[:12].rstrip("_") or "dinasdesk"
    if cleaned[0].isdigit():
        cleaned = "d" + cleaned[:11]
    digest = hashlib.sha256(database_name.encode("utf-8")).hexdigest()[:7]
    return f"{cleaned}_{digest}_"


def _rename_roles(old_prefix: str, new_prefix: str) -> None:
    """Roles made under an older prefix take the new one (SCRAM secrets survive a rename)."""
    rows = db.execute_sql(
        "SELECT rolname FROM pg_roles WHERE left(rolname, %s) = %s ORDER BY rolname",
        (len(old_prefix), old_prefix),
    ).fetchall()
    for (name,) in rows:
        suffix = name[len(old_prefix) :]
        if suffix in ("staff", "gerbang", "pemilik") or suffix.startswith(("g_", "u_")):
            target = new_prefix + suffix
            if not db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (target,)).fetchone():
                db.execute_sql(f"ALTER ROLE {_ident(name)} RENAME TO {_ident(target)}")


def login_role(prefix: str, username: str) -> str:
    return f"{prefix}u_{username}"


def group_role(prefix: str, code: str) -> str:
    return f"{prefix}g_{code}"


def staff_role(prefix: str) -> str:
    return f"{prefix}staff"


def gate_role(prefix: str) -> str:
    return f"{prefix}gerbang"


def definer_role(prefix: str) -> str:
    """The owner of every function: not a superuser, cannot log in (issue 13, class 12)."""
    return f"{prefix}pemilik"


LOGIN_KEY_ITERATIONS = 200_000


def login_key(username: str, password: str) -> str:
    """What the app sends to the server instead of a password: PBKDF2-SHA256 of it, salted with the
    username (43 URL-safe characters). The server keeps only a bcrypt hash of this key, and the plain
    password, which people reuse elsewhere, never reaches the server, its log or pg_stat_activity.
    """
    salt = b"dinas-desk login:" + username.strip().lower().encode("utf-8")
    key = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8", "surrogatepass"), salt, LOGIN_KEY_ITERATIONS)
    return base64.urlsafe_b64encode(key).decode("ascii").rstrip("=")


def scram_verifier(password: str, *, salt: bytes | None = None, iterations: int = SCRAM_ITERATIONS) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores (RFC 5802/7677), computed here.

    Sending the verifier instead of the password keeps the plain password out of the
    server's statement log and of pg_stat_activity.
    """
    salt = salt if salt is not None else secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()
    b64 = base64.b64encode
    return (
        f"SCRAM-SHA-256${iterations}:{b64(salt).decode()}"
        f"${b64(stored_key).decode()}:{b64(server_key).decode()}"
    )


@dataclass(frozen=True)
class SecurityState:
    prefix: str
    gate_role: str


def is_postgresql() -> bool:
    return isinstance(db.obj, PostgresqlDatabase)


def state() -> SecurityState | None:
    """The roles' prefix when this PostgreSQL database is secured, else None (SQLite: None)."""
    if not is_postgresql():
        return None
    cached = getattr(db.obj, "_dinas_desk_security", "?")
    if cached is None or isinstance(cached, SecurityState):
        return cached
    row = None
    if db.execute_sql("SELECT to_regclass('pg_security') IS NOT NULL").fetchone()[0]:
        row = db.execute_sql("SELECT prefix FROM pg_security WHERE id = 1").fetchone()
    found = SecurityState(row[0], gate_role(row[0])) if row and row[0] else None
    db.obj._dinas_desk_security = found
    return found


def gate_session() -> bool:
    """True when the open connection is the login gate (before anyone has logged in)."""
    current = state()
    if current is None:
        return False
    return db.execute_sql("SELECT session_user").fetchone()[0] == current.gate_role


@dataclass(frozen=True)
class LoginState:
    """A user's own PostgreSQL login as the server has it."""

    role: str
    can_login: bool
    groups: tuple[str, ...]  # app role codes of the group roles it is a member of


def login_states() -> dict[str, LoginState]:
    """username -> its login role's state, for every `<prefix>u_*` role (empty when not secured)."""
    current = state()
    if current is None:
        return {}
    user_prefix, group_prefix = current.prefix + "u_", current.prefix + "g_"
    rows = db.execute_sql(
        "SELECT r.rolname, r.rolcanlogin, COALESCE(array_agg(g.rolname ORDER BY g.rolname) "
        "FILTER (WHERE g.rolname IS NOT NULL), '{}') "
        "FROM pg_roles r LEFT JOIN pg_auth_members m ON m.member = r.oid "
        "LEFT JOIN pg_roles g ON g.oid = m.roleid AND left(g.rolname, %s) = %s "
        "WHERE left(r.rolname, %s) = %s GROUP BY r.rolname, r.rolcanlogin",
        (len(group_prefix), group_prefix, len(user_prefix), user_prefix),
    ).fetchall()
    return {
        name[len(user_prefix) :]: LoginState(
            name, bool(can_login), tuple(g[len(group_prefix) :] for g in groups)
        )
        for name, can_login, groups in rows
    }


def per_user_session() -> bool:
    """True when the open connection is a member of staff's own login role."""
    current = state()
    if current is None:
        return False
    user = db.execute_sql("SELECT session_user").fetchone()[0]
    return str(user).startswith(current.prefix + "u_")


def _ident(name: str) -> str:
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        raise SecurityError(f"Nama peran PostgreSQL tidak sah: {name!r}")
    return f'"{name}"'
