"""The SOP document itself: identity block, then the matrix (landscape), as an office signs it."""

from __future__ import annotations

from itertools import zip_longest

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from .data import MatrixLine, SopMatrixDoc
from .pdfbase import (
    FONT,
    FONT_BOLD,
    grid_style,
    logo_image,
    page_size,
    plain_style,
    style,
)
from .pdfpage import Built, PageFurniture, build
from .pdfqr import qr_code
from .pdfsplit import SplitTable, cell_width, continued, grouped, stacked
from .text import date_id, datetime_id, escape, group_code, nip_id

MARGIN = 15 * mm


def sop_matrix(doc: SopMatrixDoc, paper: str) -> Built:
    """Identity block (number, dates, approval, legal basis ...) and the matrix with marks per pelaksana."""
    width = page_size(paper, turned=True)[0] - 2 * MARGIN
    story: list[Flowable] = [_identity(doc, width)]
    if doc.source:  # the SOP's own header (another kabupaten's, say) stays on the sheet
        story += [Spacer(1, 1.5 * mm), Paragraph(escape(doc.source), style("sop_source", 8))]
    story += [Spacer(1, 3 * mm), _context(doc, width)]
    if doc.verification is not None:
        story += [Spacer(1, 6 * mm), _stamp(doc, width)]
    story.append(PageBreak())  # as in the SOP documents: the identity sheet, then the matrix
    title = style("sop_title", 11, bold=True, align=TA_CENTER)
    story.append(Paragraph(escape(doc.title.upper()), title))
    if doc.subtitle:
        story.append(
            Paragraph(escape(doc.subtitle.upper()), style("sop_sub", 9.5, bold=True, align=TA_CENTER))
        )
    story += [Spacer(1, 3 * mm), _matrix(doc, width)]
    if doc.notes:
        note = style("sop_note", 8.5)
        story += [Spacer(1, 3 * mm), Paragraph("<b>Catatan:</b>", note)]
        story += [Paragraph(f"{i}. {escape(n)}", note) for i, n in enumerate(doc.notes, start=1)]
    furniture = PageFurniture(f"SOP {doc.number}", doc.verification)
    margins = (MARGIN, MARGIN, MARGIN, MARGIN + 3 * mm)
    return build(
        story, paper=paper, title=f"SOP {doc.number}", furniture=furniture, turned=True, margins=margins
    )


