"""Read-side data for the desks: pick lists, one case's letter and disposition, the whole case file.

Everything here reads; the use cases that change a case live in sijarla.py, inovasi.py and
recap.py. Each function that shows a case checks the actor's role, and every read that can
reveal personal data (a letter's scan, a case file with its step notes) is written to the
audit log.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from desktop import roles as R
from desktop.models import (
    AssignmentLetter,
    Attachment,
    AuditLog,
    CaseStep,
    Disposition,
    IncomingLetter,
    IssuedDocument,
    Kabupaten,
    Kecamatan,
    Nagari,
    Office,
    Recap,
    RequestedService,
    ServiceCategory,
    SopCase,
    Team,
    TeamMember,
    User,
    db,
)
from desktop.printing import data as P
from desktop.services.documents import issue as documents
from desktop.services.errors import NotFound, PermissionDenied, WorkflowError
from desktop.services.security import audit
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.sijarla import steps as sijarla
from desktop.services.sop.workflow import definition_of, effective_due, get_case, office_calendar

LETTER_ROLES = (R.FRONT_DESK, R.KABID_PELAYANAN, R.KEPALA_DINAS)
RECAP_ROLES = (R.KETUA_PELAKSANA_HARIAN, R.KABID_PEMANFAATAN, R.KEPALA_DINAS)
TEAM_ROLES = (R.KETUA_TIM, R.ANGGOTA_TIM)
AUDIT_LIMIT = 500
STATUS_LABELS = {
    "berjalan": "Berjalan",
    "selesai": "Selesai",
    "ditolak": "Ditolak",
    "dibatalkan": "Dibatalkan",
}

# --- Pick lists --------------------------------------------------------------------------------


@dataclass(frozen=True)
class NagariOption:
    id: int
    name: str
    kecamatan: str
    kabupaten: str

    @property
    def label(self) -> str:
        """'Koto Baru — Kubung': the nagari and its kecamatan, as the picker shows it."""
        return f"{self.name} — {self.kecamatan}"


@dataclass(frozen=True)
class CategoryOption:
    code: str
    name: str


@dataclass(frozen=True)
class TeamMemberOption:
    user_id: int
    full_name: str
    is_leader: bool


@dataclass(frozen=True)
class TeamOption:
    id: int
    name: str
    members: tuple[TeamMemberOption, ...]  # the leader first

    @property
    def leader(self) -> str:
        return next((m.full_name for m in self.members if m.is_leader), "")


def list_nagari() -> list[NagariOption]:
    """Every active nagari with its kecamatan and kabupaten, by kabupaten, kecamatan and name."""
    rows = (
        Nagari.select(Nagari.id, Nagari.name, Kecamatan.name, Kabupaten.name)
        .join(Kecamatan)
        .join(Kabupaten)
        .where(Nagari.is_active)
        .order_by(Kabupaten.code, Kecamatan.name, Nagari.name)
    )
    return [NagariOption(i, name, kec, kab) for i, name, kec, kab in _tuples(rows)]


def list_service_categories() -> list[CategoryOption]:
    """The active service categories (kategori objek pelayanan) in their set order."""
    rows = (
        ServiceCategory.select(ServiceCategory.code, ServiceCategory.name)
        .where(ServiceCategory.is_active)
        .order_by(ServiceCategory.sort_order, ServiceCategory.id)
    )
    return [CategoryOption(code, name) for code, name in _tuples(rows)]


def list_teams() -> list[TeamOption]:
    """The active SIJARLA teams with their members, the leader first."""
    teams = list(Team.select().where(Team.is_active).order_by(Team.name))
    members: dict[int, list[TeamMemberOption]] = {t.id: [] for t in teams}
    rows = (
        TeamMember.select(TeamMember.team, TeamMember.is_leader, User.id, User.full_name)
        .join(User)
        .where(TeamMember.team.in_(list(members) or [0]) & User.is_active)
        .order_by(TeamMember.is_leader.desc(), User.full_name)
    )
    for team_id, is_leader, user_id, name in _tuples(rows):
        members[team_id].append(TeamMemberOption(user_id, name, bool(is_leader)))
    return [TeamOption(t.id, t.name, tuple(members[t.id])) for t in teams]


def working_days_after(days: int, start: dt.date | None = None) -> dt.date:
    """The date `days` working days after `start` (today), by the office calendar."""
    return office_calendar().add_working_days(start or dt.date.today(), days)


# --- One case's letter and disposition -------------------------------------------------------------


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


@dataclass(frozen=True)
class LetterView:
    """A case with the Surat Permohonan it came from (letter fields empty for a case from analysis)."""

    case_id: int
    case_version: int
    reference: str
    title: str
    origin: str
    current_step: str
    status: str
    nagari_id: int | None
    nagari: str
    kecamatan: str
    due_on: dt.date | None
    sla: str | None
    days_left: int | None
    letter_id: int | None = None
    agenda_number: str = ""
    tracking_code: str = ""
    letter_number: str = ""
    letter_date: dt.date | None = None
    received_at: dt.datetime | None = None
    sender: str = ""
    subject: str = ""
    sifat: str = ""
    estimated_people: int = 0
    requested: tuple[tuple[str, int], ...] = ()
    scan: AttachmentInfo | None = None
    returned_reason: str = ""
    returned_by: str = ""
    returned_at: dt.datetime | None = None


@dataclass(frozen=True)
class DispositionView:
    id: int
    version: int
    sifat: str
    forwarded_to: str
    requests: tuple[str, ...]
    instructions: str
    team_id: int | None
    team: str
    deadline: dt.date
    drafted_by: str
    drafted_at: dt.datetime
    signed_by: str = ""
    signed_at: dt.datetime | None = None
    signature_sha256: str = ""

    @property
    def signed(self) -> bool:
        return self.signed_at is not None


def case_letter(actor: Session, case_id: int) -> LetterView:
    """A SIJARLA case with its letter, requested services, scan and the Kabid's return reason."""
    require_role(actor, *LETTER_ROLES)
    case = get_case(case_id)
    letter = IncomingLetter.get_or_none(IncomingLetter.case == case.id)
    due = effective_due(case)
    calendar = office_calendar()
    today = dt.date.today()
    nagari = case.nagari if case.nagari_id else None
    base: dict[str, Any] = dict(
        case_id=case.id,
        case_version=case.version,
        reference=case.reference,
        title=case.title,
        origin=case.origin,
        current_step=case.current_step,
        status=case.status,
        nagari_id=case.nagari_id,
        nagari=nagari.name if nagari else "",
        kecamatan=nagari.kecamatan.name if nagari else "",
        due_on=due,
        sla=calendar.status(due, today) if due else None,
        days_left=calendar.days_left(due, today) if due else None,
        **_returned(case),
    )
    if letter is None:
        return LetterView(**base)
    return LetterView(**base, **_letter_fields(letter))


