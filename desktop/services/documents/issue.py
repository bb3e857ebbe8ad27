"""Issuing documents: gather a record into a printable dataclass, render it once, archive the bytes.

An issued document is the exact PDF (for a thermal receipt: the exact ESC/POS bytes) that left
the office, with its SHA-256, a short verification code (also in its QR code), who issued it
and when. A reprint sends the stored bytes again, never a new rendering. Issuing a record
again returns the stored document; when the record or the letterhead has changed since, a new
document supersedes the old one and keeps its number.

    doc_type      source_id            prints
    tanda_terima  IncomingLetter.id    Tanda Terima Surat Permohonan (A4/F4)
    struk         IncomingLetter.id    the thermal receipt, 58 or 80 mm (paper_size RCPT)
    disposisi     Disposition.id       Lembar Disposisi (signed dispositions only)
    surat_tugas   AssignmentLetter.id  Surat Tugas (signed)
    laporan       Report.id            Laporan Pelaksanaan Inovasi SIJARLA (submitted)
    rekap         Recap.id             Rekapitulasi Pelayanan Inovasi SIJARLA
    sop           Sop.id               the SOP document with its matrix (sop_source_id(code))
    dokumen_inovasi  InnovationDocument.id  an innovation step's written output, signed by its author
    profil_inovasi   Innovation.id          Profil Inovasi (KIPP style), known to the Kepala Dinas
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from peewee import fn

from desktop import roles as R
from desktop.models import (
    AssignmentLetter,
    AssignmentMember,
    CaseStep,
    Disposition,
    IncomingLetter,
    Innovation,
    InnovationDocument,
    IssuedDocument,
    NumberingPattern,
    NumberSequence,
    Office,
    Recap,
    Report,
    RequestedService,
    ServiceCategory,
    ServiceOutcome,
    ServiceRecord,
    Signer,
    Sop,
    SopCase,
    TargetGroup,
    TeamMember,
    User,
    db,
    pg_security,
)
from desktop.models.base import now
from desktop.printing import data as P
from desktop.printing import sinks
from desktop.printing.sinks import ReceiptSink
from desktop.services.errors import DomainError, InvalidInput, NotFound, PermissionDenied, WorkflowError
from desktop.services.nik import mask_nik
from desktop.services.office.numbering import render as render_number
from desktop.services.office.numbering import take_number
from desktop.services.security import audit
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.sijarla.recap import Period
from desktop.services.sijarla.steps import DISPOSITION_REQUESTS
from desktop.services.sop.definition import SopDefinition, load_sop_text
from desktop.services.sop.workflow import builtin_sops, definition_of, sop_row

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone
CODE_LENGTH = 10
RECEIPT = "struk"
SAMPLE_CODE = "CONTOH"  # six letters and an O: never a real code
_NIK_IN_TEXT = re.compile(r"(?<![0-9])[0-9]{16}(?![0-9])", re.ASCII)
_CODE_TEXT = re.compile(r"[A-Z0-9]{10}", re.ASCII)


class PrinterUnavailable(DomainError):
    """The receipt printer cannot take the job now; the receipt stays archived: the UI offers 'Coba lagi'."""

    def __init__(self, message: str, *, retryable: bool = True):
        super().__init__(message)
        self.retryable = retryable


@dataclass(frozen=True)
class DocType:
    code: str
    label: str
    issue_roles: tuple[str, ...]
    read_roles: tuple[str, ...]
    number_pattern: str | None = None  # numbered when first issued (disposisi, laporan, rekap)
    step_code: str | None = None  # the SOP step whose output the document is


_FRONT = (R.FRONT_DESK, R.KABID_PELAYANAN, R.KEPALA_DINAS)
_ASSIGN = (R.KEPALA_DINAS, R.KABID_PELAYANAN, R.KETUA_TIM, R.FRONT_DESK)
_REPORT = (R.KETUA_TIM, R.KETUA_PELAKSANA_HARIAN, R.KABID_PEMANFAATAN, R.KEPALA_DINAS)
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
        DocType("laporan", "Laporan Pelaksanaan Inovasi SIJARLA", _REPORT, _REPORT, "laporan", "pelayanan"),
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


# --- Issuing ----------------------------------------------------------------------------------------


def issue_document(
    actor: Session, doc_type: str, source_id: int, *, receipt_width: int = 80
) -> IssuedDocumentInfo:
    """Render a record's document once and archive it (bytes, SHA-256, code); the stored one if unchanged."""
    kind = _doc_type(doc_type)
    with db.atomic():
        _lock(doc_type, source_id)
        require_role(actor, *kind.issue_roles)
        if doc_type in _ISSUE_CHECKS:
            _ISSUE_CHECKS[doc_type](actor, source_id)
        office = _office()
        source = _gather(doc_type, source_id, office, receipt_width)
        key = f"{doc_type}:{source_id}" + (f":{receipt_width}" if doc_type == RECEIPT else "")
        fingerprint = hashlib.sha256(repr(source.doc).encode("utf-8")).hexdigest()
        previous = _current(doc_type, source.case_id, key)
        if previous is not None and _summary(previous).get("sidik_data") == fingerprint:
            audit.record(actor, "dokumen_diminta_lagi", "issued_document", previous.id, jenis=doc_type)
            return _info(previous, reused=True)
        doc = source.doc
        if kind.number_pattern and not doc.number:  # a correction keeps the number of what it replaces
            number = previous.number if previous else take_number(kind.number_pattern, dt.date.today())
            doc = replace(doc, number=number)
        source = replace(source, doc=doc)
        row = _store(actor, kind, source, office.paper_size, key, fingerprint, previous, source_id)
        audit.record(
            actor,
            "dokumen_diterbitkan",
            "issued_document",
            row.id,
            jenis=doc_type,
            nomor=row.number,
            sha256=row.sha256,
            menggantikan=previous.id if previous else None,
        )
        return _info(row)


