"""Putting a letter on pages: margins, the footer with the verification line, 'Halaman x dari y'.

Imports reportlab.platypus at module level, like pdfbase: only loaded when a document renders.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from .data import Verification
from .pdfbase import (
    FONT,
    FONT_BOLD,
    GREY,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    page_size,
    register_fonts,
)
from .text import datetime_id, group_code

# --- Document assembly: footer, page numbers, running header -----------------------------------


@dataclass(frozen=True)
class PageFurniture:
    """What every page carries besides the story: the running title and the verification line."""

    running_title: str
    verification: Verification | None


class NumberedCanvas(Canvas):
    """Draws 'Halaman x dari y' once the total is known (pages are kept until save)."""

    def __init__(self, *args, furniture: PageFurniture, margins: tuple[float, float, float, float], **kwargs):
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._margins = margins
        self._pages: list[dict] = []
        self._page_end: dict[str, Callable[[Canvas], None]] = {}
        self.page_total = 0

    def on_page_end(self, key: str, callback: Callable[[Canvas], None]) -> None:
        """Run `callback(canvas)` once when this page is finished (e.g. to join flowchart marks)."""
        self._page_end[key] = callback

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        for callback in self._page_end.values():
            callback(self)
        self._page_end = {}
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)  # also restores the page_total of that moment: set it after
            self.page_total = total
            self._draw_furniture()
            super().showPage()
        super().save()

    def _draw_furniture(self) -> None:
        width, height = self._pagesize
        page, total = self.getPageNumber(), self.page_total
        info = self._furniture
        margin_left, margin_right, margin_top, margin_bottom = self._margins
        left, right = margin_left, width - margin_right
        self.saveState()
        self.setFillColor(GREY)
        self.setFont(FONT, 7)
        y = margin_bottom / 2
        if total > 1:
            label = f"Halaman {page} dari {total}"
            self.drawRightString(right, y, label)
            right -= pdfmetrics.stringWidth(label, FONT, 7) + 12
        if info.verification is not None:
            self.drawString(left, y, _fit(_footer_text(info.verification), right - left, 7))
            if info.verification.sample:
                self.setFillColor(colors.HexColor("#B00020"))
                self.setFont(FONT_BOLD, 7)
                self.drawString(
                    left, y - 9, "CONTOH: bukan dokumen resmi; kode verifikasi ini tidak terdaftar."
                )
        if page > 1 and info.running_title:
            self.setFillColor(GREY)
            self.setFont(FONT, 7)
            self.drawRightString(width - margin_right, height - margin_top / 2 - 2, info.running_title)
        self.restoreState()


def _footer_text(v: Verification) -> str:
    # A sentence, so the date is written out (7 Desember 2026 pukul 09.15), as in the letter itself.
    return (
        f"Kode verifikasi {group_code(v.code)}  ·  diterbitkan {datetime_id(v.issued_at)} oleh {v.issued_by}"
    )


def _fit(text: str, width: float, size: float) -> str:
    """The text, shortened with an ellipsis when it would run past `width`."""
    if pdfmetrics.stringWidth(text, FONT, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", FONT, size) > width:
        text = text[:-1]
    return text + "…"


@dataclass(frozen=True)
class Built:
    data: bytes
    page_count: int
    width: float
    height: float


def build(
    story: list[Flowable],
    *,
    paper: str,
    title: str,
    furniture: PageFurniture,
    turned: bool = False,
    margins: tuple[float, float, float, float] | None = None,
) -> Built:
    """Lay the story out on A4/F4 pages and return the PDF with its page count."""
    register_fonts()
    size = page_size(paper, turned)
    left, right, top, bottom = margins or (MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM)
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=size,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author=furniture.verification.issued_by if furniture.verification else "",
        creator="Dinas Desk",
        subject=furniture.running_title,
        invariant=1,  # same data, same bytes: no creation time or random document id inside
        initialFontName=FONT,
        initialFontSize=10,
        initialLeading=12,
    )
    # No padding at the sides: the layouts are as wide as text_width(), from margin to margin.
    frame = Frame(
        left, bottom, size[0] - left - right, size[1] - top - bottom, leftPadding=0, rightPadding=0, id="body"
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(
        story,
        canvasmaker=functools.partial(
            NumberedCanvas, furniture=furniture, margins=(left, right, top, bottom)
        ),
    )
    canvas = doc.canv
    assert isinstance(canvas, NumberedCanvas)
    return Built(out.getvalue(), canvas.page_total, size[0], size[1])


def text_width(paper: str, turned: bool = False) -> float:
    """The width of the text frame on a page."""
    return page_size(paper, turned)[0] - MARGIN_LEFT - MARGIN_RIGHT
