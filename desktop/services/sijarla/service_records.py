"""Service records by name by address: one row per citizen served, typed or imported."""

from __future__ import annotations

import csv
import datetime as dt
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, cast

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


class _Refusal:
    """A check's refusal, remembered per value (raised again as a fresh InvalidInput)."""

    __slots__ = ("field", "message")

    def __init__(self, exc: InvalidInput) -> None:
        self.message, self.field = exc.message, exc.field


class _Lookups:
    """Reference data resolved once per batch (codes and names, case-insensitive), and what each
    check found for a value already seen in the batch: an import of 100,000 rows repeats a handful
    of categories, dates and nagari, and NIKs share their region and birth-date digits."""

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
        self.today = dt.date.today()
        self._seen: dict[str, dict] = {}
        # Digits 1-6 of a NIK or KK that passed (-> its region note), digits 7-12 that passed.
        self._regions: dict[tuple[str, str], str] = {}
        self._dates: set[tuple[str, str]] = set()

    def _memo(self, kind: str, key: object, check: Callable[[Any], Any]) -> Any:
        """check(key), or what it found the last time for the same key (a refusal raised again)."""
        cache = self._seen.setdefault(kind, {})
        try:
            found = cache[key]
        except KeyError:
            try:
                found = check(key)
            except InvalidInput as exc:
                found = _Refusal(exc)
            cache[key] = found
        if found.__class__ is _Refusal:
            raise InvalidInput(found.message, field=found.field)
        return found

    def nagari_id(self, text: str) -> int:
        """A nagari by code or name; a name shared across kabupaten resolves to the case's own."""
        return self._memo("nagari", text, self._nagari_id)

    def _nagari_id(self, text: str) -> int:
        found = self.nagari_by_name.get(text.strip().casefold(), [])
        if len(found) > 1 and self.home_kabupaten:
            found = [i for i in found if self.nagari_code[i].startswith(self.home_kabupaten)]
        if len(found) != 1:
            problem = "tidak dikenal" if not found else "ada di lebih dari satu kecamatan; tulis kodenya"
            raise InvalidInput(f"Nagari '{text}' {problem}.", field="nagari")
        return found[0]

    def outcome_id(self, text: str) -> int:
        return self._memo("outcome", text, lambda t: _pick(self.outcomes, t, "Hasil", "outcome"))

    def group_id(self, text: str) -> int:
        return self._memo("group", text, lambda t: _pick(self.groups, t, "Sasaran", "target_group"))

    def category_id(self, text: str) -> int:
        return self._memo("category", text, lambda t: _category(self, t))

    def served_on(self, day: object) -> dt.date:
        """The day served: within the Surat Tugas and not after today."""
        if day.__class__ is not dt.date:  # a date-time, or no date at all: refused by date_rules
            return self._served_on(day)
        return self._memo("served_on", day, self._served_on)

    def _served_on(self, day: object) -> dt.date:
        first, last = self.period
        return date_rules.within(
            day, first, last, self.today, "Tanggal pelayanan", "masa Surat Tugas", field="served_on"
        )

    def nik(self, text: str) -> tuple[str, str]:
        """The NIK and its region note (_check_nik), without checking again what passed before."""
        value = text.strip()
        if len(value) == 16 and value.isascii() and value.isdigit() and value[12:] != "0000":
            note = self._regions.get(("nik", value[:6]))
            if note is not None and ("nik", value[6:12]) in self._dates:
                return value, note
        nik, note = _check_nik(value)
        self._regions["nik", nik[:6]] = note
        self._dates.add(("nik", nik[6:12]))
        return nik, note

    def kk(self, text: str) -> tuple[str | None, str]:
        """The KK (None when empty) and its region note (_check_kk), as nik() does."""
        value = text.strip()
        if not value:
            return None, ""
        if len(value) == 16 and value.isascii() and value.isdigit() and value[12:] != "0000":
            note = self._regions.get(("kk", value[:6]))
            if note is not None and ("kk", value[6:12]) in self._dates:
                return value, note
        kk, note = _check_kk(value)
        assert kk is not None
        self._regions["kk", kk[:6]] = note
        self._dates.add(("kk", kk[6:12]))
        return kk, note


def _code_map(model) -> dict[str, int]:
    result: dict[str, int] = {}
    for row in model.select().where(model.is_active):
        result[row.code.casefold()] = row.id
        result[row.name.casefold()] = row.id
    return result


def _pick(mapping: dict[str, int], value: str, label: str, name: str) -> int:
    found = mapping.get((value or "").strip().casefold())
    if found is None:
        raise InvalidInput(f"{label} '{value}' tidak dikenal.", field=name)
    return found


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


def _line(value: str | None, label: str, max_length: int, field: str, required: bool = True) -> str:
    """clean_text of a one-line field; plain printable ASCII (most of an import) answered at once:
    nothing to drop, normalise or refuse in it but emptiness and length."""
    text = value or ""
    if text.isascii() and text.isprintable():
        text = text.strip()
        if (text or not required) and len(text) <= max_length:
            return text
    return clean_text(value, label, max_length, field=field, required=required)


# The values _checked returns, in order: the service_record columns a draft or an imported row fills.
CHECKED_FIELDS = (
    "nik",
    "region_note",
    "full_name",
    "name_fold",
    "kk",
    "address",
    "jorong",
    "nagari",
    "category",
    "target_group",
    "outcome",
    "outcome_reason",
    "note",
    "served_on",
)


def _clean(draft: RecordDraft, lookups: _Lookups) -> dict:
    d = draft
    values = _checked(
        lookups, d.nik, d.full_name, d.nagari_id, d.category, d.target_group, d.outcome, d.served_on,
        d.kk, d.address, d.jorong, d.outcome_reason, d.note,
    )  # fmt: skip
    return dict(zip(CHECKED_FIELDS, values, strict=True))


def _checked(
    lookups: _Lookups,
    nik_text: str,
    full_name: str,
    nagari_id: int,
    category: str,
    target_group: str,
    outcome: str,
    served_on: dt.date,
    kk_text: str,
    address: str,
    jorong: str,
    outcome_reason: str,
    note: str,
) -> tuple:
    """Every rule of one record, in the order its refusals are reported; the values in CHECKED_FIELDS."""
    outcome_id = lookups.outcome_id(outcome)
    reason = _line(outcome_reason, "Alasan", 300, "outcome_reason", required=False)
    if not reason and lookups.outcome_rows[outcome_id].needs_reason:
        raise InvalidInput(
            f"Hasil '{lookups.outcome_rows[outcome_id].name}' wajib disertai alasan.", field="outcome_reason"
        )
    if nagari_id not in lookups.nagari_ids:
        raise InvalidInput("Nagari tidak dikenal.", field="nagari")
    day = lookups.served_on(served_on)
    nik, nik_note = lookups.nik(nik_text or "")
    kk, kk_note = lookups.kk(kk_text or "")
    name = _line(full_name, "Nama", 120, "full_name")
    return (
        nik,
        f"{nik_note} {kk_note}" if nik_note and kk_note else nik_note or kk_note,
        name,
        name.lower() if name.isascii() else fold(name),  # fold() of ASCII is lower()
        kk,
        _line(address, "Alamat", 240, "address", required=False),
        _line(jorong, "Jorong", 80, "jorong", required=False),
        nagari_id,
        lookups.category_id(category),
        lookups.group_id(target_group),
        outcome_id,
        reason,
        _line(note, "Keterangan", 500, "note", required=False),
        day,
    )


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
