"""Steps 4 to 6, the meetings: the first discussion (go or no-go), approval by all, the technical one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from desktop import roles as R
from desktop.models import (
    Innovation,
    InnovationDocument,
    Meeting,
    MeetingParticipant,
    db,
)
from desktop.models.base import now
from desktop.sections import write_sections
from desktop.services.errors import InvalidInput, PermissionDenied, WorkflowError
from desktop.services.inovasi.base import (
    _advance,
    _attach,
    _begin,
    _document,
    _finalization_meeting,
    _held_on,
    _holders,
    _meeting,
    _meeting_view,
    _participants,
    _stamp,
    _text,
)
from desktop.services.inovasi.drafts import (
    CONCEPT_SECTIONS,
    FINALISASI,
    PEMBAHASAN_AWAL,
    PEMBAHASAN_TEKNIS,
    FileUpload,
    FinalConcept,
    InnovationSummary,
    MeetingDraft,
    MeetingView,
)
from desktop.services.inovasi.views import innovation_profile as innovation_profile
from desktop.services.inovasi.views import innovation_summary as innovation_summary
from desktop.services.inovasi.views import innovation_timeline as innovation_timeline
from desktop.services.inovasi.views import list_innovations as list_innovations
from desktop.services.inovasi.views import meetings as meetings
from desktop.services.inovasi.views import output_totals as output_totals
from desktop.services.security import audit
from desktop.services.session import Session


def decide_first_discussion(
    actor: Session,
    innovation_id: int,
    draft: MeetingDraft,
    expected_version: int,
    *,
    on: dt.date | None = None,
) -> InnovationSummary:
    """Record the first discussion: 'ya' writes the draft inovasi, 'tidak' returns or rejects it."""
    with db.atomic():
        innovation, case, _ = _begin(actor, innovation_id, PEMBAHASAN_AWAL, expected_version)
        if draft.decision not in ("ya", "tidak"):
            raise InvalidInput("Keputusan rapat harus 'ya' atau 'tidak'.", field="decision")
        if draft.decision == "ya" and draft.close_as_rejected:
            raise InvalidInput("Gagasan yang diputuskan 'ya' tidak dapat ditolak.", field="decision")
        reason = _text(
            draft.reason,
            "Alasan keputusan",
            Meeting.reason,
            "reason",
            required=draft.decision == "tidak",
            multiline=True,
        )
        _held_on(draft.held_on, on)
        users = _participants(draft.participant_ids, (R.PEJABAT_STRUKTURAL,), "pejabat struktural")
        meeting = _meeting(actor, innovation, PEMBAHASAN_AWAL, draft.held_on, draft.place, users)
        Meeting.update(
            decision=draft.decision, reason=reason, version=Meeting.version + 1, updated_at=now()
        ).where(Meeting.id == meeting.id).execute()
        if draft.decision == "ya":
            body = _draft_body(innovation, draft.draft, reason)
            _document(actor, innovation, case, PEMBAHASAN_AWAL, body, on)
            action = "ya"
        else:
            action = "tolak" if draft.close_as_rejected else "tidak"
        _advance(actor, case, action, expected_version, reason, on)
        audit.record(
            actor, "pembahasan_awal", "innovation", innovation.id, keputusan=action, rapat=meeting.id
        )
        return innovation_summary(innovation.id)


def _draft_body(innovation: Innovation, typed: str, reason: str) -> str:
    text = _text(typed, "Draft inovasi", InnovationDocument.body, "draft", required=False, multiline=True)
    if text:
        return text
    return write_sections(
        [
            ("Judul", innovation.title),
            ("Permasalahan", innovation.problem),
            ("Sasaran", innovation.target),
            ("Konsep", innovation.pointers),
            ("Hasil pembahasan awal", reason),
        ]
    )


def open_finalization(
    actor: Session,
    innovation_id: int,
    held_on: dt.date,
    place: str,
    participant_ids: Sequence[int],
) -> MeetingView:
    """Open the finalization meeting (step 5); each participant then approves the draft themselves."""
    with db.atomic():
        innovation, case, _ = _begin(actor, innovation_id, FINALISASI, None)
        if _finalization_meeting(innovation.id) is not None:
            raise WorkflowError("Rapat finalisasi konsep untuk inovasi ini sudah dibuka.")
        users = _participants(participant_ids, (R.PEJABAT_STRUKTURAL,), "pejabat struktural")
        meeting = _meeting(actor, innovation, FINALISASI, held_on, place, users)
        audit.record(actor, "rapat_finalisasi_dibuka", "meeting", meeting.id, peserta=len(users))
        return _meeting_view(meeting.id)


def approve_draft(
    actor: Session, innovation_id: int, approve: bool, comment: str = "", *, on: dt.date | None = None
) -> MeetingView:
    """A participant of the finalization meeting approves (or not, with a reason) the draft inovasi."""
    with db.atomic():
        innovation, case, _ = _begin(actor, innovation_id, FINALISASI, None)
        meeting = _finalization_meeting(innovation.id)
        if meeting is None:
            raise WorkflowError("Rapat finalisasi konsep belum dibuka.")
        row = MeetingParticipant.get_or_none(
            (MeetingParticipant.meeting == meeting.id) & (MeetingParticipant.user == actor.user_id)
        )
        if row is None:
            raise PermissionDenied("Hanya peserta rapat finalisasi konsep yang dapat memberi persetujuan.")
        text = _text(
            comment, "Catatan", MeetingParticipant.comment, "comment", required=not approve, multiline=True
        )
        MeetingParticipant.update(approved=approve, approved_at=_stamp(on), comment=text).where(
            MeetingParticipant.id == row.id
        ).execute()
        audit.record(actor, "draft_disetujui" if approve else "draft_tidak_disetujui", "meeting", meeting.id)
        return _meeting_view(meeting.id)


def finish_finalization(
    actor: Session,
    innovation_id: int,
    minutes: FileUpload,
    expected_version: int,
    *,
    on: dt.date | None = None,
) -> InnovationSummary:
    """Attach the notulen and close step 5; refused until every participant has approved."""
    with db.atomic():
        innovation, case, _ = _begin(actor, innovation_id, FINALISASI, expected_version)
        meeting = _finalization_meeting(innovation.id)
        if meeting is None:
            raise WorkflowError("Rapat finalisasi konsep belum dibuka.")
        attachment = _attach(actor, case, FINALISASI, minutes[0], minutes[1], "notulen")
        view = _meeting_view(meeting.id)
        lines = [
            f"- {p.full_name}: {'setuju' if p.approved else 'belum/tidak setuju'}"
            + (f" ({p.comment})" if p.comment else "")
            for p in view.participants
        ]
        body = write_sections(
            [
                ("Rapat", f"{meeting.held_on:%d-%m-%Y}, {meeting.place or '-'}"),
                ("Persetujuan peserta", "\n".join(lines)),
                ("Notulen", f"{attachment.filename} (SHA-256 {attachment.sha256})"),
            ]
        )
        _document(actor, innovation, case, FINALISASI, body, on)
        Meeting.update(decision="ya", version=Meeting.version + 1, updated_at=now()).where(
            Meeting.id == meeting.id
        ).execute()
        _advance(actor, case, "selesai", expected_version, "", on)
        return innovation_summary(innovation.id)


def finalization_status(innovation_id: int) -> MeetingView | None:
    """The finalization meeting with each participant's approval, or None before it is opened."""
    meeting = _finalization_meeting(innovation_id)
    return None if meeting is None else _meeting_view(meeting.id)


