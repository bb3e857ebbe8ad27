"""What the team leader decides after a merge, and where a case's packages are.

A conflict keeps the field's version of a row beside the office's until the leader chooses one:
"lapangan" writes the field's version over the office's (through the same rules as a form), or
adds the field's record; "kantor" keeps the office's and closes the conflict. Both are audited.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from desktop.models import (
    FieldConflict,
    FieldPackage,
    Nagari,
    ServiceCategory,
    ServiceOutcome,
    ServiceRecord,
    TargetGroup,
    User,
    db,
)
from desktop.models.base import now
from desktop.services.errors import InvalidInput, NotFound, StaleRecord, WorkflowError
from desktop.services.field.merge_rows import (
    OTHER_ROWS,
    RECORD_CONTENT,
    _typed,
    reference_codes,
    rule_arguments,
)
from desktop.services.field.merge_types import ConflictView, PackageStatus
from desktop.services.security import audit
from desktop.services.session import Session
from desktop.services.sijarla.record_rules import CHECKED_FIELDS, _checked_together
from desktop.services.sijarla.service_records import _lookups_for
from desktop.services.sijarla.team import _require_team_member
from desktop.services.sop.workflow import get_case
from desktop.services.validation import clean_int

_UID = re.compile(r"[0-9a-f]{32}")
KIND_LABELS = {
    "perubahan": "Diubah di kantor dan di lapangan",
    "duplikat": "Warga yang sama untuk layanan yang sama",
    "tidak_sah": "Tidak lolos pemeriksaan kantor",
}
_LABELS = {
    "nik": "NIK",
    "full_name": "Nama",
    "kk": "No. KK",
    "address": "Alamat",
    "jorong": "Jorong",
    "nagari_id": "Nagari",
    "category_id": "Layanan",
    "target_group_id": "Kelompok sasaran",
    "outcome_id": "Hasil",
    "outcome_reason": "Alasan",
    "note": "Keterangan",
    "served_on": "Tanggal layanan",
    "is_done": "Selesai",
    "checked_by_id": "Dicentang oleh",
    "checked_at": "Dicentang pada",
    "introduction": "A. Pendahuluan",
    "activities": "B. Kegiatan",
    "conclusion": "D. Simpulan dan saran",
    "closing": "E. Penutup",
}
_NAMES = {
    "nagari_id": Nagari,
    "category_id": ServiceCategory,
    "target_group_id": TargetGroup,
    "outcome_id": ServiceOutcome,
}


def packages_of_case(actor: Session, case_id: int) -> list[PackageStatus]:
    """Every package of the case, newest first (the case's team)."""
    case = get_case(clean_int(case_id, "Kasus", 1))
    _require_team_member(actor, case)
    return _statuses(FieldPackage.case == case.id)


def case_out_in_field(case_id: int) -> list[PackageStatus]:
    """The case's packages still out in the field (any member of staff: no personal data)."""
    case_id = clean_int(case_id, "Kasus", 1)
    return _statuses((FieldPackage.case == case_id) & (FieldPackage.status == "dibawa"))


def _statuses(condition) -> list[PackageStatus]:
    rows = (
        FieldPackage.select(FieldPackage, User.full_name)
        .join(User, on=FieldPackage.taken_by == User.id)
        .where(condition)
        .order_by(FieldPackage.taken_at.desc(), FieldPackage.id.desc())
    )
    result = []
    for row in rows:
        open_count = (
            FieldConflict.select()
            .where((FieldConflict.package == row.id) & (FieldConflict.status == "terbuka"))
            .count()
            if row.status == "dikembalikan"
            else 0
        )
        result.append(
            PackageStatus(
                package_uid=row.uid,
                laptop=row.laptop,
                taken_by=row.taken_by.full_name,
                taken_at=row.taken_at,
                status=row.status,
                returned_at=row.returned_at,
                open_conflicts=open_count,
            )
        )
    return result


def cancel_package(actor: Session, package_uid: str, reason: str) -> None:
    """The leader gives up a package (a lost or broken laptop): the case is no longer out on it, and
    the package is refused if it comes back. Its records, if any, must then be recorded again."""
    from desktop.services.validation import clean_text

    reason = clean_text(reason, "Alasan", 300)
    uid = package_uid if isinstance(package_uid, str) and _UID.fullmatch(package_uid) else ""
    with db.atomic():
        row = FieldPackage.get_or_none(FieldPackage.uid == uid)
        if row is None:
            raise NotFound("Paket lapangan tidak ditemukan.")
        case = get_case(row.case_id)
        _require_team_member(actor, case, leader=True)
        if row.status != "dibawa":
            raise WorkflowError("Hanya paket yang masih di lapangan yang dapat dibatalkan.")
        changed = (
            FieldPackage.update(status="dibatalkan", version=FieldPackage.version + 1, updated_at=now())
            .where((FieldPackage.id == row.id) & (FieldPackage.status == "dibawa"))
            .execute()
        )
        if changed != 1:
            raise StaleRecord("Paket ini baru saja dikembalikan atau dibatalkan. Muat ulang daftar paket.")
        details = {"paket": row.uid, "laptop": row.laptop, "alasan": reason}
        audit.record(actor, "paket_lapangan_dibatalkan", "sop_case", case.id, **details)


def not_ready_to_report(case_id: int) -> str | None:
    """Why the case's report cannot go yet because of its field packages, or None."""
    from desktop.services.sijarla.field_status import field_work_pending

    return field_work_pending(clean_int(case_id, "Kasus", 1))


def open_conflicts(actor: Session, case_id: int) -> list[ConflictView]:
    """The conflicts of the case's merges still waiting for the leader's choice, oldest first."""
    case = get_case(clean_int(case_id, "Kasus", 1))
    _require_team_member(actor, case)
    rows = (
        FieldConflict.select(FieldConflict, FieldPackage.laptop)
        .join(FieldPackage)
        .where((FieldConflict.case == case.id) & (FieldConflict.status == "terbuka"))
        .order_by(FieldConflict.id)
    )
    views = [_view(row) for row in rows]
    audit.record(actor, "konflik_lapangan_dibaca", "sop_case", case.id, jumlah=len(views))
    return views


def _view(row: FieldConflict) -> ConflictView:
    field_values = json.loads(row.field_values)
    office = _office_values(row)
    if row.entity == "service_record":
        columns: tuple[str, ...] = RECORD_CONTENT
        name, nik = field_values.get("full_name", ""), field_values.get("nik", "")
        service = _display("category_id", field_values.get("category_id"))
        title = f"{name} ({nik}), {service}"
    else:
        columns = OTHER_ROWS[row.entity][1]
        title = (
            "Daftar persiapan: " + str(field_values.get("item", ""))
            if row.entity == "preparation_check"
            else ("Draf laporan pelaksanaan")
        )
    lines = [
        (_LABELS.get(c, c), _display(c, office.get(c)) if office else "", _display(c, field_values.get(c)))
        for c in columns
    ]
    return ConflictView(
        id=row.id,
        kind=row.kind,
        kind_label=KIND_LABELS[row.kind],
        entity=row.entity,
        laptop=row.package.laptop,
        title=title,
        message=row.message,
        rows=lines,
        detected_at=row.detected_at,
        may_take_field=row.kind != "tidak_sah",
    )


def _office_values(row: FieldConflict) -> dict:
    if row.office_id is None:
        return {}
    if row.entity == "service_record":
        office = ServiceRecord.get_or_none(ServiceRecord.id == row.office_id)
        return {c: getattr(office, c) for c in RECORD_CONTENT} if office else {}
    model, content, _natural = OTHER_ROWS[row.entity]
    other = model.get_or_none(model.id == row.office_id)
    return {c: getattr(other, c) for c in content} if other else {}


def _display(column: str, value: object) -> str:
    if value is None or value == "":
        return ""
    if column in _NAMES:
        model = _NAMES[column]
        found = model.get_or_none(model.id == value)
        return found.name if found else f"#{value}"
    if column == "checked_by_id":
        user = User.get_or_none(User.id == value)
        return user.full_name if user else f"#{value}"
    if column == "is_done":
        return "Ya" if value in (True, 1, "1") else "Tidak"
    if column == "served_on":
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
        return f"{day:%d-%m-%Y}"
    return str(value)


def resolve(actor: Session, conflict_id: int, choice: str) -> None:
    """The leader's choice: "lapangan" (the field's version) or "kantor" (the office's)."""
    if not isinstance(choice, str) or choice not in ("lapangan", "kantor"):
        raise InvalidInput("Pilihan harus versi lapangan atau versi kantor.", field="choice")
    with db.atomic():
        row = FieldConflict.get_or_none(FieldConflict.id == clean_int(conflict_id, "Konflik", 1))
        if row is None:
            raise NotFound("Konflik tidak ditemukan.")
        case = get_case(row.case_id)
        _require_team_member(actor, case, leader=True)
        if row.status != "terbuka":
            raise StaleRecord("Konflik ini sudah diputuskan. Muat ulang daftar konflik.")
        if choice == "lapangan":
            if row.kind == "tidak_sah":
                raise WorkflowError(
                    "Versi lapangan tidak lolos pemeriksaan kantor: " + row.message + " Pilih versi kantor, "
                    "lalu catat ulang data yang benar di daftar pelayanan."
                )
            _take_field(case, row, actor)
        taken = (
            FieldConflict.update(status=choice, resolved_by=actor.user_id, resolved_at=now())
            .where((FieldConflict.id == row.id) & (FieldConflict.status == "terbuka"))
            .execute()
        )
        if taken != 1:
            raise StaleRecord(
                "Konflik ini baru saja diputuskan oleh pengguna lain. Muat ulang daftar konflik."
            )
        audit.record(
            actor, "konflik_lapangan_diputuskan", "sop_case", case.id, konflik=row.id, pilihan=choice
        )


def _take_field(case, row: FieldConflict, actor: Session) -> None:
    values = json.loads(row.field_values)
    if row.entity != "service_record":
        model, content, _natural = OTHER_ROWS[row.entity]
        typed = {c: _typed(model, c, values.get(c)) for c in content}
        model.update(version=model.version + 1, updated_at=now(), **typed).where(
            model.id == row.office_id
        ).execute()
        return
    record = dict(values, served_on=dt.date.fromisoformat(str(values["served_on"])[:10]))
    checked = _checked_together(*rule_arguments(_lookups_for(case), reference_codes(), record))
    clean = dict(zip(CHECKED_FIELDS, checked, strict=True))
    if row.office_id is None:
        raise WorkflowError("Data kantor untuk konflik ini tidak ditemukan.")
    clash = ServiceRecord.select().where(
        (ServiceRecord.case == case.id) & (ServiceRecord.nik == clean["nik"])
        & (ServiceRecord.category == clean["category"]) & (ServiceRecord.id != row.office_id)
    ).exists()  # fmt: skip
    if clash:
        raise InvalidInput("NIK ini sudah tercatat untuk layanan yang sama pada kasus ini.", field="nik")
    updated = (
        ServiceRecord.update(version=ServiceRecord.version + 1, updated_at=now(), **clean)
        .where(ServiceRecord.id == row.office_id)
        .execute()
    )
    if updated != 1:
        raise NotFound("Data pelayanan kantor untuk konflik ini tidak ditemukan; mungkin sudah dihapus.")
    audit.record(actor, "pelayanan_diubah", "service_record", row.office_id, dari="konflik_lapangan")