def _store(
    actor: Session,
    kind: DocType,
    source: _Source,
    paper: str,
    key: str,
    fingerprint: str,
    previous,
    source_id: int,
) -> IssuedDocument:
    """Archive the rendered document and point its record and SOP step at it."""
    issued_at = now()
    code = _new_code()
    doc = replace(source.doc, verification=P.Verification(code, issued_at, actor.full_name))
    data, pages, paper_size = _render(doc, paper, source.receipt_width)
    number = getattr(doc, "number", "") or getattr(doc, "agenda_number", "")
    summary: dict[str, Any] = {"sumber": key, "sidik_data": fingerprint, "jenis": kind.label, "nomor": number}
    if source.receipt_width:
        summary["lebar_struk_mm"] = source.receipt_width
    if pg_security.state() is not None:
        # Secured PostgreSQL: only the server's function writes issued_document; it stamps the
        # issuer from the login, checks the issuing role and the digest, and links the step.
        new_id = _call_refusable(
            "SELECT dd_issue_document(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            (
                kind.code,
                source.case_id,
                number or None,
                source.title[:300],
                paper_size,
                pages,
                data,
                hashlib.sha256(data).hexdigest(),
                code,
                issued_at,
                previous.id if previous else None,
                json.dumps(summary, ensure_ascii=False),
                source_id,
                kind.step_code,
                actor.user_id,
            ),
        )
        return IssuedDocument.get_by_id(new_id)
    row = IssuedDocument.create(
        doc_type=kind.code,
        case=source.case_id,
        number=number or None,
        title=source.title[:300],
        paper_size=paper_size,
        page_count=pages,
        pdf=data,
        sha256=hashlib.sha256(data).hexdigest(),
        verification_code=code,
        issued_by=actor.user_id,
        issued_at=issued_at,
        supersedes=previous.id if previous else None,
        summary=json.dumps(summary, ensure_ascii=False),
    )
    _link(kind, source_id, source.case_id, row.id)
    return row


def _call_refusable(sql: str, params: tuple) -> Any:
    """One value from a server function (a refusal arrives as PermissionDenied, see models.resilience)."""
    return db.execute_sql(sql, params).fetchone()[0]


def _render(doc, paper: str, receipt_width: int) -> tuple[bytes, int, str]:
    """(bytes, page count, paper size as archived) of a document."""
    if receipt_width:
        from desktop.printing.receipts import render_receipt

        return render_receipt(doc, receipt_width), 1, "RCPT"
    from desktop.printing.letters import render

    rendered = render(doc, paper)
    return rendered.data, rendered.page_count, rendered.paper


def _new_code() -> str:
    while True:  # 32^10 codes: a clash is all but impossible, but the column is unique anyway
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not IssuedDocument.select().where(IssuedDocument.verification_code == code).exists():
            return code


