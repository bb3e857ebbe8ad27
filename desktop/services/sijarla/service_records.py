"""Service records by name by address: one row per citizen served, typed or imported."""

from __future__ import annotations

import csv
import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from desktop.config import resource_dir
from desktop.models import (
    AssignmentLetter,
    Nagari,
    ServiceCategory,
    ServiceOutcome,
    ServiceRecord,
    SopCase,
    TargetGroup,
    db,
)
from desktop.models.base import now
from desktop.services import date_rules
from desktop.services.errors import InvalidInput, NotFound, StaleRecord, WorkflowError
from desktop.services.nik import RegionCode, region_note, validate_kk, validate_nik
from desktop.services.office.reference_scope import nagari_in_scope, scoped
from desktop.services.security import audit
from desktop.services.session import Session
from desktop.services.sijarla.category_aliases import category_key, category_matcher
from desktop.services.sijarla.team import _require_team_member
from desktop.services.sop.workflow import get_case
from desktop.services.validation import clean_text, fold


@functools.cache
def national_region_codes() -> dict[str, RegionCode]:
    """Every province, kabupaten/kota and kecamatan code since 2018 (resources/data, Kemendagri)."""
    path = resource_dir() / "data" / "wilayah_kecamatan_indonesia.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return {
        r["code"]: RegionCode(r["code"], r["name"], r["in_current_list"] == "ya", r["last_seen"])
        for r in rows
    }


@dataclass(frozen=True)
class RecordDraft:
    nik: str
    full_name: str
    nagari_id: int
    category: str  # code
    target_group: str  # code
    outcome: str  # code
    served_on: dt.date
    kk: str = ""
    address: str = ""
    jorong: str = ""
    outcome_reason: str = ""
    note: str = ""


@dataclass(frozen=True)
class RecordRow:
    id: int
    nik: str
    full_name: str
    kk: str | None
    address: str
    jorong: str
    nagari: str
    category: str
    target_group: str
    outcome: str
    outcome_reason: str
    served_on: dt.date
    version: int
    region_note: str = ""  # shown to the team only (why the NIK's or KK's region code is unusual)


@dataclass
class RowError:
    row: int  # the row number as the user sees it in the spreadsheet
    column: str
    message: str


@dataclass
class ImportResult:
    total_rows: int
    imported: int
    errors: list[RowError] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.errors


class _Lookups:
    """Reference data resolved once per batch (codes and names, case-insensitive)."""

    def __init__(self) -> None:
        active = list(
            ServiceCategory.select().where(ServiceCategory.is_active).order_by(ServiceCategory.sort_order)
        )
        self.category_names = [c.name for c in active]
        self.categories = category_matcher([(c.id, c.code, c.name) for c in active])
        self.groups = _code_map(TargetGroup)
        self.outcomes = _code_map(ServiceOutcome)
        self.outcome_rows = {o.id: o for o in ServiceOutcome.select()}
        nagari = list(
            scoped(
                Nagari.select(Nagari.id, Nagari.name, Nagari.code).where(Nagari.is_active), nagari_in_scope()
            )
        )
        self.nagari_ids = {n.id for n in nagari}
        self.nagari_by_name: dict[str, list[int]] = {}
        self.nagari_code = {n.id: n.code for n in nagari}
        for n in nagari:
            self.nagari_by_name.setdefault(n.name.casefold(), []).append(n.id)
            self.nagari_by_name.setdefault(n.code, []).append(n.id)
        self.home_kabupaten = ""
        self.period: tuple[dt.date, dt.date] = (dt.date.min, dt.date.max)  # service_period(case)

    def nagari_id(self, text: str) -> int:
        """A nagari by code or name; a name shared across kabupaten resolves to the case's own."""
        found = self.nagari_by_name.get(text.strip().casefold(), [])
        if len(found) > 1 and self.home_kabupaten:
            found = [i for i in found if self.nagari_code[i].startswith(self.home_kabupaten)]
        if len(found) != 1:
            problem = "tidak dikenal" if not found else "ada di lebih dari satu kecamatan; tulis kodenya"
            raise InvalidInput(f"Nagari '{text}' {problem}.", field="nagari")
        return found[0]


def _code_map(model) -> dict[str, int]:
    result: dict[str, int] = {}
    for row in model.select().where(model.is_active):
        result[row.code.casefold()] = row.id
        result[row.name.casefold()] = row.id
    return result


