"""The SIJARLA (Sistem Kejar Bola) use cases, from the Surat Permohonan to the team's report.

Each public function is one use case: it runs in one transaction, checks the acting user's
role itself (through the SOP engine), writes the audit log and returns plain dataclasses.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
import secrets
from pathlib import Path

from desktop import roles as R
from desktop.models import (
    AssignmentLetter,
    AssignmentMember,
    Attachment,
    IncomingLetter,
    Nagari,
    PreparationCheck,
    RequestedService,
    ServiceCategory,
    SopCase,
    User,
    db,
)
from desktop.models.base import now
from desktop.services.errors import InvalidInput, NotFound, WorkflowError
from desktop.services.office.numbering import take_number
from desktop.services.security import audit, db_logins
from desktop.services.security.auth import require_role, verify_password_again
from desktop.services.session import Session
from desktop.services.sijarla.base import _stale_row
from desktop.services.sijarla.base import case_summary as case_summary
from desktop.services.sijarla.base import dict_of as dict_of
from desktop.services.sijarla.base import summarize as summarize
from desktop.services.sijarla.disposition import _signature
from desktop.services.sijarla.disposition import disposition_payload as disposition_payload
from desktop.services.sijarla.disposition import resubmit_request as resubmit_request
from desktop.services.sijarla.disposition import return_request as return_request
from desktop.services.sijarla.disposition import save_disposition as save_disposition
from desktop.services.sijarla.disposition import sign_disposition as sign_disposition
from desktop.services.sijarla.drafts import DISPOSITION_REQUESTS as DISPOSITION_REQUESTS
from desktop.services.sijarla.drafts import MAX_SCAN_BYTES as MAX_SCAN_BYTES
from desktop.services.sijarla.drafts import PREPARATION_ITEMS as PREPARATION_ITEMS
from desktop.services.sijarla.drafts import SIFAT as SIFAT
from desktop.services.sijarla.drafts import SOP_CODE as SOP_CODE
from desktop.services.sijarla.drafts import AssignmentDraft as AssignmentDraft
from desktop.services.sijarla.drafts import CaseSummary as CaseSummary
from desktop.services.sijarla.drafts import DispositionDraft as DispositionDraft
from desktop.services.sijarla.drafts import IssuedAssignment as IssuedAssignment
from desktop.services.sijarla.drafts import LetterDraft as LetterDraft
from desktop.services.sijarla.drafts import LetterReceipt as LetterReceipt
from desktop.services.sijarla.drafts import ReportDraft as ReportDraft
from desktop.services.sijarla.drafts import ScanFile as ScanFile
from desktop.services.sijarla.drafts import SignedDisposition as SignedDisposition
from desktop.services.sijarla.team import check_preparation as check_preparation
from desktop.services.sijarla.team import finish_preparation as finish_preparation
from desktop.services.sijarla.team import submit_report as submit_report
from desktop.services.sop.workflow import advance, builtin_sops, get_case, open_case, stale
from desktop.services.validation import clean_code, clean_text

# --- Drafts (what the user typed) and results ---------------------------------------------


# --- Front desk ----------------------------------------------------------------------------


def register_letter(actor: Session, draft: LetterDraft, *, on: dt.date | None = None) -> LetterReceipt:
    """Register a Surat Permohonan, open its SIJARLA case and return the receipt's data."""
    definition = builtin_sops()[SOP_CODE]
    with db.atomic():
        require_role(actor, *definition.first_step.roles)
        nagari = _nagari(draft.nagari_id)
        values = _clean_letter(draft)
        categories = _categories(draft.requested)
        today = on or dt.date.today()
        case = open_case(
            actor,
            definition,
            reference=take_number("kasus_sijarla", today),
            title=values["subject"],
            origin="surat",
            nagari_id=nagari.id,
            on=on,
        )
        letter = IncomingLetter.create(
            case=case.id,
            agenda_number=take_number("agenda", today),
            tracking_code=_tracking_code(),
            registered_by=actor.user_id,
            nagari=nagari.id,
            received_at=case.opened_at,
            **values,
        )
        for category, count in categories:
            RequestedService.create(letter=letter.id, category=category.id, estimated_count=count)
        if draft.scan is not None:
            _attach(actor, case, letter, draft.scan, "scan_permohonan")
        advance(actor, case, "selesai", note=f"Agenda {letter.agenda_number}", on=on)
        audit.record(actor, "surat_masuk_dicatat", "incoming_letter", letter.id, agenda=letter.agenda_number)
        return _receipt(letter)