def _lock(doc_type: str, source_id: int) -> None:
    """Lock the source row first, so two clerks issuing the same record do not both render it."""
    model = _SOURCE_MODELS[doc_type]
    if pg_security.state() is not None:
        # Secured PostgreSQL: a role may issue from a row it may not update (FOR UPDATE needs
        # UPDATE): a transaction-scoped advisory lock on the source serializes the issuers.
        db.execute_sql("SELECT pg_advisory_xact_lock(hashtext(%s), %s)", (doc_type, source_id))
        found = model.select(model.id).where(model.id == source_id).exists()
    elif getattr(db.obj, "for_update", False):
        found = model.select(model.id).where(model.id == source_id).for_update().exists()
    else:  # SQLite: a first write takes the database's write lock for the whole transaction
        found = model.update(id=model.id).where(model.id == source_id).execute() == 1
    if not found:
        raise NotFound("Data yang akan dicetak tidak ditemukan (mungkin sudah dihapus).")


def _current(doc_type: str, case_id: int | None, key: str) -> IssuedDocument | None:
    """The newest document issued for a source (a source has only a few)."""
    query = IssuedDocument.select().where(IssuedDocument.doc_type == doc_type)
    query = query.where((IssuedDocument.case == case_id) if case_id else IssuedDocument.case.is_null())
    return next(
        (r for r in query.order_by(IssuedDocument.id.desc()) if _summary(r).get("sumber") == key), None
    )


def _link(kind: DocType, source_id: int, case_id: int | None, doc_id: int) -> None:
    """Point the record, and the SOP step whose output it is, at the current document."""
    if kind.code == "laporan":
        Report.update(document=doc_id).where(Report.id == source_id).execute()
    elif kind.code == "rekap":
        Recap.update(document=doc_id).where(Recap.id == source_id).execute()
    elif kind.code == "dokumen_inovasi":
        InnovationDocument.update(document=doc_id).where(InnovationDocument.id == source_id).execute()
    if kind.step_code and case_id:
        step = (
            CaseStep.select(CaseStep.id)
            .where((CaseStep.case == case_id) & (CaseStep.step_code == kind.step_code))
            .where(CaseStep.action == "selesai")
            .order_by(CaseStep.id.desc())
            .first()
        )
        if step is not None:
            CaseStep.update(document=doc_id).where(CaseStep.id == step.id).execute()


# --- Reading, reprinting, receipts to a printer -----------------------------------------------------


def _load(actor: Session, doc_id: int) -> IssuedDocument:
    row = IssuedDocument.get_or_none(IssuedDocument.id == doc_id)
    if row is None:
        raise NotFound("Dokumen tidak ditemukan di arsip.")
    return _load_row(actor, row)


def _load_row(actor: Session, row: IssuedDocument) -> IssuedDocument:
    """The row when the actor may read it: a read role, and a team role only for its team's case."""
    roles = _doc_type(row.doc_type).read_roles
    require_role(actor, *roles)
    if row.case_id and not actor.has_role(*(set(roles) - set(TEAM_ROLES))):
        # Read only through a team role: only a document of a case given to the reader's team.
        case = SopCase.get_or_none(SopCase.id == row.case_id)
        mine = TeamMember.select().where(TeamMember.user == actor.user_id)
        if case is None or case.team_id is None or not mine.where(TeamMember.team == case.team_id).exists():
            raise PermissionDenied("Dokumen ini milik kasus tim lain.")
    return row


def document_info(actor: Session, doc_id: int) -> IssuedDocumentInfo:
    """What an archived document is, without its bytes."""
    return _info(_load(actor, doc_id))


def get_document(actor: Session, doc_id: int, *, purpose: str = "baca") -> bytes:
    """The exact bytes as issued, to view ('baca') or reprint ('cetak'); both are audited."""
    if purpose not in ("baca", "cetak"):
        raise InvalidInput("Keperluan harus 'baca' atau 'cetak'.", field="purpose")
    with db.atomic():
        row = _load(actor, doc_id)
        action = "dokumen_dicetak" if purpose == "cetak" else "dokumen_dibaca"
        audit.record(actor, action, "issued_document", row.id, jenis=row.doc_type, nomor=row.number)
        return bytes(row.pdf)


def documents_for_case(actor: Session, case_id: int) -> list[IssuedDocumentInfo]:
    """The documents issued for a case that the actor may read, newest first."""
    rows = IssuedDocument.select().where(IssuedDocument.case == case_id).order_by(IssuedDocument.id.desc())
    found = []
    for row in rows:
        try:
            found.append(_info(_load_row(actor, row)))
        except PermissionDenied:
            continue
    return found


