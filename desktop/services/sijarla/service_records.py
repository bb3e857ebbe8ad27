"""Service records by name by address: one row per citizen served, typed or imported."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

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
from desktop.services.errors import InvalidInput, NotFound, StaleRecord, WorkflowError
from desktop.services.security import audit
from desktop.services.session import Session
from desktop.services.sijarla.record_rules import CHECKED_FIELDS, _checked_together, _Lookups
from desktop.services.sijarla.record_rules import national_region_codes as national_region_codes
from desktop.services.sijarla.record_rules import nik_region_note as nik_region_note
from desktop.services.sijarla.team import _require_team_member
from desktop.services.sop.workflow import get_case


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


def _clean(draft: RecordDraft, lookups: _Lookups) -> dict:
    """A record typed in the form: every wrong field refused at once (record_rules._checked_together)."""
    d = draft
    values = _checked_together(
        lookups, d.nik, d.full_name, d.nagari_id, d.category, d.target_group, d.outcome, d.served_on,
        d.kk, d.address, d.jorong, d.outcome_reason, d.note,
    )  # fmt: skip
    return dict(zip(CHECKED_FIELDS, values, strict=True))


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


def delete_record(actor: Session, record_id: int, expected_version: int) -> None:
    """Remove a record typed by mistake: on a field laptop, a record made there (not yet at the
    office). At the office a record is corrected, never removed: it is what the team reported."""
    from desktop.services.field import mode

    with db.atomic():
        row = ServiceRecord.get_or_none(ServiceRecord.id == record_id)
        if row is None:
            raise NotFound("Data pelayanan tidak ditemukan; mungkin sudah dihapus.")
        _recording_case(actor, row.case_id)
        if not mode.is_field_mode() or not mode.made_in_field("service_record", row.id):
            raise WorkflowError(
                "Data pelayanan hanya dapat dihapus di laptop lapangan, untuk data yang dicatat di sana. "
                "Data yang sudah ada di kantor diperbaiki dengan Ubah."
            )
        deleted = (
            ServiceRecord.delete()
            .where((ServiceRecord.id == row.id) & (ServiceRecord.version == expected_version))
            .execute()
        )
        if deleted != 1:
            raise StaleRecord("Data ini sudah diubah oleh pengguna lain. Muat ulang, lalu coba lagi.")
        audit.record(actor, "pelayanan_dihapus", "service_record", row.id, nik=row.nik, nama=row.full_name)


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
