"""The archive: reading an issued document, its list per case, reprinting a receipt to a printer."""

from __future__ import annotations

from desktop.models import (
    IssuedDocument,
    SopCase,
    TeamMember,
    db,
)
from desktop.printing import sinks
from desktop.printing.sinks import ReceiptSink
from desktop.services.documents.types import (
    TEAM_ROLES,
    IssuedDocumentInfo,
    PrinterUnavailable,
    _doc_type,
    _info,
    _summary,
)
from desktop.services.errors import InvalidInput, NotFound, PermissionDenied
from desktop.services.security import audit
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.sop.workflow import builtin_sops, sop_row


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
