"""What every letter shares: embedded fonts, paper, the kop surat, page numbers, QR and signatures.

Imports reportlab.platypus at module level; desktop.printing.letters imports this module only
when a document is rendered, so the app starts without it.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.config import resource_dir

from .data import Letterhead
from .pdfsplit import cell_width, continuation_padding, continued, group_lines, text_pieces
from .text import escape

# Streams zlib-compressed only, not ASCII85-encoded on top (reportlab's default, for 7-bit channels
# no printer or viewer here needs): a long report renders about 8% faster, into a smaller file.
rl_config.useA85 = 0

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
F4 = (215 * mm, 330 * mm)
PAPERS = {"A4": A4, "F4": F4}
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 25 * mm, 20 * mm, 15 * mm, 20 * mm
GREY = colors.HexColor("#555555")
HEADER_SHADE = colors.HexColor("#E6E6E6")


@functools.cache
def register_fonts() -> None:
    """Register the DejaVu fonts shipped in desktop/resources/fonts (never the workstation's own)."""
    from reportlab.lib.fonts import addMapping

    folder = resource_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    # No italic face is shipped: <i> falls back to the upright face instead of to Helvetica.
    for bold, italic, face in ((0, 0, FONT), (1, 0, FONT_BOLD), (0, 1, FONT), (1, 1, FONT_BOLD)):
        addMapping(FONT, bold, italic, face)


def page_size(paper: str, turned: bool = False) -> tuple[float, float]:
    """A4 or F4 (215 x 330 mm) in points, portrait or landscape."""
    try:
        size = PAPERS[paper]
    except KeyError:
        raise ValueError(f"Ukuran kertas '{paper}' tidak dikenal (A4 atau F4).") from None
    return landscape(size) if turned else size


# --- Styles -----------------------------------------------------------------------------------


def style(name: str, size: float = 10.5, *, bold: bool = False, align: int = TA_LEFT, **kw) -> ParagraphStyle:
    """A paragraph style in the embedded fonts. Words are never hyphenated: reportlab's hyphenator
    (pyphen) has no Indonesian patterns, and a wrong split ("ke-pen-dudukan" at the wrong place) reads
    worse than a ragged or justified line. A "word" longer than a whole line (a 200-character token, a
    web address) is still broken where the line ends, so it wraps instead of running off the page."""
    register_fonts()
    return ParagraphStyle(
        name,
        fontName=FONT_BOLD if bold else FONT,
        fontSize=size,
        leading=kw.pop("leading", round(size * 1.32, 1)),
        alignment=align,
        hyphenationLang="",
        embeddedHyphenation=0,
        splitLongWords=1,
        uriWasteReduce=0,
        **kw,
    )


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    justify: ParagraphStyle
    bold: ParagraphStyle
    title: ParagraphStyle
    center: ParagraphStyle
    small: ParagraphStyle
    small_bold: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_center: ParagraphStyle
    heading: ParagraphStyle


@functools.cache
def styles(base: float = 10.5) -> Styles:
    """The paragraph styles of letters at a base size (tables use a smaller one)."""
    cell = base - 2
    return Styles(
        body=style("body", base),
        justify=style("justify", base, align=TA_JUSTIFY),
        bold=style("bold", base, bold=True),
        title=style("title", base + 2, bold=True, align=TA_CENTER, spaceAfter=1),
        center=style("center", base, align=TA_CENTER),
        small=style("small", base - 2.5, textColor=GREY),
        small_bold=style("small_bold", base - 2.5, bold=True),
        cell=style("cell", cell),
        cell_bold=style("cell_bold", cell, bold=True),
        cell_center=style("cell_center", cell, align=TA_CENTER),
        heading=style("heading", base, bold=True, spaceBefore=8, spaceAfter=3, keepWithNext=1),
    )


def para(text: str, st: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    return Paragraph(escape(text), st)


def cell_text(text: str, st: ParagraphStyle, width: float) -> str | Paragraph:
    """A table cell's text: a plain string, broken into lines of at most `width` points (the column
    less its padding) where it wraps, or a Paragraph for what plain lines cannot show as one would
    (line breaks, runs of spaces, a word wider than the column). A plain string is measured once and
    drawn with one text operator per line, where a Paragraph is parsed, wrapped again at every layout
    pass and drawn word by word: in a 50-page records table that was most of the time. The table's
    style must give the plain strings the paragraph's font, size and leading (FONTNAME, FONTSIZE,
    LEADING)."""
    words = text.split(" ")
    if words != text.split():  # line breaks, tabs, runs of spaces: the Paragraph's own handling
        return para(text, st)
    font, size = st.fontName, st.fontSize
    space = pdfmetrics.stringWidth(" ", font, size)
    shrink = st.spaceShrinkage * space  # a line may run this much over per word on it, as in a Paragraph
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for word in words:
        w = pdfmetrics.stringWidth(word, font, size)
        if w > width:
            return para(text, st)
        if line and used + space + w > width + shrink * len(line):  # Paragraph.breakLines' greedy fill
            lines.append(" ".join(line))
            line, used = [word], w
        else:
            used += space + w if line else w
            line.append(word)
    return "\n".join([*lines, " ".join(line)])


def grid_style(
    *extra: tuple, header_rows: int = 1, font_size: float = 8.5, groups: Sequence[int] | None = None
) -> TableStyle:
    """Ruled table with a shaded, bold header (if any) and the embedded fonts everywhere.

    With `groups` (the number of rows of each record, header rows included, see pdfsplit) a record
    whose cells continue over several rows is ruled as one row, and closed where a page breaks it.
    """
    header: list[tuple] = []
    if header_rows:
        last = header_rows - 1
        header = [
            ("FONTNAME", (0, 0), (-1, last), FONT_BOLD),
            ("BACKGROUND", (0, 0), (-1, last), HEADER_SHADE),
            ("VALIGN", (0, 0), (-1, last), "MIDDLE"),
            ("ALIGN", (0, 0), (-1, last), "CENTER"),
        ]
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("FONTSIZE", (0, 0), (-1, -1), font_size),
            *(group_lines(groups) if groups else [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *header,
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            *(continuation_padding(groups) if groups else []),
            *extra,
        ]
    )


def heads(*labels: str, size: float = 8) -> list[Paragraph]:
    """A table's header cells, the same in every document: bold, centred, wrapping inside the column."""
    head = style(f"table_head_{size}", size, bold=True, align=TA_CENTER, leading=round(size * 1.2, 1))
    return [Paragraph(escape(label), head) for label in labels]


def numbers(first_column: int, last_column: int = -1, first_row: int = 1) -> tuple:
    """Counts right-aligned below the header: every table alike (a "No" column is centred)."""
    return ("ALIGN", (first_column, first_row), (last_column, -1), "RIGHT")


PLAIN_PADDING = 2  # left and right together, in plain_style


def plain_style(*extra: tuple, font_size: float = 10.5) -> TableStyle:
    """An unruled layout table (label : value) in the embedded font."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("FONTSIZE", (0, 0), (-1, -1), font_size),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            *extra,
        ]
    )


def fields(rows: Sequence[tuple[str, str]], label_width: float, width: float, st: ParagraphStyle) -> Table:
    """Label : value lines, values wrapping under themselves (Nomor, Perihal ...); a long value
    continues in rows of its own, so the table can break across pages."""
    value_width = width - label_width - 4 * mm
    value_inner, label_inner = cell_width(value_width, PLAIN_PADDING), cell_width(label_width, PLAIN_PADDING)
    data: list[list] = []
    sizes: list[int] = []
    for label, value in rows:
        text = value or "-"
        line = cell_text(text, st, value_inner)  # one plain line where it fits, as most values do
        values = [line] if isinstance(line, str) and "\n" not in line else text_pieces(text, st, value_inner)
        data += continued([cell_text(label, st, label_inner), ":", None], [values])
        sizes.append(len(values))
    table = Table(data, colWidths=[label_width, 4 * mm, value_width], hAlign="LEFT")
    table.setStyle(
        plain_style(
            *continuation_padding(sizes),
            ("FONTNAME", (0, 0), (-1, -1), st.fontName),
            ("LEADING", (0, 0), (-1, -1), st.leading),  # plain strings as tall as the paragraphs
            ("TEXTCOLOR", (0, 0), (-1, -1), st.textColor),
            font_size=st.fontSize,
        )
    )
    return table


# --- Kop surat ----------------------------------------------------------------------------------


class DoubleRule(Flowable):
    """The kop's closing rule: a thick line over a thin one."""

    def __init__(self, width: float, thick: float = 2.2, thin: float = 0.7, gap: float = 1.6):
        super().__init__()
        self.width, self.thick, self.thin, self.gap = width, thick, thin, gap
        self.height = thick + gap + thin

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(self.thick)
        top = self.height - self.thick / 2
        c.line(0, top, self.width, top)
        c.setLineWidth(self.thin)
        c.line(0, self.thin / 2, self.width, self.thin / 2)


def logo_image(png: bytes | None, height: float) -> Image | None:
    """The regional emblem scaled to a height, or None when the office has none (or it is unreadable)."""
    if not png:
        return None
    try:
        reader = ImageReader(io.BytesIO(png))
        w, h = reader.getSize()
    except Exception:  # a broken logo must not stop a letter; the kop prints without it
        return None
    return Image(io.BytesIO(png), width=height * w / h, height=height)


def kop(head: Letterhead, width: float) -> list[Flowable]:
    """The letterhead: emblem at the left, government, agency, address and contacts centred, double rule."""
    logo = logo_image(head.logo_png, 21 * mm)
    emblem_w = 24 * mm if logo else 0
    # Beside an emblem the text keeps half its width free on the right: nearly centred on the page.
    text_w = width - 1.5 * emblem_w
    lines = [
        _fitted(head.government.upper(), 13, text_w, "kop_gov"),
        _fitted(head.agency.upper(), 15, text_w, "kop_agency"),
    ]
    for small_line in (head.address, head.contact_line):
        if small_line:
            lines.append(_fitted(small_line, 8.5, text_w, "kop_small", bold=False, shrink=0.85))
    row = [logo, lines, ""] if logo else [lines]
    widths = [emblem_w, text_w, emblem_w / 2] if logo else [width]
    table = Table([row], colWidths=widths)
    table.setStyle(plain_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (0, 0), "LEFT")))
    return [table, Spacer(1, 1.5 * mm), DoubleRule(width), Spacer(1, 4 * mm)]


def _fitted(
    text: str, size: float, width: float, name: str, *, bold: bool = True, shrink: float = 0.6
) -> Paragraph:
    """A centred line in the largest size up to `size` that fits `width`, never below size * shrink
    (then it wraps): long agency names and addresses stay on one line where they can."""
    register_fonts()
    fits = width / max(pdfmetrics.stringWidth(text, FONT_BOLD if bold else FONT, size), 1) * size
    size = max(min(size, fits - 0.2), size * shrink)
    return Paragraph(escape(text), style(name, size, bold=bold, align=TA_CENTER, leading=size * 1.25))


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))
