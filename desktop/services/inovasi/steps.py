"""The Inovasi Pelayanan Publik use cases: from an idea to a named, running innovation (8 steps).

Each public function is one use case: it runs in one transaction, checks the acting user's
role itself (through the SOP engine's open_case/advance and require_role), leaves the step's
output document (an InnovationDocument whose kind is the step's output code) and returns plain
dataclasses. Time limits are the SOP file's, in working days, kept by the engine.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from peewee import fn

from desktop import roles as R
from desktop.models import (
    Attachment,
    CaseStep,
    Innovation,
    InnovationDocument,
    Meeting,
    MeetingParticipant,
    NameOption,
    OutputLog,
    Role,
    SopCase,
    User,
    UserRole,
    db,
)
from desktop.models.base import now
from desktop.sections import read_sections, section_map, write_sections
from desktop.services.errors import InvalidInput, NotFound, PermissionDenied, WorkflowError
from desktop.services.office.numbering import take_number
from desktop.services.security import audit
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.sop.definition import SopStep
from desktop.services.sop.workdays import WorkCalendar
from desktop.services.sop.workflow import (
    StepDone,
    advance,
    builtin_sops,
    definition_of,
    get_case,
    office_calendar,
    open_case,
    requirement_check,
    stale,
)
from desktop.services.validation import clean_text

SOP_CODE = "inovasi"
IDE, TELAAH_KABID, TELAAH_KADIS = "ide", "telaah_kabid", "telaah_kepala_dinas"
PEMBAHASAN_AWAL, FINALISASI, PEMBAHASAN_TEKNIS = "pembahasan_awal", "finalisasi_konsep", "pembahasan_teknis"
PENAMAAN, PELAKSANAAN = "penamaan", "pelaksanaan"
# Output codes of desktop/resources/sop/inovasi.toml; the requirement checks below look for them.
POINTERS, CATATAN_KABID, TINDAK_LANJUT = "pointers_konsep", "catatan_telaahan_kabid", "catatan_tindak_lanjut"
DRAFT, NOTULEN, KONSEP_FINAL = "draft_inovasi", "notulen_penyempurnaan", "konsep_final"
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PEOPLE_PER_DAY = 100_000
CONCEPT_SECTIONS = (
    ("mechanism", "Mekanisme"),
    ("resources", "Sumber daya"),
    ("schedule", "Jadwal"),
    ("indicators", "Indikator keberhasilan"),
)

FileUpload = tuple[str, bytes]  # (filename, content)

# --- Drafts (what the user typed) and results ---------------------------------------------


@dataclass(frozen=True)
class IdeaDraft:
    title: str
    problem: str
    target: str
    pointers: str
    attachments: tuple[FileUpload, ...] = ()


@dataclass(frozen=True)
class MeetingDraft:
    """The first discussion (step 4): who met, and 'ya' or 'tidak' (optionally closing as rejected)."""

    held_on: dt.date
    place: str
    participant_ids: tuple[int, ...]
    decision: str  # 'ya' | 'tidak'
    reason: str = ""
    close_as_rejected: bool = False
    draft: str = ""  # the draft inovasi; composed from the idea and the meeting when empty


@dataclass(frozen=True)
class FinalConcept:
    mechanism: str
    resources: str
    schedule: str
    indicators: str


@dataclass(frozen=True)
class InnovationSummary:
    id: int
    case_id: int
    reference: str
    title: str
    chosen_name: str | None
    year: int
    current_step: str
    step_name: str
    status: str
    step_due_on: dt.date | None
    case_version: int
    version: int


@dataclass(frozen=True)
class ParticipantView:
    user_id: int
    full_name: str
    approved: bool | None
    approved_at: dt.datetime | None
    comment: str


@dataclass(frozen=True)
class MeetingView:
    id: int
    step_code: str
    held_on: dt.date
    place: str
    decision: str | None
    participants: tuple[ParticipantView, ...]

    @property
    def all_approved(self) -> bool:
        return bool(self.participants) and all(p.approved is True for p in self.participants)


@dataclass(frozen=True)
class TimelineEntry:
    step_code: str
    step_number: int
    step_name: str
    action: str | None  # None: the step the case stands at now
    started_on: dt.date
    due_on: dt.date | None  # planned: the step's time limit in working days
    done_on: dt.date | None  # actual
    actor: str
    output_label: str
    document_id: int | None
    document_title: str
    note: str
    late_working_days: int  # > 0 when done (or, for the open step, still running) after due_on


@dataclass(frozen=True)
class OutputTotals:
    entries: int
    days: int
    people_served: int
    first_day: dt.date | None
    last_day: dt.date | None


@dataclass(frozen=True)
class InnovationProfile:
    """What the one-page innovation profile shows."""

    id: int
    reference: str
    name: str
    name_meaning: str
    title: str
    problem: str
    target: str
    concept: str
    mechanism: str
    resources: str
    schedule: str
    indicators: str
    status: str
    current_step: str
    outputs: OutputTotals
    timeline: tuple[TimelineEntry, ...]


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


def _clean_idea(draft: IdeaDraft) -> dict:
    return {
        "title": _text(draft.title, "Judul gagasan", Innovation.title, "title"),
        "problem": _text(draft.problem, "Permasalahan", Innovation.problem, "problem", multiline=True),
        "target": _text(draft.target, "Sasaran", Innovation.target, "target", multiline=True),
        "pointers": _text(draft.pointers, "Pointers konsep", Innovation.pointers, "pointers", multiline=True),
    }


def _write_pointers(
    actor: Session, innovation: Innovation, case: SopCase, draft: IdeaDraft, on: dt.date | None
) -> None:
    body = write_sections(
        [
            ("Permasalahan", innovation.problem),
            ("Sasaran", innovation.target),
            ("Pointers konsep", innovation.pointers),
        ]
    )
    _document(actor, innovation, case, IDE, body, on)
    for filename, content in draft.attachments:
        _attach(actor, case, IDE, filename, content, "lampiran")


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


# --- Step 5: approval by every participant, then the notulen -----------------------------------


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


def _finalization_meeting(innovation_id: int) -> Meeting | None:
    return (
        Meeting.select()
        .where((Meeting.innovation == innovation_id) & (Meeting.step_code == FINALISASI))
        .order_by(Meeting.id.desc())
        .first()
    )


# --- Step 6: technical discussion, konsep final ---------------------------------------------------


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


def _name_options(alternatives: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    if not alternatives:
        raise InvalidInput("Tuliskan paling sedikit satu alternatif nama inovasi.", field="alternatives")
    options: list[tuple[str, str]] = []
    seen: set[str] = set()
    for name, meaning in alternatives:
        clean_name = clean_text(name, "Alternatif nama", NameOption.name.max_length, field="alternatives")
        if clean_name.casefold() in seen:
            raise InvalidInput(f"Alternatif nama '{clean_name}' tercantum dua kali.", field="alternatives")
        seen.add(clean_name.casefold())
        options.append(
            (
                clean_name,
                clean_text(meaning, "Makna nama", NameOption.meaning.max_length, required=False),
            )
        )
    return options


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
        if day > (on or dt.date.today()):
            raise InvalidInput("Tanggal keluaran tidak boleh di masa depan.", field="day")
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
        summary = (
            f"{totals.entries} catatan pada {totals.days} hari "
            f"({totals.first_day:%d-%m-%Y} s.d. {totals.last_day:%d-%m-%Y}), "
            f"{totals.people_served} orang terlayani."
        )
        body = write_sections([("Output inovasi", summary), ("Catatan", text)])
        _document(actor, innovation, case, PELAKSANAAN, body, on)
        _advance(actor, case, "selesai", expected_version, text, on)
        return innovation_summary(innovation.id)


# --- Requirement checks (the engine runs them before a step is done) ------------------------------


def _innovation_of(case: SopCase) -> Innovation | None:
    return Innovation.get_or_none(Innovation.case == case.id)


def _round_document(innovation_id: int, kind: str) -> InnovationDocument | None:
    """The latest document of a kind written since the latest pointers (a returned idea restarts)."""
    query = InnovationDocument.select().where(
        (InnovationDocument.innovation == innovation_id) & (InnovationDocument.kind == kind)
    )
    if kind != POINTERS:
        start = _round_document(innovation_id, POINTERS)
        if start is not None:
            query = query.where(InnovationDocument.id > start.id)
    return query.order_by(InnovationDocument.id.desc()).first()


def _needs_document(kind: str, missing: str) -> Callable[[SopCase], str | None]:
    def check(case: SopCase) -> str | None:
        innovation = _innovation_of(case)
        if innovation is None or _round_document(innovation.id, kind) is None:
            return missing
        return None

    return check


requirement_check("persiapan_konsep")(_needs_document(POINTERS, "Pointers konsep belum ditulis."))
requirement_check("pointers_konsep")(_needs_document(POINTERS, "Pointers konsep belum ditulis."))
requirement_check("pointers_telaahan_kabid")(
    _needs_document(CATATAN_KABID, "Catatan telaahan Kabid belum ditulis.")
)
requirement_check("catatan_tindak_lanjut")(
    _needs_document(TINDAK_LANJUT, "Catatan tindak lanjut Kepala Dinas belum ditulis.")
)
requirement_check("draft_hasil_rapat")(
    _needs_document(NOTULEN, "Notulen penyempurnaan konsep belum dilampirkan.")
)
requirement_check("sumber_daya")(_needs_document(KONSEP_FINAL, "Konsep final inovasi belum disusun."))


@requirement_check("draft_inovasi")
def _draft_approved_by_all(case: SopCase) -> str | None:
    innovation = _innovation_of(case)
    if innovation is None or _round_document(innovation.id, DRAFT) is None:
        return "Draft inovasi belum ada."
    meeting = _finalization_meeting(innovation.id)
    if meeting is None:
        return "Rapat finalisasi konsep belum dibuka."
    pending = [p.full_name for p in _meeting_view(meeting.id).participants if p.approved is not True]
    if pending:
        return f"Belum menyetujui: {', '.join(pending)}."
    return None


@requirement_check("alternatif_nama")
def _name_chosen(case: SopCase) -> str | None:
    innovation = _innovation_of(case)
    if innovation is None or _chosen_name(innovation.id) is None:
        return "Belum ada alternatif nama yang dipilih."
    return None


def _chosen_name(innovation_id: int) -> NameOption | None:
    return NameOption.get_or_none((NameOption.innovation == innovation_id) & NameOption.is_chosen)


# --- Reading ------------------------------------------------------------------------------------


def innovation_summary(innovation_id: int) -> InnovationSummary:
    """The innovation and where its case stands."""
    innovation = _innovation(innovation_id)
    return _summary(innovation, innovation.case)


def _summary(innovation: Innovation, case: SopCase) -> InnovationSummary:
    return InnovationSummary(
        id=innovation.id,
        case_id=case.id,
        reference=case.reference,
        title=innovation.title,
        chosen_name=innovation.chosen_name,
        year=innovation.year,
        current_step=case.current_step,
        step_name=definition_of(case).step(case.current_step).name,
        status=case.status,
        step_due_on=case.step_due_on,
        case_version=case.version,
        version=innovation.version,
    )


def list_innovations(
    step: str | None = None, status: str | None = None, year: int | None = None
) -> list[InnovationSummary]:
    """Innovations, newest first, optionally only at a step, with a case status, or of a year."""
    query = Innovation.select(Innovation, SopCase).join(SopCase)
    if step is not None:
        query = query.where(SopCase.current_step == step)
    if status is not None:
        query = query.where(SopCase.status == status)
    if year is not None:
        query = query.where(Innovation.year == year)
    rows = query.order_by(SopCase.opened_at.desc(), Innovation.id.desc())
    return [_summary(row, row.case) for row in rows]


def output_totals(innovation_id: int) -> OutputTotals:
    """What the running innovation has produced so far."""
    query = (
        OutputLog.select(
            fn.COUNT(OutputLog.id),
            fn.COUNT(OutputLog.day.distinct()),
            fn.COALESCE(fn.SUM(OutputLog.people_served), 0),
            fn.MIN(OutputLog.day),
            fn.MAX(OutputLog.day),
        )
        .where(OutputLog.innovation == innovation_id)
        .tuples()
    )
    entries, days, people, first, last = cast("tuple[Any, ...]", query.get())
    return OutputTotals(entries, days, int(people), _date(first), _date(last))


def innovation_timeline(innovation_id: int, *, today: dt.date | None = None) -> list[TimelineEntry]:
    """Every step done (and the one running now): planned and actual dates, who, the output."""
    innovation = _innovation(innovation_id)
    case = innovation.case
    definition = definition_of(case)
    calendar = office_calendar()
    documents = _documents_by_step(innovation.id)
    steps = CaseStep.select(CaseStep, User).join(User).where(CaseStep.case == case.id).order_by(CaseStep.id)
    entries = []
    for row in steps:
        step = definition.step(row.step_code)
        document = documents[row.step_code].pop(0) if row.output_label and documents[row.step_code] else None
        done_on = row.acted_at.date()
        entries.append(
            TimelineEntry(
                step_code=step.code,
                step_number=step.number,
                step_name=step.name,
                action=row.action,
                started_on=row.started_on,
                due_on=row.due_on,
                done_on=done_on,
                actor=row.actor.full_name,
                output_label=row.output_label,
                document_id=document.id if document else None,
                document_title=document.title if document else "",
                note=row.note,
                late_working_days=_late(calendar, row.due_on, done_on),
            )
        )
    if case.status == "berjalan":
        entries.append(_running_entry(case, definition.step(case.current_step), entries, calendar, today))
    return entries


def _running_entry(
    case: SopCase,
    step: SopStep,
    done: list[TimelineEntry],
    calendar: WorkCalendar,
    today: dt.date | None,
) -> TimelineEntry:
    started = done[-1].done_on if done and done[-1].done_on else case.opened_at.date()
    return TimelineEntry(
        step_code=step.code,
        step_number=step.number,
        step_name=step.name,
        action=None,
        started_on=started,
        due_on=case.step_due_on,
        done_on=None,
        actor="",
        output_label="",
        document_id=None,
        document_title="",
        note="",
        late_working_days=_late(calendar, case.step_due_on, today or dt.date.today()),
    )


def _late(calendar: WorkCalendar, due: dt.date | None, day: dt.date) -> int:
    return 0 if due is None else max(0, calendar.working_days_between(due, day))


def _documents_by_step(innovation_id: int) -> defaultdict[str, list[InnovationDocument]]:
    """Each step's documents in order; the n-th output of a step pairs with its n-th document."""
    result: defaultdict[str, list[InnovationDocument]] = defaultdict(list)
    query = InnovationDocument.select().where(InnovationDocument.innovation == innovation_id)
    for document in query.order_by(InnovationDocument.id):
        result[document.step_code].append(document)
    return result