def _letter_fields(letter: IncomingLetter) -> dict[str, Any]:
    requested = (
        RequestedService.select(RequestedService, ServiceCategory)
        .join(ServiceCategory)
        .where(RequestedService.letter == letter.id)
        .order_by(ServiceCategory.sort_order, ServiceCategory.id)
    )
    scan = (
        Attachment.select()
        .where((Attachment.letter == letter.id) & (Attachment.purpose == "scan_permohonan"))
        .order_by(Attachment.id.desc())
        .first()
    )
    return dict(
        letter_id=letter.id,
        agenda_number=letter.agenda_number,
        tracking_code=letter.tracking_code,
        letter_number=letter.letter_number,
        letter_date=letter.letter_date,
        received_at=letter.received_at,
        sender=letter.sender,
        subject=letter.subject,
        sifat=letter.sifat,
        estimated_people=letter.estimated_people,
        requested=tuple((r.category.name, r.estimated_count) for r in requested),
        scan=_attachment_info(scan) if scan else None,
    )


def _returned(case: SopCase) -> dict[str, Any]:
    """Who sent a case back to the front desk and why, while it waits there again."""
    if case.current_step != "registrasi" or case.status != "berjalan":
        return {}
    step = (
        CaseStep.select()
        .where((CaseStep.case == case.id) & (CaseStep.action == "kembalikan"))
        .order_by(CaseStep.id.desc())
        .first()
    )
    if step is None:
        return {}
    return dict(returned_reason=step.note, returned_by=step.actor.full_name, returned_at=step.acted_at)


def return_reasons(actor: Session, case_ids: list[int]) -> dict[int, str]:
    """For cases sent back to the front desk: the Kabid's reason, by case id."""
    require_role(actor, *LETTER_ROLES)
    reasons: dict[int, str] = {}
    rows = (
        CaseStep.select(CaseStep.case, CaseStep.note)
        .where(CaseStep.case.in_(case_ids or [0]) & (CaseStep.action == "kembalikan"))
        .order_by(CaseStep.id)
    )
    for case_id, note in _tuples(rows):
        reasons[case_id] = note  # the newest wins
    return reasons


