"""The SIJARLA (Sistem Kejar Bola) use cases, from the Surat Permohonan to the team's report.

Each public function is one use case: it runs in one transaction, checks the acting user's
role itself (through the SOP engine), writes the audit log and returns plain dataclasses.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
from collections.abc import Callable
from pathlib import Path

from desktop import roles as R
from desktop.models import (
    AssignmentLetter,
    AssignmentMember,
    Attachment,
    Disposition,
    IncomingLetter,
    PreparationCheck,
    Report,
    RequestedService,
    SopCase,
    db,
)
from desktop.models.base import now
from desktop.services import date_rules
from desktop.services.errors import InvalidInput, NotFound, WorkflowError
from desktop.services.nik import mask_niks_in_text
from desktop.services.office.numbering import take_number
from desktop.services.security import audit, db_logins
from desktop.services.security.auth import require_role, verify_password_again
from desktop.services.session import Session
from desktop.services.sijarla.base import _stale_row
from desktop.services.sijarla.base import case_summary as case_summary
from desktop.services.sijarla.base import dict_of as dict_of
from desktop.services.sijarla.base import summarize as summarize
from desktop.services.sijarla.disposition import _clean_disposition, _signature
from desktop.services.sijarla.disposition import disposition_payload as disposition_payload
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
from desktop.services.sijarla.letters import ANALYSIS_REASON_LIMIT as ANALYSIS_REASON_LIMIT
from desktop.services.sijarla.letters import (
    _checked_assignment,
    _nagari,
    _receipt,
    _tracking_code,
    analysis_title,
    checked_letter,
)
from desktop.services.sijarla.team import _require_team_member, _stale_preparation
from desktop.services.sop.workflow import advance, builtin_sops, get_case, office_calendar, open_case, stale
from desktop.services.validation import clean_code, clean_text

MakeDocument = Callable[[int], object]
"""Makes and archives a signed record's document from its id, inside the signing transaction."""

# --- Drafts (what the user typed) and results ---------------------------------------------


# --- Front desk ----------------------------------------------------------------------------


