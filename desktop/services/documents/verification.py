"""Verifying a document: does a code, a QR text or a PDF file match an issued document?"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qs, urlsplit

from desktop.models import (
    IssuedDocument,
    db,
    pg_security,
)
from desktop.printing import data as P
from desktop.printing.text import datetime_id
from desktop.services.documents.types import (
    _CODE_TEXT,
    VerificationResult,
    _info,
)
from desktop.services.security import audit
from desktop.services.session import Session


def code_from(code_or_qr_text: str) -> str:
    """The code in what was typed or scanned: a code (dash and spaces optional), the offline QR text
    DINASDESK:VERIFY:<code>, or the office's verification address https://...?kode=<code>."""
    text = (code_or_qr_text or "").strip()
    if text.lower().startswith(("https://", "http://")):
        found = parse_qs(urlsplit(text).query).get("kode", [""])
        text = found[0]
    text = text.upper().removeprefix(P.VERIFY_PREFIX)
    return re.sub(r"[\s\-]", "", text)


def verify_document(code_or_qr_text: str, actor: Session | None = None) -> VerificationResult:
    """Check a verification code (as typed, dash optional) or the text of a scanned QR code (either form)."""
    code = code_from(code_or_qr_text)
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
        f"Dokumen asli: {info.type_label}, diterbitkan {datetime_id(info.issued_at)} oleh {info.issued_by}."
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
