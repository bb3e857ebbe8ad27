"""Gathering innovation records into printable data: a step's document and the innovation profile."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from desktop import roles as R
from desktop.models import (
    Innovation,
    InnovationDocument,
    Signer,
    User,
)
from desktop.printing import data as P
from desktop.services.documents.letterhead import (
    _official,
)
from desktop.services.documents.types import (
    _Source,
)
from desktop.services.errors import NotFound, WorkflowError
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.sop.workflow import definition_of

INNOVATION_TITLES = {
    "pointers_konsep": "POINTERS KONSEP INOVASI",
    "catatan_telaahan_kabid": "CATATAN TELAAHAN KABID",
    "catatan_tindak_lanjut": "CATATAN TINDAK LANJUT KEPALA DINAS",
    "draft_inovasi": "DRAFT INOVASI",
    "notulen_penyempurnaan": "NOTULEN PENYEMPURNAAN KONSEP",
    "konsep_final": "KONSEP FINAL INOVASI",
    "nama_inovasi": "NAMA INOVASI",
    "output_inovasi": "OUTPUT INOVASI",
}


def _may_issue_step_document(actor: Session, document_id: int) -> None:
    """A step document is issued by the roles of its step, the Kepala Dinas or the Kasi Inovasi."""
    row = InnovationDocument.get_or_none(InnovationDocument.id == document_id)
    if row is None:
        raise NotFound("Dokumen inovasi tidak ditemukan.")
    step = definition_of(row.innovation.case).step(row.step_code)
    require_role(actor, *dict.fromkeys((*step.roles, R.KEPALA_DINAS, R.KASI_INOVASI)))


_ISSUE_CHECKS: dict[str, Callable[[Session, int], None]] = {"dokumen_inovasi": _may_issue_step_document}


def _innovation_document(document_id: int, head: P.Letterhead) -> _Source:
    row = InnovationDocument.get_or_none(InnovationDocument.id == document_id)
    if row is None:
        raise NotFound("Dokumen inovasi tidak ditemukan.")
    innovation = row.innovation
    case = innovation.case
    definition = definition_of(case)
    step = definition.step(row.step_code)
    title = INNOVATION_TITLES.get(row.kind, row.kind.replace("_", " ").upper())
    author = _official(row.author)
    sidik = hashlib.sha256(row.body.encode("utf-8")).hexdigest()
    doc = P.InnovationStepDoc(
        letterhead=head,
        title=title,
        case_reference=case.reference,
        innovation_title=innovation.title,
        step_label=f"{step.number} dari {len(definition.steps)}: {step.name}",
        written_at=row.written_at,
        body=row.body,
        author=author,
        sign_off=P.ElectronicSignOff(author, row.written_at, sidik),
        chosen_name=innovation.chosen_name or "",
    )
    return _Source(doc, f"{row.title} ({case.reference})", case.id)


def _innovation_profile(innovation_id: int, head: P.Letterhead) -> _Source:
    from desktop.services.inovasi import steps as inovasi

    innovation = Innovation.get_or_none(Innovation.id == innovation_id)
    if innovation is None:
        raise NotFound("Inovasi tidak ditemukan.")
    profile = inovasi.innovation_profile(innovation_id)
    case = innovation.case
    definition = definition_of(case)
    timeline = [e for e in profile.timeline if e.action is not None]
    lines = []
    rejected_at = next((e for e in reversed(timeline) if e.action == "tolak"), None)
    for step in definition.steps:
        taken = [e for e in timeline if e.step_code == step.code]
        last = taken[-1] if taken else None
        running = case.status == "berjalan" and case.current_step == step.code
        rejected = rejected_at is not None and last is rejected_at
        lines.append(
            P.InnovationTimelineLine(
                number=step.number,
                step=step.name,
                planned=case.step_due_on if running else (last.due_on if last else None),
                actual=last.done_on if last and not running else None,
                actor=last.actor if last and not running else "",
                rounds=len(taken),
                late_working_days=last.late_working_days if last and not running else 0,
                running=running,
                rejected=rejected,
                # A rejected innovation's later steps are not pending ("belum"): they will not come.
                not_continued=case.status == "ditolak" and not taken,
            )
        )
    done = [e.done_on for e in timeline if e.done_on]
    out = profile.outputs
    days = [*done, *(d for d in (out.last_day,) if d)]
    status = case.status
    if case.status == "berjalan":
        step_now = definition.step(case.current_step)
        status = f"berjalan, langkah {step_now.number}: {step_now.name}"
    elif case.status == "ditolak" and rejected_at is not None:
        status = f"ditolak pada langkah {rejected_at.step_number}: {rejected_at.step_name}"
    doc = P.InnovationProfileDoc(
        letterhead=head,
        name=profile.name,
        title=profile.title,
        case_reference=profile.reference,
        year=innovation.year,
        problem=profile.problem,
        target=profile.target,
        concept=profile.concept,
        mechanism=profile.mechanism,
        resources=profile.resources,
        schedule=profile.schedule,
        indicators=profile.indicators,
        status=status,
        output_entries=out.entries,
        output_days=out.days,
        people_served=out.people_served,
        output_first=out.first_day,
        output_last=out.last_day,
        timeline=tuple(lines),
        signed_on=max(days, default=case.opened_at.date()),
        signer=_head_of_office(innovation),
        name_meaning=profile.name_meaning,
    )
    return _Source(doc, f"Profil Inovasi {profile.name} ({case.reference})", case.id)


def _head_of_office(innovation: Innovation) -> P.Official:
    """The Kepala Dinas per the Signer settings, else who decided the name, else the role's holder."""
    signer = Signer.get_or_none(Signer.purpose == "kepala_dinas")
    if signer is not None:
        return _official(signer.user, signer.title)
    decided = User.get_or_none(User.id == innovation.name_decided_by_id)
    if decided is not None:
        return _official(decided, "Kepala Dinas")
    from desktop.models import Role, UserRole

    holder = (
        User.select()
        .join(UserRole)
        .join(Role)
        .where((Role.code == R.KEPALA_DINAS) & User.is_active)
        .order_by(User.id)
        .first()
    )
    if holder is None:
        raise WorkflowError("Belum ada Kepala Dinas untuk menandatangani profil inovasi.")
    return _official(holder, "Kepala Dinas")
