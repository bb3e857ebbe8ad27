"""Staff accounts: creating users, giving and taking roles, (de)activating."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peewee import IntegrityError

from desktop.models import Role, User, UserRole, db
from desktop.roles import ADMINISTRATOR
from desktop.services.errors import InvalidInput, PermissionDenied
from desktop.services.problems import Problems
from desktop.services.security import audit, db_logins
from desktop.services.security.accounts import check_new_password
from desktop.services.security.auth import login, ordered_role_codes, require_role
from desktop.services.session import Session
from desktop.services.validation import clean_code, clean_digits, clean_text, clean_username


@dataclass(frozen=True)
class NewUser:
    username: str
    full_name: str
    password: str
    roles: tuple[str, ...]
    nip: str | None = None
    pangkat_golongan: str = ""
    jabatan: str = ""


@dataclass(frozen=True)
class UserSummary:
    id: int
    username: str
    full_name: str
    nip: str | None
    pangkat_golongan: str
    jabatan: str
    roles: tuple[str, ...]
    is_active: bool


def add_user(actor: Session | None, new: NewUser, *, demo_account: bool = False) -> UserSummary:
    """Create an account. `actor` None means the command line run by the machine's administrator.

    `demo_account`: a throwaway account of the demo office (services.demo), its password hashed at the
    cheapest cost; only the demo seeding (no actor) asks for that, never a logged-in user."""
    if demo_account and actor is not None:
        raise PermissionDenied("Akun demo hanya dibuat oleh data demo, bukan oleh pengguna.")
    with db.atomic():
        if actor is not None:
            require_role(actor, ADMINISTRATOR)
        values, roles = checked_new_user(new)
        try:
            password_hash = db_logins.password_hash_for(new.password, demo_account=demo_account)
            user = User.create(**values, password_hash=password_hash)
        except IntegrityError as exc:  # another administrator took the name a moment ago
            raise InvalidInput(
                f"Nama pengguna '{values['username']}' baru saja dipakai untuk akun lain; pilih nama lain.",
                field="username",
            ) from exc
        UserRole.insert_many([{"user": user.id, "role": r.id} for r in roles]).execute()
        db_logins.account_created(values["username"], new.password, [r.code for r in roles])
        audit.record(
            actor, "pengguna_dibuat", "user", user.id, username=values["username"], peran=list(new.roles)
        )
        return summarize(user)


def add_user_by_command(
    new: NewUser, approver: str | None = None, approver_password: str = ""
) -> UserSummary:
    """`dinas-desk user add`: the first account of an empty database needs no login; any later one is
    approved by an Administrator's own login, so the command line is no way around the admin tab."""
    if approver is None:
        with db.atomic():
            if User.select().exists():
                raise PermissionDenied(
                    "Database ini sudah mempunyai akun. Tambahkan pengguna di tab Admin, atau jalankan "
                    "perintah ini dengan --sebagai <akun Administrator> dan kata sandinya."
                )
            return add_user(None, new)
    return add_user(login(approver, approver_password), new)


def checked_new_user(new: NewUser) -> tuple[dict[str, Any], list[Role]]:
    """The account's cleaned columns and its roles; every field that breaks a rule is refused at once
    (InvalidFields, in the form's order); writes nothing."""
    problems = Problems()
    check = problems.check
    username = check(lambda: _free_username(new.username))
    values = {
        "username": username,
        "full_name": check(lambda: clean_text(new.full_name, "Nama lengkap", 120, field="full_name")),
        "nip": check(lambda: clean_digits(new.nip, "NIP", 18, field="nip", required=False)),
        "pangkat_golongan": check(
            lambda: clean_text(
                new.pangkat_golongan, "Pangkat/golongan", 80, field="pangkat_golongan", required=False
            )
        ),
        "jabatan": check(lambda: clean_text(new.jabatan, "Jabatan", 160, field="jabatan", required=False)),
    }
    check(lambda: check_new_password(new.password))
    roles = check(lambda: _roles(new.roles))
    problems.raise_any()
    assert roles is not None
    return values, roles


def _free_username(name: str) -> str:
    username = clean_username(name)
    if User.select().where(User.username == username).exists():
        raise InvalidInput(f"Nama pengguna '{username}' sudah dipakai.", field="username")
    return username


def _roles(role_codes: tuple[str, ...]) -> list[Role]:
    codes = [clean_code(code, "Peran", field="roles") for code in role_codes]
    roles = list(Role.select().where(Role.code.in_(codes)))
    unknown = set(codes) - {r.code for r in roles}
    if unknown or not roles:
        if not codes:
            raise InvalidInput("Pilih paling sedikit satu peran.", field="roles")
        raise InvalidInput(f"Peran tidak dikenal: {', '.join(sorted(unknown))}.", field="roles")
    return roles


def summarize(user: User) -> UserSummary:
    codes = ordered_role_codes(user.id)
    return UserSummary(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        nip=user.nip,
        pangkat_golongan=user.pangkat_golongan,
        jabatan=user.jabatan,
        roles=codes,
        is_active=user.is_active,
    )


def list_users() -> list[UserSummary]:
    return [summarize(u) for u in User.select().order_by(User.full_name)]
