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
import secrets
from dataclasses import replace
from typing import Any

from desktop.models import (
    CaseStep,
    InnovationDocument,
    IssuedDocument,
    Recap,
    Report,
    db,
    pg_security,
)
from desktop.models.base import now
from desktop.printing import data as P
from desktop.services.documents.archive import document_info as document_info
from desktop.services.documents.archive import documents_for_case as documents_for_case
from desktop.services.documents.archive import get_document as get_document
from desktop.services.documents.archive import print_receipt as print_receipt
from desktop.services.documents.archive import receipt_preview as receipt_preview
from desktop.services.documents.archive import sop_source_id as sop_source_id
from desktop.services.documents.gather_inovasi import _ISSUE_CHECKS
from desktop.services.documents.gather_inovasi import INNOVATION_TITLES as INNOVATION_TITLES
from desktop.services.documents.gathering import _SOURCE_MODELS, _gather, _render
from desktop.services.documents.letterhead import (
    _office,
)
from desktop.services.documents.samples import SampleDocument as SampleDocument
from desktop.services.documents.samples import newest_source_id as newest_source_id
from desktop.services.documents.samples import sample_documents as sample_documents
from desktop.services.documents.types import CODE_ALPHABET as CODE_ALPHABET
from desktop.services.documents.types import CODE_LENGTH as CODE_LENGTH
from desktop.services.documents.types import DOC_TYPES as DOC_TYPES
from desktop.services.documents.types import RECEIPT as RECEIPT
from desktop.services.documents.types import SAMPLE_CODE as SAMPLE_CODE
from desktop.services.documents.types import TEAM_ROLES as TEAM_ROLES
from desktop.services.documents.types import DocType as DocType
from desktop.services.documents.types import DocumentNotMade as DocumentNotMade
from desktop.services.documents.types import IssuedDocumentInfo as IssuedDocumentInfo
from desktop.services.documents.types import PrinterUnavailable as PrinterUnavailable
from desktop.services.documents.types import VerificationResult as VerificationResult
from desktop.services.documents.types import _doc_type, _info, _Source, _summary
from desktop.services.documents.verification import verify_document as verify_document
from desktop.services.documents.verification import verify_file as verify_file
from desktop.services.errors import InvalidInput, NotFound
from desktop.services.office.numbering import take_number
from desktop.services.office.signing_settings import verify_url
from desktop.services.security import audit
from desktop.services.security.auth import require_role
from desktop.services.session import Session

# --- Issuing ----------------------------------------------------------------------------------------


def issue_document(
    actor: Session, doc_type: str, source_id: int, *, receipt_width: int = 80, receipt_columns: int = 0
) -> IssuedDocumentInfo:
    """Render a record's document once and archive it (bytes, SHA-256, code); the stored one if unchanged.

    A receipt is laid out for `receipt_width` mm paper and `receipt_columns` characters per line
    (0: the width's own count; a 42-column printer on 80 mm paper sets 42).

    A type with other editions (the Laporan: the team's with full NIKs, and one with NIKs masked for
    the chain of command) issues them too, in the same transaction, under the same number.
    """
    with db.atomic():
        info = _issue(actor, _doc_type(doc_type), source_id, receipt_width, receipt_columns)
        for edition in _EDITIONS.get(doc_type, ()):
            _issue(actor, _doc_type(edition), source_id, receipt_width, receipt_columns)
        return info


_EDITIONS: dict[str, list[str]] = {}
for _kind in DOC_TYPES.values():
    if _kind.edition_of:
        _EDITIONS.setdefault(_kind.edition_of, []).append(_kind.code)


def _edition_number(kind: DocType, case_id: int | None, source_id: int) -> str:
    """The number another edition of the same document already carries ("" when none is seen)."""
    siblings = [kind.edition_of] if kind.edition_of else _EDITIONS.get(kind.code, [])
    for code in siblings:
        found = _current(code, case_id, f"{code}:{source_id}")
        if found is not None and found.number:
            return str(found.number)
    return ""


def _receipt_columns(width: int, columns: int) -> int:
    """The receipt's characters per line, 0 for the width's own; a count the paper cannot hold is refused."""
    from desktop.printing.receipts import printer_for

    try:
        spec = printer_for(width, columns)
    except ValueError as exc:
        raise InvalidInput(str(exc), field="receipt_columns") from exc
    return 0 if spec == printer_for(width) else spec.columns


def _issue(
    actor: Session, kind: DocType, source_id: int, receipt_width: int, receipt_columns: int = 0
) -> IssuedDocumentInfo:
    doc_type = kind.code
    _lock(doc_type, source_id)
    require_role(actor, *kind.issue_roles)
    if doc_type in _ISSUE_CHECKS:
        _ISSUE_CHECKS[doc_type](actor, source_id)
    office = _office()
    if doc_type == RECEIPT:
        receipt_columns = _receipt_columns(receipt_width, receipt_columns)
    source = _gather(doc_type, source_id, office, receipt_width, receipt_columns)
    key = f"{doc_type}:{source_id}" + (f":{receipt_width}" if doc_type == RECEIPT else "")
    key += f":{receipt_columns}k" if doc_type == RECEIPT and receipt_columns else ""
    fingerprint = _fingerprint(source.doc, verify_url(office))
    previous = _current(doc_type, source.case_id, key)
    if previous is not None and _summary(previous).get("sidik_data") == fingerprint:
        audit.record(actor, "dokumen_diminta_lagi", "issued_document", previous.id, jenis=doc_type)
        return _info(previous, reused=True)
    doc = source.doc
    if kind.number_pattern and not doc.number:  # a correction keeps the number of what it replaces
        number = previous.number if previous else _edition_number(kind, source.case_id, source_id)
        number = number or take_number(kind.number_pattern, dt.date.today())
        doc = replace(doc, number=number)
    source = replace(source, doc=doc)
    row = _store(actor, kind, source, office, key, fingerprint, previous, source_id)
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


def _fingerprint(doc: Any, url: str) -> str:
    """The SHA-256 of what a document shows. The signing mode and the verification address count only
    when they differ from what documents had before they existed, so older documents stay current."""
    text = repr(doc)
    if getattr(doc, "sign_mode", P.IN_APP) != P.IN_APP:
        text += f"|tanda_tangan={doc.sign_mode}"
    if url:
        text += f"|verifikasi={url}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _store(
    actor: Session,
    kind: DocType,
    source: _Source,
    office: Any,
    key: str,
    fingerprint: str,
    previous,
    source_id: int,
) -> IssuedDocument:
    """Archive the rendered document and point its record and SOP step at it."""
    issued_at = now()
    code = _new_code()
    stamp = P.Verification(code, issued_at, actor.full_name, url=verify_url(office))
    doc = replace(source.doc, verification=stamp)
    try:
        data, pages, paper_size = _render(
            doc, office.paper_size, source.receipt_width, source.receipt_columns
        )
    except Exception as exc:  # the printing boundary: any failure to lay the data out (LayoutError ...)
        raise DocumentNotMade(kind.label, exc) from exc
    number = getattr(doc, "number", "") or getattr(doc, "agenda_number", "")
    summary: dict[str, Any] = {"sumber": key, "sidik_data": fingerprint, "jenis": kind.label, "nomor": number}
    if source.receipt_width:
        summary["lebar_struk_mm"] = source.receipt_width
        if source.receipt_columns:
            summary["kolom_struk"] = source.receipt_columns
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


# --- Samples (`dinas-desk documents sample`): every type from the newest records, never archived ----