def register_letter(actor: Session, draft: LetterDraft, *, on: dt.date | None = None) -> LetterReceipt:
    """Register a Surat Permohonan, open its SIJARLA case and return the receipt's data."""
    definition = builtin_sops()[SOP_CODE]
    with db.atomic():
        require_role(actor, *definition.first_step.roles)
        today = on or dt.date.today()
        nagari, values, categories = checked_letter(draft, today)
        case = open_case(
            actor,
            definition,
            reference=take_number("kasus_sijarla", today),
            title=mask_niks_in_text(values["subject"]),  # worklists show it to every desk
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
    """Open a case without a letter, from the Kepala Dinas' analysis of low registration coverage.

    The reason is kept whole (up to ANALYSIS_REASON_LIMIT characters, several lines allowed); the
    case title carries it shortened.
    """
    definition = builtin_sops()[SOP_CODE]
    with db.atomic():
        require_role(actor, R.KEPALA_DINAS)
        nagari = _nagari(nagari_id)
        text = clean_text(reason, "Dasar analisis", ANALYSIS_REASON_LIMIT, field="reason", multiline=True)
        case = open_case(
            actor,
            definition,
            reference=take_number("kasus_sijarla", on or dt.date.today()),
            title=analysis_title(nagari.name, mask_niks_in_text(text), SopCase.title.max_length),
            origin="analisis",
            nagari_id=nagari.id,
            on=on,
            origin_note=text,
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
    make_document: MakeDocument | None = None,
) -> IssuedAssignment:
    """Issue and sign the Surat Tugas for the case's team; the team can start preparing.

    `make_document(letter_id)` makes the signed letter's PDF inside the same transaction
    (documents.signing passes it): a Surat Tugas that cannot be made is not signed either.
    """
    verify_password_again(actor, password)  # before the transaction: a wrong password stays counted
    with db.atomic():
        require_role(actor, R.KEPALA_DINAS)
        case = get_case(case_id)
        if case.current_step != "surat_tugas":
            raise WorkflowError("Surat Tugas hanya dapat diterbitkan setelah disposisi ditandatangani.")
        if case.version != expected_version:
            raise stale(case)
        today = on or dt.date.today()
        members, values = _checked_assignment(case, draft, today)
        letter = AssignmentLetter.create(
            case=case.id,
            number=take_number("surat_tugas", today),
            start_on=draft.start_on,
            end_on=draft.end_on,
            drafted_by=actor.user_id,
            **values,
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
        if make_document is not None:
            make_document(letter.id)
        return IssuedAssignment(
            letter.id, case.id, letter.number, tuple(u.full_name for u in members), actor.full_name, signed_at
        )


def _create_checklist(case: SopCase) -> None:
    for item, label in PREPARATION_ITEMS.items():
        PreparationCheck.insert(case=case.id, item=item, label=label).on_conflict_ignore().execute()


# --- Tim SIJARLA: preparation -------------------------------------------------------------------


# --- Report -----------------------------------------------------------------------------------


# --- Reading ------------------------------------------------------------------------------------


def return_request(actor: Session, case_id: int, reason: str, expected_version: int) -> CaseSummary:
    """Send a request back to the front desk with a reason (e.g. the letter is incomplete)."""
    with db.atomic():
        case = get_case(case_id)
        text = clean_text(reason, "Alasan pengembalian", 1000, field="reason", multiline=True)
        advance(actor, case, "kembalikan", expected_version=expected_version, note=text)
        return summarize(get_case(case_id))


def resubmit_request(
    actor: Session, case_id: int, note: str, expected_version: int, attachments: tuple[ScanFile, ...] = ()
) -> CaseSummary:
    """The front desk sends a returned request back to the Kabid once it is complete, with the
    attachments that were missing (kept with the letter; the history names them)."""
    with db.atomic():
        case = get_case(case_id)
        text = clean_text(note, "Catatan", 1000, field="note", required=False, multiline=True)
        if len(attachments) > 5:
            raise InvalidInput("Paling banyak 5 lampiran sekali kirim.", field="attachments")
        letter = IncomingLetter.get_or_none(IncomingLetter.case == case.id)
        added = [_attach(actor, case, letter, f, "lampiran_susulan").filename for f in attachments]
        if added:
            text = "\n".join(t for t in (text, "Lampiran ditambahkan: " + ", ".join(added)) if t)
        advance(actor, case, "selesai", expected_version=expected_version, note=text)
        return summarize(get_case(case_id))


def save_disposition(
    actor: Session,
    case_id: int,
    draft: DispositionDraft,
    expected_version: int | None = None,
    *,
    on: dt.date | None = None,
) -> int:
    """Write or rewrite the unsigned disposition of a case (on the day `on`, today by default);
    returns its id."""
    with db.atomic():
        case = get_case(case_id)
        require_role(actor, R.KABID_PELAYANAN)
        if case.current_step != "disposisi" or case.status != "berjalan":
            raise WorkflowError("Disposisi hanya dapat ditulis saat kasus menunggu disposisi.")
        letter = IncomingLetter.get_or_none(IncomingLetter.case == case.id)
        values = _clean_disposition(draft, on or dt.date.today(), letter.sifat if letter else "")
        existing = Disposition.get_or_none((Disposition.case == case.id) & Disposition.signed_at.is_null())
        if existing is None:
            row = Disposition.create(case=case.id, letter=letter, drafted_by=actor.user_id, **values)
            audit.record(actor, "disposisi_ditulis", "disposition", row.id)
            return row.id
        version = existing.version if expected_version is None else expected_version
        updated = (
            Disposition.update(version=Disposition.version + 1, updated_at=now(), **values)
            .where((Disposition.id == existing.id) & (Disposition.version == version))
            .where(Disposition.signed_at.is_null())
            .execute()
        )
        if updated != 1:
            raise _stale_row(existing, "Disposisi")
        audit.record(actor, "disposisi_diubah", "disposition", existing.id)
        return existing.id


def sign_disposition(
    actor: Session,
    disposition_id: int,
    password: str,
    expected_version: int,
    *,
    on: dt.date | None = None,
    make_document: MakeDocument | None = None,
) -> SignedDisposition:
    """Sign a disposition (password asked again); it becomes read-only and the case moves on.

    `make_document(disposition_id)` makes the Lembar Disposisi inside the same transaction
    (documents.signing passes it): a disposition whose sheet cannot be made is not signed either.
    """
    verify_password_again(actor, password)  # before the transaction: a wrong password stays counted
    with db.atomic():
        require_role(actor, R.KABID_PELAYANAN)
        d = Disposition.get_or_none(Disposition.id == disposition_id)
        if d is None:
            raise NotFound("Disposisi tidak ditemukan.")
        if d.signed_at is not None:
            raise WorkflowError(f"Disposisi ini sudah ditandatangani pada {d.signed_at:%d-%m-%Y %H:%M}.")
        signed_at = now() if on is None else dt.datetime.combine(on, now().time())
        # A draft written days ago may carry a deadline that has passed since: not signed like that.
        date_rules.deadline(d.deadline, signed_at.date(), office_calendar())
        digest = _signature(disposition_payload(d, actor.user_id, signed_at))
        if not db_logins.sign_row(Disposition, d.id, expected_version, actor.user_id, signed_at, digest):
            raise _stale_row(d, "Disposisi")
        case = get_case(d.case_id)
        SopCase.update(team=d.team_id).where(SopCase.id == case.id).execute()
        advance(actor, case, "selesai", note=f"Disposisi ditandatangani ({digest[:12]})", on=on)
        audit.record(actor, "disposisi_ditandatangani", "disposition", d.id, sha256=digest)
        if make_document is not None:
            make_document(d.id)
        return SignedDisposition(d.id, case.id, actor.full_name, signed_at, digest, expected_version + 1)


def check_preparation(
    actor: Session, case_id: int, item: str, done: bool, note: str, expected_version: int
) -> int:
    """Tick or untick a preparation item (who, when and a note are kept); returns the new version."""
    with db.atomic():
        case = get_case(case_id)
        if case.current_step != "persiapan":
            raise WorkflowError("Daftar persiapan hanya dapat diisi pada tahap persiapan.")
        _require_team_member(actor, case)
        row = PreparationCheck.get_or_none(
            (PreparationCheck.case == case.id)
            & (PreparationCheck.item == clean_code(item, "Butir persiapan", field="item"))
        )
        if row is None:
            raise NotFound("Butir persiapan tidak dikenal.")
        text = clean_text(note, "Catatan", 1000, field="note", required=False, multiline=True)
        updated = (
            PreparationCheck.update(
                is_done=done,
                note=text,
                checked_by=actor.user_id if done else None,
                checked_at=now() if done else None,
                version=PreparationCheck.version + 1,
                updated_at=now(),
            )
            .where((PreparationCheck.id == row.id) & (PreparationCheck.version == expected_version))
            .execute()
        )
        if updated != 1:
            raise _stale_preparation(case, row)
        audit.record(
            actor, "persiapan_dicentang" if done else "persiapan_dibatalkan", "sop_case", case.id, butir=item
        )
        return expected_version + 1


def finish_preparation(
    actor: Session, case_id: int, expected_version: int, note: str = "", *, on: dt.date | None = None
) -> CaseSummary:
    """The team leader closes preparation once every item is done; the team goes to the field."""
    with db.atomic():
        case = get_case(case_id)
        _require_team_member(actor, case, leader=True)
        text = clean_text(note, "Catatan", 1000, required=False, multiline=True)
        advance(actor, case, "selesai", expected_version=expected_version, note=text, on=on)
        return summarize(get_case(case_id))


def _field_work_done(case_id: int) -> None:
    from desktop.services.sijarla.field_status import field_work_pending

    reason = field_work_pending(case_id)
    if reason:
        raise WorkflowError(reason)


def submit_report(
    actor: Session, case_id: int, draft: ReportDraft, expected_version: int, *, on: dt.date | None = None
) -> CaseSummary:
    """The team leader submits the Laporan Pelaksanaan to the Ketua Pelaksana Harian."""
    from desktop.models import ServiceRecord

    with db.atomic():
        case = get_case(case_id)
        if case.current_step != "pelayanan":
            raise WorkflowError("Laporan hanya dapat disampaikan pada tahap pelayanan.")
        _require_team_member(actor, case, leader=True)
        _field_work_done(case.id)
        if not ServiceRecord.select(ServiceRecord.id).where(ServiceRecord.case == case.id).exists():
            raise WorkflowError(
                "Belum ada data pelayanan by name by address; laporan tidak dapat disampaikan."
            )
        values = {
            "introduction": clean_text(draft.introduction, "A. Pendahuluan", 4000, multiline=True),
            "activities": clean_text(draft.activities, "B. Kegiatan", 8000, multiline=True),
            "conclusion": clean_text(draft.conclusion, "D. Simpulan dan saran", 4000, multiline=True),
            "closing": clean_text(draft.closing, "E. Penutup", 2000, multiline=True),
        }
        Report.insert(case=case.id, submitted_by=actor.user_id, submitted_at=now(), **values).on_conflict(
            conflict_target=[Report.case],
            update={
                **values,
                "submitted_by": actor.user_id,
                "submitted_at": now(),
                "version": Report.version + 1,
            },
        ).execute()
        advance(actor, case, "selesai", expected_version=expected_version, note="Laporan disampaikan", on=on)
        return summarize(get_case(case_id))