def innovation_profile(innovation_id: int) -> InnovationProfile:
    """The data of the one-page innovation profile."""
    innovation = _innovation(innovation_id)
    case = innovation.case
    draft = _round_document(innovation.id, DRAFT)
    final = _round_document(innovation.id, KONSEP_FINAL)
    headings = section_map(final.body) if final else {}
    concept = {field: headings.get(heading, "") for field, heading in CONCEPT_SECTIONS}
    chosen = _chosen_name(innovation.id)
    return InnovationProfile(
        id=innovation.id,
        reference=case.reference,
        name=innovation.chosen_name or innovation.title,
        name_meaning=chosen.meaning if chosen else "",
        title=innovation.title,
        problem=innovation.problem,
        target=innovation.target,
        concept=draft.body if draft else innovation.pointers,
        mechanism=concept.get("mechanism", ""),
        resources=concept.get("resources", ""),
        schedule=concept.get("schedule", ""),
        indicators=concept.get("indicators", ""),
        status=case.status,
        current_step=case.current_step,
        outputs=output_totals(innovation.id),
        timeline=tuple(innovation_timeline(innovation.id)),
    )


def meetings(innovation_id: int) -> list[MeetingView]:
    """Every meeting of the innovation, oldest first, with its participants."""
    query = Meeting.select(Meeting.id).where(Meeting.innovation == innovation_id).order_by(Meeting.id)
    return [_meeting_view(m.id) for m in query]


