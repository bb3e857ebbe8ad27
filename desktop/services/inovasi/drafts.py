"""The innovation SOP's step and document codes, and the dataclasses its use cases take and return."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
