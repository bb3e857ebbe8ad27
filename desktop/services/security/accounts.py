"""Accounts as both login paths see them: password hashes, role codes, the session of a user, the
lockout rule. The app's own login (`auth`) and the PostgreSQL gate login (`db_logins`) share it."""

from __future__ import annotations

import datetime as dt
import os

import argon2.profiles
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from desktop.models import Role, User, UserRole
from desktop.roles import ROLE_ORDER
from desktop.services.errors import AuthenticationFailed, InvalidInput
from desktop.services.session import Session

MAX_FAILED_LOGINS = 5
LOCKOUT = dt.timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 128


def check_new_password(password: str | None) -> str:
    """A new password: 8 to 128 characters that can be typed again (no control or invisible format
    characters, no lone surrogate), not only spaces. Returned as given: never trimmed or normalised."""
    import unicodedata

    from desktop.services.errors import InvalidInput

    text = password if isinstance(password, str) else ""
    if len(text) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter.", field="password")
    if len(text) > MAX_PASSWORD_LENGTH:
        raise InvalidInput(f"Kata sandi paling banyak {MAX_PASSWORD_LENGTH} karakter.", field="password")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") for ch in text):
        raise InvalidInput(
            "Kata sandi mengandung karakter tak terlihat yang tidak dapat diketik ulang. "
            "Pakai huruf, angka, tanda baca atau spasi.",
            field="password",
        )
    if not text.strip():
        raise InvalidInput("Kata sandi tidak boleh hanya berisi spasi.", field="password")
    return text


# argon2id with the library's recommended parameters. The test suite creates hundreds of
# accounts; it sets DINAS_DESK_FAST_HASH=1 to use argon2's cheapest profile there.
_hasher = (
    PasswordHasher.from_parameters(argon2.profiles.CHEAPEST)
    if os.environ.get("DINAS_DESK_FAST_HASH") == "1"
    else PasswordHasher()
)
# The throwaway accounts of `dinas-desk --demo`, whose one password the login window shows anyway, at
# argon2's cheapest cost: hashing a dozen at production cost was most of the demo's start. Only the demo
# seeding asks for it; verification reads the cost from each stored hash, so an account created later
# in a demo database, and every account of a real database, keeps the production cost.
_demo_hasher = PasswordHasher.from_parameters(argon2.profiles.CHEAPEST)


def hash_password(password: str, *, demo_account: bool = False) -> str:
    """The argon2id hash of a password, at production cost (cheapest for a throwaway demo account)."""
    try:
        return (_demo_hasher if demo_account else _hasher).hash(password)
    except UnicodeEncodeError as exc:  # a lone surrogate has no UTF-8 form: nothing to hash
        raise InvalidInput(
            "Kata sandi mengandung karakter yang tidak sah. Ketik ulang dengan papan ketik.", field="password"
        ) from exc


# A team member's login on a field laptop of a secured office: the server's bcrypt hash of their
# login key (pg_roles.login_key), carried sealed in the package (services/field/export).
FIELD_LOGIN_PREFIX = "pgkey:"


def _verify(password_hash: str, password: str, username: str = "") -> bool:
    if password_hash.startswith(FIELD_LOGIN_PREFIX):
        return _verify_login_key(password_hash.removeprefix(FIELD_LOGIN_PREFIX), username, password)
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError, UnicodeEncodeError):
        return False  # a password that cannot be encoded cannot be the one that was hashed


def _verify_login_key(hashed: str, username: str, password: str) -> bool:
    import bcrypt

    from desktop.models.pg_roles import login_key

    try:
        return bcrypt.checkpw(login_key(username, password).encode("ascii"), hashed.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        return False


def ordered_role_codes(user_id: int) -> tuple[str, ...]:
    """The user's role codes in SOP order (roles an SOP file added come last, by code)."""
    query = Role.select(Role.code).join(UserRole).where(UserRole.user == user_id)
    return tuple(sorted((r.code for r in query), key=lambda c: (ROLE_ORDER.get(c, len(ROLE_ORDER)), c)))


def role_codes(user_id: int) -> frozenset[str]:
    return frozenset(ordered_role_codes(user_id))


def session_for(user: User) -> Session:
    return Session(
        user_id=user.id,
        username=user.username,
        full_name=user.full_name,
        roles=role_codes(user.id),
        nip=user.nip,
        jabatan=user.jabatan,
    )


def locked_refusal(locked_until: dt.datetime, moment: dt.datetime) -> AuthenticationFailed:
    """The refusal of a login while the account's lockout runs, with the minutes left."""
    minutes = max(1, int((locked_until - moment).total_seconds() // 60) + 1)
    return AuthenticationFailed(
        f"Akun terkunci karena terlalu banyak percobaan gagal. Coba lagi dalam {minutes} menit "
        "atau minta Administrator membukanya."
    )
