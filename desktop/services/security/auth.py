"""Passwords (argon2id), login with a time-limited lockout, and role checks."""

from __future__ import annotations

import datetime as dt

from desktop.models import User, db, pg_security
from desktop.models.base import now
from desktop.roles import BUILTIN_ROLES
from desktop.services.errors import AuthenticationFailed, PermissionDenied
from desktop.services.security import audit

# Re-exported: callers use auth.hash_password, auth.session_for, auth.MIN_PASSWORD_LENGTH ...
from desktop.services.security.accounts import (  # noqa: F401
    LOCKOUT,
    MAX_FAILED_LOGINS,
    MIN_PASSWORD_LENGTH,
    _verify,
    hash_password,
    locked_refusal,
    ordered_role_codes,
    role_codes,
    session_for,
)
from desktop.services.session import Session
from desktop.services.validation import is_username


def login(username: str, password: str) -> Session:
    """Check a username and password; lock the account for a while after repeated failures.

    A refusal is committed (the failure count, the lock, the audit line) before it is
    raised, so it survives: the error must not roll back its own record. On a secured
    PostgreSQL database the app starts on the login gate and logs in as the user's own
    PostgreSQL role (services/db_logins.py).
    """
    if pg_security.gate_session():
        from desktop.services.security.db_logins import login_through_gate

        return login_through_gate(username, password)
    with db.atomic():
        outcome = _attempt(username, password)
    if isinstance(outcome, AuthenticationFailed):
        raise outcome
    return outcome


def _attempt(username: str, password: str) -> Session | AuthenticationFailed:
    name = username.strip().lower()
    # Only a name that could be a username reaches the query (NUL and lone surrogates cannot).
    user = User.get_or_none(User.username == name) if is_username(name) else None
    if user is None:
        typed = username[:40].encode("utf-8", "backslashreplace").decode("utf-8")
        audit.record(None, "login_gagal", "user", None, username=typed, reason="tidak_dikenal")
        return AuthenticationFailed("Nama pengguna atau kata sandi salah.")
    moment = now()
    if user.locked_until and user.locked_until > moment:
        audit.record(None, "login_ditolak_terkunci", "user", user.id, username=user.username)
        return locked_refusal(user.locked_until, moment)
    if not user.is_active:
        audit.record(None, "login_ditolak_nonaktif", "user", user.id, username=user.username)
        return AuthenticationFailed("Akun ini dinonaktifkan. Hubungi Administrator.")
    if not _verify(user.password_hash, password, user.username):
        return _fail(user, moment)
    User.update(failed_logins=0, locked_until=None, last_login_at=moment).where(User.id == user.id).execute()
    session = session_for(user)
    audit.record(session, "login", "user", user.id)
    return session


def _fail(
    user: User,
    moment: dt.datetime,
    action: str = "login_gagal",
    wrong: str = "Nama pengguna atau kata sandi salah.",
) -> AuthenticationFailed:
    failures = user.failed_logins + 1
    locked_until = moment + LOCKOUT if failures >= MAX_FAILED_LOGINS else None
    User.update(failed_logins=0 if locked_until else failures, locked_until=locked_until).where(
        User.id == user.id
    ).execute()
    audit.record(None, action, "user", user.id, username=user.username, percobaan=failures)
    if locked_until:
        audit.record(None, "akun_dikunci", "user", user.id, sampai=locked_until.isoformat())
        return AuthenticationFailed(
            f"Kata sandi salah {MAX_FAILED_LOGINS} kali. Akun dikunci sampai {locked_until:%H:%M}."
        )
    left = MAX_FAILED_LOGINS - failures
    return AuthenticationFailed(f"{wrong} Sisa percobaan: {left}.")


def verify_session_password(session: Session, password: str) -> None:
    """Unlock an idle-locked session with its user's password; a wrong one counts like a failed login."""
    with db.atomic():
        user = User.get_by_id(session.user_id)
        moment = now()
        refusal = None
        if user.locked_until and user.locked_until > moment:
            refusal = AuthenticationFailed(f"Akun terkunci sampai {user.locked_until:%H:%M}. Pilih Keluar.")
        elif not user.is_active:
            refusal = AuthenticationFailed("Akun ini dinonaktifkan. Pilih Keluar dan hubungi Administrator.")
        elif pg_security.per_user_session():  # checked and counted by the server
            status = _confirm_on_server(password)
            if status != "ok":
                refusal = _server_refusal(status, "Pilih Keluar.")
                audit.record(session, "buka_sesi_gagal", "user", user.id)
        elif not _verify(user.password_hash, password, user.username):
            refusal = _fail(user, moment, "buka_sesi_gagal", "Kata sandi salah.")
        else:
            User.update(failed_logins=0).where(User.id == user.id).execute()
        if refusal is None:
            audit.record(session, "sesi_dibuka", "user", user.id)
    if refusal is not None:
        raise refusal


def verify_password_again(actor: Session, password: str) -> None:
    """Ask for the acting user's password again (before a signature); a wrong one counts like a
    failed login (five lock the account), so the signing password cannot be guessed without limit.

    Call it outside the use case's transaction: the count is committed before the refusal.
    """
    user = User.get_by_id(actor.user_id)
    if user.locked_until and user.locked_until > now():
        raise AuthenticationFailed(
            f"Akun terkunci sampai {user.locked_until:%H:%M}. Tanda tangan tidak dibuat."
        )
    with db.atomic():
        if pg_security.per_user_session():  # checked and counted by the server
            status = _confirm_on_server(password)
            refusal = None if status == "ok" else _server_refusal(status, "Tanda tangan tidak dibuat.")
            if refusal is not None:  # (here, _fail below writes its own line with the count)
                audit.record(actor, "konfirmasi_sandi_gagal", "user", actor.user_id)
        elif _verify(user.password_hash, password, user.username):
            refusal = None
            if user.failed_logins:  # a slip corrected: the count starts again, as after a login
                User.update(failed_logins=0).where(User.id == user.id).execute()
        else:
            failed = _fail(
                User.get_by_id(actor.user_id), now(), "konfirmasi_sandi_gagal", "Kata sandi salah."
            )
            refusal = AuthenticationFailed(f"{failed} Tanda tangan tidak dibuat.")
    if refusal is not None:
        raise refusal


def _confirm_on_server(password: str) -> str:
    from desktop.services.security.db_logins import confirm_own_password

    return confirm_own_password(password)


def _server_refusal(status: str, then: str) -> AuthenticationFailed:
    from desktop.services.security.db_logins import refusal_for

    return AuthenticationFailed(f"{refusal_for(status, 'Kata sandi salah.')} {then}")


def require_role(actor: Session, *codes: str) -> None:
    """Raise PermissionDenied unless the actor, as stored now, holds one of the roles."""
    current = role_codes(actor.user_id)
    active = User.select(User.is_active).where(User.id == actor.user_id).scalar()
    if not active or not current.intersection(codes):
        names = ", ".join(r.name for r in BUILTIN_ROLES if r.code in codes) or ", ".join(codes)
        raise PermissionDenied(f"Tindakan ini hanya untuk {names}.")
