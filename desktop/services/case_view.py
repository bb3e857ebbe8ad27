"""Read-side data for the desks: one case's letter and disposition, receipts, the Surat Tugas, recaps.

The pick lists (pick_lists.py) and the whole case file (case_file.py) are imported back here.

Everything here reads; the use cases that change a case live in sijarla.py, inovasi.py and
recap.py. Each function that shows a case checks the actor's role, and every read that can
reveal personal data (a letter's scan, a case file with its step notes) is written to the
audit log.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from desktop import roles as R
from desktop.models import (
    Attachment,
    CaseStep,
    Disposition,
    IncomingLetter,
    Kabupaten,
    Office,
    Recap,
    RequestedService,
    ServiceCategory,
    SopCase,
    User,
    db,
)
from desktop.printing import data as P
from desktop.services.case_file import AUDIT_LIMIT as AUDIT_LIMIT
from desktop.services.case_file import STATUS_LABELS as STATUS_LABELS
from desktop.services.case_file import TEAM_ROLES as TEAM_ROLES
from desktop.services.case_file import AttachmentInfo as AttachmentInfo
from desktop.services.case_file import AuditLine as AuditLine
from desktop.services.case_file import CaseDetail as CaseDetail
from desktop.services.case_file import CaseHeader as CaseHeader
from desktop.services.case_file import StepRecord as StepRecord
from desktop.services.case_file import _attachment_info, _require_case_reader
from desktop.services.case_file import case_detail as case_detail
from desktop.services.documents import issue as documents
from desktop.services.errors import NotFound, WorkflowError
from desktop.services.nik import mask_niks_in_text
from desktop.services.pick_lists import CategoryOption as CategoryOption
from desktop.services.pick_lists import NagariOption as NagariOption
from desktop.services.pick_lists import TeamMemberOption as TeamMemberOption
from desktop.services.pick_lists import TeamOption as TeamOption
from desktop.services.pick_lists import _tuples
from desktop.services.pick_lists import list_nagari as list_nagari
from desktop.services.pick_lists import list_service_categories as list_service_categories
from desktop.services.pick_lists import list_teams as list_teams
from desktop.services.pick_lists import working_days_after as working_days_after
from desktop.services.security import audit
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.sijarla import letters
from desktop.services.sijarla import steps as sijarla
from desktop.services.sop.workflow import effective_due, get_case, office_calendar

LETTER_ROLES = (R.FRONT_DESK, R.KABID_PELAYANAN, R.KEPALA_DINAS)
RECAP_ROLES = (R.KETUA_PELAKSANA_HARIAN, R.KABID_PEMANFAATAN, R.KEPALA_DINAS)

# --- Pick lists --------------------------------------------------------------------------------


# --- One case's letter and disposition -------------------------------------------------------------


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
    attachments: tuple[AttachmentInfo, ...] = ()  # every file of the letter: the scan, then any added
    returned_reason: str = ""
    returned_by: str = ""
    returned_at: dt.datetime | None = None
    origin_note: str = ""  # a case from analysis: the Kepala Dinas' reason, whole


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
        origin_note=case.origin_note,
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
        letter_number=mask_niks_in_text(letter.letter_number),
        letter_date=letter.letter_date,
        received_at=letter.received_at,
        sender=mask_niks_in_text(letter.sender),
        subject=mask_niks_in_text(letter.subject),
        sifat=letter.sifat,
        estimated_people=letter.estimated_people,
        requested=tuple((r.category.name, r.estimated_count) for r in requested),
        scan=_attachment_info(scan) if scan else None,
        attachments=tuple(
            _attachment_info(a)
            for a in Attachment.select().where(Attachment.letter == letter.id).order_by(Attachment.id)
        ),
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
    actor: Session, case_id: int, *, thermal_width: int | None = None, thermal_columns: int = 0
) -> documents.IssuedDocumentInfo:
    """Issue (or find, unchanged) the case's receipt: A4/F4 tanda terima, or the thermal struk
    (`thermal_columns` characters per line; 0: the paper width's own count)."""
    require_role(actor, *LETTER_ROLES)
    letter = IncomingLetter.get_or_none(IncomingLetter.case == case_id)
    if letter is None:
        raise NotFound("Kasus ini tidak berasal dari surat permohonan; tidak ada tanda terima.")
    if thermal_width:
        return documents.issue_document(
            actor, documents.RECEIPT, letter.id, receipt_width=thermal_width, receipt_columns=thermal_columns
        )
    return documents.issue_document(actor, "tanda_terima", letter.id)


def print_thermal_receipt(
    actor: Session, case_id: int, printer_address: str, width: int = 80, columns: int = 0
) -> documents.IssuedDocumentInfo:
    """Issue the case's struk and send it to the receipt printer at `printer_address` (blocks)."""
    from desktop.printing.sinks import sink_from_address

    try:
        sink = sink_from_address(printer_address)
    except ValueError as exc:
        raise WorkflowError(str(exc)) from exc
    info = receipt_document(actor, case_id, thermal_width=width, thermal_columns=columns)
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
        task=letters._default_task(nagari),
        basis=letters._default_basis(case),
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
        basis=_lines(draft.basis or letters._default_basis(case)),
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
