"""The Inovasi Pelayanan Publik use cases: from an idea to a named, running innovation (8 steps).

Each public function is one use case: it runs in one transaction, checks the acting user's
role itself (through the SOP engine's open_case/advance and require_role), leaves the step's
output document (an InnovationDocument whose kind is the step's output code) and returns plain
dataclasses. Time limits are the SOP file's, in working days, kept by the engine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from desktop import roles as R
from desktop.models import (
    CaseStep,
    Innovation,
    InnovationDocument,
    Meeting,
    MeetingParticipant,
    NameOption,
    OutputLog,
    SopCase,
    db,
)
from desktop.models.base import now
from desktop.printing.text import date_range_id, long_date_id
from desktop.sections import write_sections
from desktop.services.errors import InvalidInput, PermissionDenied, WorkflowError
from desktop.services.inovasi.base import (
    _advance,
    _attach,
    _begin,
    _clean_idea,
    _document,
    _finalization_meeting,
    _held_on,
    _holders,
    _meeting,
    _meeting_view,
    _name_options,
    _output_day,
    _participants,
    _stamp,
    _text,
    _write_pointers,
)
from desktop.services.inovasi.discussions import _draft_body
from desktop.services.inovasi.discussions import finalization_status as finalization_status
from desktop.services.inovasi.drafts import CATATAN_KABID as CATATAN_KABID
from desktop.services.inovasi.drafts import CONCEPT_SECTIONS as CONCEPT_SECTIONS
from desktop.services.inovasi.drafts import DRAFT as DRAFT
from desktop.services.inovasi.drafts import FINALISASI as FINALISASI
from desktop.services.inovasi.drafts import IDE as IDE
from desktop.services.inovasi.drafts import KONSEP_FINAL as KONSEP_FINAL
from desktop.services.inovasi.drafts import MAX_FILE_BYTES as MAX_FILE_BYTES
from desktop.services.inovasi.drafts import MAX_PEOPLE_PER_DAY as MAX_PEOPLE_PER_DAY
from desktop.services.inovasi.drafts import NOTULEN as NOTULEN
from desktop.services.inovasi.drafts import PELAKSANAAN as PELAKSANAAN
from desktop.services.inovasi.drafts import PEMBAHASAN_AWAL as PEMBAHASAN_AWAL
from desktop.services.inovasi.drafts import PEMBAHASAN_TEKNIS as PEMBAHASAN_TEKNIS
from desktop.services.inovasi.drafts import PENAMAAN as PENAMAAN
from desktop.services.inovasi.drafts import POINTERS as POINTERS
from desktop.services.inovasi.drafts import SOP_CODE as SOP_CODE
from desktop.services.inovasi.drafts import TELAAH_KABID as TELAAH_KABID
from desktop.services.inovasi.drafts import TELAAH_KADIS as TELAAH_KADIS
from desktop.services.inovasi.drafts import TINDAK_LANJUT as TINDAK_LANJUT
from desktop.services.inovasi.drafts import FileUpload as FileUpload
from desktop.services.inovasi.drafts import FinalConcept as FinalConcept
from desktop.services.inovasi.drafts import IdeaDraft as IdeaDraft
from desktop.services.inovasi.drafts import InnovationProfile as InnovationProfile
from desktop.services.inovasi.drafts import InnovationSummary as InnovationSummary
from desktop.services.inovasi.drafts import MeetingDraft as MeetingDraft
from desktop.services.inovasi.drafts import MeetingView as MeetingView
from desktop.services.inovasi.drafts import OutputTotals as OutputTotals
from desktop.services.inovasi.drafts import ParticipantView as ParticipantView
from desktop.services.inovasi.drafts import TimelineEntry as TimelineEntry
from desktop.services.inovasi.views import innovation_profile as innovation_profile
from desktop.services.inovasi.views import innovation_summary as innovation_summary
from desktop.services.inovasi.views import innovation_timeline as innovation_timeline
from desktop.services.inovasi.views import list_innovations as list_innovations
from desktop.services.inovasi.views import meetings as meetings
from desktop.services.inovasi.views import output_totals as output_totals
from desktop.services.office.numbering import take_number
from desktop.services.security import audit
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.sop.definition import SopStep
from desktop.services.sop.workflow import (
    builtin_sops,
    open_case,
    stale,
)
from desktop.services.validation import clean_text

# --- Drafts (what the user typed) and results ---------------------------------------------


# --- Step 1: idea (Kasi Inovasi) ---------------------------------------------------------------


def propose_idea(actor: Session, draft: IdeaDraft, *, on: dt.date | None = None) -> InnovationSummary:
    """Open an innovation case from an idea; the pointers konsep go to the Kabid (step 1)."""
    definition = builtin_sops()[SOP_CODE]
    with db.atomic():
        start = definition.start("gagasan")
        require_role(actor, *(start.roles or definition.step(start.step).roles))
        values = _clean_idea(draft)
        today = on or dt.date.today()
        case = open_case(
            actor,
            definition,
            reference=take_number("kasus_inovasi", today),
            title=values["title"],
            origin="gagasan",
            on=on,
        )
        innovation = Innovation.create(case=case.id, year=today.year, **values)
        _write_pointers(actor, innovation, case, draft, on)
        audit.record(actor, "inovasi_diusulkan", "innovation", innovation.id, kasus=case.reference)
        _advance(actor, case, "selesai", case.version, "Gagasan diajukan", on)
        return innovation_summary(innovation.id)


def revise_idea(
    actor: Session, innovation_id: int, draft: IdeaDraft, expected_version: int, *, on: dt.date | None = None
) -> InnovationSummary:
    """Rewrite an idea the first discussion sent back ('tidak') and send it to the Kabid again."""
    with db.atomic():
        innovation, case, _ = _begin(actor, innovation_id, IDE, expected_version)
        if not CaseStep.select().where(CaseStep.case == case.id).exists():
            raise WorkflowError("Gagasan ini belum pernah diajukan; tidak ada yang diperbaiki.")
        values = _clean_idea(draft)
        updated = (
            SopCase.update(title=values["title"])
            .where((SopCase.id == case.id) & (SopCase.version == expected_version))
            .execute()
        )
        if updated != 1:
            raise stale(case)
        Innovation.update(version=Innovation.version + 1, updated_at=now(), **values).where(
            Innovation.id == innovation.id
        ).execute()
        innovation = Innovation.get_by_id(innovation.id)
        _write_pointers(actor, innovation, case, draft, on)
        audit.record(actor, "inovasi_diperbaiki", "innovation", innovation.id)
        _advance(actor, case, "selesai", expected_version, "Gagasan diperbaiki dan diajukan kembali", on)
        return innovation_summary(innovation.id)


# --- Steps 2 and 3: reviews ------------------------------------------------------------------


def review_by_kabid(
    actor: Session,
    innovation_id: int,
    notes: str,
    forward: bool,
    expected_version: int,
    *,
    on: dt.date | None = None,
) -> InnovationSummary:
    """The Kabid's catatan telaahan; forward to the Kepala Dinas, or return the idea if the SOP allows."""
    with db.atomic():
        innovation, case, step = _begin(actor, innovation_id, TELAAH_KABID, expected_version)
        if not forward:
            return _return_to_idea(actor, innovation, case, step, notes, expected_version, on)
        text = _text(notes, "Catatan telaahan", InnovationDocument.body, "notes", multiline=True)
        _document(actor, innovation, case, TELAAH_KABID, text, on)
        _advance(actor, case, "selesai", expected_version, "", on)
        return innovation_summary(innovation.id)