def print_receipt(actor: Session, doc_id: int, sink: ReceiptSink) -> None:
    """Send an archived receipt to a printer; on PrinterUnavailable it stays archived for 'coba lagi'."""
    with db.atomic():
        row = _load(actor, doc_id)
        if row.paper_size != "RCPT":
            raise InvalidInput("Dokumen ini bukan struk; cetak lewat printer surat.", field="document")
        audit.record(
            actor, "dokumen_dicetak", "issued_document", row.id, jenis=row.doc_type, nomor=row.number
        )
    try:  # outside the transaction: a printer that hangs must not hold database locks
        sink.send(bytes(row.pdf))
    except sinks.PrinterUnavailable as exc:
        with db.atomic():
            audit.record(actor, "struk_gagal_dicetak", "issued_document", doc_id, alasan=exc.message)
        raise PrinterUnavailable(exc.message, retryable=exc.retryable) from exc
    with db.atomic():
        audit.record(actor, "struk_terkirim", "issued_document", doc_id, printer=sink.describe())


def receipt_preview(actor: Session, doc_id: int) -> bytes:
    """A PNG of an archived thermal receipt, drawn from its stored ESC/POS bytes."""
    from desktop.printing.receipt_preview import preview_png

    with db.atomic():
        row = _load(actor, doc_id)
        if row.paper_size != "RCPT":
            raise InvalidInput("Dokumen ini bukan struk.", field="document")
        audit.record(actor, "dokumen_dibaca", "issued_document", row.id, jenis=row.doc_type)
    return preview_png(bytes(row.pdf), int(_summary(row).get("lebar_struk_mm", 80)))


def sop_source_id(code: str) -> int:
    """The source id of a built-in SOP's document (its stored copy, added on first use)."""
    definition = builtin_sops().get(code)
    if definition is None:
        raise NotFound(f"SOP '{code}' tidak dikenal.")
    with db.atomic():
        return sop_row(definition).id


# --- Verification -----------------------------------------------------------------------------------


def verify_document(code_or_qr_text: str, actor: Session | None = None) -> VerificationResult:
    """Check a verification code (as typed, dash optional) or the text of a scanned QR code."""
    text = (code_or_qr_text or "").strip().upper().removeprefix(P.VERIFY_PREFIX)
    code = re.sub(r"[\s\-]", "", text)
    if not _CODE_TEXT.fullmatch(code):
        return VerificationResult(
            False, "Kode verifikasi terdiri dari 10 huruf/angka (contoh K7MPX-2QR9T).", code
        )
    row = _archived(code=code)
    with db.atomic():
        entity_id = row.id if row else None
        audit.record(actor, "dokumen_diverifikasi", "issued_document", entity_id, kode=code, cocok=bool(row))
    if row is None:
        message = "Kode verifikasi tidak terdaftar: dokumen tidak diterbitkan kantor ini atau kodenya salah."
        return VerificationResult(False, message, code)
    return _verified(row)


def verify_file(data: bytes, actor: Session | None = None) -> VerificationResult:
    """Check a file (a PDF sent by e-mail, a saved receipt) byte for byte against the archive."""
    digest = hashlib.sha256(data).hexdigest()
    row = _archived(sha256=digest)
    with db.atomic():
        entity_id = row.id if row else None
        audit.record(
            actor, "berkas_diverifikasi", "issued_document", entity_id, sha256=digest, cocok=bool(row)
        )
    if row is None:
        message = (
            "Berkas ini tidak sama dengan dokumen mana pun di arsip: "
            "berkas telah diubah atau bukan terbitan kantor ini."
        )
        return VerificationResult(False, message, sha256=digest)
    return _verified(row)


def _archived(*, code: str | None = None, sha256: str | None = None) -> IssuedDocument | None:
    """The archived document with this code or digest, without its bytes.

    On a secured PostgreSQL database row-level security hides documents a role may not read;
    verification answers for every document through the server's function (never the bytes).
    """
    if pg_security.state() is None:
        condition = (IssuedDocument.verification_code == code) if code else (IssuedDocument.sha256 == sha256)
        return IssuedDocument.get_or_none(condition)
    cursor = db.execute_sql("SELECT * FROM dd_document_meta(%s, %s)", (code, sha256))
    found = cursor.fetchone()
    if found is None:
        return None
    values = dict(zip([c[0] for c in cursor.description], found, strict=True))
    superseded = values.pop("superseded")
    row = IssuedDocument(**values)
    row._superseded = superseded  # type: ignore[attr-defined]
    return row