def _check_nik(text: str) -> tuple[str, str]:
    """The NIK and, when its region deserves a second look, why (stored with the record).

    Its format, birth date and serial are strict; a province that does not exist is refused; a
    kabupaten or kecamatan code missing from the national list or retired from it is only noted:
    a NIK keeps the code it was issued under.
    """
    info = validate_nik((text or "").strip(), None)
    codes = national_region_codes()
    if info.province_code not in codes:
        raise InvalidInput(f"Kode provinsi {info.province_code} pada NIK tidak ada.", field="nik")
    return info.nik, region_note(info.nik, "NIK", codes)


def nik_region_note(nik: str) -> str:
    """What the form says under a valid NIK whose region code is old or retired ("" otherwise)."""
    return region_note(nik, "NIK", national_region_codes()) if len(nik) == 16 and nik.isascii() else ""


def _check_kk(text: str) -> tuple[str | None, str]:
    if not (text or "").strip():
        return None, ""
    value = validate_kk(text)
    codes = national_region_codes()
    if value[:2] not in codes:
        raise InvalidInput(f"Kode provinsi {value[:2]} pada Nomor KK tidak ada.", field="kk")
    return value, region_note(value, "Nomor KK", codes)


def _clean(draft: RecordDraft, lookups: _Lookups) -> dict:
    def pick(mapping: dict[str, int], value: str, label: str, name: str) -> int:
        found = mapping.get((value or "").strip().casefold())
        if found is None:
            raise InvalidInput(f"{label} '{value}' tidak dikenal.", field=name)
        return found

    outcome_id = pick(lookups.outcomes, draft.outcome, "Hasil", "outcome")
    reason = clean_text(draft.outcome_reason, "Alasan", 300, field="outcome_reason", required=False)
    if lookups.outcome_rows[outcome_id].needs_reason and not reason:
        raise InvalidInput(
            f"Hasil '{lookups.outcome_rows[outcome_id].name}' wajib disertai alasan.", field="outcome_reason"
        )
    if draft.nagari_id not in lookups.nagari_ids:
        raise InvalidInput("Nagari tidak dikenal.", field="nagari")
    first, last = lookups.period
    served_on = date_rules.within(
        draft.served_on,
        first,
        last,
        dt.date.today(),
        "Tanggal pelayanan",
        "masa Surat Tugas",
        field="served_on",
    )
    nik, nik_note = _check_nik(draft.nik)
    kk, kk_note = _check_kk(draft.kk)
    return {
        "nik": nik,
        "region_note": " ".join(n for n in (nik_note, kk_note) if n),
        "full_name": (name := clean_text(draft.full_name, "Nama", 120, field="full_name")),
        "name_fold": fold(name),
        "kk": kk,
        "address": clean_text(draft.address, "Alamat", 240, field="address", required=False),
        "jorong": clean_text(draft.jorong, "Jorong", 80, field="jorong", required=False),
        "nagari": draft.nagari_id,
        "category": _category(lookups, draft.category),
        "target_group": pick(lookups.groups, draft.target_group, "Sasaran", "target_group"),
        "outcome": outcome_id,
        "outcome_reason": reason,
        "note": clean_text(draft.note, "Keterangan", 500, field="note", required=False),
        "served_on": served_on,
    }


def _category(lookups: _Lookups, text: str) -> int:
    """A category by code, name or a common spelling of it; else the allowed ones, named."""
    found = lookups.categories.get(category_key(text))
    if found is None:
        allowed = ", ".join(lookups.category_names)
        raise InvalidInput(
            f"Kategori layanan '{(text or '').strip()}' tidak dikenal. Pilih salah satu: {allowed}.",
            field="category",
        )
    return found


def _recording_case(actor: Session, case_id: int) -> SopCase:
    case = get_case(case_id)
    if case.current_step != "pelayanan" or case.status != "berjalan":
        raise WorkflowError("Data pelayanan hanya dapat dicatat pada tahap pelayanan.")
    _require_team_member(actor, case)
    return case


def service_period(case: SopCase) -> tuple[dt.date, dt.date]:
    """The days the case's citizens can have been served: its signed Surat Tugas' period (or, for
    a case without one, from the day it was opened)."""
    letter = (
        AssignmentLetter.select(AssignmentLetter.start_on, AssignmentLetter.end_on)
        .where((AssignmentLetter.case == case.id) & AssignmentLetter.signed_at.is_null(False))
        .order_by(AssignmentLetter.id.desc())
        .first()
    )
    if letter is None:
        return case.opened_at.date(), dt.date.today()
    return letter.start_on, letter.end_on