def review_by_kepala_dinas(
    actor: Session, innovation_id: int, notes: str, expected_version: int, *, on: dt.date | None = None
) -> InnovationSummary:
    """The Kepala Dinas' catatan tindak lanjut; the idea goes to the first discussion (step 3)."""
    with db.atomic():
        innovation, case, _ = _begin(actor, innovation_id, TELAAH_KADIS, expected_version)
        text = _text(notes, "Catatan tindak lanjut", InnovationDocument.body, "notes", multiline=True)
        _document(actor, innovation, case, TELAAH_KADIS, text, on)
        _advance(actor, case, "selesai", expected_version, "", on)
        return innovation_summary(innovation.id)


# --- Step 4: first discussion, go / no-go -------------------------------------------------------


# --- Step 5: approval by every participant, then the notulen -----------------------------------


# --- Step 6: technical discussion, konsep final ---------------------------------------------------


# --- Step 7: the name (Kepala Dinas) ----------------------------------------------------------


def decide_name(
    actor: Session,
    innovation_id: int,
    alternatives: Sequence[tuple[str, str]],
    chosen: str,
    expected_version: int,
    *,
    on: dt.date | None = None,
) -> InnovationSummary:
    """The Kepala Dinas chooses the innovation's name among the meeting's alternatives."""
    with db.atomic():
        innovation, case, _ = _begin(actor, innovation_id, PENAMAAN, expected_version, (R.KEPALA_DINAS,))
        options = _name_options(alternatives)
        pick = clean_text(chosen, "Nama terpilih", NameOption.name.max_length, field="chosen")
        match = [name for name, _ in options if name.casefold() == pick.casefold()]
        if not match:
            raise InvalidInput("Nama terpilih harus salah satu alternatif nama.", field="chosen")
        for name, meaning in options:
            NameOption.create(
                innovation=innovation.id,
                name=name,
                meaning=meaning,
                proposed_by=actor.user_id,
                is_chosen=name == match[0],
            )
        Innovation.update(
            chosen_name=match[0],
            name_decided_by=actor.user_id,
            version=Innovation.version + 1,
            updated_at=now(),
        ).where(Innovation.id == innovation.id).execute()
        listing = "\n".join(
            f"{i}. {name}" + (f": {meaning}" if meaning else "") + (" (dipilih)" if name == match[0] else "")
            for i, (name, meaning) in enumerate(options, start=1)
        )
        body = write_sections([("Nama inovasi", match[0]), ("Alternatif nama", listing)])
        _document(actor, innovation, case, PENAMAAN, body, on)
        _advance(actor, case, "selesai", expected_version, match[0], on)
        audit.record(actor, "nama_inovasi_ditetapkan", "innovation", innovation.id, nama=match[0])
        return innovation_summary(innovation.id)