def case_disposition(actor: Session, case_id: int) -> DispositionView | None:
    """The case's disposition: the signed one, else the draft being written, else None."""
    require_role(actor, *LETTER_ROLES, *TEAM_ROLES)
    rows = list(Disposition.select().where(Disposition.case == case_id).order_by(Disposition.id.desc()))
    row = next((d for d in rows if d.signed_at is not None), rows[0] if rows else None)
    if row is None:
        return None
    return DispositionView(
        id=row.id,
        version=row.version,
        sifat=row.sifat,
        forwarded_to=row.forwarded_to,
        requests=tuple(c for c in row.requests.split(",") if c),
        instructions=row.instructions,
        team_id=row.team_id,
        team=row.team.name if row.team_id else "",
        deadline=row.deadline,
        drafted_by=row.drafted_by.full_name,
        drafted_at=row.drafted_at,
        signed_by=row.signed_by.full_name if row.signed_by_id else "",
        signed_at=row.signed_at,
        signature_sha256=row.signature_sha256 or "",
    )


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


def attachment_content(actor: Session, attachment_id: int) -> bytes:
    """The bytes of an attachment (a scan may name citizens): checked and logged as a read."""
    row = Attachment.get_or_none(Attachment.id == attachment_id)
    if row is None:
        raise NotFound("Lampiran tidak ditemukan; mungkin sudah dihapus.")
    with db.atomic():
        _require_case_reader(actor, get_case(row.case_id))
        audit.record(actor, "lampiran_dibaca", "attachment", row.id, kasus=row.case_id, berkas=row.filename)
    return bytes(row.content)


# --- Receipts ---------------------------------------------------------------------------------------


def receipt_document(
    actor: Session, case_id: int, *, thermal_width: int | None = None
) -> documents.IssuedDocumentInfo:
    """Issue (or find, unchanged) the case's receipt: A4/F4 tanda terima, or the thermal struk."""
    require_role(actor, *LETTER_ROLES)
    letter = IncomingLetter.get_or_none(IncomingLetter.case == case_id)
    if letter is None:
        raise NotFound("Kasus ini tidak berasal dari surat permohonan; tidak ada tanda terima.")
    if thermal_width:
        return documents.issue_document(actor, documents.RECEIPT, letter.id, receipt_width=thermal_width)
    return documents.issue_document(actor, "tanda_terima", letter.id)


def print_thermal_receipt(
    actor: Session, case_id: int, printer_address: str, width: int = 80
) -> documents.IssuedDocumentInfo:
    """Issue the case's struk and send it to the receipt printer at `printer_address` (blocks)."""
    from desktop.printing.sinks import sink_from_address

    try:
        sink = sink_from_address(printer_address)
    except ValueError as exc:
        raise WorkflowError(str(exc)) from exc
    info = receipt_document(actor, case_id, thermal_width=width)
    documents.print_receipt(actor, info.id, sink)
    return info


# --- Surat Tugas ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssignmentDefaults:
    """What the Kepala Dinas' Surat Tugas form starts with for a case at 'surat_tugas'."""

    case_id: int
    case_version: int
    reference: str
    title: str
    nagari: str
    team: str
    member_ids: tuple[int, ...]  # the disposition's team, leader first
    place: str
    start_on: dt.date
    end_on: dt.date
    task: str
    basis: str
    copies_to: str
    instructions: str = ""


def assignment_defaults(actor: Session, case_id: int, today: dt.date | None = None) -> AssignmentDefaults:
    """The Surat Tugas form's starting values: team from the disposition, place, dates, task, basis."""
    require_role(actor, R.KEPALA_DINAS)
    case = get_case(case_id)
    if case.current_step != "surat_tugas" or case.status != "berjalan":
        raise WorkflowError(f"Kasus {case.reference} tidak sedang menunggu Surat Tugas.")
    disposition = (
        Disposition.select()
        .where((Disposition.case == case.id) & Disposition.signed_at.is_null(False))
        .order_by(Disposition.id.desc())
        .first()
    )
    team_id = disposition.team_id if disposition else case.team_id
    team = next((t for t in list_teams() if t.id == team_id), None)
    nagari = case.nagari.name if case.nagari_id else ""
    start = office_calendar().next_working_day(today or dt.date.today())
    end = disposition.deadline if disposition and disposition.deadline >= start else start
    return AssignmentDefaults(
        case_id=case.id,
        case_version=case.version,
        reference=case.reference,
        title=case.title,
        nagari=nagari,
        team=team.name if team else "",
        member_ids=tuple(m.user_id for m in team.members) if team else (),
        place=f"Kantor Wali Nagari {nagari}" if nagari else "",
        start_on=start,
        end_on=end,
        task=sijarla._default_task(nagari),
        basis=sijarla._default_basis(case),
        copies_to=_default_copies(),
        instructions=disposition.instructions if disposition else "",
    )


