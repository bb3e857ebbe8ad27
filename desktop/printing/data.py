"""What the printing layer prints: plain frozen dataclasses, filled by desktop.services.documents.issue.

Nothing here reads the database; a document is complete in itself, so the same data always
renders to the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

VERIFY_PREFIX = "DINASDESK:VERIFY:"
"""What a document's QR code holds before its verification code."""
PAPER_SIZES = ("A4", "F4")
RECEIPT_WIDTHS = (58, 80)


IN_APP = "aplikasi"
"""Signed in the app: the signer's electronic sign-off and the verification QR fill the signature space."""
WET = "basah"
"""Signed by hand: an empty space for the wet signature and the stamp; the QR is printed small beside it."""
SIGN_MODES = (IN_APP, WET)
WET_NOTE = "Dokumen ini sah setelah ditandatangani dan dicap."


def verification_qr_text(code: str, url: str = "") -> str:
    """The text a document's QR code encodes: the office's verification address with the code
    (https://.../verifikasi?kode=<code>) when it has one, else DINASDESK:VERIFY:<code>."""
    if not url:
        return VERIFY_PREFIX + code
    return f"{url}{'&' if '?' in url else '?'}kode={code}"


@dataclass(frozen=True)
class Letterhead:
    """The kop surat, from the office settings; nothing about a kabupaten is built in."""

    government: str  # PEMERINTAH KABUPATEN SOLOK
    agency: str  # DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    city: str = ""  # written before the date: "Arosuka, 21 November 2026"
    logo_png: bytes | None = None

    @property
    def contact_line(self) -> str:
        """Telepon, pos-el and laman on one line, leaving out what the office has not set."""
        parts = [
            f"Telepon {self.phone}" if self.phone else "",
            f"Pos-el {self.email}" if self.email else "",
            f"Laman {self.website}" if self.website else "",
        ]
        return "  ·  ".join(p for p in parts if p)


@dataclass(frozen=True)
class Official:
    """A person as a letter prints them: title above the signature, name, rank and NIP below."""

    name: str
    nip: str | None = None
    pangkat: str = ""
    title: str = ""


@dataclass(frozen=True)
class Verification:
    """Who issued a document, when, and the code that proves it (also in the QR code)."""

    code: str
    issued_at: dt.datetime
    issued_by: str
    sample: bool = False  # a specimen from `documents sample`: marked, never registered
    url: str = ""  # the office's https verification address; empty: the offline payload

    @property
    def qr_text(self) -> str:
        return verification_qr_text(self.code, self.url)


@dataclass(frozen=True)
class ElectronicSignOff:
    """A signature made in the app: who, when, and the SHA-256 of what was signed."""

    signer: Official
    signed_at: dt.datetime
    signature_sha256: str


# --- Tanda terima --------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceiptDoc:
    """Tanda Terima Surat Permohonan: on A4/F4 paper and on the thermal printer."""

    letterhead: Letterhead
    agenda_number: str
    tracking_code: str
    received_at: dt.datetime
    letter_number: str
    letter_date: dt.date | None
    sender: str
    nagari: str
    kecamatan: str
    subject: str
    due_on: dt.date | None
    requested: tuple[tuple[str, int], ...] = ()
    case_reference: str = ""
    received_by: Official | None = None
    sla_days: int | None = None
    verification: Verification | None = None
    sign_mode: str = field(default=IN_APP, repr=False)  # IN_APP or WET (office setting per type)


# --- Lembar disposisi ----------------------------------------------------------------------


@dataclass(frozen=True)
class DispositionDoc:
    letterhead: Letterhead
    number: str
    letter_from: str
    letter_number: str
    letter_date: dt.date | None
    received_on: dt.date | None
    agenda_number: str
    sifat: str  # biasa, segera, sangat_segera, rahasia
    subject: str
    forwarded_to: str
    requests: tuple[tuple[str, bool], ...]  # every "dengan hormat harap" option, ticked or not
    instructions: str
    deadline: dt.date | None
    team: str = ""
    sign_off: ElectronicSignOff | None = None
    verification: Verification | None = None
    sign_mode: str = field(default=IN_APP, repr=False)  # IN_APP or WET (office setting per type)


# --- Surat tugas -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AssignedMember:
    name: str
    nip: str | None
    pangkat_golongan: str
    jabatan: str
    is_leader: bool = False


@dataclass(frozen=True)
class AssignmentDoc:
    letterhead: Letterhead
    number: str
    basis: tuple[str, ...]  # Dasar, one point per item
    members: tuple[AssignedMember, ...]
    task: str
    place: str
    start_on: dt.date
    end_on: dt.date
    signed_on: dt.date
    signer: Official
    copies_to: tuple[str, ...] = ()
    sign_off: ElectronicSignOff | None = None
    verification: Verification | None = None
    sign_mode: str = field(default=IN_APP, repr=False)  # IN_APP or WET (office setting per type)


# --- Laporan pelaksanaan ---------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceLine:
    """One row of the by-name-by-address table (the official report shows the full NIK)."""

    nik: str
    name: str
    address: str
    category: str
    target_group: str
    outcome: str
    reason: str = ""
    served_on: dt.date | None = None


