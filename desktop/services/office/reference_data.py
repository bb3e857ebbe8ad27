"""The administrator's reference data: wilayah (kecamatan, nagari, jorong), the code lists and holidays.

The same rules as every administrator use case in `admin`: the Administrator role checked first,
one transaction, an audit entry, and edits only at the version the caller read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from peewee import IntegrityError, Model, fn

from desktop.models import (
    Holiday,
    Jorong,
    Kabupaten,
    Kecamatan,
    Nagari,
    ServiceCategory,
    ServiceOutcome,
    TargetGroup,
    db,
)
from desktop.services.errors import InvalidInput
from desktop.services.office import reference_defaults as reference
from desktop.services.office.admin import _admin, _bump, _get, _stale
from desktop.services.office.reference_scope import kecamatan_in_scope, nagari_in_scope, scoped
from desktop.services.security import audit
from desktop.services.session import Session
from desktop.services.validation import clean_text

HOLIDAY_KINDS = {"nasional": "Libur nasional", "cuti_bersama": "Cuti bersama", "kantor": "Libur kantor"}
HOLIDAY_YEARS = (2000, 2100)
CODE_LISTS: dict[str, tuple[type[Model], str]] = {
    "kategori": (ServiceCategory, "Kategori objek pelayanan"),
    "sasaran": (TargetGroup, "Kelompok sasaran"),
    "hasil": (ServiceOutcome, "Hasil pelayanan"),
}
_CODE = re.compile(r"[a-z][a-z0-9_]{1,39}", re.ASCII)
_NAGARI_CODE = re.compile(r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}", re.ASCII)


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
    """The kecamatan of the office's kabupaten (every one before it is set), by name."""
    with db.atomic():
        _admin(actor)
        query = scoped(
            Kecamatan.select(Kecamatan, Kabupaten).join(Kabupaten).order_by(Kabupaten.code, Kecamatan.name),
            kecamatan_in_scope(),
        )
        return [KecamatanChoice(k.id, k.code, k.name, k.kabupaten.name) for k in query]


def list_nagari(actor: Session, kecamatan_id: int | None = None) -> list[NagariRow]:
    """The office's nagari (active and not) of a kecamatan, or of all its kecamatan."""
    with db.atomic():
        _admin(actor)
        query = scoped(Nagari.select(Nagari, Kecamatan).join(Kecamatan), nagari_in_scope())
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