def _default_copies() -> str:
    office = Office.select().order_by(Office.id).first()
    kabupaten = Kabupaten.get_or_none(Kabupaten.code == office.kabupaten_code) if office else None
    head = kabupaten.name.replace("Kabupaten ", "Bupati ", 1) if kabupaten else "Bupati"
    return f"{head} (sebagai laporan)\nArsip"


def assignment_preview(actor: Session, case_id: int, draft: sijarla.AssignmentDraft) -> bytes:
    """The Surat Tugas as it would print, unsigned and unnumbered, to check before signing (PDF)."""
    from desktop.printing.letters import render

    require_role(actor, R.KEPALA_DINAS)
    case = get_case(case_id)
    office = Office.select().order_by(Office.id).first()
    if office is None:
        raise WorkflowError("Data kantor (kop surat) belum diatur. Minta Administrator mengisinya.")
    users = {u.id: u for u in User.select().where(User.id.in_(list(draft.member_ids) or [0]))}
    members = tuple(
        P.AssignedMember(u.full_name, u.nip, u.pangkat_golongan, u.jabatan, position == 0)
        for position, u in enumerate(users[i] for i in draft.member_ids if i in users)
    )
    signer = User.get_by_id(actor.user_id)
    doc = P.AssignmentDoc(
        letterhead=_letterhead(office),
        number="(nomor diberikan saat ditandatangani)",
        basis=_lines(draft.basis or sijarla._default_basis(case)),
        members=members,
        task=draft.task,
        place=draft.place,
        start_on=draft.start_on,
        end_on=max(draft.end_on, draft.start_on),
        signed_on=dt.date.today(),
        signer=P.Official(signer.full_name, signer.nip, signer.pangkat_golongan, signer.jabatan),
        copies_to=_lines(draft.copies_to),
    )
    return render(doc, office.paper_size).data


def _letterhead(office: Office) -> P.Letterhead:
    return P.Letterhead(
        government=office.government,
        agency=office.agency,
        address=office.address,
        phone=office.phone,
        email=office.email,
        website=office.website,
        city=office.city,
        logo_png=bytes(office.logo_png) if office.logo_png else None,
    )


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


# --- Recaps ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecapDetail:
    id: int
    title: str
    status: str
    version: int
    period_start: dt.date
    period_end: dt.date
    total_records: int
    served: int
    cases_opened: int
    cases_finished: int
    cases_within_limit: int
    cases_late: int
    by_category: tuple[tuple[str, int], ...]
    by_nagari: tuple[tuple[str, int], ...]
    by_outcome: tuple[tuple[str, int], ...]
    built_by: str
    built_at: dt.datetime
    note: str = ""


def recap_detail(actor: Session, recap_id: int) -> RecapDetail:
    """A recap's figures as built, for the desks it passes through."""
    require_role(actor, *RECAP_ROLES)
    row = Recap.get_or_none(Recap.id == recap_id)
    if row is None:
        raise NotFound("Rekapitulasi tidak ditemukan.")
    figures = json.loads(row.figures or "{}")

    def ranked(key: str) -> tuple[tuple[str, int], ...]:
        values: dict[str, int] = figures.get(key) or {}
        return tuple(sorted(values.items(), key=lambda kv: (-kv[1], kv[0])))

    return RecapDetail(
        id=row.id,
        title=row.title,
        status=row.status,
        version=row.version,
        period_start=row.period_start,
        period_end=row.period_end,
        total_records=int(figures.get("total_records", 0)),
        served=int(figures.get("served", 0)),
        cases_opened=int(figures.get("cases_opened", 0)),
        cases_finished=int(figures.get("cases_finished", 0)),
        cases_within_limit=int(figures.get("cases_within_limit", 0)),
        cases_late=int(figures.get("cases_late", 0)),
        by_category=ranked("by_category"),
        by_nagari=ranked("by_nagari"),
        by_outcome=ranked("by_outcome"),
        built_by=row.built_by.full_name,
        built_at=row.built_at,
        note=row.note,
    )


# --- The whole case file ------------------------------------------------------------------------------


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


def _tuples(query: Any) -> Iterable[tuple[Any, ...]]:
    """A query's rows as plain tuples (peewee's stubs type them as model instances)."""
    return cast(Iterable[tuple[Any, ...]], query.tuples())


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
