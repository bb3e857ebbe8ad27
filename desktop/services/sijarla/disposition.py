"""Kabid Pelayanan: check the request, return it or write the disposition, and sign it off."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from desktop import roles as R
from desktop.models import (
    Disposition,
    IncomingLetter,
    SopCase,
    Team,
    TeamMember,
    db,
)
from desktop.models.base import now
from desktop.services.errors import InvalidInput, NotFound, WorkflowError
from desktop.services.security import audit, db_logins
from desktop.services.security.auth import require_role, verify_password_again
from desktop.services.session import Session
from desktop.services.sijarla.base import _stale_row, summarize
from desktop.services.sijarla.drafts import (
    DISPOSITION_REQUESTS,
    SIFAT,
    CaseSummary,
    DispositionDraft,
    SignedDisposition,
)
from desktop.services.sop.workflow import advance, get_case, requirement_check
from desktop.services.validation import clean_text


def return_request(actor: Session, case_id: int, reason: str, expected_version: int) -> CaseSummary:
    """Send a request back to the front desk with a reason (e.g. the letter is incomplete)."""
    with db.atomic():
        case = get_case(case_id)
        text = clean_text(reason, "Alasan pengembalian", 1000, field="reason", multiline=True)
        advance(actor, case, "kembalikan", expected_version=expected_version, note=text)
        return summarize(get_case(case_id))


def resubmit_request(actor: Session, case_id: int, note: str, expected_version: int) -> CaseSummary:
    """The front desk sends a returned request back to the Kabid once it is complete."""
    with db.atomic():
        case = get_case(case_id)
        text = clean_text(note, "Catatan", 1000, field="note", required=False, multiline=True)
        advance(actor, case, "selesai", expected_version=expected_version, note=text)
        return summarize(get_case(case_id))


def save_disposition(
    actor: Session, case_id: int, draft: DispositionDraft, expected_version: int | None = None
) -> int:
    """Write or rewrite the unsigned disposition of a case; returns its id."""
    with db.atomic():
        case = get_case(case_id)
        require_role(actor, R.KABID_PELAYANAN)
        if case.current_step != "disposisi" or case.status != "berjalan":
            raise WorkflowError("Disposisi hanya dapat ditulis saat kasus menunggu disposisi.")
        values = _clean_disposition(draft)
        existing = Disposition.get_or_none((Disposition.case == case.id) & Disposition.signed_at.is_null())
        if existing is None:
            letter = IncomingLetter.get_or_none(IncomingLetter.case == case.id)
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


def _clean_disposition(draft: DispositionDraft) -> dict:
    if draft.sifat not in SIFAT:
        raise InvalidInput("Sifat disposisi tidak dikenal.", field="sifat")
    unknown = [r for r in draft.requests if r not in DISPOSITION_REQUESTS]
    if unknown or not draft.requests:
        raise InvalidInput("Pilih paling sedikit satu 'dengan hormat harap' yang dikenal.", field="requests")
    team = Team.get_or_none(Team.id == draft.team_id)
    if team is None or not team.is_active:
        raise InvalidInput("Tim SIJARLA tidak dikenal atau tidak aktif.", field="team")
    if draft.deadline < dt.date.today() - dt.timedelta(days=366):
        raise InvalidInput("Batas waktu tidak masuk akal.", field="deadline")
    return {
        "instructions": clean_text(
            draft.instructions, "Isi disposisi", 4000, field="instructions", multiline=True
        ),
        "forwarded_to": clean_text(draft.forwarded_to, "Diteruskan kepada", 200, field="forwarded_to"),
        "requests": ",".join(draft.requests),
        "sifat": draft.sifat,
        "team": team.id,
        "deadline": draft.deadline,
    }


def _signature(payload: dict) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def disposition_payload(d: Disposition, signer_id: int, signed_at: dt.datetime) -> dict:
    """The content a disposition signature covers."""
    return {
        "disposisi": d.id,
        "kasus": d.case_id,
        "surat": d.letter_id,
        "sifat": d.sifat,
        "diteruskan": d.forwarded_to,
        "harap": d.requests,
        "isi": d.instructions,
        "tim": d.team_id,
        "batas": d.deadline.isoformat(),
        "penandatangan": signer_id,
        "waktu": signed_at.isoformat(),
    }


def sign_disposition(
    actor: Session, disposition_id: int, password: str, expected_version: int, *, on: dt.date | None = None
) -> SignedDisposition:
    """Sign a disposition (password asked again); it becomes read-only and the case moves on."""
    verify_password_again(actor, password)  # before the transaction: a wrong password stays counted
    with db.atomic():
        require_role(actor, R.KABID_PELAYANAN)
        d = Disposition.get_or_none(Disposition.id == disposition_id)
        if d is None:
            raise NotFound("Disposisi tidak ditemukan.")
        if d.signed_at is not None:
            raise WorkflowError(f"Disposisi ini sudah ditandatangani pada {d.signed_at:%d-%m-%Y %H:%M}.")
        signed_at = now() if on is None else dt.datetime.combine(on, now().time())
        digest = _signature(disposition_payload(d, actor.user_id, signed_at))
        if not db_logins.sign_row(Disposition, d.id, expected_version, actor.user_id, signed_at, digest):
            raise _stale_row(d, "Disposisi")
        case = get_case(d.case_id)
        SopCase.update(team=d.team_id).where(SopCase.id == case.id).execute()
        advance(actor, case, "selesai", note=f"Disposisi ditandatangani ({digest[:12]})", on=on)
        audit.record(actor, "disposisi_ditandatangani", "disposition", d.id, sha256=digest)
        return SignedDisposition(d.id, case.id, actor.full_name, signed_at, digest, expected_version + 1)


@requirement_check("surat_permohonan")
def _letter_registered(case: SopCase) -> str | None:
    exists = IncomingLetter.select().where(IncomingLetter.case == case.id).exists()
    return None if exists else "Surat Permohonan belum dicatat."


@requirement_check("kesiapan_tim")
def _team_ready(case: SopCase) -> str | None:
    d = Disposition.get_or_none((Disposition.case == case.id) & Disposition.signed_at.is_null(False))
    team_id = d.team_id if d else case.team_id
    if team_id is None:
        d = Disposition.get_or_none(Disposition.case == case.id)
        team_id = d.team_id if d else None
    if team_id is None:
        return "Belum ada tim yang ditugaskan."
    members = TeamMember.select().where(TeamMember.team == team_id)
    if not any(m.is_leader for m in members):
        return "Tim belum memiliki ketua."
    return None
