"""PostgreSQL enforces who may read and write what, not only the app.

`install()` turns a migrated Dinas Desk database into one where every member of staff
logs in to PostgreSQL as their own role (SCRAM), and that role's privileges come from
group roles, one per office function:

- `<prefix>staff`: every user; reads what the whole office reads (reference data, the
  SOPs, cases and their steps, letters, the innovation files) and appends to the audit log;
- `<prefix>g_<role code>`: one per office function, with only the writes its SOP steps
  need (a Kabid writes dispositions, a team writes its service records, ...);
- `<prefix>gerbang`: the login gate, a login role that can only ask whether an account
  is locked and count a failed login; the workstation keeps its password in the keyring;
- `<prefix>u_<username>`: one login role per user, a member of staff and of its groups.

Personal data (service_record) is readable only by the teams and the officials whose
lists show it, and a team member sees only the records of cases given to their own team
(row-level security). Signing a disposition (the Kabid) and a Surat Tugas (the Kepala
Dinas) can only be done through SECURITY DEFINER functions that check the caller's
function and the row's version; nobody may write the signature columns directly.
EXECUTE on every function is revoked from PUBLIC. The audit log takes only INSERTs from
client roles, a trigger stamps each line with the PostgreSQL login that wrote it, and
statement-level triggers log every change to the tables that matter.

Roles are cluster-wide, so their names carry a prefix made from the database name: two
Dinas Desk databases on one server do not share accounts.
"""

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
    FRONT_DESK,
    KABID_PELAYANAN,
    KABID_PEMANFAATAN,
    KASI_INOVASI,
    KEPALA_DINAS,
    KETUA_PELAKSANA_HARIAN,
    KETUA_TIM,
    PEJABAT_STRUKTURAL,
    PELAKSANA_TEKNIS,
)

from .base import db

SCRAM_ITERATIONS = 4096  # PostgreSQL's own default (scram_iterations)
PASSWORD_MARKER = "postgresql-scram"  # app_user.password_hash once PostgreSQL holds the secret


# Every table but these is readable by all staff.
_RESTRICTED_READS = {"service_record", "audit_log", "app_user", "pg_security"}
_APP_USER_PUBLIC_COLUMNS = (
    "id, version, updated_at, username, full_name, nip, pangkat_golongan, jabatan, password_hash, "
    "is_active, failed_logins, locked_until, last_login_at, password_changed_at"
)

# What anyone who moves a case along a step writes.
# Issued documents and letter numbers are written only through dd_issue_document and
# dd_take_number (SECURITY DEFINER): no role writes those tables directly.
_WORKFLOW = {
    "sop_case": "INSERT, UPDATE",
    "case_step": "INSERT",
    "attachment": "INSERT",
}
_DISPOSITION_COLUMNS = (
    "version, updated_at, case_id, letter_id, sifat, forwarded_to, requests, instructions, team_id, "
    "deadline, drafted_by_id, drafted_at"
)
_ASSIGNMENT_COLUMNS = (
    "version, updated_at, case_id, number, basis, task, place, start_on, end_on, copies_to, drafted_by_id"
)
_INNOVATION = {
    "innovation": "INSERT, UPDATE",
    "innovation_document": "INSERT, UPDATE",
    "meeting": "INSERT, UPDATE",
    "meeting_participant": "INSERT, UPDATE, DELETE",
    "name_option": "INSERT, UPDATE, DELETE",
    "output_log": "INSERT, UPDATE",
}
_TEAM = {
    "preparation_check": "INSERT, UPDATE",
    "service_record": "INSERT, UPDATE, DELETE",
    "report": "INSERT, UPDATE",
}
_RECAP = {"recap": "INSERT, UPDATE", "report": "UPDATE"}

# The writes each office function's SOP steps need (table -> privileges).
GROUP_WRITES: dict[str, dict[str, str]] = {
    FRONT_DESK: {
        **_WORKFLOW,
        "incoming_letter": "INSERT, UPDATE",
        "requested_service": "INSERT, UPDATE, DELETE",
    },
    KABID_PELAYANAN: {
        **_WORKFLOW,
        "incoming_letter": "UPDATE",
        "disposition": f"INSERT ({_DISPOSITION_COLUMNS}), UPDATE ({_DISPOSITION_COLUMNS})",
    },
    KEPALA_DINAS: {
        **_WORKFLOW,
        **_INNOVATION,
        "assignment_letter": f"INSERT ({_ASSIGNMENT_COLUMNS}), UPDATE ({_ASSIGNMENT_COLUMNS})",
        "assignment_member": "INSERT",
        "preparation_check": "INSERT",
        "recap": "UPDATE",
    },
    KETUA_TIM: {**_WORKFLOW, **_TEAM},
    ANGGOTA_TIM: {**_WORKFLOW, **_TEAM},
    KETUA_PELAKSANA_HARIAN: {**_WORKFLOW, **_RECAP},
    KABID_PEMANFAATAN: {**_WORKFLOW, **_RECAP, **_INNOVATION},
    KASI_INOVASI: {**_WORKFLOW, **_INNOVATION},
    PEJABAT_STRUKTURAL: {**_WORKFLOW, **_INNOVATION},
    PELAKSANA_TEKNIS: {**_WORKFLOW, **_INNOVATION},
    ADMINISTRATOR: {
        "app_user": "INSERT, UPDATE",
        "user_role": "INSERT, UPDATE, DELETE",
        "team": "INSERT, UPDATE",
        "team_member": "INSERT, UPDATE, DELETE",
        "office": "INSERT, UPDATE",
        "signer": "INSERT, UPDATE, DELETE",
        "numbering_pattern": "INSERT, UPDATE",
        "kabupaten": "INSERT, UPDATE",
        "kecamatan": "INSERT, UPDATE",
        "nagari": "INSERT, UPDATE",
        "jorong": "INSERT, UPDATE, DELETE",
        "service_category": "INSERT, UPDATE",
        "target_group": "INSERT, UPDATE",
        "service_outcome": "INSERT, UPDATE",
        "holiday": "INSERT, UPDATE, DELETE",
        "role": "INSERT, UPDATE",
    },
}

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


# --- Installing -------------------------------------------------------------------------------


def _ident(name: str) -> str:
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        raise SecurityError(f"Nama peran PostgreSQL tidak sah: {name!r}")
    return f'"{name}"'


def _tables() -> list[str]:
    rows = db.execute_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
    ).fetchall()
    return [r[0] for r in rows]


@dataclass(frozen=True)
class SopPolicy:
    """What the SOP files and the document types say, for the database to enforce.

    `doc_roles`: document type -> (roles that issue it, roles that read it);
    `sop_roles`: sop row id -> every role of that SOP (a step's actors and receivers, and
    who may start it); `moves`: (sop id, from step, action, to step or end marker, role) for
    every transition and every role that may take it; `starts`: (sop id, origin, first step,
    role); `recap_flow`: (from status, to status, role). Written to the `dd_*` policy tables
    at every `db secure`, so a new SOP file is enforced once `db secure` runs again.
    """

    doc_roles: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    sop_roles: dict[int, tuple[str, ...]]
    moves: tuple[tuple[int, str, str, str, str], ...] = ()
    starts: tuple[tuple[int, str, str, str], ...] = ()
    recap_flow: tuple[tuple[str, str, str], ...] = ()


