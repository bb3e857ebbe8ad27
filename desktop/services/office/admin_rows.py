"""What the administrator's pages show and send: rows, drafts, choices, and the limits checked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.models import (
    NumberingPattern,
    NumberSequence,
    User,
    pg_security,
)
from desktop.models.base import now
from desktop.models.pg_security import LoginState
from desktop.services.security.auth import ordered_role_codes

PAPER_SIZES = ("A4", "F4")


MAX_LOGO_BYTES = 512 * 1024


MAX_LOGO_SIDE = 4000


SIGNER_PURPOSES = {
    "kepala_dinas": "Kepala Dinas: Surat Tugas dan rekapitulasi",
    "kabid_pelayanan": "Kabid Pelayanan: Lembar Disposisi",
    "kabid_pemanfaatan": "Kabid Pemanfaatan: rekapitulasi yang diteruskan",
    "ketua_pelaksana_harian": "Ketua Pelaksana Harian: rekapitulasi",
}


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    full_name: str
    nip: str | None
    pangkat_golongan: str
    jabatan: str
    roles: tuple[str, ...]
    is_active: bool
    locked_until: dt.datetime | None
    failed_logins: int
    last_login_at: dt.datetime | None
    version: int
    database_login: str = ""  # on a secured PostgreSQL server: its own login's state (DATABASE_LOGIN_*)

    def is_locked(self, moment: dt.datetime | None = None) -> bool:
        """True while a lockout after failed logins is running."""
        return self.locked_until is not None and self.locked_until > (moment or now())


@dataclass(frozen=True)
class RoleChoice:
    code: str
    name: str
    description: str


DATABASE_LOGIN_OK = "aktif"


DATABASE_LOGIN_DISABLED = "nonaktif"


DATABASE_LOGIN_MISSING = "belum ada"


DATABASE_LOGIN_OUT_OF_STEP = "grup tidak sama"


def _database_login(user: User, codes: tuple[str, ...], logins: dict[str, LoginState] | None) -> str:
    """How the user's own PostgreSQL login stands against the account ("" when not secured)."""
    if logins is None:
        return ""
    found = logins.get(user.username)
    if found is None:
        return DATABASE_LOGIN_MISSING
    if not found.can_login:
        return DATABASE_LOGIN_DISABLED
    if not user.is_active:
        return DATABASE_LOGIN_OUT_OF_STEP  # the account is off but its login still works
    return DATABASE_LOGIN_OK if set(found.groups) == set(codes) else DATABASE_LOGIN_OUT_OF_STEP


def _user_row(user: User, logins: dict[str, LoginState] | None = None) -> UserRow:
    codes = ordered_role_codes(user.id)
    if logins is None and pg_security.state() is not None:
        logins = pg_security.login_states()
    return UserRow(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        nip=user.nip,
        pangkat_golongan=user.pangkat_golongan,
        jabatan=user.jabatan,
        roles=codes,
        is_active=user.is_active,
        locked_until=user.locked_until,
        failed_logins=user.failed_logins,
        last_login_at=user.last_login_at,
        version=user.version,
        database_login=_database_login(user, codes, logins),
    )


@dataclass(frozen=True)
class OfficeDraft:
    """What the administrator typed on the office page."""

    government: str
    agency: str
    address: str
    phone: str
    email: str
    website: str
    city: str
    kabupaten_code: str
    logo_png: bytes | None
    paper_size: str
    idle_lock_minutes: int


@dataclass(frozen=True)
class OfficeSettings(OfficeDraft):
    version: int  # 0 while the office has never been saved


@dataclass(frozen=True)
class KabupatenChoice:
    code: str
    name: str


@dataclass(frozen=True)
class SignerRow:
    id: int | None  # None: the purpose has no signer yet
    purpose: str
    purpose_label: str
    user_id: int | None
    full_name: str
    nip: str | None
    title: str
    version: int


@dataclass(frozen=True)
class PatternDraft:
    name: str
    pattern: str
    klasifikasi: str
    unit: str
    reset_yearly: bool


@dataclass(frozen=True)
class PatternRow(PatternDraft):
    id: int
    code: str
    next_seq: int  # the sequence number the next letter of this year gets
    version: int


def _pattern_row(p: NumberingPattern, year: int) -> PatternRow:
    sequence = NumberSequence.get_or_none(
        (NumberSequence.pattern == p.id) & (NumberSequence.year == (year if p.reset_yearly else 0))
    )
    return PatternRow(
        name=p.name,
        pattern=p.pattern,
        klasifikasi=p.klasifikasi,
        unit=p.unit,
        reset_yearly=bool(p.reset_yearly),
        id=p.id,
        code=p.code,
        next_seq=(sequence.last_value if sequence else 0) + 1,
        version=p.version,
    )
