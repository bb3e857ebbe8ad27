"""Letters and reports as PDF: one entry point for every document, A4 or F4.

    rendered = render(doc, paper="F4")   # RenderedPdf: bytes, page count, size in points
    pdf = render_pdf(doc)                # just the bytes

reportlab.platypus costs about 100 ms to import, so the layouts (pdf_letters, pdf_reports,
pdf_sop, pdf_innovation, pdfbase) are imported on the first render, never when the app starts.
"""

from __future__ import annotations

from dataclasses import dataclass

from .data import (
    PAPER_SIZES,
    AssignmentDoc,
    DispositionDoc,
    InnovationProfileDoc,
    InnovationStepDoc,
    LetterDoc,
    RecapDoc,
    ReceiptDoc,
    ReportDoc,
    SopMatrixDoc,
)


@dataclass(frozen=True)
class RenderedPdf:
    """A rendered document: the exact bytes to archive and print, and what they hold."""

    data: bytes
    page_count: int
    paper: str  # A4 or F4
    width_pt: float
    height_pt: float

    @property
    def landscape(self) -> bool:
        return self.width_pt > self.height_pt


def render(doc: LetterDoc, paper: str = "A4") -> RenderedPdf:
    """Render any letter dataclass on A4 or F4 paper (the SOP matrix turns to landscape)."""
    if paper not in PAPER_SIZES:
        raise ValueError(f"Ukuran kertas '{paper}' tidak dikenal (A4 atau F4).")
    built = _layout(doc, paper)
    return RenderedPdf(built.data, built.page_count, paper, built.width, built.height)


def render_pdf(doc: LetterDoc, paper: str = "A4") -> bytes:
    """The PDF bytes of a letter."""
    return render(doc, paper).data


def _layout(doc: LetterDoc, paper: str):
    if isinstance(doc, ReceiptDoc):
        from .pdf_letters import receipt_letter

        return receipt_letter(doc, paper)
    if isinstance(doc, DispositionDoc):
        from .pdf_letters import disposition_sheet

        return disposition_sheet(doc, paper)
    if isinstance(doc, AssignmentDoc):
        from .pdf_letters import assignment_letter

        return assignment_letter(doc, paper)
    if isinstance(doc, ReportDoc):
        from .pdf_reports import execution_report

        return execution_report(doc, paper)
    if isinstance(doc, RecapDoc):
        from .pdf_reports import recap_report

        return recap_report(doc, paper)
    if isinstance(doc, SopMatrixDoc):
        from .pdf_sop import sop_matrix

        return sop_matrix(doc, paper)
    if isinstance(doc, InnovationStepDoc):
        from .pdf_innovation import innovation_step_document

        return innovation_step_document(doc, paper)
    if isinstance(doc, InnovationProfileDoc):
        from .pdf_innovation import innovation_profile

        return innovation_profile(doc, paper)
    raise TypeError(f"Tidak ada tata letak untuk {type(doc).__name__}.")
