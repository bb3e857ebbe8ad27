"""The administrator's use cases: accounts and roles, office settings, signers and numbering patterns.

Every public function taking an `actor` is one use case: it checks that the actor holds the
Administrator role (as stored now), runs in one transaction, writes the audit log, and updates
editable rows only at the version the caller read (StaleRecord names who changed it meanwhile).

The reference data and holidays live in `reference_data`, the SQLite backups, this workstation's
database connection and the receipt printer test page in `workstation`; both use the checks kept
here (`_admin`, `_stale`, `_bump`, `_get`), so every administrator page follows the same rules.
"""

from __future__ import annotations

import datetime as dt
import re
import struct
from collections.abc import Sequence
from typing import Any

from desktop.models import (
    Kabupaten,
    NumberingPattern,
    Office,
    Role,
    Signer,
    User,
    UserRole,
    db,
    pg_security,
)
from desktop.models.base import now
from desktop.roles import ADMINISTRATOR
from desktop.services.errors import InvalidInput, PermissionDenied, StaleRecord
from desktop.services.office import numbering, users
from desktop.services.office.admin_rows import DATABASE_LOGIN_DISABLED as DATABASE_LOGIN_DISABLED
from desktop.services.office.admin_rows import DATABASE_LOGIN_MISSING as DATABASE_LOGIN_MISSING
from desktop.services.office.admin_rows import DATABASE_LOGIN_OK as DATABASE_LOGIN_OK
from desktop.services.office.admin_rows import DATABASE_LOGIN_OUT_OF_STEP as DATABASE_LOGIN_OUT_OF_STEP
from desktop.services.office.admin_rows import MAX_LOGO_BYTES as MAX_LOGO_BYTES
from desktop.services.office.admin_rows import MAX_LOGO_SIDE as MAX_LOGO_SIDE
from desktop.services.office.admin_rows import PAPER_SIZES as PAPER_SIZES
from desktop.services.office.admin_rows import SIGNER_PURPOSES as SIGNER_PURPOSES
from desktop.services.office.admin_rows import KabupatenChoice as KabupatenChoice
from desktop.services.office.admin_rows import OfficeDraft as OfficeDraft
from desktop.services.office.admin_rows import OfficeSettings as OfficeSettings
from desktop.services.office.admin_rows import PatternDraft as PatternDraft
from desktop.services.office.admin_rows import PatternRow as PatternRow
from desktop.services.office.admin_rows import RoleChoice as RoleChoice
from desktop.services.office.admin_rows import SignerRow as SignerRow
from desktop.services.office.admin_rows import UserRow as UserRow
from desktop.services.office.admin_rows import _pattern_row, _user_row
from desktop.services.office.guards import _admin, _bump, _get, _stale
from desktop.services.office.role_catalog import role_catalog
from desktop.services.office.signing_settings import DocumentSigning as DocumentSigning
from desktop.services.office.signing_settings import document_signing as document_signing
from desktop.services.office.signing_settings import update_document_signing as update_document_signing
from desktop.services.security import audit, db_logins
from desktop.services.security.accounts import check_new_password
from desktop.services.security.session_lock import IDLE_LOCK_RANGE as IDLE_LOCK_RANGE  # re-exported
from desktop.services.session import Session
from desktop.services.validation import clean_code, clean_digits, clean_int, clean_text

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


# --- Pengguna dan peran ----------------------------------------------------------------------------


def list_users(actor: Session) -> list[UserRow]:
    """Every account, by name, with roles and lock state."""
    with db.atomic():
        _admin(actor)
        logins = pg_security.login_states() if pg_security.state() is not None else None
        return [_user_row(u, logins) for u in User.select().order_by(User.full_name, User.id)]


def role_choices(actor: Session) -> list[RoleChoice]:
    """The roles an account can be given, in SOP order."""
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
        if user.id == actor.user_id and set(wanted) - before:  # issue 13, class 15: separation of duties
            raise PermissionDenied(
                "Anda tidak dapat memberi peran baru kepada akun Anda sendiri; minta Administrator lain."
            )
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
        check_new_password(new_password)
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
        values = clean_office(draft)
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


def clean_office(draft: OfficeDraft) -> dict[str, Any]:
    """The office columns from a draft, or InvalidInput naming the field (no role check, writes nothing)."""
    values: dict[str, Any] = {}
    for name, label, required in _OFFICE_TEXTS:
        limit = getattr(Office, name).max_length
        values[name] = clean_text(getattr(draft, name), label, limit, field=name, required=required)
    if values["email"] and not _EMAIL.fullmatch(values["email"]):
        raise InvalidInput("Pos-el tidak sah; contoh: disdukcapil@solokkab.go.id.", field="email")
    code = draft.kabupaten_code.strip() if isinstance(draft.kabupaten_code, str) else ""
    if code:
        code = clean_code(code, "Kode kabupaten", 10, field="kabupaten_code")
    if code and not Kabupaten.select().where(Kabupaten.code == code).exists():
        raise InvalidInput(f"Kode kabupaten {code} tidak ada di data wilayah.", field="kabupaten_code")
    values["kabupaten_code"] = code
    if not isinstance(draft.paper_size, str) or draft.paper_size not in PAPER_SIZES:
        raise InvalidInput("Ukuran kertas harus A4 atau F4.", field="paper_size")
    values["paper_size"] = draft.paper_size
    low, high = IDLE_LOCK_RANGE
    values["idle_lock_minutes"] = clean_int(
        draft.idle_lock_minutes, "Kunci layar otomatis (menit)", low, high, field="idle_lock_minutes"
    )
    if draft.logo_png is not None and not isinstance(draft.logo_png, (bytes, bytearray)):
        raise InvalidInput("Logo harus berkas gambar PNG.", field="logo_png")
    values["logo_png"] = check_logo(bytes(draft.logo_png)) if draft.logo_png else None
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


def list_patterns(actor: Session, *, today: dt.date | None = None) -> list[PatternRow]:
    """Every numbering pattern, with the sequence number it gives next."""
    with db.atomic():
        _admin(actor)
        year = (today or dt.date.today()).year
        return [_pattern_row(p, year) for p in NumberingPattern.select().order_by(NumberingPattern.code)]


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