def _clean_letter(draft: LetterDraft) -> dict:
    if draft.sifat not in SIFAT:
        raise InvalidInput("Sifat surat tidak dikenal.", field="sifat")
    if draft.letter_date > dt.date.today() + dt.timedelta(days=1):
        raise InvalidInput("Tanggal surat tidak boleh di masa depan.", field="letter_date")
    if not 0 <= draft.estimated_people <= 100_000:
        raise InvalidInput("Perkiraan jumlah orang 0 sampai 100.000.", field="estimated_people")
    return {
        "letter_number": clean_text(draft.letter_number, "Nomor surat", 80, field="letter_number"),
        "letter_date": draft.letter_date,
        "sender": clean_text(draft.sender, "Pengirim", 160, field="sender"),
        "subject": clean_text(draft.subject, "Perihal", 300, field="subject"),
        "sifat": draft.sifat,
        "estimated_people": draft.estimated_people or sum(max(0, n) for n in draft.requested.values()),
    }


def _categories(requested: dict[str, int]) -> list[tuple[ServiceCategory, int]]:
    if not requested:
        raise InvalidInput("Pilih paling sedikit satu jenis layanan yang dimohon.", field="requested")
    for code in requested:
        clean_code(code, "Jenis layanan", field="requested")
    found = {c.code: c for c in ServiceCategory.select().where(ServiceCategory.code.in_(list(requested)))}
    result = []
    for code, count in requested.items():
        if code not in found:
            raise InvalidInput(f"Jenis layanan '{code}' tidak dikenal.", field="requested")
        if not 0 <= count <= 100_000:
            raise InvalidInput("Perkiraan jumlah per layanan 0 sampai 100.000.", field="requested")
        result.append((found[code], count))
    return result


def _nagari(nagari_id: int) -> Nagari:
    nagari = Nagari.get_or_none(Nagari.id == nagari_id)
    if nagari is None or not nagari.is_active:
        raise InvalidInput("Nagari tidak dikenal.", field="nagari")
    return nagari


def _tracking_code() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone
    return "SJ-" + "".join(secrets.choice(alphabet) for _ in range(8))


def _attach(actor: Session, case: SopCase, letter, scan: ScanFile, purpose: str) -> Attachment:
    if not scan.content:
        raise InvalidInput("Berkas pindaian kosong.", field="scan")
    if len(scan.content) > MAX_SCAN_BYTES:
        raise InvalidInput(
            "Berkas pindaian lebih dari 50 MB; pindai ulang dengan resolusi lebih kecil.", field="scan"
        )
    filename = clean_text(Path(scan.filename).name, "Nama berkas", 255, field="scan")
    mime = scan.mime_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return Attachment.create(
        case=case.id,
        letter=letter.id if letter else None,
        step_code=case.current_step,
        purpose=purpose,
        filename=filename,
        mime_type=mime[:100],
        size_bytes=len(scan.content),
        sha256=hashlib.sha256(scan.content).hexdigest(),
        content=scan.content,
        uploaded_by=actor.user_id,
    )


def _receipt(letter: IncomingLetter) -> LetterReceipt:
    nagari = letter.nagari
    requested = tuple(
        (r.category.name, r.estimated_count)
        for r in RequestedService.select(RequestedService, ServiceCategory)
        .join(ServiceCategory)
        .where(RequestedService.letter == letter.id)
        .order_by(ServiceCategory.sort_order)
    )
    case = letter.case
    return LetterReceipt(
        case_id=case.id,
        case_reference=case.reference,
        agenda_number=letter.agenda_number,
        tracking_code=letter.tracking_code,
        received_at=letter.received_at,
        letter_number=letter.letter_number,
        sender=letter.sender,
        nagari=nagari.name,
        kecamatan=nagari.kecamatan.name,
        subject=letter.subject,
        due_on=case.due_on,
        requested=requested,
    )


def receipt_for(actor: Session, case_id: int) -> LetterReceipt:
    """The receipt data again, for a reprint."""
    require_role(actor, R.FRONT_DESK, R.KABID_PELAYANAN, R.KEPALA_DINAS)
    letter = IncomingLetter.get_or_none(IncomingLetter.case == case_id)
    if letter is None:
        raise NotFound("Kasus ini tidak berasal dari surat permohonan.")
    audit.record(actor, "tanda_terima_dibaca", "incoming_letter", letter.id)
    return _receipt(letter)


# --- Kepala Dinas: a case from the analysis of low coverage ---------------------------------


def open_from_analysis(
    actor: Session, nagari_id: int, reason: str, *, on: dt.date | None = None
) -> CaseSummary:
    """Open a case without a letter, from the Kepala Dinas' analysis of low registration coverage."""
    definition = builtin_sops()[SOP_CODE]
    with db.atomic():
        require_role(actor, R.KEPALA_DINAS)
        nagari = _nagari(nagari_id)
        text = clean_text(reason, "Dasar analisis", 300, field="reason")
        case = open_case(
            actor,
            definition,
            reference=take_number("kasus_sijarla", on or dt.date.today()),
            title=f"Capaian adminduk rendah: {nagari.name}. {text}"[:300],
            origin="analisis",
            nagari_id=nagari.id,
            on=on,
        )
        return summarize(case)


# --- Kabid Pelayanan: check, return, dispose and sign ----------------------------------------