def _lookups_for(case: SopCase) -> _Lookups:
    lookups = _Lookups()
    lookups.home_kabupaten = case.nagari.code[:5] if case.nagari_id else ""
    lookups.period = service_period(case)
    return lookups


def _duplicate(case_id: int, nik: str, category_id: int, exclude: int | None = None) -> bool:
    query = ServiceRecord.select().where(
        (ServiceRecord.case == case_id) & (ServiceRecord.nik == nik) & (ServiceRecord.category == category_id)
    )
    if exclude:
        query = query.where(ServiceRecord.id != exclude)
    return query.exists()


def add_record(actor: Session, case_id: int, draft: RecordDraft) -> int:
    """Record one citizen served; a second record of the same NIK and service in a case is refused."""
    with db.atomic():
        case = _recording_case(actor, case_id)
        values = _clean(draft, _lookups_for(case))
        if _duplicate(case.id, values["nik"], values["category"]):
            raise InvalidInput("NIK ini sudah tercatat untuk layanan yang sama pada kasus ini.", field="nik")
        row = ServiceRecord.create(case=case.id, recorded_by=actor.user_id, **values)
        audit.record(actor, "pelayanan_dicatat", "service_record", row.id)
        return row.id


def update_record(actor: Session, record_id: int, draft: RecordDraft, expected_version: int) -> int:
    """Correct a record; refused if someone saved it meanwhile. Returns the new version."""
    with db.atomic():
        row = ServiceRecord.get_or_none(ServiceRecord.id == record_id)
        if row is None:
            raise NotFound("Data pelayanan tidak ditemukan; mungkin sudah dihapus.")
        case = _recording_case(actor, row.case_id)
        values = _clean(draft, _lookups_for(case))
        if _duplicate(case.id, values["nik"], values["category"], exclude=row.id):
            raise InvalidInput("NIK ini sudah tercatat untuk layanan yang sama pada kasus ini.", field="nik")
        updated = (
            ServiceRecord.update(version=ServiceRecord.version + 1, updated_at=now(), **values)
            .where((ServiceRecord.id == row.id) & (ServiceRecord.version == expected_version))
            .execute()
        )
        if updated != 1:
            fresh = ServiceRecord.get_by_id(row.id)
            raise StaleRecord(
                f"Data ini sudah diubah oleh pengguna lain pada {fresh.updated_at:%d-%m-%Y %H:%M}. "
                "Muat ulang, lalu terapkan kembali isian Anda."
            )
        audit.record(actor, "pelayanan_diubah", "service_record", row.id)
        return expected_version + 1


def list_records(actor: Session, case_id: int) -> list[RecordRow]:
    """The case's records as the actor may see them (a read of personal data: logged): a team
    member only for a case of their own team, the officials with NIK and KK masked."""
    from desktop.services.sijarla.record_filter import record_scope

    case = get_case(case_id)
    scope = record_scope(actor)  # checks the role
    query = (
        ServiceRecord.select(
            ServiceRecord.id,
            scope.nik.alias("nik"),
            ServiceRecord.full_name,
            scope.kk.alias("kk"),
            ServiceRecord.address,
            ServiceRecord.jorong,
            Nagari.name.alias("nagari"),
            ServiceCategory.name.alias("category"),
            TargetGroup.name.alias("target_group"),
            ServiceOutcome.name.alias("outcome"),
            ServiceRecord.outcome_reason,
            ServiceRecord.served_on,
            ServiceRecord.version,
            *([ServiceRecord.region_note] if scope.full_nik else []),
        )
        .join_from(ServiceRecord, Nagari)
        .join_from(ServiceRecord, ServiceCategory)
        .join_from(ServiceRecord, TargetGroup)
        .join_from(ServiceRecord, ServiceOutcome)
        .where(ServiceRecord.case == case.id)
        .order_by(ServiceRecord.id)
    )
    if scope.condition is not None:
        query = query.where(scope.condition)
    audit.record(actor, "pelayanan_dibaca", "sop_case", case.id)
    return [RecordRow(*values) for values in cast(Iterable[tuple], query.tuples())]
