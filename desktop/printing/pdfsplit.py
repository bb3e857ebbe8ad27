"""Long text that still prints: table cells broken into rows a page can end between, and the last
lines of a text kept with the signature below it.

reportlab breaks a table only between rows, so one row taller than the page's frame stops the
whole document (LayoutError). Any text a service accepts may be that long: a disposition's
catatan, a Surat Tugas's 'Untuk', an innovation's pointers. So a long cell is cut here into
pieces of at most PIECE_HEIGHT points, each its own row ("continuation rows"); ruled tables
draw their lines per group of rows, so the pieces read as one cell, closed at a page break.

Imports reportlab.platypus at module level, like pdfbase: only loaded when a document renders.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table

from .text import escape

# Well under the smallest frame (A4 landscape, about 500 points high, less a repeated header):
# a page left short before a long cell loses at most this much.
PIECE_HEIGHT = 150.0
_ROOM = 1e6  # "as tall as it needs"


def pieces(paragraph: Paragraph, width: float, max_height: float = PIECE_HEIGHT) -> list[Paragraph]:
    """A paragraph of one line of text cut into paragraphs of at most `max_height` points at `width`
    (itself if it fits). Text with line breaks goes through text_pieces, which cuts at them first."""
    out: list[Paragraph] = []
    rest = paragraph
    while True:
        _w, height = rest.wrap(width, _ROOM)
        if height <= max_height:
            out.append(rest)
            return out
        parts = rest.split(width, max_height)
        if len(parts) < 2:  # a single line taller than a piece: it stays whole (never met in letters)
            out.append(rest)
            return out
        out.append(parts[0])
        rest = parts[1]


def text_pieces(
    text: str, style: ParagraphStyle, width: float, max_height: float = PIECE_HEIGHT, lead: str = ""
) -> list[Paragraph]:
    """Plain text (escaped, line breaks kept) as row-sized paragraphs, cut at its line breaks where
    it can (a piece never starts with the break that ended the one before, and an empty line at a
    cut stays with the piece above, one line over); `lead` is mark-up put before the first line
    ("<b>Perihal:</b> ")."""
    lines = [escape(line) for line in text.replace("\r\n", "\n").split("\n")]
    lines[0] = lead + lines[0]
    out: list[Paragraph] = []
    chunk: list[str] = []
    used = 0.0
    for line in lines:
        height = max(Paragraph(line, style).wrap(width, _ROOM)[1], style.leading)
        # An empty line at the cut ends the piece before it (one line over), rather than open the next.
        spare = style.leading if not line and chunk and chunk[-1] else 0
        if chunk and used + height > max_height + spare:
            out.append(Paragraph("<br/>".join(chunk), style))
            chunk, used = [], 0.0
        if height > max_height:  # one line of text taller than a piece: cut where it wraps
            out += pieces(Paragraph(line, style), width, max_height)
            continue
        chunk.append(line)
        used += height
    if chunk or not out:
        out.append(Paragraph("<br/>".join(chunk), style))
    return out


def stacked(flowables: Sequence[Flowable], width: float, max_height: float = PIECE_HEIGHT) -> list[list]:
    """Flowables packed, in order, into cells of at most `max_height` points (a paragraph taller than
    that is cut first): the cells of one column over a record's continuation rows."""
    cells: list[list] = []
    cell: list = []
    used = 0.0
    for flowable in flowables:
        for part in pieces(flowable, width, max_height) if isinstance(flowable, Paragraph) else [flowable]:
            height = part.wrap(width, _ROOM)[1] + part.getSpaceBefore() + part.getSpaceAfter()
            if cell and used + height > max_height:
                cells.append(cell)
                cell, used = [], 0.0
            cell.append(part)
            used += height
    if cell or not cells:
        cells.append(cell)
    return cells