# --- Kepala Dinas: Surat Tugas ---------------------------------------------------------------


def issue_assignment(
    actor: Session,
    case_id: int,
    draft: AssignmentDraft,
    password: str,
    expected_version: int,
    *,
    on: dt.date | None = None,
) -> IssuedAssignment:
    """Issue and sign the Surat Tugas for the case's team; the team can start preparing."""
    verify_password_again(actor, password)  # before the transaction: a wrong password stays counted
    with db.atomic():
        require_role(actor, R.KEPALA_DINAS)
        case = get_case(case_id)
        if case.current_step != "surat_tugas":
            raise WorkflowError("Surat Tugas hanya dapat diterbitkan setelah disposisi ditandatangani.")
        if case.version != expected_version:
            raise stale(case)
        members = _assignment_members(draft.member_ids)
        if draft.end_on < draft.start_on:
            raise InvalidInput("Tanggal selesai tidak boleh sebelum tanggal mulai.", field="end_on")
        today = on or dt.date.today()
        nagari = case.nagari
        place = clean_text(draft.place, "Tempat", 200, field="place")
        letter = AssignmentLetter.create(
            case=case.id,
            number=take_number("surat_tugas", today),
            basis=clean_text(
                draft.basis or _default_basis(case), "Dasar", 2000, field="basis", multiline=True
            ),
            task=clean_text(
                draft.task or _default_task(nagari.name if nagari else place),
                "Untuk",
                2000,
                field="task",
                multiline=True,
            ),
            place=place,
            start_on=draft.start_on,
            end_on=draft.end_on,
            copies_to=clean_text(
                draft.copies_to, "Tembusan", 1000, field="copies_to", required=False, multiline=True
            ),
            drafted_by=actor.user_id,
        )
        for position, user in enumerate(members, start=1):
            AssignmentMember.create(
                letter=letter.id,
                user=user.id,
                position=position,
                full_name=user.full_name,
                nip=user.nip,
                pangkat_golongan=user.pangkat_golongan,
                jabatan=user.jabatan,
                is_leader=position == 1,
            )
        signed_at = now() if on is None else dt.datetime.combine(on, now().time())
        payload = {
            "surat_tugas": letter.id,
            "nomor": letter.number,
            "anggota": [u.id for u in members],
            "untuk": letter.task,
            "tempat": letter.place,
            "mulai": str(letter.start_on),
            "selesai": str(letter.end_on),
            "penandatangan": actor.user_id,
            "waktu": signed_at.isoformat(),
        }
        digest = _signature(payload)
        if not db_logins.sign_row(
            AssignmentLetter, letter.id, letter.version, actor.user_id, signed_at, digest
        ):
            raise _stale_row(letter, "Surat Tugas")
        _create_checklist(case)
        advance(
            actor,
            case,
            "selesai",
            expected_version=expected_version,
            note=f"Surat Tugas {letter.number}",
            on=on,
        )
        audit.record(actor, "surat_tugas_diterbitkan", "assignment_letter", letter.id, nomor=letter.number)
        return IssuedAssignment(
            letter.id, case.id, letter.number, tuple(u.full_name for u in members), actor.full_name, signed_at
        )


def _assignment_members(member_ids: tuple[int, ...]) -> list[User]:
    if not member_ids:
        raise InvalidInput("Pilih anggota tim yang ditugaskan.", field="members")
    if len(set(member_ids)) != len(member_ids):
        raise InvalidInput("Seorang anggota tercantum dua kali.", field="members")
    users = {u.id: u for u in User.select().where(User.id.in_(list(member_ids)) & User.is_active)}
    missing = [i for i in member_ids if i not in users]
    if missing:
        raise InvalidInput("Anggota tim tidak dikenal atau tidak aktif.", field="members")
    return [users[i] for i in member_ids]


def _default_basis(case: SopCase) -> str:
    letter = IncomingLetter.get_or_none(IncomingLetter.case == case.id)
    lines = ["Standar Operasional Prosedur Inovasi SIJARLA (Sistem Kejar Bola)"]
    if letter:
        lines.append(
            f"Surat {letter.sender} Nomor {letter.letter_number} tanggal {letter.letter_date:%d-%m-%Y} "
            f"perihal {letter.subject}"
        )
    return "\n".join(lines)


def _default_task(place: str) -> str:
    return (
        f"Melaksanakan pelayanan dokumen kependudukan (SIJARLA) di Nagari {place}, "
        "mencatat setiap pelayanan by name by address, dan melaporkan hasilnya."
    )


def _create_checklist(case: SopCase) -> None:
    for item, label in PREPARATION_ITEMS.items():
        PreparationCheck.insert(case=case.id, item=item, label=label).on_conflict_ignore().execute()


# --- Tim SIJARLA: preparation -------------------------------------------------------------------


# --- Report -----------------------------------------------------------------------------------


# --- Reading ------------------------------------------------------------------------------------