# --- Helpers ------------------------------------------------------------------------------------


def _innovation(innovation_id: int) -> Innovation:
    innovation = Innovation.get_or_none(Innovation.id == innovation_id)
    if innovation is None:
        raise NotFound("Inovasi tidak ditemukan; mungkin sudah dihapus.")
    return innovation


def _begin(
    actor: Session,
    innovation_id: int,
    step_code: str,
    expected_version: int | None,
    roles: tuple[str, ...] = (),
) -> tuple[Innovation, SopCase, SopStep]:
    """Load the innovation, check the actor's role for the step, the case's version and its step."""
    innovation = _innovation(innovation_id)
    case = get_case(innovation.case_id)
    definition = definition_of(case)
    step = definition.step(step_code)
    require_role(actor, *(roles or step.roles))
    if expected_version is not None and case.version != expected_version:
        raise stale(case)
    if case.status != "berjalan":
        raise WorkflowError(f"Inovasi {case.reference} sudah {case.status}; tidak ada langkah lagi.")
    if case.current_step != step_code:
        now_at = definition.step(case.current_step).name
        raise WorkflowError(f"Inovasi {case.reference} sedang pada langkah {now_at}, bukan {step.name}.")
    # A no-op UPDATE holds the case row until commit on PostgreSQL (SQLite writers are serial
    # anyway), so an approval cannot slip in while the step is being closed, and vice versa.
    held = (
        SopCase.update(current_step=SopCase.current_step)
        .where((SopCase.id == case.id) & (SopCase.current_step == step_code) & (SopCase.status == "berjalan"))
        .execute()
    )
    if held != 1:
        raise stale(case)
    return innovation, case, step