def _verified(row: IssuedDocument) -> VerificationResult:
    info = _info(row)
    newer = getattr(row, "_superseded", None)
    if newer is None:
        newer = IssuedDocument.select().where(IssuedDocument.supersedes == row.id).exists()
    message = (
        f"Dokumen asli: {info.type_label}, diterbitkan {info.issued_at:%d-%m-%Y %H.%M} oleh {info.issued_by}."
    )
    if newer:
        message += " Dokumen ini sudah diganti oleh terbitan yang lebih baru."
    return VerificationResult(
        found=True,
        message=message,
        code=info.verification_code,
        doc_type=info.doc_type,
        type_label=info.type_label,
        number=info.number,
        title=info.title,
        issued_by=info.issued_by,
        issued_at=info.issued_at,
        sha256=info.sha256,
        page_count=info.page_count,
        paper_size=info.paper_size,
        superseded=newer,
    )


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


# --- Gathering records into printable data -----------------------------------------------------------


def _office() -> Office:
    office = Office.select().order_by(Office.id).first()
    if office is None:
        raise WorkflowError("Data kantor (kop surat) belum diatur. Minta Administrator mengisinya.")
    return office


def _letterhead(office: Office) -> P.Letterhead:
    logo = bytes(office.logo_png) if office.logo_png else None
    return P.Letterhead(
        government=office.government,
        agency=office.agency,
        address=office.address,
        phone=office.phone,
        email=office.email,
        website=office.website,
        city=office.city,
        logo_png=logo,
    )


def _official(user: User, title: str = "") -> P.Official:
    return P.Official(user.full_name, user.nip, user.pangkat_golongan, title or user.jabatan)


def _signer_title(purpose: str, user: User) -> str:
    """The title a user signs with for a purpose (Signer settings), else their jabatan."""
    signer = Signer.get_or_none(Signer.purpose == purpose)
    return signer.title if signer is not None and signer.user_id == user.id else user.jabatan


def _masked(text: str) -> str:
    """Receipts never show a whole NIK, even one typed into a subject."""
    return _NIK_IN_TEXT.sub(lambda m: mask_nik(m.group(0)), text)


def _gather(doc_type: str, source_id: int, office: Office, receipt_width: int = 80) -> _Source:
    source = _GATHER[doc_type](source_id, _letterhead(office))
    return replace(source, receipt_width=receipt_width) if doc_type == RECEIPT else source


def _receipt(letter_id: int, head: P.Letterhead) -> _Source:
    letter = IncomingLetter.get_or_none(IncomingLetter.id == letter_id)
    if letter is None:
        raise NotFound("Surat masuk tidak ditemukan.")
    case, nagari = letter.case, letter.nagari
    requested = (
        RequestedService.select(RequestedService, ServiceCategory)
        .join(ServiceCategory)
        .where(RequestedService.letter == letter.id)
        .order_by(ServiceCategory.sort_order, ServiceCategory.id)
    )
    doc = P.ReceiptDoc(
        letterhead=head,
        agenda_number=letter.agenda_number,
        tracking_code=letter.tracking_code,
        received_at=letter.received_at,
        letter_number=_masked(letter.letter_number),
        letter_date=letter.letter_date,
        sender=_masked(letter.sender),
        nagari=nagari.name,
        kecamatan=nagari.kecamatan.name,
        subject=_masked(letter.subject),
        due_on=case.due_on if case else None,
        requested=tuple((r.category.name, r.estimated_count) for r in requested),
        case_reference=case.reference if case else "",
        received_by=_official(letter.registered_by),
        sla_days=definition_of(case).time_limit_days if case else None,
    )
    return _Source(doc, f"Tanda Terima Surat Permohonan {letter.agenda_number}", case.id if case else None)


def _disposition(disposition_id: int, head: P.Letterhead) -> _Source:
    d = Disposition.get_or_none(Disposition.id == disposition_id)
    if d is None:
        raise NotFound("Disposisi tidak ditemukan.")
    if d.signed_at is None or d.signed_by is None:
        raise WorkflowError(
            "Disposisi belum ditandatangani; lembar disposisi dicetak setelah ditandatangani."
        )
    letter, case, signer = d.letter, d.case, d.signed_by
    chosen = set(d.requests.split(","))
    signed_by = _official(signer, _signer_title("kabid_pelayanan", signer))
    doc = P.DispositionDoc(
        letterhead=head,
        number="",
        letter_from=letter.sender if letter else "Analisis Kepala Dinas (tanpa surat)",
        letter_number=letter.letter_number if letter else "-",
        letter_date=letter.letter_date if letter else None,
        received_on=(letter.received_at if letter else case.opened_at).date(),
        agenda_number=letter.agenda_number if letter else "-",
        sifat=d.sifat,
        subject=letter.subject if letter else case.title,
        forwarded_to=d.forwarded_to,
        requests=tuple((label, code in chosen) for code, label in DISPOSITION_REQUESTS.items()),
        instructions=d.instructions,
        deadline=d.deadline,
        team=d.team.name if d.team_id else "",
        sign_off=P.ElectronicSignOff(signed_by, d.signed_at, d.signature_sha256),
    )
    return _Source(doc, f"Lembar Disposisi {case.reference}: {doc.subject}", case.id)