def closing_lines(
    text: str, style: ParagraphStyle, width: float, lines: int = 2
) -> tuple[list[Flowable], Paragraph]:
    """Plain text as ([its paragraph but the last lines], its last `lines` lines): the tail goes with a
    signature block. Cut inside a line of the text, never at one of its breaks (no empty first line)."""
    rows = [escape(row) for row in text.replace("\r\n", "\n").split("\n")]
    tail: list[str] = []
    while rows and _line_count(tail, style, width) < lines:
        tail.insert(0, rows.pop())
    head: list[Flowable] = [Paragraph("<br/>".join(rows), style)] if rows else []
    paragraph = Paragraph("<br/>".join(tail), style)
    extra = _line_count(tail, style, width) - lines
    if extra <= 0 or not style.leading:
        return head, paragraph
    # The cut falls inside the first row of the tail (the rows after it are fewer than `lines`).
    parts = paragraph.split(width, extra * style.leading + style.leading / 4)
    if len(parts) < 2:
        return head, paragraph
    return [*head, parts[0]], parts[1]


def _line_count(rows: list[str], style: ParagraphStyle, width: float) -> int:
    if not rows:
        return 0
    paragraph = Paragraph("<br/>".join(rows), style)
    paragraph.wrap(width, _ROOM)
    return len(getattr(paragraph.blPara, "lines", ()))


def cell_width(column: float, padding: float) -> float:
    """The width text gets in a column whose cells are padded by `padding` in all."""
    return max(column - padding, 1.0)


class SplitTable(Table):
    """A Table whose lines at a page break (rows 'splitfirst' and 'splitlast') close every page it
    runs over: reportlab applies them at the first break only (the later parts lose them)."""

    def onSplit(self, T, byRow=1):  # noqa: N802, N803 - reportlab's names
        for command in self._linecmds:
            if command[1][1] in _AT_BREAK and command not in T._linecmds:
                T._linecmds.append(command)


_AT_BREAK = ("splitfirst", "splitlast")


def continuation_padding(sizes: Sequence[int]) -> list[tuple]:
    """No padding where a cell continues in the next row, so its pieces read as one text."""
    commands: list[tuple] = []
    start = 0
    for size in sizes:
        if size > 1:
            commands.append(("BOTTOMPADDING", (0, start), (-1, start + size - 2), 0))
            commands.append(("TOPPADDING", (0, start + 1), (-1, start + size - 1), 0))
        start += size
    return commands


def group_lines(sizes: Sequence[int], weight: float = 0.5, color: colors.Color = colors.black) -> list[tuple]:
    """Table lines for rows in groups (a cell and its continuation rows): a box, every column line,
    a line under each group, and lines closing the table where a page breaks it."""
    commands: list[tuple] = [
        ("BOX", (0, 0), (-1, -1), weight, color),
        ("LINEAFTER", (0, 0), (-2, -1), weight, color),
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), weight, color),
        ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), weight, color),
    ]
    end = -1
    for size in sizes[:-1]:
        end += size
        commands.append(("LINEBELOW", (0, end), (-1, end), weight, color))
    return commands


def grouped(rows: Sequence[Sequence[list]]) -> tuple[list[list], list[int]]:
    """Flatten groups of rows into table data, with the size of each group (for group_lines)."""
    data = [list(row) for group in rows for row in group]
    return data, [len(group) for group in rows]


def continued(first: list, columns: Sequence[list], blank: object = "") -> list[list]:
    """Rows for one record: `first` holds the cells of the first row that do not continue (None where
    a continuing column goes), `columns` the pieces of each continuing column, in order."""
    height = max((len(c) for c in columns), default=1) or 1
    rows: list[list] = []
    for index in range(height):
        row: list = []
        pieces_left = iter(columns)
        for cell in first:
            if cell is None:
                column = next(pieces_left)
                row.append(column[index] if index < len(column) else blank)
            else:
                row.append(cell if index == 0 else blank)
        rows.append(row)
    return rows
