"""Gathering a record into printable data, by document type (each SOP's gatherers in their own module)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from desktop.models import (
    AssignmentLetter,
    Disposition,
    IncomingLetter,
    Innovation,
    InnovationDocument,
    Office,
    Recap,
    Report,
    Sop,
)
from desktop.printing import data as P
from desktop.services.documents.gather_inovasi import (
    _innovation_document,
    _innovation_profile,
)
from desktop.services.documents.gather_sijarla import (
    _assignment,
    _disposition,
    _recap,
    _receipt,
    _report,
    _report_masked,
)
from desktop.services.documents.letterhead import (
    _letterhead,
)
from desktop.services.documents.types import (
    RECEIPT,
    _Source,
)
from desktop.services.errors import NotFound
from desktop.services.office.signing_settings import sign_mode
from desktop.services.sop.definition import SopDefinition
from desktop.services.sop.loader import load_sop_text
from desktop.services.sop.view import source_line


def _gather(
    doc_type: str, source_id: int, office: Office, receipt_width: int = 80, receipt_columns: int = 0
) -> _Source:
    source = _GATHER[doc_type](source_id, _letterhead(office))
    if hasattr(source.doc, "sign_mode"):  # in the app or by hand: the office's choice for the type
        source = replace(source, doc=replace(source.doc, sign_mode=sign_mode(office, doc_type)))
    if doc_type != RECEIPT:
        return source
    return replace(source, receipt_width=receipt_width, receipt_columns=receipt_columns)


def _sop(sop_id: int, head: P.Letterhead) -> _Source:
    sop = Sop.get_or_none(Sop.id == sop_id)
    if sop is None:
        raise NotFound("SOP tidak ditemukan.")
    return _sop_document(load_sop_text(sop.definition, f"{sop.code}.toml"), head)


def _sop_document(d: SopDefinition, head: P.Letterhead) -> _Source:
    """The SOP as its document prints it: identity sheet and matrix, from the definition as stored."""
    # This office's own header (issue 15 item 11); the SOP's own office is named in the source line.
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
        source=source_line(d),
    )
    return _Source(doc, f"SOP {d.number} {d.title}", None)


_GATHER: dict[str, Callable[[int, P.Letterhead], _Source]] = {
    "tanda_terima": _receipt,
    RECEIPT: _receipt,
    "disposisi": _disposition,
    "surat_tugas": _assignment,
    "laporan": _report,
    "laporan_tersamar": _report_masked,
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
    "laporan_tersamar": Report,
    "rekap": Recap,
    "sop": Sop,
    "dokumen_inovasi": InnovationDocument,
    "profil_inovasi": Innovation,
}


def _render(doc, paper: str, receipt_width: int, receipt_columns: int = 0) -> tuple[bytes, int, str]:
    """(bytes, page count, paper size as archived) of a document."""
    if receipt_width:
        from desktop.printing.receipts import render_receipt

        return render_receipt(doc, receipt_width, receipt_columns), 1, "RCPT"
    from desktop.printing.letters import render

    rendered = render(doc, paper)
    return rendered.data, rendered.page_count, rendered.paper