def _advance(
    actor: Session, case: SopCase, action: str, expected_version: int, note: str, on: dt.date | None
) -> StepDone:
    return advance(actor, case, action, expected_version=expected_version, note=note, on=on)


def _stamp(on: dt.date | None) -> dt.datetime:
    return now() if on is None else dt.datetime.combine(on, now().time())


def _text(
    value: str | None,
    label: str,
    limit: Any,
    field: str,
    *,
    required: bool = True,
    multiline: bool = False,
) -> str:
    """clean_text with the limit of a model field (or a plain number)."""
    max_length = limit if isinstance(limit, int) else limit.max_length
    return clean_text(value, label, max_length, field=field, required=required, multiline=multiline)


def _document(
    actor: Session, innovation: Innovation, case: SopCase, step_code: str, body: str, on: dt.date | None
) -> InnovationDocument:
    step = definition_of(case).step(step_code)
    output = step.output
    kind, label = (output.code, output.label) if output else (step.code, step.name)
    title = f"{label}: {innovation.title}"[: InnovationDocument.title.max_length]
    if len(body) > InnovationDocument.body.max_length:
        raise InvalidInput(_too_long(label, body), field="body")
    return InnovationDocument.create(
        innovation=innovation.id,
        step_code=step_code,
        kind=kind,
        title=title,
        body=body,
        author=actor.user_id,
        written_at=_stamp(on),
    )


