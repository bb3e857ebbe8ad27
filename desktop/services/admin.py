"""The administrator's use cases: accounts and roles, office settings, signers, numbering patterns,
reference data, holidays, SQLite backups and this workstation's database connection.

Every public function taking an `actor` is one use case: it checks that the actor holds the
Administrator role (as stored now), runs in one transaction, writes the audit log, and updates
editable rows only at the version the caller read (StaleRecord names who changed it meanwhile).
The exceptions are stated where they occur: a SQLite restore cannot run inside a transaction,
and testing a connection URL never touches the app's own database connection.

This module is longer than most: it is the one place the administrator's rules live, grouped by
the administrator's pages, so each rule is easy to find next to its neighbours.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from peewee import DatabaseError, IntegrityError, InterfaceError, Model, fn

from desktop import config, credentials
from desktop.models import (
    AuditLog,
    Holiday,
    Jorong,
    Kabupaten,
    Kecamatan,
    Nagari,
    NumberingPattern,
    NumberSequence,
    Office,
    Role,
    ServiceCategory,
    ServiceOutcome,
    Signer,
    TargetGroup,
    User,
    UserRole,
    connection,
    db,
    migrations,
    pg_security,
)
from desktop.models.base import now
from desktop.models.pg_security import LoginState

from . import audit, db_logins, numbering, reference, tls_policy, users
from .auth import MIN_PASSWORD_LENGTH, ordered_role_codes, require_role
from .errors import DatabaseUnavailable, InvalidInput, NotFound, StaleRecord, WorkflowError
from .roles import ADMINISTRATOR
from .session import Session
from .validation import clean_digits, clean_text

PAPER_SIZES = ("A4", "F4")
MAX_LOGO_BYTES = 512 * 1024
MAX_LOGO_SIDE = 4000
IDLE_LOCK_RANGE = (1, 240)
HOLIDAY_KINDS = {"nasional": "Libur nasional", "cuti_bersama": "Cuti bersama", "kantor": "Libur kantor"}
HOLIDAY_YEARS = (2000, 2100)
SIGNER_PURPOSES = {
    "kepala_dinas": "Kepala Dinas: Surat Tugas dan rekapitulasi",
    "kabid_pelayanan": "Kabid Pelayanan: Lembar Disposisi",
    "kabid_pemanfaatan": "Kabid Pemanfaatan: rekapitulasi yang diteruskan",
    "ketua_pelaksana_harian": "Ketua Pelaksana Harian: rekapitulasi",
}
CODE_LISTS: dict[str, tuple[type[Model], str]] = {
    "kategori": (ServiceCategory, "Kategori objek pelayanan"),
    "sasaran": (TargetGroup, "Kelompok sasaran"),
    "hasil": (ServiceOutcome, "Hasil pelayanan"),
}
POSTGRES_BACKUP_ADVICE = (
    "Database ini berada di server PostgreSQL kantor. Cadangkan dengan pg_dump di server, misalnya "
    "setiap malam: pg_dump -Fc -h SERVER -U PENGGUNA NAMA_DB -f dinas-desk-TANGGAL.dump, simpan "
    "berkasnya di luar server, dan pulihkan dengan pg_restore -c -d NAMA_DB BERKAS.dump. "
    "Pencadangan dari aplikasi hanya untuk database berkas SQLite."
)
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_CODE = re.compile(r"[a-z][a-z0-9_]{1,39}", re.ASCII)
_NAGARI_CODE = re.compile(r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}", re.ASCII)


def _admin(actor: Session) -> None:
    require_role(actor, ADMINISTRATOR)


def _stale(entity: str, entity_id: int, what: str) -> StaleRecord:
    """The refusal of a stale edit, naming who last changed the record and when (from the audit log)."""
    last = (
        AuditLog.select()
        .where((AuditLog.entity == entity) & (AuditLog.entity_id == entity_id))
        .order_by(AuditLog.id.desc())
        .first()
    )
    who = f"{last.username} pada {last.at:%d-%m-%Y %H:%M}" if last else "pengguna lain"
    return StaleRecord(
        f"{what} sudah diubah oleh {who} setelah Anda membukanya. Muat ulang untuk melihat perubahan "
        "itu, lalu terapkan kembali isian Anda (isian Anda tidak hilang)."
    )


def _bump(model: type[Model], row_id: int, expected_version: int, changes: dict[str, Any]) -> bool:
    """UPDATE ... WHERE id = ? AND version = ?, bumping the version; False when someone was first."""
    changes = {**changes, "version": model.version + 1, "updated_at": now()}
    query = model.update(changes).where((model.id == row_id) & (model.version == expected_version))
    return query.execute() == 1


def _get(model: type[Model], row_id: int, what: str) -> Any:
    row = model.get_or_none(model.id == row_id)
    if row is None:
        raise NotFound(f"{what} tidak ditemukan; mungkin sudah dihapus.")
    return row


# --- Pengguna dan peran ----------------------------------------------------------------------------


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


def list_users(actor: Session) -> list[UserRow]:
    """Every account, by name, with roles and lock state."""
    with db.atomic():
        _admin(actor)
        logins = pg_security.login_states() if pg_security.state() is not None else None
        return [_user_row(u, logins) for u in User.select().order_by(User.full_name, User.id)]


def role_choices(actor: Session) -> list[RoleChoice]:
    """The roles an account can be given, in SOP order."""
    from .workspace import role_catalog

    with db.atomic():
        _admin(actor)
        return [RoleChoice(r.code, r.name, r.description) for r in role_catalog()]


def create_user(actor: Session, new: users.NewUser) -> UserRow:
    """Create an account with its roles (and an initial password the user should change)."""
    with db.atomic():
        _admin(actor)
        created = users.add_user(actor, new)
        return _user_row(User.get_by_id(created.id))


def set_roles(actor: Session, user_id: int, roles: Sequence[str], expected_version: int) -> UserRow:
    """Give and take roles so the account holds exactly `roles`."""
    with db.atomic():
        _admin(actor)
        user = _get(User, user_id, "Pengguna")
        wanted = list(dict.fromkeys(roles))
        found = {r.code: r for r in Role.select().where(Role.code.in_(wanted))}
        unknown = [c for c in wanted if c not in found]
        if unknown or not wanted:
            raise InvalidInput(
                f"Peran tidak dikenal: {', '.join(unknown)}."
                if unknown
                else "Pilih paling sedikit satu peran.",
                field="roles",
            )
        if ADMINISTRATOR not in wanted:
            _keep_an_administrator(user.id, "Peran Administrator tidak dapat dicabut dari")
        if not _bump(User, user.id, expected_version, {}):
            raise _stale("user", user.id, f"Akun {user.username}")
        before = set(_user_row(user).roles)
        UserRole.delete().where(
            (UserRole.user == user.id) & UserRole.role.not_in([r.id for r in found.values()])
        ).execute()
        for code in wanted:
            if code not in before:
                UserRole.create(user=user.id, role=found[code].id)
        db_logins.roles_changed(user.username, wanted)
        audit.record(
            actor,
            "peran_diubah",
            "user",
            user.id,
            diberi=sorted(set(wanted) - before),
            dicabut=sorted(before - set(wanted)),
        )
        return _user_row(User.get_by_id(user.id))


def give_role(actor: Session, user_id: int, role: str, expected_version: int) -> UserRow:
    """Add one role to an account."""
    with db.atomic():
        _admin(actor)
        current = _user_row(_get(User, user_id, "Pengguna"))
        return set_roles(actor, user_id, [*current.roles, role], expected_version)


def take_role(actor: Session, user_id: int, role: str, expected_version: int) -> UserRow:
    """Remove one role from an account (an account keeps at least one)."""
    with db.atomic():
        _admin(actor)
        current = _user_row(_get(User, user_id, "Pengguna"))
        return set_roles(actor, user_id, [r for r in current.roles if r != role], expected_version)


def _keep_an_administrator(user_id: int, refusal: str) -> None:
    """Refuse a change that would leave no active administrator other than `user_id`."""
    others = (
        User.select()
        .join(UserRole)
        .join(Role)
        .where((Role.code == ADMINISTRATOR) & User.is_active & (User.id != user_id))
        .exists()
    )
    if not others:
        raise InvalidInput(
            f"{refusal} Administrator aktif terakhir. "
            "Berikan peran Administrator kepada akun lain lebih dulu.",
            field="roles",
        )


def update_profile(
    actor: Session,
    user_id: int,
    full_name: str,
    nip: str | None,
    pangkat_golongan: str,
    jabatan: str,
    expected_version: int,
) -> UserRow:
    """Correct an account's name, NIP, pangkat/golongan and jabatan (as letters print them)."""
    with db.atomic():
        _admin(actor)
        user = _get(User, user_id, "Pengguna")
        changes = {
            "full_name": clean_text(full_name, "Nama lengkap", User.full_name.max_length, field="full_name"),
            "nip": clean_digits(nip, "NIP", 18, field="nip", required=False),
            "pangkat_golongan": clean_text(
                pangkat_golongan, "Pangkat/golongan", User.pangkat_golongan.max_length, required=False
            ),
            "jabatan": clean_text(jabatan, "Jabatan", User.jabatan.max_length, required=False),
        }
        return _set_user(actor, user, expected_version, changes, "profil_pengguna_diubah")


