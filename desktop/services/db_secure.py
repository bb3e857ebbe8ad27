"""Securing a PostgreSQL database (`dinas-desk db secure`, run once by whoever set up the server):
roles, grants, policies and functions from the SOP files, and a login role for every account.

Kept apart from `security.db_logins` (the logins themselves) because it reads every SOP's document
types and the recap flow: the login path then reaches no SOP package, and no import circle forms.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.models import Role, Sop, User, db, pg_security
from desktop.services.documents.issue import DOC_TYPES
from desktop.services.security import audit
from desktop.services.security.accounts import ordered_role_codes
from desktop.services.sijarla.recap import _FLOW
from desktop.services.sop.workflow import _parse, builtin_sops, sop_row


@dataclass(frozen=True)
class SecureResult:
    prefix: str
    gate_role: str
    with_password: tuple[str, ...]
    without_password: tuple[str, ...]


def secure_database(gate_password: str, passwords: dict[str, str] | None = None) -> SecureResult:
    """Install roles, grants, policies and functions; give every account its login role.

    Accounts named in `passwords` get that password; accounts secured before keep theirs;
    the others cannot log in until the administrator resets their password. The app's
    argon2 hashes are replaced by a marker: the server's password store (`dd_password`)
    holds the secret from now on. Every login role loses its server password: every
    session starts at the gate again.
    """
    passwords = passwords or {}
    codes = [r.code for r in Role.select(Role.code).order_by(Role.id)]
    with db.atomic():
        for definition in builtin_sops().values():  # staff may read SOPs, not write them
            sop_row(definition)
    state = pg_security.install(codes, gate_password, sop_policy())
    done: list[str] = []
    pending: list[str] = []
    with db.atomic():
        for user in User.select().order_by(User.id):
            password = passwords.get(user.username)
            key = pg_security.login_key(user.username, password) if password else None
            db.execute_sql(
                "SELECT dd_create_login(%s, %s, %s::text[])", (user.username, key, _codes_of(user.id))
            )
            if not user.is_active:
                db.execute_sql("SELECT dd_set_login_enabled(%s, false)", (user.username,))
        with_hash = {r[0] for r in db.execute_sql("SELECT user_id FROM dd_password").fetchall()}
        for user in User.select().order_by(User.id):
            (done if user.id in with_hash and user.is_active else pending).append(user.username)
        User.update(password_hash=pg_security.PASSWORD_MARKER).execute()
        audit.record(None, "keamanan_postgresql_dipasang", "database", None, prefix=state.prefix)
    return SecureResult(state.prefix, state.gate_role, tuple(done), tuple(pending))


def sop_policy() -> pg_security.SopPolicy:
    """What the database enforces from the SOP files: roles, transitions, starts, document types."""
    sop_roles: dict[int, tuple[str, ...]] = {}
    moves: list[tuple[int, str, str, str, str]] = []
    starts: list[tuple[int, str, str, str]] = []
    for row in Sop.select(Sop.id, Sop.code, Sop.definition):
        definition = _parse(row.definition, f"{row.code}.toml")
        roles = [r for s in definition.steps for r in (*s.roles, *s.receivers)]
        roles += [r for s in definition.starts for r in s.roles]
        sop_roles[row.id] = tuple(dict.fromkeys(roles))
        for step in definition.steps:
            for transition in step.transitions:
                # advance() asks for a role of the step, and of the transition when it names some.
                takers = [r for r in step.roles if not transition.roles or r in transition.roles]
                moves += [(row.id, step.code, transition.action, transition.to, r) for r in takers]
        for start in definition.starts:
            first = definition.step(start.step)
            starts += [(row.id, start.code, start.step, r) for r in (start.roles or first.roles)]
    doc_roles = {code: (t.issue_roles, t.read_roles) for code, t in DOC_TYPES.items()}
    recap_flow = tuple((before, after, role) for role, before, after, _ in _FLOW.values())
    return pg_security.SopPolicy(doc_roles, sop_roles, tuple(moves), tuple(starts), recap_flow)


def _codes_of(user_id: int) -> list[str]:
    return list(ordered_role_codes(user_id))
