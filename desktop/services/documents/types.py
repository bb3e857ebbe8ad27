"""What a document is: its types (who issues and reads each), what the archive says about one, codes."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from desktop import roles as R
from desktop.models import (
    IssuedDocument,
    User,
)
from desktop.services.errors import DomainError, InvalidInput, WorkflowError

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone


CODE_LENGTH = 10


RECEIPT = "struk"


SAMPLE_CODE = "CONTOH"  # six letters and an O: never a real code


_CODE_TEXT = re.compile(r"[A-Z0-9]{10}", re.ASCII)


class PrinterUnavailable(DomainError):
    """The receipt printer cannot take the job now; the receipt stays archived: the UI offers 'Coba lagi'."""

    def __init__(self, message: str, *, retryable: bool = True):
        super().__init__(message)
        self.retryable = retryable


class DocumentNotMade(WorkflowError):
    """The record's data could not be laid out as its document: nothing was archived (and, when it was
    being signed, nothing was signed). Layouts break any text the services accept over pages, so this
    means a fault in the layout, not in what the user typed."""

    def __init__(self, label: str, cause: BaseException, *, unsigned: str = ""):
        first = f"{unsigned} belum ditandatangani: " if unsigned else ""
        super().__init__(
            f"{first}{label} tidak dapat dibuat dari data ini; tidak ada yang disimpan. "
            f"Laporkan kepada Administrator (kesalahan tata letak: {type(cause).__name__})."
        )
        self.label = label
        self.cause = cause


@dataclass(frozen=True)
class DocType:
    code: str
    label: str
    issue_roles: tuple[str, ...]
    read_roles: tuple[str, ...]
    number_pattern: str | None = None  # numbered when first issued (disposisi, laporan, rekap)
    step_code: str | None = None  # the SOP step whose output the document is
    edition_of: str | None = None  # another edition of that type's document, with its number


_FRONT = (R.FRONT_DESK, R.KABID_PELAYANAN, R.KEPALA_DINAS)


_ASSIGN = (R.KEPALA_DINAS, R.KABID_PELAYANAN, R.KETUA_TIM, R.FRONT_DESK)


_REPORT = (R.KETUA_TIM, R.KETUA_PELAKSANA_HARIAN, R.KABID_PEMANFAATAN, R.KEPALA_DINAS)


_TEAM_REPORT = (R.KETUA_TIM,)


MASKED_REPORT = "laporan_tersamar"


_RECAP = (R.KETUA_PELAKSANA_HARIAN, R.KABID_PEMANFAATAN, R.KEPALA_DINAS)


_ALL = tuple(r.code for r in R.BUILTIN_ROLES)


TEAM_ROLES = (R.KETUA_TIM, R.ANGGOTA_TIM)


_INNOVATION = (
    R.KASI_INOVASI,
    R.KABID_PEMANFAATAN,
    R.KEPALA_DINAS,
    R.PEJABAT_STRUKTURAL,
    R.PELAKSANA_TEKNIS,
)


_PROFILE = (R.KASI_INOVASI, R.KABID_PEMANFAATAN, R.KEPALA_DINAS)


DOC_TYPES: dict[str, DocType] = {
    t.code: t
    for t in (
        DocType("tanda_terima", "Tanda Terima Surat Permohonan", _FRONT, _FRONT, step_code="registrasi"),
        DocType(RECEIPT, "Struk Tanda Terima", (R.FRONT_DESK,), _FRONT),
        DocType("disposisi", "Lembar Disposisi", _FRONT, _FRONT, "disposisi", "disposisi"),
        DocType("surat_tugas", "Surat Tugas", _ASSIGN, (*_ASSIGN, R.ANGGOTA_TIM), step_code="surat_tugas"),
        # Two editions of one report, one number (issue 13 class 6, issue 16 item 2): the team's with
        # full NIKs (its archive copy, for follow-up in SIAK), and the one the chain of command reads,
        # NIKs masked as on their screens.
        DocType(
            "laporan", "Laporan Pelaksanaan Inovasi SIJARLA", _TEAM_REPORT, TEAM_ROLES, "laporan", "pelayanan"
        ),
        DocType(
            MASKED_REPORT,
            "Laporan Pelaksanaan Inovasi SIJARLA (NIK tersamar)",
            _REPORT,
            _REPORT,
            "laporan",
            edition_of="laporan",
        ),
        DocType("rekap", "Rekapitulasi Pelayanan Inovasi SIJARLA", _RECAP, _RECAP, "rekap"),
        DocType("sop", "Dokumen SOP", _ALL, _ALL),
        # The step document: further limited to the step's roles (see _may_issue_step_document).
        DocType("dokumen_inovasi", "Dokumen Langkah Inovasi", _INNOVATION, _INNOVATION),
        DocType("profil_inovasi", "Profil Inovasi", _PROFILE, _INNOVATION),
    )
}


@dataclass(frozen=True)
class IssuedDocumentInfo:
    id: int
    doc_type: str
    type_label: str
    number: str
    title: str
    paper_size: str  # A4, F4, or RCPT for a thermal receipt (ESC/POS bytes, not a PDF)
    page_count: int
    sha256: str
    verification_code: str
    issued_by: str
    issued_at: dt.datetime
    case_id: int | None
    supersedes_id: int | None
    reused: bool = False  # issuing found the stored document unchanged and returned it


@dataclass(frozen=True)
class VerificationResult:
    found: bool
    message: str
    code: str = ""
    doc_type: str = ""
    type_label: str = ""
    number: str = ""
    title: str = ""
    issued_by: str = ""
    issued_at: dt.datetime | None = None
    sha256: str = ""
    page_count: int = 0
    paper_size: str = ""
    superseded: bool = False


@dataclass(frozen=True)
class _Source:
    """A record gathered for printing: the document (number empty if taken at issue) and its case."""

    doc: Any  # one of desktop.printing.data's documents
    title: str
    case_id: int | None
    receipt_width: int = 0
    receipt_columns: int = 0  # the printer's characters per line; 0: the width's own


def _info(row: IssuedDocument, reused: bool = False) -> IssuedDocumentInfo:
    issuer = User.get_by_id(row.issued_by_id).full_name
    return IssuedDocumentInfo(
        id=row.id,
        doc_type=row.doc_type,
        type_label=_doc_type(row.doc_type).label,
        number=row.number or "",
        title=row.title,
        paper_size=row.paper_size,
        page_count=row.page_count,
        sha256=row.sha256,
        verification_code=row.verification_code,
        issued_by=issuer,
        issued_at=row.issued_at,
        case_id=row.case_id,
        supersedes_id=row.supersedes_id,
        reused=reused,
    )


def _summary(row: IssuedDocument) -> dict:
    try:
        value = json.loads(row.summary or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _doc_type(code: str) -> DocType:
    if code not in DOC_TYPES:
        raise InvalidInput(f"Jenis dokumen '{code}' tidak dikenal.", field="doc_type")
    return DOC_TYPES[code]