def _too_long(label: str, body: str) -> str:
    """Which part to shorten: a document is the sections of a form, and each field fits on its own."""
    limit = InnovationDocument.body.max_length
    message = f"{label} terlalu panjang: {len(body)} karakter, paling banyak {limit}."
    headed = [(heading, text) for heading, text in read_sections(body) if heading]
    if len(headed) < 2:
        return message
    longest = max(headed, key=lambda part: len(part[1]))[0]
    return (
        f"{message} Bagian-bagiannya bersama melebihi satu dokumen (baris yang berakhir dengan titik dua "
        f'atau diawali dua spasi dihitung dua karakter lebih). Persingkat bagian "{longest}".'
    )


def _attach(
    actor: Session, case: SopCase, step_code: str, filename: str, content: bytes, purpose: str
) -> Attachment:
    if not content:
        raise InvalidInput("Berkas lampiran kosong.", field=purpose)
    if len(content) > MAX_FILE_BYTES:
        raise InvalidInput("Berkas lampiran lebih dari 50 MB; perkecil berkasnya.", field=purpose)
    name = clean_text(Path(filename or "").name, "Nama berkas", Attachment.filename.max_length, field=purpose)
    mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return Attachment.create(
        case=case.id,
        step_code=step_code,
        purpose=purpose,
        filename=name,
        mime_type=mime[: Attachment.mime_type.max_length],
        size_bytes=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        uploaded_by=actor.user_id,
    )


