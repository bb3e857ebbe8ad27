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
from desktop.services.roles import (
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
_WORKFLOW = {
    "sop_case": "INSERT, UPDATE",
    "case_step": "INSERT",
    "issued_document": "INSERT",
    "number_sequence": "INSERT, UPDATE",
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
        "number_sequence": "INSERT, UPDATE",
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

# Tables whose every change a statement-level trigger writes to the audit log.
AUDITED_TABLES = (
    "app_user",
    "user_role",
    "sop_case",
    "disposition",
    "assignment_letter",
    "service_record",
    "report",
    "recap",
    "innovation",
    "meeting_participant",
    "office",
    "signer",
)


class SecurityError(Exception):
    """The database cannot be secured as asked; the message is for the administrator."""


def role_prefix(database_name: str) -> str:
    """The prefix of every role of one database: its name, made an identifier, 20 characters at most."""
    cleaned = re.sub(r"[^a-z0-9_]", "_", database_name.lower())[:20].rstrip("_") or "dinasdesk"
    if cleaned[0].isdigit():
        cleaned = "d" + cleaned[:19]
    return cleaned + "_"


def login_role(prefix: str, username: str) -> str:
    return f"{prefix}u_{username}"


def group_role(prefix: str, code: str) -> str:
    return f"{prefix}g_{code}"


def staff_role(prefix: str) -> str:
    return f"{prefix}staff"


def gate_role(prefix: str) -> str:
    return f"{prefix}gerbang"


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


def install(role_codes: list[str], gate_password: str) -> SecurityState:
    """Create the group roles, grants, policies and functions (idempotent; run by the owner).

    `role_codes` are the office functions in the role table (the built-in ones and any an
    SOP file added). Must run as a superuser or a role with CREATEROLE that owns the tables.
    """
    if not is_postgresql():
        raise SecurityError("Peran PostgreSQL per pengguna hanya ada pada database PostgreSQL.")
    database = db.execute_sql("SELECT current_database()").fetchone()[0]
    prefix = role_prefix(database)
    staff, gate = staff_role(prefix), gate_role(prefix)
    tables = _tables()
    with db.atomic():
        db.execute_sql(
            "CREATE TABLE IF NOT EXISTS pg_security ("
            "id integer PRIMARY KEY CHECK (id = 1), prefix text NOT NULL, "
            "installed_at timestamp NOT NULL DEFAULT localtimestamp(0))"
        )
        db.execute_sql(
            "INSERT INTO pg_security (id, prefix) VALUES (1, %s) "
            "ON CONFLICT (id) DO UPDATE SET installed_at = localtimestamp(0)",
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

        db.execute_sql(_FUNCTIONS.replace("%", "%%"))  # psycopg2 reads % as a placeholder
        _install_row_security(prefix, role_codes)
        _install_audit_policies(prefix, role_codes)
        _install_audit_triggers()
        db.execute_sql("REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC")
        db.execute_sql("ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC")
        for function in (
            "dd_session_user_id()",
            "dd_in_case_team(integer)",
            "dd_login_succeeded()",
            "dd_login_failed(text)",
        ):
            db.execute_sql(f"GRANT EXECUTE ON FUNCTION {function} TO {_ident(staff)}")
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
    for table in AUDITED_TABLES:
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
LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
    SELECT prefix FROM pg_security WHERE id = 1
$$;

-- The app user behind this PostgreSQL login (NULL for the owner, a superuser or the gate).
CREATE OR REPLACE FUNCTION dd_session_user_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT u.id FROM app_user u, pg_security s
    WHERE s.id = 1 AND session_user::text = s.prefix || 'u_' || u.username
$$;

-- Whether the logged-in user is in the team given the case (row-level security on records).
CREATE OR REPLACE FUNCTION dd_in_case_team(p_case integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (
        SELECT 1 FROM sop_case c JOIN team_member m ON m.team_id = c.team_id
        WHERE c.id = p_case AND m.user_id = dd_session_user_id()
    )
$$;

-- Whether the caller may act as an office function: a member of its group role, and
-- (for a user's own login) holding that role in the app's role table too.
CREATE OR REPLACE FUNCTION dd_caller_holds(p_code text, p_user integer) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
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
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
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

-- The Kabid's sign-off: true when signed, false when the row changed meanwhile.
CREATE OR REPLACE FUNCTION dd_sign_disposition(
    p_id integer, p_version integer, p_signer integer, p_signed_at timestamp, p_digest text
) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    v_user integer := dd_signer(p_signer, 'kabid_pelayanan');
BEGIN
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
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    v_user integer := dd_signer(p_signer, 'kepala_dinas');
BEGIN
    UPDATE assignment_letter
       SET signed_by_id = v_user, signed_at = p_signed_at, signature_sha256 = p_digest,
           version = version + 1, updated_at = p_signed_at
     WHERE id = p_id AND version = p_version AND signed_at IS NULL;
    RETURN FOUND;
END
$$;

-- Login gate: may this account try to log in now? 'ok', 'nonaktif', 'tidak_dikenal' or
-- 'terkunci <timestamp>'. An expired lock is lifted here.
CREATE OR REPLACE FUNCTION dd_login_check(p_username text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    v app_user%ROWTYPE;
BEGIN
    SELECT * INTO v FROM app_user WHERE username = lower(p_username);
    IF NOT FOUND THEN
        RETURN 'tidak_dikenal';
    END IF;
    IF v.locked_until IS NOT NULL AND v.locked_until > localtimestamp THEN
        INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, workstation)
        VALUES (localtimestamp(0), NULL, '', 'login_ditolak_terkunci', 'user', v.id,
                json_build_object('username', v.username)::text, '');
        RETURN 'terkunci ' || to_char(v.locked_until, 'YYYY-MM-DD"T"HH24:MI:SS');
    END IF;
    IF NOT v.is_active THEN
        RETURN 'nonaktif';
    END IF;
    RETURN 'ok';
END
$$;

-- A failed login: count it; the fifth in a row locks the account for 15 minutes.
CREATE OR REPLACE FUNCTION dd_login_failed(p_username text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    v app_user%ROWTYPE;
    v_failures integer;
    v_until timestamp;
BEGIN
    SELECT * INTO v FROM app_user WHERE username = lower(p_username) FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, detail, workstation)
        VALUES (localtimestamp(0), NULL, '', 'login_gagal', 'user', NULL,
                json_build_object('username', left(p_username, 40), 'reason', 'tidak_dikenal')::text, '');
        RETURN 'gagal 0';
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
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_login_at = localtimestamp(0)
     WHERE id = dd_session_user_id();
END
$$;

-- Administration of login roles: only for Dinas Desk usernames, only into Dinas Desk groups.
CREATE OR REPLACE FUNCTION dd_check_username(p_username text) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, public AS $$
BEGIN
    IF p_username !~ '^[a-z][a-z0-9_.]{1,39}$' THEN
        RAISE EXCEPTION 'nama pengguna tidak sah untuk peran PostgreSQL: %', p_username
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN p_username;
END
$$;

CREATE OR REPLACE FUNCTION dd_set_login_groups(p_username text, p_codes text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
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
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    v_login text := dd_prefix() || 'u_' || dd_check_username(p_username);
BEGIN
    IF p_verifier !~ '^SCRAM-SHA-256\$' THEN
        RAISE EXCEPTION 'kata sandi harus dikirim sebagai verifier SCRAM'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_login) THEN
        EXECUTE format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L',
                       v_login, p_verifier);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L',
                       v_login, p_verifier);
    END IF;
    PERFORM dd_set_login_groups(p_username, p_codes);
END
$$;

CREATE OR REPLACE FUNCTION dd_set_login_password(p_username text, p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
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
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    EXECUTE format('ALTER ROLE %I %s', dd_prefix() || 'u_' || dd_check_username(p_username),
                   CASE WHEN p_enabled THEN 'LOGIN' ELSE 'NOLOGIN' END);
END
$$;

-- Every audit line carries the PostgreSQL login that wrote it and the server's time: a
-- client cannot write a line in someone else's name.
CREATE OR REPLACE FUNCTION dd_audit_stamp() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
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
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
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