def _assignment(letter_id: int, head: P.Letterhead) -> _Source:
    letter = AssignmentLetter.get_or_none(AssignmentLetter.id == letter_id)
    if letter is None:
        raise NotFound("Surat Tugas tidak ditemukan.")
    if letter.signed_at is None or letter.signed_by is None:
        raise WorkflowError("Surat Tugas belum ditandatangani Kepala Dinas.")
    signer = _official(letter.signed_by, _signer_title("kepala_dinas", letter.signed_by))
    members = letter.members.order_by(AssignmentMember.position)
    doc = P.AssignmentDoc(
        letterhead=head,
        number=letter.number,
        basis=_lines(letter.basis),
        members=tuple(
            P.AssignedMember(m.full_name, m.nip, m.pangkat_golongan, m.jabatan, m.is_leader) for m in members
        ),
        task=letter.task,
        place=letter.place,
        start_on=letter.start_on,
        end_on=letter.end_on,
        signed_on=letter.signed_at.date(),
        signer=signer,
        copies_to=_lines(letter.copies_to),
        sign_off=P.ElectronicSignOff(signer, letter.signed_at, letter.signature_sha256),
    )
    return _Source(doc, f"Surat Tugas {letter.number}", letter.case_id)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def _report(report_id: int, head: P.Letterhead) -> _Source:
    report = Report.get_or_none(Report.id == report_id)
    if report is None:
        raise NotFound("Laporan tidak ditemukan.")
    if report.submitted_at is None or report.submitted_by is None:
        raise WorkflowError("Laporan belum disampaikan Ketua Tim; laporan dicetak setelah disampaikan.")
    case = report.case
    records = _records(case.id)
    assignment = case.assignment_letters.order_by(AssignmentLetter.id.desc()).first()
    members = list(assignment.members.order_by(AssignmentMember.position)) if assignment else []
    team = case.team.name if case.team_id else "Tim SIJARLA"
    served = [r.served_on for r in records if r.served_on]
    doc = P.ReportDoc(
        letterhead=head,
        number="",
        title="LAPORAN PELAKSANAAN INOVASI SIJARLA",
        case_reference=case.reference,
        nagari=case.nagari.name if case.nagari_id else "",
        kecamatan=case.nagari.kecamatan.name if case.nagari_id else "",
        introduction=report.introduction,
        activities=report.activities,
        conclusion=report.conclusion,
        closing=report.closing,
        records=tuple(records),
        totals=_category_totals(case.id),
        outcomes=tuple(_count_by(r.outcome for r in records).items()),
        signed_on=report.submitted_at.date(),
        signer=_official(report.submitted_by, f"Ketua {team}"),
        team=team,
        assignment_number=assignment.number if assignment else "",
        members=tuple(m.full_name + (" (Ketua)" if m.is_leader else "") for m in members),
        served_from=min(served, default=None),
        served_until=max(served, default=None),
        addressed_to="Ketua Pelaksana Harian Inovasi SIJARLA",
    )
    return _Source(doc, f"Laporan Pelaksanaan Inovasi SIJARLA {case.reference} Nagari {doc.nagari}", case.id)


def _records(case_id: int) -> list[P.ServiceLine]:
    """The by-name-by-address rows with the full NIK (the official report shows it)."""
    query = (
        ServiceRecord.select(ServiceRecord, ServiceCategory, TargetGroup, ServiceOutcome)
        .join_from(ServiceRecord, ServiceCategory)
        .join_from(ServiceRecord, TargetGroup)
        .join_from(ServiceRecord, ServiceOutcome)
        .where(ServiceRecord.case == case_id)
        .order_by(ServiceRecord.served_on, ServiceRecord.id)
    )
    return [
        P.ServiceLine(
            nik=r.nik,
            name=r.full_name,
            address=_address(r.address, r.jorong),
            category=r.category.name,
            target_group=r.target_group.name,
            outcome=r.outcome.name,
            reason=r.outcome_reason,
            served_on=r.served_on,
        )
        for r in query
    ]


def _address(address: str, jorong: str) -> str:
    """The address with its jorong, unless the address already names it."""
    if not jorong or jorong in address:
        return address
    return f"{address}, {jorong}" if address else jorong