def _held_on(day: dt.date, on: dt.date | None) -> None:
    if day > (on or dt.date.today()):
        raise InvalidInput("Tanggal rapat tidak boleh di masa depan.", field="held_on")


def _participants(ids: Sequence[int], allowed: tuple[str, ...], who: str) -> list[User]:
    if not ids:
        raise InvalidInput("Pilih peserta rapat.", field="participants")
    if len(set(ids)) != len(ids):
        raise InvalidInput("Seorang peserta rapat tercantum dua kali.", field="participants")
    found = {u.id: u for u in User.select().where(User.id.in_(list(ids)) & User.is_active)}
    if len(found) != len(ids):
        raise InvalidInput("Peserta rapat tidak dikenal atau tidak aktif.", field="participants")
    users = [found[i] for i in ids]
    holders = _holders(users, allowed)
    outsiders = [u.full_name for u in users if u.id not in holders]
    if outsiders:
        raise InvalidInput(f"Peserta rapat harus {who}; bukan: {', '.join(outsiders)}.", field="participants")
    return users


def _holders(users: Sequence[User], roles: tuple[str, ...]) -> set[int]:
    """The ids of those users who hold one of the roles."""
    query = (
        UserRole.select(UserRole.user)
        .join(Role)
        .where(UserRole.user.in_([u.id for u in users]) & Role.code.in_(list(roles)))
    )
    return {row.user_id for row in query}


def _meeting(
    actor: Session,
    innovation: Innovation,
    step_code: str,
    held_on: dt.date,
    place: str,
    users: Sequence[User],
) -> Meeting:
    meeting = Meeting.create(
        innovation=innovation.id,
        step_code=step_code,
        held_on=held_on,
        place=_text(place, "Tempat rapat", Meeting.place, "place", required=False),
        chaired_by=actor.user_id,
    )
    for user in users:
        MeetingParticipant.create(meeting=meeting.id, user=user.id)
    return meeting


def _meeting_view(meeting_id: int) -> MeetingView:
    meeting = Meeting.get_by_id(meeting_id)
    rows = (
        MeetingParticipant.select(MeetingParticipant, User)
        .join(User)
        .where(MeetingParticipant.meeting == meeting_id)
        .order_by(MeetingParticipant.id)
    )
    participants = tuple(
        ParticipantView(r.user_id, r.user.full_name, r.approved, r.approved_at, r.comment) for r in rows
    )
    return MeetingView(
        meeting.id, meeting.step_code, meeting.held_on, meeting.place, meeting.decision, participants
    )


def _date(value) -> dt.date | None:
    """A date from an aggregate (SQLite returns text for MIN/MAX of a date column)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
