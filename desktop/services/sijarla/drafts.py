"""The SIJARLA SOP's codes and lists, and the dataclasses its use cases take and return."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

SOP_CODE = "sijarla"


MAX_SCAN_BYTES = 50 * 1024 * 1024


SIFAT = ("biasa", "segera", "sangat_segera", "rahasia")


DISPOSITION_REQUESTS = {
    "tanggapan_saran": "Tanggapan dan saran",
    "proses_lanjut": "Proses lebih lanjut",
    "koordinasi": "Koordinasi / konfirmasikan",
    "untuk_diketahui": "Untuk diketahui",
    "siapkan_tim": "Siapkan tim dan jadwal",
}


PREPARATION_ITEMS = {
    "siak_data": "Pengecekan data di SIAK Terpusat",
    "alat_perekaman": "Kesiapan alat perekaman",
    "kesiapan_nagari": "Kesiapan nagari dan komunikasi dengan pihak terkait",
}


@dataclass(frozen=True)
class ScanFile:
    filename: str
    content: bytes
    mime_type: str = ""


@dataclass(frozen=True)
class LetterDraft:
    letter_number: str
    letter_date: dt.date
    sender: str
    nagari_id: int
    subject: str
    requested: dict[str, int]  # service category code -> estimated people
    sifat: str = "biasa"
    estimated_people: int = 0
    scan: ScanFile | None = None


@dataclass(frozen=True)
class LetterReceipt:
    """What the front desk prints on the receipt."""

    case_id: int
    case_reference: str
    agenda_number: str
    tracking_code: str
    received_at: dt.datetime
    letter_number: str
    sender: str
    nagari: str
    kecamatan: str
    subject: str
    due_on: dt.date | None
    requested: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class DispositionDraft:
    instructions: str
    team_id: int
    deadline: dt.date
    forwarded_to: str = "Ketua Tim SIJARLA"
    requests: tuple[str, ...] = ("proses_lanjut",)
    sifat: str = ""  # empty: the letter's own sifat


@dataclass(frozen=True)
class SignedDisposition:
    id: int
    case_id: int
    signed_by: str
    signed_at: dt.datetime
    signature_sha256: str
    version: int


@dataclass(frozen=True)
class AssignmentDraft:
    member_ids: tuple[int, ...]  # first is the team leader
    place: str
    start_on: dt.date
    end_on: dt.date
    task: str = ""
    basis: str = ""
    copies_to: str = "Bupati Solok (sebagai laporan)\nArsip"


@dataclass(frozen=True)
class IssuedAssignment:
    id: int
    case_id: int
    number: str
    members: tuple[str, ...]
    signed_by: str
    signed_at: dt.datetime


@dataclass(frozen=True)
class ReportDraft:
    introduction: str
    activities: str
    conclusion: str
    closing: str = "Demikian laporan ini disampaikan untuk dapat dipergunakan sebagaimana mestinya."


@dataclass
class CaseSummary:
    id: int
    reference: str
    title: str
    current_step: str
    status: str
    due_on: dt.date | None
    step_due_on: dt.date | None
    version: int
    nagari: str = ""
    team: str = ""
    extra: dict = field(default_factory=dict)
