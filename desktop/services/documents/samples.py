"""Samples for `dinas-desk documents sample`: every type from the newest records, rendered, never archived."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from peewee import fn

from desktop.models import (
    AssignmentLetter,
    Disposition,
    IncomingLetter,
    Innovation,
    InnovationDocument,
    NumberingPattern,
    NumberSequence,
    Recap,
    Report,
)
from desktop.models.base import now
from desktop.printing import data as P
from desktop.services.documents.archive import document_info as document_info
from desktop.services.documents.archive import documents_for_case as documents_for_case
from desktop.services.documents.archive import get_document as get_document
from desktop.services.documents.archive import print_receipt as print_receipt
from desktop.services.documents.archive import receipt_preview as receipt_preview
from desktop.services.documents.archive import sop_source_id as sop_source_id
from desktop.services.documents.gathering import _gather, _render, _sop_document
from desktop.services.documents.letterhead import (
    _letterhead,
    _office,
)
from desktop.services.documents.types import (
    DOC_TYPES,
    RECEIPT,
    SAMPLE_CODE,
    _Source,
)
from desktop.services.office.numbering import render as render_number
from desktop.services.office.signing_settings import verify_url
from desktop.services.sop.workflow import builtin_sops


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
    stamp = P.Verification(SAMPLE_CODE, now(), "Dinas Desk (contoh)", sample=True, url=verify_url(office))
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
        (
            "laporan_tersamar",
            "laporan_pelaksanaan_nik_tersamar",
            _newest(Report, Report.submitted_at.is_null(False)),
        ),
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