def _identity(doc: SopMatrixDoc, width: float) -> Table:
    """Left: emblem, government and agency. Right: number, dates, approval, name of the SOP."""
    head = doc.letterhead
    big = style("sop_gov", 11, bold=True, align=TA_CENTER)
    left: list[Flowable] = []
    logo = logo_image(head.logo_png, 20 * mm)
    if logo is not None:
        logo.hAlign = "CENTER"
        left += [logo, Spacer(1, 2 * mm)]
    left += [Paragraph(escape(head.government.upper()), big), Paragraph(escape(head.agency.upper()), big)]
    cell, bold = style("sop_cell", 8.5), style("sop_cell_b", 8.5, bold=True)
    approver = doc.approver
    approval: list[Flowable] = [Paragraph("-", cell)]
    if approver is not None:
        approval = [
            Paragraph(escape(approver.title.upper()), cell),
            Spacer(1, 9 * mm),
            Paragraph(f"<u>{escape(approver.name)}</u>", bold),
            Paragraph(f"NIP. {escape(nip_id(approver.nip))}", cell),
        ]
    rows = [
        ("NOMOR SOP", [Paragraph(escape(doc.number), bold)]),
        ("TGL. PEMBUATAN", [Paragraph(escape(date_id(doc.created_on)) or "-", cell)]),
        ("TGL. REVISI", [Paragraph(escape(date_id(doc.revised_on)) or "-", cell)]),
        ("TGL. EFEKTIF", [Paragraph(escape(date_id(doc.effective_on)) or "-", cell)]),
        ("DISAHKAN OLEH", approval),
        ("NAMA SOP", [Paragraph(escape(doc.title.upper()), bold)]),
    ]
    label_w, left_w = 34 * mm, width * 0.42
    data = [[left if i == 0 else "", Paragraph(label, bold), value] for i, (label, value) in enumerate(rows)]
    table = Table(data, colWidths=[left_w, label_w, width - left_w - label_w])
    table.setStyle(
        grid_style(
            ("SPAN", (0, 0), (0, -1)),
            ("VALIGN", (0, 0), (0, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (0, -1), "CENTER"),
            ("VALIGN", (1, 0), (1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (0, -1), 6),
            ("RIGHTPADDING", (0, 0), (0, -1), 6),
            ("BACKGROUND", (1, 0), (1, -1), colors.HexColor("#F2F2F2")),
            header_rows=0,
            font_size=8.5,
        )
    )
    return table


def _context(doc: SopMatrixDoc, width: float) -> Table:
    """Dasar hukum, kualifikasi, keterkaitan, peralatan, peringatan, pencatatan: two by three."""
    cell, bold = style("ctx", 8), style("ctx_b", 8, bold=True)

    def block(label: str, items: tuple[str, ...]) -> list[Flowable]:
        if len(items) == 1:
            return [Paragraph(label, bold), Paragraph(escape(items[0]), cell)]
        lines = [Paragraph(f"{i}. {escape(x)}", cell) for i, x in enumerate(items, 1)]
        return [Paragraph(label, bold), *(lines or [Paragraph("-", cell)])]

    pairs = [
        (block("DASAR HUKUM:", doc.legal_basis), block("KUALIFIKASI PELAKSANA:", doc.qualifications)),
        (block("KETERKAITAN:", doc.related_sops), block("PERALATAN/PERLENGKAPAN:", doc.equipment)),
        (block("PERINGATAN:", doc.warnings), block("PENCATATAN DAN PENDATAAN:", doc.recording)),
    ]
    # A long list continues in rows of its own, so the sheet can break between them.
    text_w = cell_width(width / 2, 6)
    data, sizes = grouped(
        [list(map(list, zip_longest(*(stacked(b, text_w) for b in pair), fillvalue=""))) for pair in pairs]
    )
    table = SplitTable(data, colWidths=[width / 2, width / 2])
    table.setStyle(grid_style(header_rows=0, font_size=8, groups=sizes))
    return table


class Flow:
    """The marks of the matrix as drawn on a page, joined by arrows in row order when the page ends."""

    def __init__(self) -> None:
        # (row, order of the column in the row as the SOP lists it, left, bottom, right, top)
        self.boxes: list[tuple[int, int, float, float, float, float]] = []

    def add(self, canv, row: int, order: int, box: tuple[float, float, float, float]) -> None:
        self.boxes.append((row, order, *box))
        if hasattr(canv, "on_page_end"):
            canv.on_page_end("sop_flow", self.join)

    def join(self, canv) -> None:
        boxes, self.boxes = sorted(self.boxes), []
        canv.saveState()
        canv.setLineWidth(0.7)
        canv.setStrokeColor(colors.black)
        canv.setFillColor(colors.black)
        for (row_a, _, *a), (row_b, _, *b) in zip(boxes, boxes[1:], strict=False):
            if row_a == row_b:  # a row done by several: across, in the order the SOP names them
                y = (a[1] + a[3]) / 2
                _arrow(canv, [(a[2], y), (b[0], y)] if b[0] > a[0] else [(a[0], y), (b[2], y)])
            else:
                _elbow(canv, a, b)
        canv.restoreState()


def _elbow(canv, a: list[float], b: list[float]) -> None:
    """From box a down into box b: straight when stacked, else a step across between the two rows.

    The step runs below every box of a's row and above every box of b's row (boxes sit centred
    in their row), so it never crosses another mark.
    """
    a_mid, b_mid = (a[0] + a[2]) / 2, (b[0] + b[2]) / 2
    if abs(a_mid - b_mid) < 1:
        _arrow(canv, [(a_mid, a[1]), (b_mid, b[3])])
        return
    y = (a[1] + b[3]) / 2
    _arrow(canv, [(a_mid, a[1]), (a_mid, y), (b_mid, y), (b_mid, b[3])])


def _arrow(canv, points: list[tuple[float, float]]) -> None:
    path = canv.beginPath()
    path.moveTo(*points[0])
    for p in points[1:]:
        path.lineTo(*p)
    canv.drawPath(path, stroke=1, fill=0)
    (x0, y0), (x1, y1) = points[-2], points[-1]
    dx, dy = (x1 > x0) - (x1 < x0), (y1 > y0) - (y1 < y0)
    size = 3.2
    head = canv.beginPath()
    head.moveTo(x1, y1)
    head.lineTo(x1 - dx * size - dy * size / 2, y1 - dy * size - dx * size / 2)
    head.lineTo(x1 - dx * size + dy * size / 2, y1 - dy * size + dx * size / 2)
    head.close()
    canv.drawPath(head, stroke=0, fill=1)


class Mark(Flowable):
    """The sign in a pelaksana column: a process box (rounded at the start and end) with a tick."""

    def __init__(self, terminal: bool, flow: Flow, row: int, order: int):
        super().__init__()
        self.terminal, self.flow, self.row, self.order = terminal, flow, row, order
        self.width, self.height = 14 * mm, 7 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = min(self.width, available_width)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(0.8)
        c.setFillColor(colors.HexColor("#DCE6F1"))
        radius = self.height / 2 if self.terminal else 1
        c.roundRect(0, 0, self.width, self.height, radius, stroke=1, fill=1)
        c.setFillColor(colors.black)
        c.setFont(FONT_BOLD, 10)
        c.drawCentredString(self.width / 2, self.height / 2 - 3.5, "✓")
        left, bottom = c.absolutePosition(0, 0)
        right, top = c.absolutePosition(self.width, self.height)
        self.flow.add(c, self.row, self.order, (left, bottom, right, top))


def _matrix(doc: SopMatrixDoc, width: float) -> Table:
    n = len(doc.columns)
    head = style("m_head", 7, bold=True, align=TA_CENTER, leading=8.5)
    column_head = style("m_col", 6.5, bold=True, align=TA_CENTER, leading=8)
    cell = style("m_cell", 7.2, leading=8.6)
    top = ["NO", "KEGIATAN", "PELAKSANA"] + [""] * (n - 1) + ["MUTU BAKU", "", "", "KET."]
    labels = [Paragraph(escape(label), column_head) for _, label in doc.columns]
    second = ["", "", *labels, Paragraph("Persyaratan / Kelengkapan", head), "Waktu", "Output", ""]
    data: list[list] = [[Paragraph(t, head) if t else "" for t in top], second]
    codes = [code for code, _ in doc.columns]
    widths = _matrix_widths(doc, width)
    text_w = [cell_width(w, 6) for w in widths]  # grid_style pads 3 points each side
    last = len(doc.rows) - 1
    flow = Flow()
    sizes = [1, 1]  # the two header rows
    for i, row in enumerate(doc.rows):
        terminal = i in (0, last)
        marks = [
            Mark(terminal, flow, i, row.marks.index(code)) if code in row.marks else "" for code in codes
        ]
        # A long row continues in rows of its own (marks in its first), so the matrix can break there.
        columns = [
            stacked([Paragraph(escape(row.activity), cell)], text_w[1]),
            stacked(_requirements(row, cell), text_w[2 + n]),
            *(stacked([Paragraph(escape(t), cell)], text_w[3 + n + k]) for k, t in enumerate(_tail(row))),
        ]
        rows = continued([str(row.number), None, *marks, None, None, None, None], columns)
        data += rows
        sizes.append(len(rows))

    table = SplitTable(data, colWidths=widths, repeatRows=2, longTableOptimize=1)
    table.setStyle(
        grid_style(
            ("SPAN", (0, 0), (0, 1)),
            ("SPAN", (1, 0), (1, 1)),
            ("SPAN", (2, 0), (1 + n, 0)),
            ("SPAN", (2 + n, 0), (4 + n, 0)),
            ("SPAN", (5 + n, 0), (5 + n, 1)),
            ("ALIGN", (0, 0), (-1, 1), "CENTER"),
            ("ALIGN", (0, 2), (0, -1), "CENTER"),
            ("ALIGN", (2, 2), (1 + n, -1), "CENTER"),
            ("VALIGN", (2, 2), (1 + n, -1), "MIDDLE"),
            ("FONTNAME", (0, 1), (-1, 1), FONT_BOLD),
            ("FONTNAME", (0, 2), (-1, -1), FONT),
            header_rows=2,
            font_size=7.5,
            groups=sizes,
        )
    )
    return table


def _tail(row: MatrixLine) -> tuple[str, str, str]:
    return row.time, row.output, row.remarks


def _matrix_widths(doc: SopMatrixDoc, width: float) -> list[float]:
    n = len(doc.columns)
    fixed = {"no": 9 * mm, "time": 16 * mm, "remarks": 18 * mm}
    flexible = width - sum(fixed.values())
    # Wide enough for the longest word of a pelaksana's name ("ADB/pelaksana"), never a broken word,
    # as long as the activity keeps room to be read.
    longest = max(
        (stringWidth(w, FONT_BOLD, 6.5) for _, label in doc.columns for w in label.split()), default=0
    )
    pelaksana = min(max(longest + 10, 17 * mm, flexible * 0.42 / max(n, 1)), flexible * 0.6 / max(n, 1))
    rest = flexible - pelaksana * n
    return [
        fixed["no"],
        rest * 0.49,
        *([pelaksana] * n),
        rest * 0.29,
        fixed["time"],
        rest * 0.22,
        fixed["remarks"],
    ]


def _requirements(row: MatrixLine, cell) -> list[Flowable]:
    out: list[Flowable] = []
    if row.persyaratan:
        out.append(Paragraph("<b>Persyaratan:</b>", cell))
        out += [Paragraph(f"{i}. {escape(p)}", cell) for i, p in enumerate(row.persyaratan, 1)]
    if row.kelengkapan:
        out.append(Paragraph("<b>Kelengkapan:</b>", cell))
        out += [Paragraph(f"{i}. {escape(k)}", cell) for i, k in enumerate(row.kelengkapan, 1)]
    return out or [Paragraph("", cell)]


def _stamp(doc: SopMatrixDoc, width: float) -> Table:
    assert doc.verification is not None
    v = doc.verification
    text = style("stamp", 7.5)
    lines = [
        f"Salinan SOP {escape(doc.number)} dicetak dari Dinas Desk.",
        f"Kode verifikasi: <b>{escape(group_code(v.code))}</b>",
        f"Dicetak {escape(datetime_id(v.issued_at))} oleh {escape(v.issued_by)}",
    ]
    approver = doc.approver
    if approver is not None:
        lines.append(f"Disahkan oleh {escape(approver.name)} (NIP. {escape(nip_id(approver.nip))})")
    table = Table(
        [[qr_code(v.qr_text, 18 * mm), Paragraph("<br/>".join(lines), text)]],
        colWidths=[21 * mm, 110 * mm],
        hAlign="RIGHT",
    )
    table.setStyle(plain_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("FONTNAME", (0, 0), (-1, -1), FONT)))
    return table