def deactivate_user(actor: Session, user_id: int, expected_version: int) -> UserRow:
    """Stop an account from logging in; its history stays."""
    with db.atomic():
        _admin(actor)
        user = _get(User, user_id, "Pengguna")
        if user.id == actor.user_id:
            raise InvalidInput("Anda tidak dapat menonaktifkan akun Anda sendiri.", field="is_active")
        if ADMINISTRATOR in _user_row(user).roles:
            _keep_an_administrator(user.id, "Tidak dapat menonaktifkan")
        db_logins.active_changed(user.username, False)
        return _set_user(actor, user, expected_version, {"is_active": False}, "pengguna_dinonaktifkan")


def reactivate_user(actor: Session, user_id: int, expected_version: int) -> UserRow:
    """Let a deactivated account log in again."""
    with db.atomic():
        _admin(actor)
        user = _get(User, user_id, "Pengguna")
        row = _set_user(actor, user, expected_version, {"is_active": True}, "pengguna_diaktifkan")
        db_logins.active_changed(user.username, True)
        return row


def unlock_user(actor: Session, user_id: int, expected_version: int) -> UserRow:
    """End a lockout after failed logins now, instead of waiting for it to run out."""
    with db.atomic():
        _admin(actor)
        user = _get(User, user_id, "Pengguna")
        changes = {"failed_logins": 0, "locked_until": None}
        return _set_user(actor, user, expected_version, changes, "akun_dibuka")