_POLICY_TABLES = {
    "dd_doc_role": "doc_type text NOT NULL, role_code text NOT NULL, may_issue boolean NOT NULL, "
    "PRIMARY KEY (doc_type, role_code, may_issue)",
    "dd_sop_role": "sop_id integer NOT NULL, role_code text NOT NULL, PRIMARY KEY (sop_id, role_code)",
    "dd_sop_move": "sop_id integer NOT NULL, from_step text NOT NULL, action text NOT NULL, "
    "to_step text NOT NULL, role_code text NOT NULL, PRIMARY KEY (sop_id, from_step, action, role_code)",
    "dd_sop_start": "sop_id integer NOT NULL, origin text NOT NULL, step_code text NOT NULL, "
    "role_code text NOT NULL, PRIMARY KEY (sop_id, origin, role_code)",
    "dd_recap_flow": "from_status text NOT NULL, to_status text NOT NULL, role_code text NOT NULL, "
    "PRIMARY KEY (from_status, to_status, role_code)",
}


def _install_policy_tables(policy: SopPolicy) -> None:
    for table, columns in _POLICY_TABLES.items():
        db.execute_sql(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
        db.execute_sql(f"DELETE FROM {table}")
    rows: dict[str, list[tuple]] = {
        "dd_doc_role": [
            (doc_type, code, may_issue)
            for doc_type, (issuers, readers) in policy.doc_roles.items()
            for may_issue, codes in ((True, issuers), (False, readers))
            for code in dict.fromkeys(codes)
        ],
        "dd_sop_role": [
            (sop_id, code) for sop_id, codes in policy.sop_roles.items() for code in dict.fromkeys(codes)
        ],
        "dd_sop_move": list(dict.fromkeys(policy.moves)),
        "dd_sop_start": list(dict.fromkeys(policy.starts)),
        "dd_recap_flow": list(dict.fromkeys(policy.recap_flow)),
    }
    for table, values in rows.items():
        for row in values:
            marks = ", ".join(["%s"] * len(row))
            db.execute_sql(f"INSERT INTO {table} VALUES ({marks}) ON CONFLICT DO NOTHING", row)


def install(role_codes: list[str], gate_password: str, policy: SopPolicy | None = None) -> SecurityState:
    """Create the group roles, grants, policies and functions (idempotent; run by the owner).

    `role_codes` are the office functions in the role table (the built-in ones and any an
    SOP file added). Must run as a superuser or a role with CREATEROLE that owns the tables.
    """
    policy = policy or SopPolicy({}, {})
    if not is_postgresql():
        raise SecurityError("Peran PostgreSQL per pengguna hanya ada pada database PostgreSQL.")
    database = db.execute_sql("SELECT current_database()").fetchone()[0]
    prefix = role_prefix(database)
    staff, gate = staff_role(prefix), gate_role(prefix)
    with db.atomic():
        _install_policy_tables(policy)
        tables = _tables()
        db.execute_sql(
            "CREATE TABLE IF NOT EXISTS pg_security ("
            "id integer PRIMARY KEY CHECK (id = 1), prefix text NOT NULL, "
            "installed_at timestamp NOT NULL DEFAULT localtimestamp(0))"
        )
        before = db.execute_sql("SELECT prefix FROM pg_security WHERE id = 1").fetchone()
        if before and before[0] != prefix:  # secured by a version with 20-character prefixes
            _rename_roles(before[0], prefix)
        db.execute_sql(
            "INSERT INTO pg_security (id, prefix) VALUES (1, %s) "
            "ON CONFLICT (id) DO UPDATE SET installed_at = localtimestamp(0), prefix = EXCLUDED.prefix",
            (prefix,),
        )
        if "pg_security" not in tables:
            tables.append("pg_security")
        _create_role(staff, login=False)
        for code in role_codes:
            group = group_role(prefix, code)
            _create_role(group, login=False)
            db.execute_sql(f"GRANT {_ident(staff)} TO {_ident(group)}")
        _create_role(gate, login=True)
        db.execute_sql(f"ALTER ROLE {_ident(gate)} PASSWORD %s", (scram_verifier(gate_password),))

        db.execute_sql(f"REVOKE ALL ON DATABASE {_ident(database)} FROM PUBLIC")
        db.execute_sql(f"GRANT CONNECT ON DATABASE {_ident(database)} TO {_ident(staff)}, {_ident(gate)}")
        db.execute_sql("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        db.execute_sql(f"GRANT USAGE ON SCHEMA public TO {_ident(staff)}, {_ident(gate)}")
        everyone = ", ".join(_ident(group_role(prefix, c)) for c in role_codes) + f", {_ident(staff)}"
        for table in tables:
            db.execute_sql(f"REVOKE ALL ON {_ident(table)} FROM PUBLIC, {everyone}")
            if table not in _RESTRICTED_READS:
                db.execute_sql(f"GRANT SELECT ON {_ident(table)} TO {_ident(staff)}")
        db.execute_sql(f"GRANT SELECT ({_APP_USER_PUBLIC_COLUMNS}) ON app_user TO {_ident(staff)}")
        db.execute_sql(f"GRANT SELECT ON pg_security TO {_ident(staff)}")
        db.execute_sql(f"GRANT INSERT, SELECT ON audit_log TO {_ident(staff)}")  # rows: policies below
        db.execute_sql(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {_ident(staff)}")
        for code, grants in GROUP_WRITES.items():
            if code not in role_codes:
                continue
            group = _ident(group_role(prefix, code))
            for table, privileges in grants.items():
                db.execute_sql(f"GRANT {privileges} ON {_ident(table)} TO {group}")
        for code in (*RECORDS_ALL, *RECORDS_OWN_TEAM):
            if code in role_codes:
                db.execute_sql(f"GRANT SELECT ON service_record TO {_ident(group_role(prefix, code))}")

        team_codes = ", ".join(f"'{c}'" for c in TEAM_ROLES)
        functions = _FUNCTIONS.replace("@TEAM_ROLES@", team_codes)
        db.execute_sql(functions.replace("%", "%%"))  # psycopg2 reads % as a placeholder
        _install_row_security(prefix, role_codes)
        _install_case_scoping(prefix)
        _install_guards()
        _install_definer(prefix, role_codes, tables)
        _install_audit_policies(prefix, role_codes)
        _install_audit_triggers()
        db.execute_sql("REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC")
        db.execute_sql("ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC")
        for function in (
            "dd_session_user_id()",
            "dd_in_case_team(integer)",
            "dd_login_succeeded()",
            "dd_login_failed(text)",
            "dd_take_number(integer, integer)",
            "dd_may_read_document(text, integer)",
            "dd_may_read_case(integer)",
            f"dd_issue_document({_ISSUE_ARGS})",
            "dd_document_meta(text, text)",
        ):
            db.execute_sql(f"GRANT EXECUTE ON FUNCTION {function} TO {_ident(staff)}")
        # dd_login_failed: staff count only their own failures (a signature password).
        # The login window shows the office's name before anyone logs in.
        db.execute_sql(f"GRANT SELECT ON office, kabupaten, schema_version, pg_security TO {_ident(gate)}")
        for function in ("dd_login_check(text)", "dd_login_failed(text)"):
            db.execute_sql(f"GRANT EXECUTE ON FUNCTION {function} TO {_ident(gate)}")
        _grant_function(
            prefix,
            role_codes,
            "dd_sign_disposition(integer, integer, integer, timestamp, text)",
            KABID_PELAYANAN,
        )
        _grant_function(
            prefix, role_codes, "dd_sign_assignment(integer, integer, integer, timestamp, text)", KEPALA_DINAS
        )
        for function in (
            "dd_create_login(text, text, text[])",
            "dd_set_login_password(text, text)",
            "dd_set_login_enabled(text, boolean)",
            "dd_set_login_groups(text, text[])",
        ):
            _grant_function(prefix, role_codes, function, ADMINISTRATOR)
    db.obj._dinas_desk_security = "?"
    return SecurityState(prefix, gate)


def _install_definer(prefix: str, role_codes: list[str], tables: list[str]) -> None:
    """The functions run as `<prefix>pemilik`, a role that is neither a superuser nor a login.

    A bug in a SECURITY DEFINER function then gives the caller the rights of the office's
    tables and its login roles (CREATEROLE, to keep them in step), never the whole server.
    """
    owner = definer_role(prefix)
    exists = db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (owner,)).fetchone()
    verb = "ALTER" if exists else "CREATE"
    db.execute_sql(
        f"{verb} ROLE {_ident(owner)} NOLOGIN NOSUPERUSER NOCREATEDB CREATEROLE NOREPLICATION NOBYPASSRLS"
    )
    for group in (staff_role(prefix), *(group_role(prefix, c) for c in role_codes)):
        db.execute_sql(f"GRANT {_ident(group)} TO {_ident(owner)} WITH ADMIN OPTION")
    db.execute_sql(f"GRANT USAGE ON SCHEMA public TO {_ident(owner)}")
    for table in tables:
        db.execute_sql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {_ident(table)} TO {_ident(owner)}")
    db.execute_sql(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {_ident(owner)}")
    rls = db.execute_sql(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity"
    ).fetchall()
    for (table,) in rls:
        db.execute_sql(f"DROP POLICY IF EXISTS dd_definer ON {_ident(table)}")
        db.execute_sql(
            f"CREATE POLICY dd_definer ON {_ident(table)} FOR ALL TO {_ident(owner)} "
            "USING (true) WITH CHECK (true)"
        )
    functions = db.execute_sql(
        "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = 'public' AND p.proname LIKE 'dd\\_%%'"
    ).fetchall()
    for (signature,) in functions:
        db.execute_sql(f"ALTER FUNCTION {signature} OWNER TO {_ident(owner)}")


def _grant_function(prefix: str, role_codes: list[str], signature: str, code: str) -> None:
    if code in role_codes:
        db.execute_sql(f"GRANT EXECUTE ON FUNCTION {signature} TO {_ident(group_role(prefix, code))}")


def _create_role(name: str, *, login: bool) -> None:
    exists = db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
    option = "LOGIN" if login else "NOLOGIN"
    verb = "ALTER" if exists else "CREATE"
    db.execute_sql(f"{verb} ROLE {_ident(name)} {option} NOSUPERUSER NOCREATEDB NOCREATEROLE")


def _install_row_security(prefix: str, role_codes: list[str]) -> None:
    db.execute_sql("ALTER TABLE service_record ENABLE ROW LEVEL SECURITY")
    for policy in ("dd_records_all", "dd_records_own_team"):
        db.execute_sql(f"DROP POLICY IF EXISTS {policy} ON service_record")
    everyone = [group_role(prefix, c) for c in RECORDS_ALL if c in role_codes]
    if everyone:
        db.execute_sql(
            "CREATE POLICY dd_records_all ON service_record FOR ALL TO "
            + ", ".join(_ident(g) for g in everyone)
            + " USING (true) WITH CHECK (true)"
        )
    team = [group_role(prefix, c) for c in RECORDS_OWN_TEAM if c in role_codes]
    if team:
        db.execute_sql(
            "CREATE POLICY dd_records_own_team ON service_record FOR ALL TO "
            + ", ".join(_ident(g) for g in team)
            + " USING (dd_in_case_team(case_id)) WITH CHECK (dd_in_case_team(case_id))"
        )


_ISSUE_ARGS = (
    "text, integer, text, text, text, integer, bytea, text, text, timestamp, integer, text, integer, text, "
    "integer"
)


def _install_case_scoping(prefix: str) -> None:
    """Documents, scans, reports and checklists: only for the roles (and the team) the SOP gives them."""
    staff = _ident(staff_role(prefix))
    db.execute_sql("ALTER TABLE issued_document ENABLE ROW LEVEL SECURITY")
    db.execute_sql("DROP POLICY IF EXISTS dd_documents_read ON issued_document")
    db.execute_sql(
        f"CREATE POLICY dd_documents_read ON issued_document FOR SELECT TO {staff} "
        "USING (dd_may_read_document(doc_type, case_id))"
    )
    for table in CASE_SCOPED_TABLES:
        db.execute_sql(f"ALTER TABLE {_ident(table)} ENABLE ROW LEVEL SECURITY")
        db.execute_sql(f"DROP POLICY IF EXISTS dd_case_scoped ON {_ident(table)}")
        db.execute_sql(
            f"CREATE POLICY dd_case_scoped ON {_ident(table)} FOR ALL TO {staff} "
            "USING (dd_may_read_case(case_id)) WITH CHECK (dd_may_read_case(case_id))"
        )


# Triggers that hold whatever client writes: (table, trigger, timing, function).
_GUARDS = (
    ("sop_case", "dd_case_team_guard", "BEFORE INSERT OR UPDATE", "dd_case_team_guard()"),
    ("sop_case", "dd_case_move_guard", "BEFORE INSERT OR UPDATE", "dd_case_move_guard()"),
    ("case_step", "dd_case_step_guard", "BEFORE INSERT", "dd_case_step_guard()"),  # no UPDATE grant
    ("recap", "dd_recap_flow_guard", "BEFORE INSERT OR UPDATE", "dd_recap_flow_guard()"),
    ("meeting_participant", "dd_participant_guard", "BEFORE UPDATE", "dd_participant_guard()"),
    ("user_role", "dd_own_role_guard", "BEFORE INSERT OR UPDATE", "dd_own_role_guard()"),
)
# Signed dispositions, Surat Tugas, their members and issued documents are immutable on
# both backends, secured or not: migration 4 (models/migrations.py) installs those guards.

# Actor columns stamped by the server with the logged-in user (whatever the client sent):
# every service sets them to the acting user, so an honest client never notices.
ACTOR_COLUMNS: dict[str, tuple[str, ...]] = {
    "sop_case": ("opened_by_id",),
    "case_step": ("actor_id",),
    "incoming_letter": ("registered_by_id",),
    "attachment": ("uploaded_by_id",),
    "disposition": ("drafted_by_id",),
    "assignment_letter": ("drafted_by_id",),
    "preparation_check": ("checked_by_id",),
    "service_record": ("recorded_by_id",),
    "report": ("submitted_by_id", "received_by_id"),
    "recap": ("built_by_id", "forwarded_by_id", "submitted_by_id", "acknowledged_by_id"),
    "innovation": ("name_decided_by_id",),
    "innovation_document": ("author_id",),
    "meeting": ("chaired_by_id",),
    "name_option": ("proposed_by_id",),
    "output_log": ("logged_by_id",),
}


def _install_guards() -> None:
    versioned = db.execute_sql(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' "
        "AND column_name = 'version' AND table_name <> 'schema_version' ORDER BY table_name"
    ).fetchall()
    for (table,) in versioned:  # optimistic locking holds for every client (issue 13, class 16)
        db.execute_sql(f"DROP TRIGGER IF EXISTS dd_version_guard ON {_ident(table)}")
        db.execute_sql(
            f"CREATE TRIGGER dd_version_guard BEFORE UPDATE ON {_ident(table)} "
            "FOR EACH ROW EXECUTE FUNCTION dd_version_guard()"
        )
    for table, columns in ACTOR_COLUMNS.items():
        names = ", ".join(f"'{c}'" for c in columns)
        db.execute_sql(f"DROP TRIGGER IF EXISTS dd_stamp_actors ON {_ident(table)}")
        db.execute_sql(
            f"CREATE TRIGGER dd_stamp_actors BEFORE INSERT OR UPDATE ON {_ident(table)} "
            f"FOR EACH ROW EXECUTE FUNCTION dd_stamp_actors({names})"
        )
    for table, name, timing, function in _GUARDS:
        db.execute_sql(f"DROP TRIGGER IF EXISTS {name} ON {_ident(table)}")
        db.execute_sql(
            f"CREATE TRIGGER {name} {timing} ON {_ident(table)} FOR EACH ROW EXECUTE FUNCTION {function}"
        )


def _install_audit_policies(prefix: str, role_codes: list[str]) -> None:
    """Staff read the case trail (what the case file shows) and their own lines; the admin reads all."""
    db.execute_sql("ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY")
    for policy in ("dd_audit_append", "dd_audit_case_trail", "dd_audit_all"):
        db.execute_sql(f"DROP POLICY IF EXISTS {policy} ON audit_log")
    staff = _ident(staff_role(prefix))
    db.execute_sql(f"CREATE POLICY dd_audit_append ON audit_log FOR INSERT TO {staff} WITH CHECK (true)")
    entities = ", ".join(f"'{e}'" for e in CASE_TRAIL_ENTITIES)
    db.execute_sql(
        f"CREATE POLICY dd_audit_case_trail ON audit_log FOR SELECT TO {staff} "
        f"USING (entity IN ({entities}) OR user_id = dd_session_user_id())"
    )
    readers = [group_role(prefix, c) for c in AUDIT_READERS if c in role_codes]
    if readers:
        db.execute_sql(
            "CREATE POLICY dd_audit_all ON audit_log FOR SELECT TO "
            + ", ".join(_ident(r) for r in readers)
            + " USING (true)"
        )


def _install_audit_triggers() -> None:
    db.execute_sql("DROP TRIGGER IF EXISTS audit_log_stamp ON audit_log")
    db.execute_sql(
        "CREATE TRIGGER audit_log_stamp BEFORE INSERT ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION dd_audit_stamp()"
    )
    for table in audited_tables():
        for op, ref in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            name = f"dd_audit_{op.lower()}"
            db.execute_sql(f"DROP TRIGGER IF EXISTS {name} ON {_ident(table)}")
            db.execute_sql(
                f"CREATE TRIGGER {name} AFTER {op} ON {_ident(table)} "
                f"REFERENCING {ref} TABLE AS changed_rows FOR EACH STATEMENT "
                "EXECUTE FUNCTION dd_audit_changes()"
            )


# Functions. SECURITY DEFINER ones pin search_path (PostgreSQL's advice) and check who calls.
_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION dd_prefix() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT prefix FROM pg_security WHERE id = 1
$$;

-- The app user behind this PostgreSQL login (NULL for the owner, a superuser or the gate).
CREATE OR REPLACE FUNCTION dd_session_user_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT u.id FROM app_user u, pg_security s
    WHERE s.id = 1 AND session_user::text = s.prefix || 'u_' || u.username
$$;

-- Whether the logged-in user is in the team given the case (row-level security on records).
CREATE OR REPLACE FUNCTION dd_in_case_team(p_case integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM sop_case c JOIN team_member m ON m.team_id = c.team_id
        WHERE c.id = p_case AND m.user_id = dd_session_user_id()
    )
$$;

-- The database owner (setup, command line, a superuser): not a member of staff.
CREATE OR REPLACE FUNCTION dd_is_owner() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT pg_has_role(session_user, (SELECT tableowner FROM pg_tables
                                      WHERE schemaname = 'public' AND tablename = 'disposition'), 'MEMBER')
$$;

-- Whether the caller may act as an office function: a member of its group role, and
-- (for a user's own login) holding that role in the app's role table too.
CREATE OR REPLACE FUNCTION dd_caller_holds(p_code text, p_user integer) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NOT pg_has_role(session_user, dd_prefix() || 'g_' || p_code, 'MEMBER') THEN
        RETURN false;
    END IF;
    RETURN EXISTS (
        SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id JOIN app_user u ON u.id = ur.user_id
        WHERE ur.user_id = p_user AND r.code = p_code AND u.is_active
    );
END
$$;

-- Who signs: a user's own login signs as that user only; the database owner (setup,
-- command line) may record a signature for the user named.
CREATE OR REPLACE FUNCTION dd_signer(p_signer integer, p_code text) RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_user integer := dd_session_user_id();
BEGIN
    IF v_user IS NULL THEN
        IF NOT pg_has_role(session_user, (SELECT tableowner FROM pg_tables
                                          WHERE schemaname = 'public' AND tablename = 'disposition'),
                           'MEMBER') THEN
            RAISE EXCEPTION 'hanya pemilik database atau pengguna sendiri yang dapat menandatangani'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        v_user := p_signer;
    ELSIF v_user <> p_signer THEN
        RAISE EXCEPTION 'tanda tangan atas nama pengguna lain ditolak'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT dd_caller_holds(p_code, v_user) AND dd_session_user_id() IS NOT NULL THEN
        RAISE EXCEPTION 'pengguna ini tidak memegang peran %', p_code
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN v_user;
END
$$;

-- A signature's time lies between its case's opening day and tomorrow (the app records work
-- done on an earlier day), and its digest is a SHA-256 in hex.
CREATE OR REPLACE FUNCTION dd_check_signature(p_signed_at timestamp, p_digest text, p_case integer)
RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF p_digest IS NULL OR p_digest !~ '^[0-9a-f]{64}$' THEN
        RAISE EXCEPTION 'sidik tanda tangan tidak sah' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_signed_at IS NULL OR p_signed_at > localtimestamp + interval '1 day'
       OR p_signed_at < (SELECT opened_at::date FROM sop_case WHERE id = p_case) THEN
        RAISE EXCEPTION 'waktu tanda tangan % di luar masa kasusnya', p_signed_at
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$$;

-- The Kabid's sign-off: true when signed, false when the row changed meanwhile.
CREATE OR REPLACE FUNCTION dd_sign_disposition(
    p_id integer, p_version integer, p_signer integer, p_signed_at timestamp, p_digest text
) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_user integer := dd_signer(p_signer, 'kabid_pelayanan');
BEGIN
    PERFORM dd_check_signature(p_signed_at, p_digest, (SELECT case_id FROM disposition WHERE id = p_id));
    UPDATE disposition
       SET signed_by_id = v_user, signed_at = p_signed_at, signature_sha256 = p_digest,
           version = version + 1, updated_at = p_signed_at
     WHERE id = p_id AND version = p_version AND signed_at IS NULL;
    RETURN FOUND;
END
$$;

-- The Kepala Dinas' signature on a Surat Tugas.
CREATE OR REPLACE FUNCTION dd_sign_assignment(
    p_id integer, p_version integer, p_signer integer, p_signed_at timestamp, p_digest text
) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_user integer := dd_signer(p_signer, 'kepala_dinas');
BEGIN
    PERFORM dd_check_signature(p_signed_at, p_digest,
                               (SELECT case_id FROM assignment_letter WHERE id = p_id));
    UPDATE assignment_letter
       SET signed_by_id = v_user, signed_at = p_signed_at, signature_sha256 = p_digest,
           version = version + 1, updated_at = p_signed_at
     WHERE id = p_id AND version = p_version AND signed_at IS NULL;
    RETURN FOUND;
END
$$;

-- Whether the logged-in user holds an office function: its group role and the app's role table.
CREATE OR REPLACE FUNCTION dd_holds(p_code text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT dd_session_user_id() IS NOT NULL AND dd_caller_holds(p_code, dd_session_user_id())
$$;

-- Whether the logged-in user acts on a case with one of these roles; a team role counts
-- only for a case given to the user's own team (or for what belongs to no case).
CREATE OR REPLACE FUNCTION dd_acts_as(p_roles text[], p_case integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM unnest(p_roles) AS r(code)
        WHERE dd_holds(r.code)
          AND (r.code NOT IN (@TEAM_ROLES@) OR p_case IS NULL OR dd_in_case_team(p_case))
    )
$$;

-- An issued document is read by the roles its type names (dd_doc_role), teams only their own.
CREATE OR REPLACE FUNCTION dd_may_read_document(p_doc_type text, p_case integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT dd_acts_as(ARRAY(SELECT role_code FROM dd_doc_role
                            WHERE doc_type = p_doc_type AND NOT may_issue), p_case)
$$;

-- A case's scans, report and checklist: the roles of the case's SOP (dd_sop_role), teams only their own.
CREATE OR REPLACE FUNCTION dd_may_read_case(p_case integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT dd_acts_as(ARRAY(SELECT sr.role_code FROM dd_sop_role sr JOIN sop_case c ON c.sop_id = sr.sop_id
                            WHERE c.id = p_case), p_case)
$$;

-- The next number of a numbering pattern for a year: the only way to take one.
CREATE OR REPLACE FUNCTION dd_take_number(p_pattern integer, p_year integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_value integer;
BEGIN
    IF dd_session_user_id() IS NULL AND NOT dd_is_owner() THEN
        RAISE EXCEPTION 'hanya pengguna Dinas Desk yang dapat mengambil nomor'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO number_sequence (pattern_id, year, last_value) VALUES (p_pattern, p_year, 0)
    ON CONFLICT DO NOTHING;
    UPDATE number_sequence SET last_value = last_value + 1
     WHERE pattern_id = p_pattern AND year = p_year RETURNING last_value INTO v_value;
    IF v_value IS NULL THEN
        RAISE EXCEPTION 'pola penomoran % tidak ada', p_pattern USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN v_value;
END
$$;

-- Issuing a document: the only way into issued_document. The issuer is the caller (never
-- a parameter, except for the owner), who must hold a role that issues the type (team roles
-- only for their own team's case); the digest is computed here; a document replaces only
-- the newest one of the same type and case; the record and its SOP step point at it.
CREATE OR REPLACE FUNCTION dd_issue_document(
    p_doc_type text, p_case integer, p_number text, p_title text, p_paper text, p_pages integer,
    p_pdf bytea, p_sha256 text, p_code text, p_issued_at timestamp, p_supersedes integer,
    p_summary text, p_source_id integer, p_step_code text, p_issuer integer
) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_user integer := dd_session_user_id();
    v_previous issued_document%ROWTYPE;
    v_id integer;
    v_step integer;
BEGIN
    IF v_user IS NULL THEN
        IF NOT dd_is_owner() THEN
            RAISE EXCEPTION 'hanya pengguna Dinas Desk yang dapat menerbitkan dokumen'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        v_user := p_issuer;
    ELSIF NOT dd_acts_as(ARRAY(SELECT role_code FROM dd_doc_role
                               WHERE doc_type = p_doc_type AND may_issue), p_case) THEN
        RAISE EXCEPTION 'peran Anda tidak menerbitkan dokumen %', p_doc_type
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_pdf IS NULL OR p_sha256 IS DISTINCT FROM encode(sha256(p_pdf), 'hex') THEN
        RAISE EXCEPTION 'sidik SHA-256 tidak sesuai dengan isi dokumen' USING ERRCODE = 'check_violation';
    END IF;
    IF p_issued_at IS NULL OR abs(extract(epoch FROM p_issued_at - localtimestamp)) > 86400 THEN
        RAISE EXCEPTION 'waktu terbit jauh dari jam server' USING ERRCODE = 'check_violation';
    END IF;
    IF p_supersedes IS NOT NULL THEN
        SELECT * INTO v_previous FROM issued_document WHERE id = p_supersedes FOR UPDATE;
        IF NOT FOUND OR v_previous.doc_type <> p_doc_type OR v_previous.case_id IS DISTINCT FROM p_case
           OR EXISTS (SELECT 1 FROM issued_document WHERE supersedes_id = p_supersedes) THEN
            RAISE EXCEPTION 'dokumen yang diganti bukan terbitan terakhir dari jenis dan kasus yang sama'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    INSERT INTO issued_document (doc_type, case_id, number, title, paper_size, page_count, pdf, sha256,
                                 verification_code, issued_by_id, issued_at, supersedes_id, summary)
    VALUES (p_doc_type, p_case, p_number, p_title, p_paper, p_pages, p_pdf, p_sha256, p_code, v_user,
            p_issued_at, p_supersedes, p_summary)
    RETURNING id INTO v_id;
    IF p_doc_type = 'laporan' THEN
        UPDATE report SET document_id = v_id WHERE id = p_source_id AND case_id = p_case;
    ELSIF p_doc_type = 'rekap' THEN
        UPDATE recap SET document_id = v_id WHERE id = p_source_id;
    ELSIF p_doc_type = 'dokumen_inovasi' THEN
        UPDATE innovation_document SET document_id = v_id WHERE id = p_source_id;
    END IF;
    IF p_step_code IS NOT NULL AND p_case IS NOT NULL THEN
        SELECT id INTO v_step FROM case_step
         WHERE case_id = p_case AND step_code = p_step_code AND action = 'selesai'
         ORDER BY id DESC LIMIT 1;
        IF FOUND THEN
            UPDATE case_step SET document_id = v_id WHERE id = v_step;
        END IF;
    END IF;
    RETURN v_id;
END
$$;

-- What verification shows (never the bytes), for any member of staff: a code or a digest.
CREATE OR REPLACE FUNCTION dd_document_meta(p_code text, p_sha256 text) RETURNS TABLE (
    id integer, doc_type text, number text, title text, paper_size text, page_count integer,
    sha256 text, verification_code text, issued_by_id integer, issued_at timestamp, case_id integer,
    supersedes_id integer, superseded boolean
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT d.id, d.doc_type::text, d.number::text, d.title::text, d.paper_size::text, d.page_count,
           d.sha256::text, d.verification_code::text, d.issued_by_id, d.issued_at, d.case_id,
           d.supersedes_id, EXISTS (SELECT 1 FROM issued_document n WHERE n.supersedes_id = d.id)
      FROM issued_document d
     WHERE (p_code IS NOT NULL AND d.verification_code = p_code)
        OR (p_sha256 IS NOT NULL AND d.sha256 = p_sha256)
     LIMIT 1
$$;

-- A case goes to a team only as its signed disposition says (set when the Kabid signs).
CREATE OR REPLACE FUNCTION dd_case_team_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF (TG_OP = 'INSERT' AND NEW.team_id IS NULL)
       OR (TG_OP = 'UPDATE' AND NEW.team_id IS NOT DISTINCT FROM OLD.team_id)
       OR dd_session_user_id() IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' OR NOT EXISTS (
        SELECT 1 FROM disposition d
         WHERE d.case_id = NEW.id AND d.signed_at IS NOT NULL AND d.team_id = NEW.team_id
           AND d.id = (SELECT max(x.id) FROM disposition x
                        WHERE x.case_id = NEW.id AND x.signed_at IS NOT NULL)
    ) THEN
        RAISE EXCEPTION 'tim sebuah kasus hanya ditetapkan oleh disposisi yang ditandatangani'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

-- Actor columns (TG_ARGV) carry the logged-in user, whatever the client wrote. The owner's
-- connection (setup, command line) is left as it is.
CREATE OR REPLACE FUNCTION dd_stamp_actors() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_user integer := dd_session_user_id();
    v_new jsonb;
    v_old jsonb;
    v_column text;
    v_set jsonb := '{}';
BEGIN
    IF v_user IS NULL THEN
        RETURN NEW;
    END IF;
    v_new := to_jsonb(NEW);
    v_old := CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) ELSE '{}'::jsonb END;
    FOREACH v_column IN ARRAY TG_ARGV LOOP
        IF v_new->v_column <> 'null'::jsonb AND (v_new->v_column) IS DISTINCT FROM (v_old->v_column) THEN
            v_set := v_set || jsonb_build_object(v_column, v_user);
        END IF;
    END LOOP;
    IF v_set <> '{}'::jsonb THEN
        NEW := jsonb_populate_record(NEW, v_set);
    END IF;
    RETURN NEW;
END
$$;

-- Whether the logged-in user may take a case of this SOP from a step to a target (a step,
-- or '__selesai__' / '__ditolak__'), with an action (NULL: any): a transition of the SOP
-- file, for one of the roles that take it (team roles only on their own team's case).
CREATE OR REPLACE FUNCTION dd_may_move(p_sop integer, p_case integer, p_from text, p_action text, p_to text)
RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT dd_acts_as(ARRAY(SELECT role_code FROM dd_sop_move
                            WHERE sop_id = p_sop AND from_step = p_from AND to_step = p_to
                              AND (p_action IS NULL OR action = p_action)), p_case)
$$;

CREATE OR REPLACE FUNCTION dd_case_target(p_status text, p_step text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT CASE p_status WHEN 'berjalan' THEN p_step WHEN 'selesai' THEN '__selesai__'
                         WHEN 'ditolak' THEN '__ditolak__' END
$$;

-- A case starts where its SOP starts for its origin, by a role that may start it, and moves
-- only along the SOP's transitions for the caller's roles; its SOP and origin never change.
CREATE OR REPLACE FUNCTION dd_case_move_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF dd_session_user_id() IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'berjalan' OR NEW.closed_at IS NOT NULL OR NOT dd_acts_as(
            ARRAY(SELECT role_code FROM dd_sop_start
                  WHERE sop_id = NEW.sop_id AND origin = NEW.origin
                    AND step_code = NEW.current_step), NULL) THEN
            RAISE EXCEPTION 'kasus hanya dibuka pada langkah awal SOP oleh peran yang memulainya'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.sop_id <> OLD.sop_id OR NEW.origin <> OLD.origin OR NEW.reference <> OLD.reference THEN
        RAISE EXCEPTION 'SOP, asal dan nomor kasus tidak dapat diubah'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.current_step IS NOT DISTINCT FROM OLD.current_step AND NEW.status IS NOT DISTINCT FROM OLD.status
       AND NEW.closed_at IS NOT DISTINCT FROM OLD.closed_at THEN
        RETURN NEW;
    END IF;
    IF OLD.status <> 'berjalan' OR dd_case_target(NEW.status, NEW.current_step) IS NULL
       OR (NEW.status <> 'berjalan' AND NEW.current_step <> OLD.current_step)
       OR NOT dd_may_move(OLD.sop_id, OLD.id, OLD.current_step, NULL,
                          dd_case_target(NEW.status, NEW.current_step)) THEN
        RAISE EXCEPTION 'langkah % tidak dapat dipindahkan ke % oleh peran Anda menurut SOP',
            OLD.current_step, dd_case_target(NEW.status, NEW.current_step)
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

-- A step record is the move just made on its case, by the logged-in user: an SOP transition
-- for the caller's roles, and the case row was moved by this very transaction to its target.
CREATE OR REPLACE FUNCTION dd_case_step_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_case sop_case%ROWTYPE;
    v_target text;
BEGIN
    IF dd_session_user_id() IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT * INTO v_case FROM sop_case WHERE id = NEW.case_id;
    v_target := coalesce(NEW.next_step, dd_case_target(v_case.status, v_case.current_step));
    IF NOT FOUND OR v_target IS DISTINCT FROM dd_case_target(v_case.status, v_case.current_step)
       OR v_case.xmin <> pg_current_xact_id()::xid
       OR NOT dd_may_move(v_case.sop_id, v_case.id, NEW.step_code, NEW.action, v_target) THEN
        RAISE EXCEPTION 'langkah % (%) bukan perpindahan kasus yang baru Anda lakukan menurut SOP',
            NEW.step_code, NEW.action USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.actor_id := dd_session_user_id();
    RETURN NEW;
END
$$;

-- A recap goes draf -> diteruskan -> diajukan -> diterima, each by its role (recap._FLOW).
CREATE OR REPLACE FUNCTION dd_recap_flow_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF dd_session_user_id() IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'draf' OR NEW.forwarded_by_id IS NOT NULL OR NEW.submitted_by_id IS NOT NULL
           OR NEW.acknowledged_by_id IS NOT NULL THEN
            RAISE EXCEPTION 'rekapitulasi baru selalu berstatus draf'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        IF NOT dd_acts_as(ARRAY(SELECT role_code FROM dd_recap_flow
                                WHERE from_status = OLD.status AND to_status = NEW.status), NULL) THEN
            RAISE EXCEPTION 'rekapitulasi tidak dapat berpindah dari % ke % oleh peran Anda',
                OLD.status, NEW.status
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF NEW.forwarded_by_id IS DISTINCT FROM OLD.forwarded_by_id
       OR NEW.submitted_by_id IS DISTINCT FROM OLD.submitted_by_id
       OR NEW.acknowledged_by_id IS DISTINCT FROM OLD.acknowledged_by_id THEN
        RAISE EXCEPTION 'penerus, pengaju dan penerima rekapitulasi hanya tercatat saat statusnya berpindah'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

-- Optimistic locking for every client: a change to a versioned row raises its version by one
-- (a client that skips the check cannot overwrite another's change unnoticed). Links to an
-- issued document, a case's team (set by the signing Kabid, see dd_case_team_guard) and an
-- account's login bookkeeping are not edits of the row.
CREATE OR REPLACE FUNCTION dd_version_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_skip text[] := ARRAY['version', 'updated_at', 'document_id', 'team_id', 'failed_logins',
                           'locked_until', 'last_login_at'];
BEGIN
    IF (to_jsonb(NEW) - v_skip) IS DISTINCT FROM (to_jsonb(OLD) - v_skip)
       AND NEW.version IS DISTINCT FROM OLD.version + 1
       AND dd_session_user_id() IS NOT NULL THEN
        RAISE EXCEPTION 'perubahan % % tanpa menaikkan versinya ditolak (versi %)', TG_TABLE_NAME, OLD.id,
            OLD.version USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

-- Separation of duties: no login adds an office function to its own account (the app's table).
CREATE OR REPLACE FUNCTION dd_own_role_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF dd_session_user_id() IS NOT NULL AND NEW.user_id = dd_session_user_id() THEN
        RAISE EXCEPTION 'peran baru untuk akun sendiri ditolak' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

-- Each participant approves a meeting's draft for themselves only.
CREATE OR REPLACE FUNCTION dd_participant_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF dd_session_user_id() IS NOT NULL AND OLD.user_id <> dd_session_user_id()
       AND (NEW.approved IS DISTINCT FROM OLD.approved OR NEW.approved_at IS DISTINCT FROM OLD.approved_at
            OR NEW.comment IS DISTINCT FROM OLD.comment OR NEW.user_id <> OLD.user_id) THEN
        RAISE EXCEPTION 'persetujuan rapat hanya oleh peserta itu sendiri'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

-- A locked account's own login cannot log in, whatever client tries: its password is made
-- expired (VALID UNTIL '-infinity') while the lock lasts, and valid again once it has ended.
CREATE OR REPLACE FUNCTION dd_set_login_locked(p_username text, p_locked boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_login text := dd_prefix() || 'u_' || dd_check_username(p_username);
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_login) THEN
        EXECUTE format('ALTER ROLE %I VALID UNTIL %L', v_login,
                       CASE WHEN p_locked THEN '-infinity' ELSE 'infinity' END);
    END IF;
END
$$;

-- Login gate: may this account try to log in now? 'ok', 'nonaktif', 'tidak_dikenal' or
-- 'terkunci <timestamp>'. A lock that has ended is lifted here; a running one never.
CREATE OR REPLACE FUNCTION dd_login_check(p_username text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v app_user%ROWTYPE;
BEGIN
    SELECT * INTO v FROM app_user WHERE username = lower(p_username) FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 'tidak_dikenal';
    END IF;
    IF v.locked_until IS NOT NULL AND v.locked_until > localtimestamp THEN
        INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, workstation)
        VALUES (localtimestamp(0), NULL, '', 'login_ditolak_terkunci', 'user', v.id,
                json_build_object('username', v.username)::text, '');
        RETURN 'terkunci ' || to_char(v.locked_until, 'YYYY-MM-DD"T"HH24:MI:SS');
    END IF;
    IF v.locked_until IS NOT NULL THEN
        UPDATE app_user SET locked_until = NULL, failed_logins = 0 WHERE id = v.id;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = dd_prefix() || 'u_' || v.username
                                        AND rolvaliduntil = '-infinity') THEN
        PERFORM dd_set_login_locked(v.username, false);  -- the lock ended (or the admin lifted it)
    END IF;
    IF NOT v.is_active THEN
        RETURN 'nonaktif';
    END IF;
    RETURN 'ok';
END
$$;

-- A failed login (the gate) or signature password (the user's own login, for itself only):
-- count it; the fifth in a row locks the account for 15 minutes. Never lifts a lock.
CREATE OR REPLACE FUNCTION dd_login_failed(p_username text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v app_user%ROWTYPE;
    v_failures integer;
    v_until timestamp;
    v_caller integer := dd_session_user_id();
BEGIN
    IF session_user::text <> dd_prefix() || 'gerbang' AND NOT dd_is_owner()
       AND (v_caller IS NULL OR v_caller IS DISTINCT FROM
            (SELECT id FROM app_user WHERE username = lower(p_username))) THEN
        RAISE EXCEPTION 'hanya gerbang login atau pengguna itu sendiri yang mencatat kegagalan login'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO v FROM app_user WHERE username = lower(p_username) FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, workstation)
        VALUES (localtimestamp(0), NULL, '', 'login_gagal', 'user', NULL,
                json_build_object('username', left(p_username, 40), 'reason', 'tidak_dikenal')::text, '');
        RETURN 'gagal 0';
    END IF;
    IF v.locked_until IS NOT NULL AND v.locked_until > localtimestamp THEN
        INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, workstation)
        VALUES (localtimestamp(0), NULL, '', 'login_gagal', 'user', v.id,
                json_build_object('username', v.username, 'terkunci', true)::text, '');
        RETURN 'terkunci ' || to_char(v.locked_until, 'YYYY-MM-DD"T"HH24:MI:SS');
    END IF;
    v_failures := v.failed_logins + 1;
    IF v_failures >= 5 THEN
        v_until := localtimestamp(0) + interval '15 minutes';
    END IF;
    UPDATE app_user SET failed_logins = CASE WHEN v_until IS NULL THEN v_failures ELSE 0 END,
                        locked_until = v_until
     WHERE id = v.id;
    INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, workstation)
    VALUES (localtimestamp(0), NULL, '', 'login_gagal', 'user', v.id,
            json_build_object('username', v.username, 'percobaan', v_failures)::text, '');
    IF v_until IS NOT NULL THEN
        PERFORM dd_set_login_locked(v.username, true);
        INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, workstation)
        VALUES (localtimestamp(0), NULL, '', 'akun_dikunci', 'user', v.id,
                json_build_object('sampai', v_until)::text, '');
        RETURN 'terkunci ' || to_char(v_until, 'YYYY-MM-DD"T"HH24:MI:SS');
    END IF;
    RETURN 'gagal ' || v_failures;
END
$$;

-- A successful login, from the user's own connection.
CREATE OR REPLACE FUNCTION dd_login_succeeded() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_login_at = localtimestamp(0)
     WHERE id = dd_session_user_id();
END
$$;

-- Administration of login roles: only for Dinas Desk usernames, only into Dinas Desk groups.
CREATE OR REPLACE FUNCTION dd_check_username(p_username text) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF p_username !~ '^[a-z][a-z0-9_.]{1,39}$' THEN
        RAISE EXCEPTION 'nama pengguna tidak sah untuk peran PostgreSQL: %', p_username
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN p_username;
END
$$;

CREATE OR REPLACE FUNCTION dd_set_login_groups(p_username text, p_codes text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_login text := dd_prefix() || 'u_' || dd_check_username(p_username);
    v_group text;
    v_code text;
BEGIN
    FOR v_group IN
        SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
        JOIN pg_roles u ON u.oid = m.member
        WHERE u.rolname = v_login AND g.rolname LIKE dd_prefix() || 'g\_%'
    LOOP
        EXECUTE format('REVOKE %I FROM %I', v_group, v_login);
    END LOOP;
    IF v_login = session_user::text THEN
        -- Separation of duties: nobody gives their own login a function it does not hold.
        FOREACH v_code IN ARRAY p_codes LOOP
            IF NOT pg_has_role(v_login, dd_prefix() || 'g_' || v_code, 'MEMBER') THEN
                RAISE EXCEPTION 'peran baru untuk akun sendiri ditolak: %', v_code
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        END LOOP;
    END IF;
    FOREACH v_code IN ARRAY p_codes LOOP
        IF NOT EXISTS (SELECT 1 FROM role WHERE code = v_code) THEN
            RAISE EXCEPTION 'peran tidak dikenal: %', v_code USING ERRCODE = 'invalid_parameter_value';
        END IF;
        EXECUTE format('GRANT %I TO %I', dd_prefix() || 'g_' || v_code, v_login);
    END LOOP;
    EXECUTE format('GRANT %I TO %I', dd_prefix() || 'staff', v_login);
END
$$;

CREATE OR REPLACE FUNCTION dd_create_login(p_username text, p_verifier text, p_codes text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_login text := dd_prefix() || 'u_' || dd_check_username(p_username);
BEGIN
    IF p_verifier !~ '^SCRAM-SHA-256\$' THEN
        RAISE EXCEPTION 'kata sandi harus dikirim sebagai verifier SCRAM'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_login) THEN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_login
                   AND (rolsuper OR rolcreatedb OR rolcreaterole OR rolbypassrls OR rolreplication)) THEN
            RAISE EXCEPTION 'peran % sudah ada dengan hak khusus; tidak dipakai sebagai login', v_login
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L',
                       v_login, p_verifier);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L',
                       v_login, p_verifier);
    END IF;
    PERFORM dd_set_login_groups(p_username, p_codes);
END
$$;

CREATE OR REPLACE FUNCTION dd_set_login_password(p_username text, p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF p_verifier !~ '^SCRAM-SHA-256\$' THEN
        RAISE EXCEPTION 'kata sandi harus dikirim sebagai verifier SCRAM'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', dd_prefix() || 'u_' || dd_check_username(p_username),
                   p_verifier);
END
$$;

CREATE OR REPLACE FUNCTION dd_set_login_enabled(p_username text, p_enabled boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    EXECUTE format('ALTER ROLE %I %s', dd_prefix() || 'u_' || dd_check_username(p_username),
                   CASE WHEN p_enabled THEN 'LOGIN' ELSE 'NOLOGIN' END);
END
$$;

-- Every audit line carries the PostgreSQL login that wrote it and the server's time: a
-- client cannot write a line in someone else's name.
CREATE OR REPLACE FUNCTION dd_audit_stamp() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_user integer := dd_session_user_id();
BEGIN
    IF v_user IS NOT NULL THEN
        NEW.user_id := v_user;
        NEW.username := (SELECT username FROM app_user WHERE id = v_user);
    ELSIF NEW.username = '' OR NEW.username IS NULL THEN
        NEW.username := left('pg:' || session_user::text, 40);
    END IF;
    NEW.at := localtimestamp(0);
    RETURN NEW;
END
$$;

-- One audit line per statement that changed an audited table.
CREATE OR REPLACE FUNCTION dd_audit_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_count bigint;
    v_first bigint;
    v_ids text;
BEGIN
    SELECT count(*), min(id), string_agg(id::text, ',') INTO v_count, v_first, v_ids
      FROM (SELECT id FROM changed_rows ORDER BY id LIMIT 50) s;
    IF v_count = 0 THEN
        RETURN NULL;
    END IF;
    SELECT count(*) INTO v_count FROM changed_rows;
    INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, workstation)
    VALUES (localtimestamp(0), NULL, '',
            CASE TG_OP WHEN 'INSERT' THEN 'db_tambah' WHEN 'UPDATE' THEN 'db_ubah' ELSE 'db_hapus' END,
            TG_TABLE_NAME, CASE WHEN v_count = 1 THEN v_first END,
            json_build_object('baris', v_count, 'id', v_ids)::text,
            left(coalesce(current_setting('application_name', true), ''), 120));
    RETURN NULL;
END
$$;
"""