@dataclass(frozen=True)
class CategoryTotal:
    category: str
    total: int
    served: int


@dataclass(frozen=True)
class ReportDoc:
    letterhead: Letterhead
    number: str
    title: str  # LAPORAN PELAKSANAAN INOVASI SIJARLA
    case_reference: str
    nagari: str
    kecamatan: str
    introduction: str
    activities: str
    conclusion: str
    closing: str
    records: tuple[ServiceLine, ...]
    totals: tuple[CategoryTotal, ...]
    outcomes: tuple[tuple[str, int], ...]
    signed_on: dt.date
    signer: Official
    team: str = ""
    assignment_number: str = ""
    members: tuple[str, ...] = ()
    served_from: dt.date | None = None
    served_until: dt.date | None = None
    addressed_to: str = ""
    verification: Verification | None = None
    sign_mode: str = field(default=IN_APP, repr=False)  # IN_APP or WET (office setting per type)
    edition_note: str = ""  # the masked edition says so, above its list of persons


# --- Rekapitulasi ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RecapDoc:
    letterhead: Letterhead
    number: str
    title: str
    period_label: str
    period_start: dt.date
    period_end: dt.date
    rows: tuple[tuple[str, str, str, str, int], ...]  # kecamatan, nagari, category, outcome, count
    total_records: int
    served: int
    cases_opened: int
    cases_finished: int
    cases_within_limit: int
    cases_late: int
    signed_on: dt.date
    signer: Official
    sla_days: int | None = None
    acknowledged_by: Official | None = None  # Mengetahui: the Kabid who forwarded it
    note: str = ""
    verification: Verification | None = None
    sign_mode: str = field(default=IN_APP, repr=False)  # IN_APP or WET (office setting per type)


# --- Matriks SOP -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MatrixLine:
    number: int
    activity: str
    marks: tuple[str, ...]  # codes of the pelaksana columns that perform the row
    persyaratan: tuple[str, ...] = ()
    kelengkapan: tuple[str, ...] = ()
    time: str = ""
    output: str = ""
    remarks: str = ""


@dataclass(frozen=True)
class SopMatrixDoc:
    letterhead: Letterhead
    number: str
    title: str
    columns: tuple[tuple[str, str], ...]  # pelaksana: (code, label)
    rows: tuple[MatrixLine, ...]
    subtitle: str = ""
    created_on: dt.date | None = None
    revised_on: dt.date | None = None
    effective_on: dt.date | None = None
    approver: Official | None = None
    legal_basis: tuple[str, ...] = ()
    qualifications: tuple[str, ...] = ()
    related_sops: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    recording: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    verification: Verification | None = None
    source: str = ""  # "Sumber: SOP ... Kab. Padang Pariaman, nomor ..., tanggal ...": the SOP's own header


# --- Inovasi: step documents and the innovation profile -----------------------------------------


@dataclass(frozen=True)
class InnovationStepDoc:
    """One written output of an innovation step (catatan telaahan, draft, konsep final ...)."""

    letterhead: Letterhead
    title: str  # CATATAN TELAAHAN KABID
    case_reference: str
    innovation_title: str
    step_label: str  # "2 dari 8: Penelaahan Kabid"
    written_at: dt.datetime
    body: str  # headed sections ("Heading:" then indented lines) or plain text
    author: Official
    sign_off: ElectronicSignOff | None = None
    chosen_name: str = ""
    verification: Verification | None = None
    sign_mode: str = field(default=IN_APP, repr=False)  # IN_APP or WET (office setting per type)


@dataclass(frozen=True)
class InnovationTimelineLine:
    """One SOP step in the profile: planned (time limit) and actual date, late in working days."""

    number: int
    step: str
    planned: dt.date | None
    actual: dt.date | None
    actor: str = ""
    rounds: int = 0  # how often the step was taken (a returned idea repeats steps)
    late_working_days: int = 0
    running: bool = False  # the step the innovation stands at now
    rejected: bool = False  # the step where the innovation was rejected (ditolak)
    not_continued: bool = False  # a step after the rejection: never taken, and never will be


@dataclass(frozen=True)
class InnovationProfileDoc:
    """Profil Inovasi (KIPP style): what it solves, how, with what, and what it produced so far."""

    letterhead: Letterhead
    name: str
    title: str
    case_reference: str
    year: int
    problem: str
    target: str
    concept: str
    mechanism: str
    resources: str
    schedule: str
    indicators: str
    status: str  # "Berjalan (langkah 8: Pelaksanaan)" / "Selesai"
    output_entries: int
    output_days: int
    people_served: int
    output_first: dt.date | None
    output_last: dt.date | None
    timeline: tuple[InnovationTimelineLine, ...]
    signed_on: dt.date
    signer: Official
    name_meaning: str = ""
    verification: Verification | None = None
    sign_mode: str = field(default=IN_APP, repr=False)  # IN_APP or WET (office setting per type)


LetterDoc = (
    ReceiptDoc
    | DispositionDoc
    | AssignmentDoc
    | ReportDoc
    | RecapDoc
    | SopMatrixDoc
    | InnovationStepDoc
    | InnovationProfileDoc
)