def _category_totals(case_id: int) -> tuple[P.CategoryTotal, ...]:
    """Served per category in SQL: all rows, and those whose outcome counts as served."""
    served = fn.SUM(ServiceOutcome.counts_as_served.cast("integer"))
    query = (
        ServiceRecord.select(ServiceCategory.name, fn.COUNT(ServiceRecord.id), served)
        .join_from(ServiceRecord, ServiceCategory)
        .join_from(ServiceRecord, ServiceOutcome)
        .where(ServiceRecord.case == case_id)
        .group_by(ServiceCategory.name, ServiceCategory.sort_order)
        .order_by(ServiceCategory.sort_order, ServiceCategory.name)
        .tuples()
    )
    rows: list[tuple[str, int, int | None]] = list(query)  # type: ignore[arg-type]
    return tuple(P.CategoryTotal(name, int(total), int(done or 0)) for name, total, done in rows)


def _count_by(values) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def _recap(recap_id: int, head: P.Letterhead) -> _Source:
    recap = Recap.get_or_none(Recap.id == recap_id)
    if recap is None:
        raise NotFound("Rekapitulasi tidak ditemukan.")
    figures = json.loads(recap.figures)
    period = Period(recap.period_kind, recap.period_start, recap.period_end)
    kabid = recap.submitted_by
    doc = P.RecapDoc(
        letterhead=head,
        number="",
        title="Rekapitulasi Pelayanan Inovasi SIJARLA",
        period_label=period.title,
        period_start=period.start,
        period_end=period.end,
        rows=tuple(tuple(row) for row in figures.get("rows", [])),
        total_records=figures.get("total_records", 0),
        served=figures.get("served", 0),
        cases_opened=figures.get("cases_opened", 0),
        cases_finished=figures.get("cases_finished", 0),
        cases_within_limit=figures.get("cases_within_limit", 0),
        cases_late=figures.get("cases_late", 0),
        signed_on=recap.built_at.date(),
        signer=_official(recap.built_by, "Ketua Pelaksana Harian Inovasi SIJARLA"),
        sla_days=builtin_sops()["sijarla"].time_limit_days,
        acknowledged_by=_official(kabid) if kabid is not None else None,
        note=recap.note,
    )
    return _Source(doc, recap.title, None)


def _sop(sop_id: int, head: P.Letterhead) -> _Source:
    sop = Sop.get_or_none(Sop.id == sop_id)
    if sop is None:
        raise NotFound("SOP tidak ditemukan.")
    return _sop_document(load_sop_text(sop.definition, f"{sop.code}.toml"), head)


def _sop_document(d: SopDefinition, head: P.Letterhead) -> _Source:
    """The SOP as its document prints it: identity sheet and matrix, from the definition as stored."""
    if d.office and d.office.upper() not in head.government.upper():
        # Another office's SOP: its own name on top, without this office's emblem and contacts.
        head = P.Letterhead(f"PEMERINTAH {d.office.upper()}", (d.agency or head.agency).upper())
    approver = d.approved_by
    doc = P.SopMatrixDoc(
        letterhead=head,
        number=d.number,
        title=d.title,
        columns=tuple((c.code, c.label) for c in d.columns),
        rows=tuple(
            P.MatrixLine(
                r.number, r.activity, r.columns, r.persyaratan, r.kelengkapan, r.time, r.output, r.remarks
            )
            for r in d.matrix_rows()
        ),
        subtitle=d.subtitle,
        created_on=d.created_on,
        revised_on=d.revised_on,
        effective_on=d.effective_on,
        approver=P.Official(approver.name, approver.nip, "", approver.title) if approver else None,
        legal_basis=d.legal_basis,
        qualifications=d.qualifications,
        related_sops=d.related_sops,
        equipment=d.equipment,
        warnings=d.warnings,
        recording=d.recording,
        notes=d.notes,
    )
    return _Source(doc, f"SOP {d.number} {d.title}", None)


# --- Inovasi: step documents and the profile ----------------------------------------------------------

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
    for step in definition.steps:
        taken = [e for e in timeline if e.step_code == step.code]
        last = taken[-1] if taken else None
        running = case.status == "berjalan" and case.current_step == step.code
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
            )
        )
    done = [e.done_on for e in timeline if e.done_on]
    out = profile.outputs
    days = [*done, *(d for d in (out.last_day,) if d)]
    status = (
        f"berjalan, langkah {definition.step(case.current_step).number}: "
        f"{definition.step(case.current_step).name}"
        if case.status == "berjalan"
        else case.status
    )
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