def reset_password(actor: Session, user_id: int, new_password: str, expected_version: int) -> UserRow:
    """Give an account a new password (which also ends a lockout)."""
    with db.atomic():
        _admin(actor)
        user = _get(User, user_id, "Pengguna")
        if len(new_password or "") < MIN_PASSWORD_LENGTH:
            raise InvalidInput(f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter.", field="password")
        changes = {
            "password_hash": db_logins.password_hash_for(new_password),
            "password_changed_at": now(),
            "failed_logins": 0,
            "locked_until": None,
        }
        row = _set_user(actor, user, expected_version, changes, "kata_sandi_direset")
        if user.is_active:
            db_logins.password_changed(user.username, new_password)
        return row


def _set_user(actor: Session, user: User, expected_version: int, changes: dict, action: str) -> UserRow:
    if not _bump(User, user.id, expected_version, changes):
        raise _stale("user", user.id, f"Akun {user.username}")
    audit.record(actor, action, "user", user.id, username=user.username)
    return _user_row(User.get_by_id(user.id))


# --- Pengaturan kantor -----------------------------------------------------------------------------


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


_OFFICE_TEXTS = (
    ("government", "Pemerintah (baris pertama kop)", True),
    ("agency", "Nama dinas", True),
    ("address", "Alamat", False),
    ("phone", "Telepon", False),
    ("email", "Pos-el", False),
    ("website", "Laman", False),
    ("city", "Tempat penandatanganan", True),
)


def office_settings(actor: Session) -> OfficeSettings:
    """The letterhead, paper and idle-lock settings (empty, version 0, before the first save)."""
    with db.atomic():
        _admin(actor)
        office = Office.select().order_by(Office.id).first()
        if office is None:
            return OfficeSettings("", "", "", "", "", "", "", "", None, "A4", 15, version=0)
        return OfficeSettings(
            government=office.government,
            agency=office.agency,
            address=office.address,
            phone=office.phone,
            email=office.email,
            website=office.website,
            city=office.city,
            kabupaten_code=office.kabupaten_code,
            logo_png=bytes(office.logo_png) if office.logo_png else None,
            paper_size=office.paper_size,
            idle_lock_minutes=office.idle_lock_minutes,
            version=office.version,
        )


def kabupaten_choices(actor: Session) -> list[KabupatenChoice]:
    """The kabupaten of the reference data, for the office's own."""
    with db.atomic():
        _admin(actor)
        return [KabupatenChoice(k.code, k.name) for k in Kabupaten.select().order_by(Kabupaten.code)]


def update_office(actor: Session, draft: OfficeDraft, expected_version: int) -> OfficeSettings:
    """Save the office settings read at `expected_version` (0 creates them the first time)."""
    with db.atomic():
        _admin(actor)
        values = _clean_office(draft)
        office = Office.select().order_by(Office.id).first()
        if office is None:
            if expected_version != 0:
                raise StaleRecord("Data kantor sudah dihapus. Muat ulang halaman ini.")
            office = Office.create(**values)
        elif not _bump(Office, office.id, expected_version, values):
            raise _stale("office", office.id, "Pengaturan kantor")
        audit.record(
            actor, "pengaturan_kantor_disimpan", "office", office.id, logo=values["logo_png"] is not None
        )
    return office_settings(actor)


def _clean_office(draft: OfficeDraft) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, label, required in _OFFICE_TEXTS:
        limit = getattr(Office, name).max_length
        values[name] = clean_text(getattr(draft, name), label, limit, field=name, required=required)
    if values["email"] and not _EMAIL.fullmatch(values["email"]):
        raise InvalidInput("Pos-el tidak sah; contoh: disdukcapil@solokkab.go.id.", field="email")
    code = (draft.kabupaten_code or "").strip()
    if code and not Kabupaten.select().where(Kabupaten.code == code).exists():
        raise InvalidInput(f"Kode kabupaten {code} tidak ada di data wilayah.", field="kabupaten_code")
    values["kabupaten_code"] = code
    if draft.paper_size not in PAPER_SIZES:
        raise InvalidInput("Ukuran kertas harus A4 atau F4.", field="paper_size")
    values["paper_size"] = draft.paper_size
    low, high = IDLE_LOCK_RANGE
    if not low <= draft.idle_lock_minutes <= high:
        raise InvalidInput(f"Kunci layar otomatis {low} sampai {high} menit.", field="idle_lock_minutes")
    values["idle_lock_minutes"] = draft.idle_lock_minutes
    values["logo_png"] = check_logo(draft.logo_png) if draft.logo_png else None
    return values


def check_logo(data: bytes) -> bytes:
    """A PNG of at most 512 KB and 4000 px a side, or InvalidInput saying what is wrong."""
    if len(data) > MAX_LOGO_BYTES:
        raise InvalidInput(
            f"Berkas logo {len(data) // 1024} KB; paling besar {MAX_LOGO_BYTES // 1024} KB. "
            "Perkecil gambarnya.",
            field="logo_png",
        )
    if not data.startswith(_PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise InvalidInput("Logo harus berkas gambar PNG.", field="logo_png")
    width, height = struct.unpack(">II", data[16:24])
    if not (0 < width <= MAX_LOGO_SIDE and 0 < height <= MAX_LOGO_SIDE):
        raise InvalidInput(f"Ukuran logo {width}x{height} piksel tidak dapat dipakai.", field="logo_png")
    return data


# --- Penandatangan -------------------------------------------------------------------------------


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


def list_signers(actor: Session) -> list[SignerRow]:
    """One row per signing purpose, set or not."""
    with db.atomic():
        _admin(actor)
        found = {s.purpose: s for s in Signer.select(Signer, User).join(User)}
        purposes = list(SIGNER_PURPOSES) + sorted(set(found) - set(SIGNER_PURPOSES))
        rows = []
        for purpose in purposes:
            label = SIGNER_PURPOSES.get(purpose) or str(purpose)
            s = found.get(purpose)
            if s is None:
                rows.append(SignerRow(None, purpose, label, None, "", None, "", 0))
            else:
                rows.append(
                    SignerRow(
                        s.id, purpose, label, s.user_id, s.user.full_name, s.user.nip, s.title, s.version
                    )
                )
        return rows


def save_signer(actor: Session, purpose: str, user_id: int, title: str, expected_version: int) -> SignerRow:
    """Set who signs for a purpose and the title printed above the name (version 0: first time)."""
    with db.atomic():
        _admin(actor)
        if purpose not in SIGNER_PURPOSES:
            raise InvalidInput(f"Keperluan tanda tangan '{purpose}' tidak dikenal.", field="purpose")
        user = _get(User, user_id, "Pengguna")
        if not user.is_active:
            raise InvalidInput(f"{user.full_name} tidak aktif; pilih pejabat yang aktif.", field="user")
        text = clean_text(title, "Jabatan penandatangan", Signer.title.max_length, field="title")
        signer = Signer.get_or_none(Signer.purpose == purpose)
        if signer is None:
            if expected_version != 0:
                raise StaleRecord("Penandatangan ini sudah dihapus. Muat ulang halaman ini.")
            signer = Signer.create(purpose=purpose, user=user.id, title=text)
        elif not _bump(Signer, signer.id, expected_version, {"user": user.id, "title": text}):
            raise _stale("signer", signer.id, f"Penandatangan {SIGNER_PURPOSES[purpose]}")
        audit.record(
            actor, "penandatangan_diatur", "signer", signer.id, keperluan=purpose, pengguna=user.username
        )
    return next(r for r in list_signers(actor) if r.purpose == purpose)


# --- Pola penomoran --------------------------------------------------------------------------------


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


def list_patterns(actor: Session, *, today: dt.date | None = None) -> list[PatternRow]:
    """Every numbering pattern, with the sequence number it gives next."""
    with db.atomic():
        _admin(actor)
        year = (today or dt.date.today()).year
        return [_pattern_row(p, year) for p in NumberingPattern.select().order_by(NumberingPattern.code)]


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


def example_number(pattern: str, klasifikasi: str, unit: str, seq: int, on: dt.date) -> str:
    """The number a pattern would give (a pure helper for the live example: no database, no actor)."""
    numbering.validate_pattern(pattern)
    return numbering.render(pattern, seq=seq, on=on, klasifikasi=klasifikasi, unit=unit)


def update_pattern(actor: Session, pattern_id: int, draft: PatternDraft, expected_version: int) -> PatternRow:
    """Change a numbering pattern; numbers already taken are not touched."""
    with db.atomic():
        _admin(actor)
        row = _get(NumberingPattern, pattern_id, "Pola penomoran")
        values = {
            "name": clean_text(draft.name, "Nama pola", NumberingPattern.name.max_length, field="name"),
            "pattern": numbering.validate_pattern(
                clean_text(draft.pattern, "Pola nomor", NumberingPattern.pattern.max_length, field="pattern")
            ),
            "klasifikasi": clean_text(
                draft.klasifikasi, "Kode klasifikasi", NumberingPattern.klasifikasi.max_length, required=False
            ),
            "unit": clean_text(draft.unit, "Unit", NumberingPattern.unit.max_length, required=False),
            "reset_yearly": 1 if draft.reset_yearly else 0,
        }
        if not _bump(NumberingPattern, row.id, expected_version, values):
            raise _stale("numbering_pattern", row.id, f"Pola {row.name}")
        audit.record(actor, "pola_nomor_diubah", "numbering_pattern", row.id, pola=values["pattern"])
        return _pattern_row(NumberingPattern.get_by_id(row.id), dt.date.today().year)


# --- Data referensi: wilayah ----------------------------------------------------------------------


@dataclass(frozen=True)
class KecamatanChoice:
    id: int
    code: str
    name: str
    kabupaten: str


@dataclass(frozen=True)
class NagariRow:
    id: int
    code: str
    name: str
    kecamatan_id: int
    kecamatan: str
    is_active: bool
    version: int


@dataclass(frozen=True)
class JorongRow:
    id: int
    nagari_id: int
    name: str
    version: int


def list_kecamatan(actor: Session) -> list[KecamatanChoice]:
    """Every kecamatan, by kabupaten then name."""
    with db.atomic():
        _admin(actor)
        query = (
            Kecamatan.select(Kecamatan, Kabupaten).join(Kabupaten).order_by(Kabupaten.code, Kecamatan.name)
        )
        return [KecamatanChoice(k.id, k.code, k.name, k.kabupaten.name) for k in query]


def list_nagari(actor: Session, kecamatan_id: int | None = None) -> list[NagariRow]:
    """The nagari (active and not) of a kecamatan, or of all kecamatan."""
    with db.atomic():
        _admin(actor)
        query = Nagari.select(Nagari, Kecamatan).join(Kecamatan)
        if kecamatan_id is not None:
            query = query.where(Nagari.kecamatan == kecamatan_id)
        return [_nagari_row(n) for n in query.order_by(Kecamatan.name, Nagari.name)]


def _nagari_row(n: Nagari) -> NagariRow:
    return NagariRow(n.id, n.code, n.name, n.kecamatan_id, n.kecamatan.name, n.is_active, n.version)


def add_nagari(actor: Session, kecamatan_id: int, code: str, name: str) -> NagariRow:
    """Add a nagari (a new one after a split, say) with its Kemendagri code."""
    with db.atomic():
        _admin(actor)
        kecamatan = _get(Kecamatan, kecamatan_id, "Kecamatan")
        code = (code or "").strip()
        if not _NAGARI_CODE.fullmatch(code) or not code.startswith(kecamatan.code + "."):
            raise InvalidInput(
                f"Kode nagari harus {kecamatan.code}.NNNN (kode Kemendagri), contoh {kecamatan.code}.2001.",
                field="code",
            )
        if Nagari.select().where(Nagari.code == code).exists():
            raise InvalidInput(f"Kode nagari {code} sudah dipakai.", field="code")
        clean = clean_text(name, "Nama nagari", Nagari.name.max_length, field="name")
        nagari = Nagari.create(code=code, name=clean, kecamatan=kecamatan.id)
        audit.record(actor, "nagari_ditambah", "nagari", nagari.id, kode=code, nama=clean)
        return _nagari_row(
            Nagari.select(Nagari, Kecamatan).join(Kecamatan).where(Nagari.id == nagari.id).get()
        )


def rename_nagari(actor: Session, nagari_id: int, name: str, expected_version: int) -> NagariRow:
    """Correct a nagari's name; cases keep pointing at the same nagari."""
    return _nagari_change(actor, nagari_id, expected_version, {"name": name}, "nagari_diubah")


def set_nagari_active(actor: Session, nagari_id: int, active: bool, expected_version: int) -> NagariRow:
    """Hide a nagari from new letters and records (or show it again); history keeps it."""
    action = "nagari_diaktifkan" if active else "nagari_dinonaktifkan"
    return _nagari_change(actor, nagari_id, expected_version, {"is_active": bool(active)}, action)


def _nagari_change(
    actor: Session, nagari_id: int, expected_version: int, changes: dict, action: str
) -> NagariRow:
    with db.atomic():
        _admin(actor)
        nagari = _get(Nagari, nagari_id, "Nagari")
        if "name" in changes:
            changes["name"] = clean_text(changes["name"], "Nama nagari", Nagari.name.max_length, field="name")
        if not _bump(Nagari, nagari.id, expected_version, changes):
            raise _stale("nagari", nagari.id, f"Nagari {nagari.name}")
        audit.record(actor, action, "nagari", nagari.id, **changes)
        return _nagari_row(
            Nagari.select(Nagari, Kecamatan).join(Kecamatan).where(Nagari.id == nagari.id).get()
        )


def list_jorong(actor: Session, nagari_id: int) -> list[JorongRow]:
    """The jorong of a nagari, by name."""
    with db.atomic():
        _admin(actor)
        query = Jorong.select().where(Jorong.nagari == nagari_id).order_by(Jorong.name)
        return [JorongRow(j.id, j.nagari_id, j.name, j.version) for j in query]


def add_jorong(actor: Session, nagari_id: int, name: str) -> JorongRow:
    """Add a jorong to a nagari."""
    with db.atomic():
        _admin(actor)
        nagari = _get(Nagari, nagari_id, "Nagari")
        clean = clean_text(name, "Nama jorong", Jorong.name.max_length, field="name")
        if (
            Jorong.select()
            .where((Jorong.nagari == nagari.id) & (fn.LOWER(Jorong.name) == clean.lower()))
            .exists()
        ):
            raise InvalidInput(f"Jorong {clean} sudah ada di Nagari {nagari.name}.", field="name")
        jorong = Jorong.create(nagari=nagari.id, name=clean)
        audit.record(actor, "jorong_ditambah", "jorong", jorong.id, nagari=nagari.name, nama=clean)
        return JorongRow(jorong.id, nagari.id, clean, jorong.version)


def rename_jorong(actor: Session, jorong_id: int, name: str, expected_version: int) -> JorongRow:
    """Correct a jorong's name."""
    with db.atomic():
        _admin(actor)
        jorong = _get(Jorong, jorong_id, "Jorong")
        clean = clean_text(name, "Nama jorong", Jorong.name.max_length, field="name")
        try:
            with db.atomic():
                changed = _bump(Jorong, jorong.id, expected_version, {"name": clean})
        except IntegrityError as exc:
            raise InvalidInput(f"Jorong {clean} sudah ada di nagari ini.", field="name") from exc
        if not changed:
            raise _stale("jorong", jorong.id, f"Jorong {jorong.name}")
        audit.record(actor, "jorong_diubah", "jorong", jorong.id, nama=clean)
        return JorongRow(jorong.id, jorong.nagari_id, clean, expected_version + 1)


def remove_jorong(actor: Session, jorong_id: int, expected_version: int) -> None:
    """Remove a jorong from the list; service records keep the jorong name they were written with."""
    with db.atomic():
        _admin(actor)
        jorong = _get(Jorong, jorong_id, "Jorong")
        deleted = (
            Jorong.delete().where((Jorong.id == jorong.id) & (Jorong.version == expected_version)).execute()
        )
        if deleted != 1:
            raise _stale("jorong", jorong.id, f"Jorong {jorong.name}")
        audit.record(actor, "jorong_dihapus", "jorong", jorong.id, nama=jorong.name)


# --- Data referensi: daftar kode -------------------------------------------------------------------


@dataclass(frozen=True)
class CodeItem:
    id: int
    kind: str  # kategori | sasaran | hasil
    code: str
    name: str
    sort_order: int
    is_active: bool
    needs_reason: bool
    counts_as_served: bool
    version: int


def _code_model(kind: str) -> tuple[type[Model], str]:
    try:
        return CODE_LISTS[kind]
    except KeyError:
        raise InvalidInput(f"Daftar '{kind}' tidak dikenal.", field="kind") from None


def _code_item(kind: str, row: Any) -> CodeItem:
    return CodeItem(
        id=row.id,
        kind=kind,
        code=row.code,
        name=row.name,
        sort_order=row.sort_order,
        is_active=row.is_active,
        needs_reason=bool(getattr(row, "needs_reason", False)),
        counts_as_served=bool(getattr(row, "counts_as_served", False)),
        version=row.version,
    )


def list_codes(actor: Session, kind: str) -> list[CodeItem]:
    """A code list (service categories, target groups or outcomes), active and not, in order."""
    with db.atomic():
        _admin(actor)
        model, _ = _code_model(kind)
        return [_code_item(kind, r) for r in model.select().order_by(model.sort_order, model.id)]


def add_code(
    actor: Session,
    kind: str,
    code: str,
    name: str,
    *,
    needs_reason: bool = False,
    counts_as_served: bool = False,
) -> CodeItem:
    """Add an entry at the end of a code list (an outcome may ask for a reason, and count as served)."""
    with db.atomic():
        _admin(actor)
        model, label = _code_model(kind)
        code = (code or "").strip().lower()
        if not _CODE.fullmatch(code):
            raise InvalidInput(
                "Kode 2-40 karakter: huruf kecil a-z, angka dan garis bawah, diawali huruf.", field="code"
            )
        if model.select().where(model.code == code).exists():
            raise InvalidInput(f"Kode {code} sudah ada di {label}.", field="code")
        clean = clean_text(name, "Nama", model.name.max_length, field="name")
        last = model.select(fn.MAX(model.sort_order)).scalar()
        extra = (
            {"needs_reason": needs_reason, "counts_as_served": counts_as_served}
            if model is ServiceOutcome
            else {}
        )
        row = model.create(code=code, name=clean, sort_order=(last or 0) + 1, **extra)
        audit.record(actor, "kode_ditambah", model._meta.table_name, row.id, kode=code, nama=clean)
        return _code_item(kind, row)


def rename_code(actor: Session, kind: str, item_id: int, name: str, expected_version: int) -> CodeItem:
    """Change the name shown for an entry; records keep pointing at it."""
    with db.atomic():
        _admin(actor)
        model, _ = _code_model(kind)
        clean = clean_text(name, "Nama", model.name.max_length, field="name")
        return _code_change(actor, kind, item_id, expected_version, {"name": clean}, "kode_diubah")


def set_code_active(actor: Session, kind: str, item_id: int, active: bool, expected_version: int) -> CodeItem:
    """Hide an entry from new records (or show it again); old records keep it."""
    with db.atomic():
        _admin(actor)
        action = "kode_diaktifkan" if active else "kode_dinonaktifkan"
        return _code_change(actor, kind, item_id, expected_version, {"is_active": bool(active)}, action)


def _code_change(
    actor: Session, kind: str, item_id: int, expected_version: int, changes: dict, action: str
) -> CodeItem:
    model, label = _code_model(kind)
    row = _get(model, item_id, label)
    table = model._meta.table_name
    if not _bump(model, row.id, expected_version, changes):
        raise _stale(table, row.id, f"{label} {row.name}")
    audit.record(actor, action, table, row.id, **changes)
    return _code_item(kind, model.get_by_id(row.id))


# --- Hari libur -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class HolidayRow:
    id: int
    day: dt.date
    name: str
    kind: str
    kind_label: str
    version: int


def _check_year(year: int) -> int:
    low, high = HOLIDAY_YEARS
    if not low <= year <= high:
        raise InvalidInput(f"Tahun {low} sampai {high}.", field="year")
    return year


def list_holidays(actor: Session, year: int) -> list[HolidayRow]:
    """The non-working days of a year, by date."""
    with db.atomic():
        _admin(actor)
        _check_year(year)
        query = Holiday.select().where(Holiday.day.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        return [
            HolidayRow(h.id, h.day, h.name, h.kind, HOLIDAY_KINDS.get(h.kind, h.kind), h.version)
            for h in query.order_by(Holiday.day)
        ]


def add_holiday(actor: Session, day: dt.date, name: str, kind: str = "kantor") -> HolidayRow:
    """Add a non-working day (the office's own, or a late government decision)."""
    with db.atomic():
        _admin(actor)
        _check_year(day.year)
        if kind not in HOLIDAY_KINDS:
            raise InvalidInput("Jenis hari libur tidak dikenal.", field="kind")
        clean = clean_text(name, "Keterangan hari libur", Holiday.name.max_length, field="name")
        if Holiday.select().where(Holiday.day == day).exists():
            raise InvalidInput(f"Tanggal {day:%d-%m-%Y} sudah tercatat sebagai hari libur.", field="day")
        row = Holiday.create(day=day, name=clean, kind=kind)
        audit.record(actor, "hari_libur_ditambah", "holiday", row.id, tanggal=day, nama=clean)
        return HolidayRow(row.id, day, clean, kind, HOLIDAY_KINDS[kind], row.version)


def remove_holiday(actor: Session, holiday_id: int, expected_version: int) -> None:
    """Make a day a working day again; deadlines already set keep their dates."""
    with db.atomic():
        _admin(actor)
        row = _get(Holiday, holiday_id, "Hari libur")
        deleted = (
            Holiday.delete().where((Holiday.id == row.id) & (Holiday.version == expected_version)).execute()
        )
        if deleted != 1:
            raise _stale("holiday", row.id, f"Hari libur {row.day:%d-%m-%Y}")
        audit.record(actor, "hari_libur_dihapus", "holiday", row.id, tanggal=row.day, nama=row.name)


def import_holidays(actor: Session, year: int) -> int:
    """Add a year's national holidays and cuti bersama (holidays package); returns how many were new."""
    with db.atomic():
        _admin(actor)
        added = reference.load_holidays([_check_year(year)])
        audit.record(actor, "hari_libur_diimpor", "holiday", None, tahun=year, ditambah=added)
        return added


# --- Cadangan dan pemulihan (SQLite) --------------------------------------------------------------


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    name: str
    size_bytes: int
    modified: dt.datetime


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_copy: BackupInfo  # the database as it was just before the restore
    schema_version: int


def _backup_info(path: Path) -> BackupInfo:
    stat = path.stat()
    return BackupInfo(
        path, path.name, stat.st_size, dt.datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0)
    )


def _backup_path(label: str) -> Path:
    return config.backup_dir() / f"dinas-desk-{dt.datetime.now():%Y%m%d-%H%M%S}-{label}.sqlite3"


def _sqlite_only() -> None:
    if not connection.is_sqlite():
        raise WorkflowError(POSTGRES_BACKUP_ADVICE)


def backup_now(actor: Session, destination: Path | None = None) -> BackupInfo:
    """Copy the open SQLite database, consistently, to `destination` or the backups folder."""
    with db.atomic():
        _admin(actor)
        _sqlite_only()
    target = Path(destination) if destination else _backup_path("manual")
    if target.exists():
        target = target.with_name(f"{target.stem}-{dt.datetime.now():%H%M%S}{target.suffix}")
    try:
        migrations.backup_sqlite(target)
    except (OSError, DatabaseError) as exc:
        raise InvalidInput(f"Cadangan tidak dapat ditulis ke {target} ({exc}).", field="destination") from exc
    with db.atomic():
        audit.record(actor, "cadangan_dibuat", "database", None, berkas=str(target))
    return _backup_info(target)


def list_backups(actor: Session) -> list[BackupInfo]:
    """The backups in this computer's backups folder, newest first."""
    with db.atomic():
        _admin(actor)
    found = [_backup_info(p) for p in config.backup_dir().glob("*.sqlite3") if p.is_file()]
    return sorted(found, key=lambda b: (b.modified, b.name), reverse=True)


def restore_backup(actor: Session, source: Path) -> RestoreResult:
    """Replace the whole SQLite database with a backup, after copying the current one aside.

    Not one transaction: SQLite's backup API writes the pages itself. The role is checked
    first, the file is checked before anything is touched, and the safety copy is made before
    the restore, so a wrong choice can be undone by restoring that copy.
    """
    with db.atomic():
        _admin(actor)
        _sqlite_only()
    source = Path(source)
    problem = migrations.check_sqlite_file(source)
    if problem:
        raise InvalidInput(problem, field="source")
    safety = _backup_path("sebelum-pemulihan")
    migrations.backup_sqlite(safety)
    migrations.restore_sqlite(source)
    migrations.upgrade(config.backup_dir())  # an older backup is brought up to this version
    with db.atomic():
        audit.record(actor, "database_dipulihkan", "database", None, dari=str(source), salinan=str(safety))
    return RestoreResult(source, _backup_info(safety), migrations.current_version())


# --- Workstation: koneksi database ----------------------------------------------------------------


@dataclass(frozen=True)
class DatabaseSetting:
    url: str  # without the password
    has_password: bool
    backend: str  # of the database open now
    location: str
    from_environment: bool  # DINAS_DESK_DB_URL decides, whatever is saved


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    backend: str
    location: str
    message: str
    server_version: str = ""
    schema_version: int | None = None


def without_password(url: str) -> str:
    """The URL with any password left out (for showing and logging)."""
    return credentials.split_password(url)[0]


def with_password(url: str, password: str) -> str:
    """The URL with `password` put in (kept as typed in the URL when `password` is empty)."""
    url = url.strip()
    return credentials.join_password(without_password(url), password) if password else url


def configured_database(actor: Session) -> DatabaseSetting:
    """The database URL this workstation is set to open (no password) and the one open now."""
    from .workspace import current_database

    with db.atomic():
        _admin(actor)
        settings = config.load_workstation_settings()
        current = current_database()
        url = settings.database_url or ""
        has_password = bool(url) and urlsplit(url).password is not None
        return DatabaseSetting(
            url=without_password(url),
            has_password=has_password,
            backend=current.backend,
            location=current.location,
            from_environment=bool(os.environ.get(config.ENV_DB_URL)),
        )


def check_database_connection(actor: Session, url: str, password: str = "") -> ConnectionCheck:
    """Open `url` on a separate connection, run SELECT 1 and close; never the app's own connection.

    Connection failures are a result (ok=False with the reason), not an error: this is a test.
    """
    with db.atomic():
        _admin(actor)
    full = with_password(url, password)
    try:
        database = connection.make_database(full)
        info = connection.describe(full)
    except (connection.DatabaseConfigError, ValueError) as exc:
        return ConnectionCheck(False, "", without_password(url), str(exc))
    if info.backend == "sqlite" and not Path(info.location).is_file():
        return ConnectionCheck(
            False, info.backend, info.location, f"Berkas database {info.location} tidak ditemukan."
        )
    try:
        database.connect()
        database.execute_sql("SELECT 1").fetchone()
        version = _server_version(database, info.backend)
        schema = None
        if database.table_exists("schema_version"):
            schema = database.execute_sql("SELECT MAX(version) FROM schema_version").fetchone()[0]
    except (DatabaseError, InterfaceError, OSError, DatabaseUnavailable) as exc:
        cause = exc.__cause__ if isinstance(exc, DatabaseUnavailable) and exc.__cause__ else exc
        detail = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
        return ConnectionCheck(False, info.backend, info.location, f"Koneksi gagal: {detail}")
    finally:
        if not database.is_closed():
            database.close()
    state = f"skema v{schema}" if schema else "database kosong; akan disiapkan saat pertama dibuka"
    return ConnectionCheck(True, info.backend, info.location, f"Koneksi berhasil ({state}).", version, schema)


def _server_version(database: Any, backend: str) -> str:
    if backend == "postgresql":
        text = database.execute_sql("SHOW server_version").fetchone()[0]
        return f"PostgreSQL {text}"
    return "SQLite " + database.execute_sql("SELECT sqlite_version()").fetchone()[0]


@dataclass(frozen=True)
class SavedDatabase:
    location: str  # where the workstation connects from its next start (no password)
    password_in_store: bool  # the password went to the operating system's password store
    note: str = ""  # a warning for the administrator (no password store on this computer)


def save_database_url(actor: Session, url: str, password: str = "") -> SavedDatabase:
    """Make this workstation open `url` from its next start; its password goes to the OS password store."""
    with db.atomic():
        _admin(actor)
        full = with_password(url, password)
        if not full:
            raise InvalidInput("Isi alamat database.", field="url")
        try:
            connection.make_database(full)
            location = connection.describe(full).location
            tls_policy.enforce(full)  # a URL this workstation would refuse to open is not saved
        except (connection.DatabaseConfigError, ValueError) as exc:
            raise InvalidInput(str(exc), field="url") from exc
        audit.record(actor, "database_workstation_diatur", "database", None, lokasi=location)
    saved = config.save_database_url(full)
    return SavedDatabase(location, saved.in_store, saved.note)


# --- Workstation: halaman uji printer struk -------------------------------------------------------


def receipt_test_page(actor: Session, width_mm: int, printer: str) -> bytes:
    """ESC/POS bytes of a short test receipt (ASCII, code page left alone) for a 58 or 80 mm printer."""
    with db.atomic():
        _admin(actor)
        if width_mm not in (58, 80):
            raise InvalidInput("Lebar kertas struk 58 atau 80 mm.", field="width_mm")
        office = Office.select().order_by(Office.id).first()
        audit.record(actor, "halaman_uji_struk", "printer", None, printer=printer[:120], lebar=width_mm)
    columns = 32 if width_mm == 58 else 48
    lines = [
        (office.agency if office else "Dinas Desk")[:columns],
        "HALAMAN UJI PRINTER STRUK",
        "-" * columns,
        f"Printer : {printer}"[:columns],
        f"Kertas  : {width_mm} mm, {columns} kolom",
        f"Waktu   : {now():%d-%m-%Y %H:%M}",
        "0123456789" * (columns // 10),
        "-" * columns,
        "Bila teks ini terbaca utuh,",
        "printer struk siap dipakai.",
    ]
    body = "\n".join(line.encode("ascii", "replace").decode("ascii") for line in lines)
    data = b"\x1b@" + b"\x1ba\x01" + body.encode("ascii") + b"\n\x1bd\x04"
    return data + (b"\x1dV\x00" if width_mm == 80 else b"")