# --- Step 8: implementation (ADB / pelaksana teknis) ----------------------------------------------


def log_output(
    actor: Session,
    innovation_id: int,
    day: dt.date,
    activity: str,
    people_served: int,
    note: str = "",
    *,
    on: dt.date | None = None,
) -> int:
    """Record what the running innovation produced on a day; returns the log's id."""
    with db.atomic():
        innovation, case, _ = _begin(actor, innovation_id, PELAKSANAAN, None)
        day = _output_day(day, case, on)
        if not 0 <= people_served <= MAX_PEOPLE_PER_DAY:
            raise InvalidInput("Jumlah orang terlayani 0 sampai 100.000.", field="people_served")
        row = OutputLog.create(
            innovation=innovation.id,
            day=day,
            activity=_text(activity, "Kegiatan", OutputLog.activity, "activity"),
            people_served=people_served,
            note=_text(note, "Catatan", OutputLog.note, "note", required=False),
            logged_by=actor.user_id,
        )
        audit.record(actor, "output_inovasi_dicatat", "output_log", row.id, orang=people_served)
        return row.id


def complete_implementation(
    actor: Session, innovation_id: int, note: str, expected_version: int, *, on: dt.date | None = None
) -> InnovationSummary:
    """Record the output inovasi and close the case: the innovation runs (the SOP's last step)."""
    with db.atomic():
        innovation, case, _ = _begin(actor, innovation_id, PELAKSANAAN, expected_version)
        totals = output_totals(innovation.id)
        if totals.entries == 0:
            raise WorkflowError("Belum ada output inovasi yang dicatat; catat dulu keluaran hariannya.")
        text = _text(note, "Catatan", CaseStep.note, "note", required=False, multiline=True)
        assert totals.first_day is not None and totals.last_day is not None  # entries > 0
        summary = (
            f"{totals.entries} catatan pada {totals.days} hari "
            f"({date_range_id(totals.first_day, totals.last_day)}), "
            f"{totals.people_served} orang terlayani."
        )
        body = write_sections([("Output inovasi", summary), ("Catatan", text)])
        _document(actor, innovation, case, PELAKSANAAN, body, on)
        _advance(actor, case, "selesai", expected_version, text, on)
        return innovation_summary(innovation.id)


# --- Requirement checks (the engine runs them before a step is done) ------------------------------


# --- Reading ------------------------------------------------------------------------------------


# --- Helpers ------------------------------------------------------------------------------------


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
        _held_on(draft.held_on, case, on)
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
                ("Rapat", f"{long_date_id(meeting.held_on)}, {meeting.place or '-'}"),
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
        day = _held_on(day, case, on)
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


def _return_to_idea(
    actor: Session,
    innovation: Innovation,
    case: SopCase,
    step: SopStep,
    notes: str,
    expected_version: int,
    on: dt.date | None,
) -> InnovationSummary:
    back = next((t for t in step.transitions if t.to == IDE), None)
    if back is None:
        raise WorkflowError(
            f"SOP ini tidak mengatur pengembalian gagasan pada langkah {step.name}. "
            "Teruskan dengan catatan telaahan; gagasan dapat dikembalikan pada pembahasan awal."
        )
    reason = _text(notes, "Alasan pengembalian", CaseStep.note, "notes", multiline=True)
    _advance(actor, case, back.action, expected_version, reason, on)
    audit.record(actor, "inovasi_dikembalikan", "innovation", innovation.id, langkah=step.code)
    return innovation_summary(innovation.id)