_GATHER: dict[str, Callable[[int, P.Letterhead], _Source]] = {
    "tanda_terima": _receipt,
    RECEIPT: _receipt,
    "disposisi": _disposition,
    "surat_tugas": _assignment,
    "laporan": _report,
    "rekap": _recap,
    "sop": _sop,
    "dokumen_inovasi": _innovation_document,
    "profil_inovasi": _innovation_profile,
}
_SOURCE_MODELS = {
    "tanda_terima": IncomingLetter,
    RECEIPT: IncomingLetter,
    "disposisi": Disposition,
    "surat_tugas": AssignmentLetter,
    "laporan": Report,
    "rekap": Recap,
    "sop": Sop,
    "dokumen_inovasi": InnovationDocument,
    "profil_inovasi": Innovation,
}


# --- Samples (`dinas-desk documents sample`): every type from the newest records, never archived ----


@dataclass(frozen=True)
class SampleDocument:
    name: str  # file name without extension
    doc_type: str
    data: bytes
    media: str  # "pdf" or "escpos"
    page_count: int = 1
    receipt_width: int = 0


def sample_documents() -> list[SampleDocument]:
    """One of each document (receipts at 58 and 80 mm) from the newest records, marked CONTOH."""
    office = _office()
    sources: list[tuple[str, str, _Source]] = []
    for doc_type, name, source_id in _newest_sources():
        for width in (58, 80) if doc_type == RECEIPT else (0,):
            label = f"{name}_{width}mm" if width else name
            sources.append((doc_type, label, _gather(doc_type, source_id, office, width)))
    for code, definition in sorted(builtin_sops().items()):  # the SOPs as shipped: nothing is stored
        sources.append(("sop", f"sop_{code}", _sop_document(definition, _letterhead(office))))
    stamp = P.Verification(SAMPLE_CODE, now(), "Dinas Desk (contoh)", sample=True)
    out: list[SampleDocument] = []
    for doc_type, label, source in sources:
        doc = source.doc
        pattern = DOC_TYPES[doc_type].number_pattern
        if pattern and not doc.number:
            doc = replace(doc, number=_next_number(pattern))
        data, pages, _ = _render(replace(doc, verification=stamp), office.paper_size, source.receipt_width)
        media = "escpos" if source.receipt_width else "pdf"
        out.append(SampleDocument(label, doc_type, data, media, pages, source.receipt_width))
    return out


def _newest_sources() -> list[tuple[str, str, int]]:
    """(doc_type, file name, source id) of the newest record of each kind that can be printed."""
    found: list[tuple[str, str, int | None]] = [
        ("tanda_terima", "tanda_terima", _newest(IncomingLetter)),
        (RECEIPT, "struk", _newest(IncomingLetter)),
        ("disposisi", "lembar_disposisi", _newest(Disposition, Disposition.signed_at.is_null(False))),
        ("surat_tugas", "surat_tugas", _newest(AssignmentLetter, AssignmentLetter.signed_at.is_null(False))),
        ("laporan", "laporan_pelaksanaan", _newest(Report, Report.submitted_at.is_null(False))),
        ("rekap", "rekapitulasi", _newest(Recap)),
        ("dokumen_inovasi", "dokumen_inovasi", _newest(InnovationDocument)),
        ("profil_inovasi", "profil_inovasi", _newest(Innovation)),
    ]
    return [(t, name, i) for t, name, i in found if i is not None]


def newest_source_id(doc_type: str) -> int | None:
    """The id of the newest record a document of this type can be issued from (the self-test's pick)."""
    return next((source_id for t, _name, source_id in _newest_sources() if t == doc_type), None)


def _newest(model, *conditions) -> int | None:
    query = model.select(model.id)
    for condition in conditions:
        query = query.where(condition)
    row = query.order_by(model.id.desc()).first()
    return row.id if row else None


def _next_number(pattern_code: str) -> str:
    """The number the next issue of a pattern would take, without taking it."""
    pattern = NumberingPattern.get_or_none(NumberingPattern.code == pattern_code)
    if pattern is None:
        return "-"
    today = dt.date.today()
    year = today.year if pattern.reset_yearly else 0
    last = (
        NumberSequence.select(fn.MAX(NumberSequence.last_value))
        .where((NumberSequence.pattern == pattern.id) & (NumberSequence.year == year))
        .scalar()
    )
    return render_number(
        pattern.pattern, seq=(last or 0) + 1, on=today, klasifikasi=pattern.klasifikasi, unit=pattern.unit
    )