def record_technical_discussion(
    actor: Session,
    innovation_id: int,
    concept: FinalConcept,
    participant_ids: Sequence[int],
    expected_version: int,
    *,
    held_on: dt.date | None = None,
    place: str = "",
    on: dt.date | None = None,
) -> InnovationSummary:
    """The technical discussion with ADB / pelaksana teknis; its output is the konsep final."""
    with db.atomic():
        innovation, case, _ = _begin(actor, innovation_id, PEMBAHASAN_TEKNIS, expected_version)
        day = held_on or on or dt.date.today()
        _held_on(day, on)
        allowed = (R.PEJABAT_STRUKTURAL, R.PELAKSANA_TEKNIS)
        users = _participants(participant_ids, allowed, "pejabat struktural atau ADB/pelaksana teknis")
        if not _holders(users, (R.PELAKSANA_TEKNIS,)):
            raise InvalidInput(
                "Pembahasan teknis harus diikuti paling sedikit satu ADB/pelaksana teknis.",
                field="participants",
            )
        limit = InnovationDocument.body.max_length // (len(CONCEPT_SECTIONS) + 1)
        parts = [
            (heading, _text(getattr(concept, field), heading, limit, field, multiline=True))
            for field, heading in CONCEPT_SECTIONS
        ]
        meeting = _meeting(actor, innovation, PEMBAHASAN_TEKNIS, day, place, users)
        _document(actor, innovation, case, PEMBAHASAN_TEKNIS, write_sections(parts), on)
        _advance(actor, case, "selesai", expected_version, "", on)
        audit.record(actor, "konsep_final", "innovation", innovation.id, rapat=meeting.id)
        return innovation_summary(innovation.id)
