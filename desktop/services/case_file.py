"""The whole case file: header, step history, attachments, documents and the audit trail of one case."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from desktop import roles as R
from desktop.models import (
    AssignmentLetter,
    Attachment,
    AuditLog,
    CaseStep,
    Disposition,
    IncomingLetter,
    IssuedDocument,
    SopCase,
    TeamMember,
    User,
    db,
)
from desktop.services.documents import issue as documents
from desktop.services.errors import PermissionDenied
from desktop.services.pick_lists import (
    _tuples,
)
from desktop.services.security import audit
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.sop.workflow import definition_of, effective_due, get_case, office_calendar

TEAM_ROLES = (R.KETUA_TIM, R.ANGGOTA_TIM)


AUDIT_LIMIT = 500


STATUS_LABELS = {
    "berjalan": "Berjalan",
    "selesai": "Selesai",
    "ditolak": "Ditolak",
    "dibatalkan": "Dibatalkan",
}


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    filename: str
    mime_type: str
    size_bytes: int
    purpose: str
    step_code: str
    uploaded_by: str
    uploaded_at: dt.datetime


def _attachment_info(row: Attachment) -> AttachmentInfo:
    return AttachmentInfo(
        id=row.id,
        filename=row.filename,
        mime_type=row.mime_type,
        size_bytes=row.size_bytes,
        purpose=row.purpose,
        step_code=row.step_code or "",
        uploaded_by=row.uploaded_by.full_name,
        uploaded_at=row.uploaded_at,
    )


@dataclass(frozen=True)
class CaseHeader:
    id: int
    reference: str
    title: str
    sop_title: str
    origin: str
    nagari: str
    kecamatan: str
    current_step: str
    step_name: str
    status: str
    status_label: str
    opened_at: dt.datetime
    closed_at: dt.datetime | None
    due_on: dt.date | None
    sla: str | None
    days_left: int | None
    team: str
    version: int
    origin_note: str = ""  # a case from analysis: the Kepala Dinas' reason, whole


@dataclass(frozen=True)
class StepRecord:
    """One thing done on the case: the step, the action taken, by whom, when, the note and output."""

    step_code: str
    step_name: str
    action: str
    action_label: str
    actor: str
    acted_at: dt.datetime
    due_on: dt.date | None
    late: bool
    note: str
    output_label: str
    document_id: int | None


@dataclass(frozen=True)
class AuditLine:
    at: dt.datetime
    username: str
    action: str
    entity: str
    detail: str


@dataclass(frozen=True)
class CaseDetail:
    header: CaseHeader
    steps: tuple[StepRecord, ...]
    attachments: tuple[AttachmentInfo, ...]
    documents: tuple[documents.IssuedDocumentInfo, ...]  # those the actor may read
    audit: tuple[AuditLine, ...]


def case_detail(actor: Session, case_id: int) -> CaseDetail:
    """The whole file of a case: header, every step, attachments, issued documents, audit trail."""
    case = get_case(case_id)
    with db.atomic():
        _require_case_reader(actor, case)
        audit.record(actor, "kasus_dibaca", "sop_case", case.id, referensi=case.reference)
    attachments = Attachment.select().where(Attachment.case == case.id).order_by(Attachment.id)
    return CaseDetail(
        header=_header(case),
        steps=_steps(case),
        attachments=tuple(_attachment_info(a) for a in attachments),
        documents=tuple(documents.documents_for_case(actor, case.id)),
        audit=_audit_trail(case),
    )


def _require_case_reader(actor: Session, case: SopCase) -> None:
    """Any role of the case's SOP may read it; team roles only their own team's cases."""
    definition = definition_of(case)
    roles = {r for s in definition.steps for r in (*s.roles, *s.receivers)}
    roles |= {r for s in definition.starts for r in s.roles}
    require_role(actor, *roles)
    if actor.has_role(*(roles - set(TEAM_ROLES))):
        return
    mine = TeamMember.select().where((TeamMember.user == actor.user_id) & (TeamMember.team == case.team_id))
    if case.team_id is None or not mine.exists():
        raise PermissionDenied(f"Kasus {case.reference} bukan tugas tim Anda.")


def _header(case: SopCase) -> CaseHeader:
    definition = definition_of(case)
    due = effective_due(case, definition)
    calendar = office_calendar()
    today = dt.date.today()
    try:
        step_name = definition.step(case.current_step).name
    except KeyError:
        step_name = case.current_step
    nagari = case.nagari if case.nagari_id else None
    return CaseHeader(
        id=case.id,
        reference=case.reference,
        title=case.title,
        sop_title=definition.title,
        origin=case.origin,
        nagari=nagari.name if nagari else "",
        kecamatan=nagari.kecamatan.name if nagari else "",
        current_step=case.current_step,
        step_name=step_name if case.status == "berjalan" else STATUS_LABELS.get(case.status, case.status),
        status=case.status,
        status_label=STATUS_LABELS.get(case.status, case.status),
        opened_at=case.opened_at,
        closed_at=case.closed_at,
        due_on=due,
        sla=calendar.status(due, today) if due else None,
        days_left=calendar.days_left(due, today) if due else None,
        team=case.team.name if case.team_id else "",
        version=case.version,
        origin_note=case.origin_note,
    )


def _steps(case: SopCase) -> tuple[StepRecord, ...]:
    definition = definition_of(case)
    names = {s.code: s.name for s in definition.steps}
    rows = (
        CaseStep.select(CaseStep, User)
        .join(User)
        .where(CaseStep.case == case.id)
        .order_by(CaseStep.acted_at, CaseStep.id)
    )
    records = []
    for row in rows:
        transition = definition.transition(row.step_code, row.action) if row.step_code in names else None
        records.append(
            StepRecord(
                step_code=row.step_code,
                step_name=names.get(row.step_code, row.step_code),
                action=row.action,
                action_label=transition.label if transition else row.action,
                actor=row.actor.full_name,
                acted_at=row.acted_at,
                due_on=row.due_on,
                late=bool(row.due_on and row.acted_at.date() > row.due_on),
                note=row.note,
                output_label=row.output_label,
                document_id=row.document_id,
            )
        )
    return tuple(records)


def _audit_trail(case: SopCase) -> tuple[AuditLine, ...]:
    """Audit lines about the case and the records hanging from it, oldest first."""
    related = {
        "sop_case": [case.id],
        "incoming_letter": _ids(IncomingLetter, IncomingLetter.case == case.id),
        "disposition": _ids(Disposition, Disposition.case == case.id),
        "assignment_letter": _ids(AssignmentLetter, AssignmentLetter.case == case.id),
        "issued_document": _ids(IssuedDocument, IssuedDocument.case == case.id),
        "attachment": _ids(Attachment, Attachment.case == case.id),
    }
    condition = None
    for entity, ids in related.items():
        if not ids:
            continue
        clause = (AuditLog.entity == entity) & AuditLog.entity_id.in_(ids)
        condition = clause if condition is None else condition | clause
    rows = (
        AuditLog.select().where(condition).order_by(AuditLog.at.desc(), AuditLog.id.desc()).limit(AUDIT_LIMIT)
    )
    lines = [AuditLine(r.at, r.username, r.action, r.entity, _detail_text(r.detail)) for r in rows]
    return tuple(reversed(lines))


def _ids(model: Any, condition: Any) -> list[int]:
    return [i for (i,) in _tuples(model.select(model.id).where(condition))]


def _detail_text(detail: str) -> str:
    """The JSON detail of an audit line as 'key: value' pairs."""
    if not detail:
        return ""
    try:
        values = json.loads(detail)
    except ValueError:
        return detail
    if not isinstance(values, dict):
        return str(values)
    return "; ".join(f"{k}: {v}" for k, v in values.items() if v not in (None, "", [], {}))
