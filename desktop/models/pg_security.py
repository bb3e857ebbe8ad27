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

from dataclasses import dataclass

from desktop.models.pg_grants import (
    _APP_USER_PUBLIC_COLUMNS,
    _ISSUE_ARGS,
    _RESTRICTED_READS,
    _install_case_scoping,
    _install_row_security,
)
from desktop.models.pg_grants import GROUP_WRITES as GROUP_WRITES  # re-exported
from desktop.models.pg_roles import AUDIT_READERS as AUDIT_READERS
from desktop.models.pg_roles import CASE_SCOPED_TABLES as CASE_SCOPED_TABLES
from desktop.models.pg_roles import CASE_TRAIL_ENTITIES as CASE_TRAIL_ENTITIES
from desktop.models.pg_roles import PASSWORD_MARKER as PASSWORD_MARKER
from desktop.models.pg_roles import RECORDS_ALL as RECORDS_ALL
from desktop.models.pg_roles import RECORDS_OWN_TEAM as RECORDS_OWN_TEAM
from desktop.models.pg_roles import SCRAM_ITERATIONS as SCRAM_ITERATIONS
from desktop.models.pg_roles import TEAM_ROLES as TEAM_ROLES
from desktop.models.pg_roles import LoginState as LoginState
from desktop.models.pg_roles import SecurityError as SecurityError
from desktop.models.pg_roles import SecurityState as SecurityState
from desktop.models.pg_roles import _ident, _rename_roles
from desktop.models.pg_roles import audited_tables as audited_tables
from desktop.models.pg_roles import definer_role as definer_role
from desktop.models.pg_roles import gate_role as gate_role
from desktop.models.pg_roles import gate_session as gate_session
from desktop.models.pg_roles import group_role as group_role
from desktop.models.pg_roles import is_postgresql as is_postgresql
from desktop.models.pg_roles import login_key as login_key
from desktop.models.pg_roles import login_role as login_role
from desktop.models.pg_roles import login_states as login_states
from desktop.models.pg_roles import per_user_session as per_user_session
from desktop.models.pg_roles import role_prefix as role_prefix
from desktop.models.pg_roles import scram_verifier as scram_verifier
from desktop.models.pg_roles import staff_role as staff_role
from desktop.models.pg_roles import state as state
from desktop.models.pg_sql_access import ACCESS_FUNCTIONS
from desktop.models.pg_sql_guards import GUARD_FUNCTIONS
from desktop.models.pg_sql_logins import LOGIN_FUNCTIONS

# The role codes are declared once, in a module of plain constants (no database, no Qt).
from desktop.roles import (
    ADMINISTRATOR,
    KABID_PELAYANAN,
    KEPALA_DINAS,
    KETUA_TIM,
)

from .base import db

# --- Installing -------------------------------------------------------------------------------


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
        _install_password_store()
        if "dd_password" not in tables:
            tables.append("dd_password")
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
        # A team reads its records whole; the roles that see NIKs masked read every column but the
        # full NIK and KK, and the masked ones the database derives (issue 13, class 6).
        masked = _columns_but("service_record", FULL_NUMBER_COLUMNS)
        for code in (*RECORDS_ALL, *RECORDS_OWN_TEAM):
            if code in role_codes:
                columns = "" if code in RECORDS_OWN_TEAM else f" ({masked})"
                db.execute_sql(
                    f"GRANT SELECT{columns} ON service_record TO {_ident(group_role(prefix, code))}"
                )
        for code in RECORDS_OWN_TEAM:  # a package's key and a merge's conflicts: the team's (pg_grants)
            if code in role_codes:
                db.execute_sql(
                    f"GRANT SELECT ON field_package_key, field_conflict TO {_ident(group_role(prefix, code))}"
                )

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
        # pgcrypto's hashing, for the functions only (no client role may call it).
        for function in ("crypt(text, text)", "gen_salt(text, integer)", "gen_random_bytes(integer)"):
            db.execute_sql(f"GRANT EXECUTE ON FUNCTION {function} TO {_ident(definer_role(prefix))}")
        for function in (
            "dd_session_user_id()",
            "dd_in_case_team(integer)",
            "dd_team_case_ids()",
            "dd_confirm_password(text)",
            "dd_take_number(integer, integer)",
            "dd_may_read_document(text, integer)",
            "dd_may_read_case(integer)",
            f"dd_issue_document({_ISSUE_ARGS})",
            "dd_document_meta(text, text)",
        ):
            db.execute_sql(f"GRANT EXECUTE ON FUNCTION {function} TO {_ident(staff)}")
        # The login window shows the office's name before anyone logs in; the gate's one call
        # is dd_login, which checks the password, counts failures and hands out server passwords.
        db.execute_sql(f"GRANT SELECT ON office, kabupaten, schema_version, pg_security TO {_ident(gate)}")
        db.execute_sql(f"GRANT EXECUTE ON FUNCTION dd_login(text, text) TO {_ident(gate)}")
        _grant_function(
            prefix,
            role_codes,
            "dd_sign_disposition(integer, integer, integer, timestamp, text)",
            KABID_PELAYANAN,
        )
        _grant_function(
            prefix, role_codes, "dd_sign_assignment(integer, integer, integer, timestamp, text)", KEPALA_DINAS
        )
        _grant_function(prefix, role_codes, "dd_field_logins(integer)", KETUA_TIM)  # field packages
        _grant_function(prefix, role_codes, "dd_served_elsewhere(integer, text[])", KETUA_TIM)
        for code in RECORDS_ALL:  # a whole-NIK search without reading the column
            _grant_function(prefix, role_codes, "dd_records_with_nik(text)", code)
        for function in (
            "dd_create_login(text, text, text[])",
            "dd_set_login_password(text, text)",
            "dd_set_login_enabled(text, boolean)",
            "dd_set_login_groups(text, text[])",
        ):
            _grant_function(prefix, role_codes, function, ADMINISTRATOR)
    db.obj._dinas_desk_security = "?"
    return SecurityState(prefix, gate)


# The full identity numbers of a service record: readable only by the teams.
FULL_NUMBER_COLUMNS = ("nik", "kk")


def _columns_but(table: str, hidden: tuple[str, ...]) -> str:
    rows = db.execute_sql(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
        "AND table_name = %s ORDER BY ordinal_position",
        (table,),
    ).fetchall()
    return ", ".join(_ident(name) for (name,) in rows if name not in hidden)


# Functions of earlier versions that no longer exist (dropped at `db secure`).
_RETIRED_FUNCTIONS = ("dd_login_check(text)", "dd_login_succeeded()", "dd_set_login_locked(text, boolean)")


def _install_password_store() -> None:
    """Where the gate checks passwords: a bcrypt hash (pgcrypto) of each account's login key.

    No client role reads it (not even the administrator); only the functions, as the owner
    role. pgcrypto is a trusted extension since PostgreSQL 13: the database owner may create it.
    """
    db.execute_sql("CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public")
    db.execute_sql(
        "CREATE TABLE IF NOT EXISTS dd_password ("
        "user_id integer PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE, "
        "hash text NOT NULL, set_at timestamp NOT NULL DEFAULT localtimestamp(0))"
    )
    for signature in _RETIRED_FUNCTIONS:
        db.execute_sql(f"DROP FUNCTION IF EXISTS {signature}")


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
    "field_package": ("taken_by_id", "returned_by_id"),
    "field_conflict": ("resolved_by_id",),
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
_FUNCTIONS = ACCESS_FUNCTIONS + GUARD_FUNCTIONS + LOGIN_FUNCTIONS
