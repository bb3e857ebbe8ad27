"""Laporan Pelaksanaan Inovasi SIJARLA and Rekapitulasi Pelayanan, with tables that break across pages."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import CondPageBreak, Flowable, Indenter, LongTable, Paragraph, Spacer, Table

from .data import RecapDoc, ReportDoc
from .pdfbase import (
    FONT,
    FONT_BOLD,
    cell_text,
    fields,
    grid_style,
    heads,
    keep,
    kop,
    numbers,
    para,
    style,
    styles,
)
from .pdfpage import Built, PageFurniture, build, text_width
from .pdfsign import signature_block, signature_column
from .pdfsplit import closing_lines
from .text import date_id, date_range_id, escape

INDENT = 6 * mm
PIVOT_HEAD = 7  # points: header text of the nagari tables
PIVOT_NAME = 36 * mm  # the Kecamatan / Nagari column
RECORD_PADDING = 6  # left and right padding of a grid_style cell


def _heading(text: str) -> Paragraph:
    return Paragraph(escape(text), styles().heading)


def _indented(text: str) -> Paragraph:
    return Paragraph(escape(text), _indented_style())


def _indented_style() -> ParagraphStyle:
    return style("indented", 10.5, align=TA_JUSTIFY, leftIndent=INDENT)


def _sub(text: str) -> Paragraph:
    return Paragraph(
        escape(text), style("sub", 10.5, leftIndent=INDENT, spaceBefore=4, spaceAfter=2, keepWithNext=1)
    )


def _title(title: str, number: str, subtitle: str = "") -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [Paragraph(f"<u>{escape(title)}</u>", st.title)]
    if subtitle:
        out.append(Paragraph(escape(subtitle), st.title))
    return out + [para(f"Nomor: {number}", st.center), Spacer(1, 5 * mm)]


def _indent(table: Table) -> list[Flowable]:
    """A table pushed right by the section indent (and still free to break across pages)."""
    table.hAlign = "LEFT"
    return [Indenter(left=INDENT), table, Indenter(left=-INDENT)]


def _signed(heading: Flowable, text: str, sign: Flowable, width: float) -> list[Flowable]:
    """The last section and the signature: its last lines go with the signature to a new page when
    they must, so a signature never stands alone (a short section goes whole, with its heading)."""
    head, tail = closing_lines(text, _indented_style(), width)
    closing = [tail, Spacer(1, 8 * mm), sign]
    return [heading, *head, keep(*closing)] if head else [keep(heading, *closing)]


# --- Laporan Pelaksanaan --------------------------------------------------------------------------


def execution_report(doc: ReportDoc, paper: str) -> Built:
    """A. Pendahuluan ... E. Penutup, with the by-name-by-address table and totals by category."""
    st, width = styles(), text_width(paper)
    when = date_range_id(doc.served_from, doc.served_until) if doc.served_from and doc.served_until else ""
    facts = [
        ("Nomor berkas", doc.case_reference),
        ("Nagari", f"{doc.nagari}, Kecamatan {doc.kecamatan}" if doc.kecamatan else doc.nagari),
        ("Waktu pelaksanaan", when),
        ("Dasar", f"Surat Tugas Nomor {doc.assignment_number}" if doc.assignment_number else "-"),
        ("Tim", doc.team),
    ]
    if doc.addressed_to:
        facts.insert(0, ("Kepada", doc.addressed_to))
    story: list[Flowable] = [*kop(doc.letterhead, width), *_title(doc.title, doc.number)]
    story += [fields(facts, 38 * mm, width, st.body), Spacer(1, 3 * mm)]
    story += [_heading("A. Pendahuluan"), _indented(doc.introduction)]
    story += [_heading("B. Kegiatan yang dilaksanakan"), _indented(doc.activities)]
    if doc.members:
        story.append(_sub("Pelaksana: " + "; ".join(doc.members) + "."))
    story += [
        _heading("C. Hasil yang dicapai"),
        _sub("1. Jumlah pelayanan menurut kategori objek pelayanan:"),
    ]
    story += _indent(_totals_table(doc, width - INDENT))
    story += [_sub("2. Jumlah menurut hasil pelayanan:"), *_indent(_outcomes_table(doc.outcomes))]
    story += [CondPageBreak(40 * mm), _sub("3. Data pelayanan by name by address:")]
    if doc.edition_note:
        story += [_indented(doc.edition_note)]
    story += [_records_table(doc, width), Spacer(1, 2 * mm)]
    story += [_heading("D. Simpulan dan saran"), _indented(doc.conclusion)]
    place = (
        f"{doc.letterhead.city}, {date_id(doc.signed_on)}" if doc.letterhead.city else date_id(doc.signed_on)
    )
    sign = signature_block(place, doc.signer, width=width, mode=doc.sign_mode, verification=doc.verification)
    story += _signed(_heading("E. Penutup"), doc.closing, sign, width)
    furniture = PageFurniture(f"Laporan Pelaksanaan {doc.number}", doc.verification)
    return build(story, paper=paper, title=f"{doc.title} {doc.number}", furniture=furniture)


def _totals_table(doc: ReportDoc, width: float) -> Table:
    st = styles()
    data: list[list] = [heads("No", "Kategori objek pelayanan", "Jumlah", "Selesai", "Belum selesai")]
    for i, t in enumerate(doc.totals, start=1):
        data.append([str(i), para(t.category, st.cell), str(t.total), str(t.served), str(t.total - t.served)])
    total, served = sum(t.total for t in doc.totals), sum(t.served for t in doc.totals)
    data.append(["", "Jumlah", str(total), str(served), str(total - served)])
    num = 20 * mm
    table = Table(
        data, colWidths=[10 * mm, width - 10 * mm - 3 * num, num, num, num], hAlign="LEFT", repeatRows=1
    )
    table.setStyle(
        grid_style(
            numbers(2),
            ("ALIGN", (0, 0), (0, -1), "CENTER"),
            ("FONTNAME", (0, -1), (-1, -1), FONT_BOLD),
        )
    )
    return table


def _outcomes_table(outcomes: Sequence[tuple[str, int]]) -> Table:
    cell = styles().cell
    data: list[list] = [heads("Hasil pelayanan", "Jumlah")]
    data += [[para(name, cell), str(n)] for name, n in outcomes]  # a long name wraps in its column
    data.append(["Jumlah", str(sum(n for _, n in outcomes))])
    table = Table(data, colWidths=[60 * mm, 20 * mm], hAlign="LEFT")
    table.setStyle(grid_style(numbers(1), ("FONTNAME", (0, -1), (-1, -1), FONT_BOLD)))
    return table


def _records_table(doc: ReportDoc, width: float) -> LongTable:
    cell = style("rec", 7.5, leading=9)
    fixed = [8 * mm, 28.5 * mm, 31 * mm, 0, 24 * mm, 17 * mm, 25 * mm]
    fixed[3] = width - sum(fixed)
    inner = [w - RECORD_PADDING for w in fixed]
    data: list[list] = [heads("No", "NIK", "Nama", "Alamat", "Kategori", "Sasaran", "Hasil / keterangan")]
    for i, r in enumerate(doc.records, start=1):
        outcome = f"{r.outcome}: {r.reason}" if r.reason else r.outcome
        texts = (r.name, r.address, r.category, r.target_group, outcome)
        data.append([str(i), r.nik, *(cell_text(t, cell, w) for t, w in zip(texts, inner[2:], strict=True))])
    table = LongTable(data, colWidths=fixed, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        grid_style(
            ("ALIGN", (0, 0), (0, -1), "CENTER"),
            ("LEADING", (0, 1), (-1, -1), cell.leading),  # plain-string cells as tall as the paragraphs
            font_size=cell.fontSize,
        )
    )
    return table


# --- Rekapitulasi -----------------------------------------------------------------------------------


def recap_report(doc: RecapDoc, paper: str) -> Built:
    """SLA figures, nagari x category and nagari x outcome tables, a bar chart, the signatures."""
    st, width = styles(), text_width(paper)
    period = date_range_id(doc.period_start, doc.period_end)
    story: list[Flowable] = [
        *kop(doc.letterhead, width),
        *_title(
            doc.title.removesuffix(doc.period_label).strip().upper(),
            doc.number,
            doc.period_label.upper().replace("S.D.", "s.d."),
        ),
    ]
    story += [
        fields(
            [
                ("Periode", period),
                ("Jumlah pelayanan", f"{doc.total_records} orang, {doc.served} selesai dilayani"),
            ],
            38 * mm,
            width,
            st.body,
        )
    ]
    sla = f" (batas {doc.sla_days} hari kerja)" if doc.sla_days else ""
    story += [_heading(f"1. Capaian waktu pelayanan{sla}"), _sla_table(doc, width)]
    categories = sorted({r[2] for r in doc.rows})
    outcomes = sorted({r[3] for r in doc.rows})
    story.append(_heading("2. Pelayanan menurut nagari dan kategori objek pelayanan"))
    story += _pivots(doc, 2, categories, width)
    story.append(_heading("3. Pelayanan menurut nagari dan hasil pelayanan"))
    story += _pivots(doc, 3, outcomes, width)
    # A signature never stands alone on a page: it goes with the chart, or with the note's last lines.
    chart = [_heading("4. Grafik jumlah pelayanan menurut kategori"), _chart(doc, width)]
    signatures = _recap_signatures(doc, width)
    if doc.note:
        story += [keep(*chart), *_signed(_heading("Catatan"), doc.note, signatures, width)]
    else:
        story.append(keep(*chart, Spacer(1, 8 * mm), signatures))

    furniture = PageFurniture(f"Rekapitulasi {doc.number}", doc.verification)
    return build(story, paper=paper, title=f"{doc.title} {doc.number}", furniture=furniture)


def _sla_table(doc: RecapDoc, width: float) -> Table:
    share = f"{100 * doc.cases_within_limit / doc.cases_finished:.0f}%" if doc.cases_finished else "-"
    head = ["Permohonan masuk", "Selesai dilayani", "Tepat waktu", "Terlambat", "Persentase tepat waktu"]
    values = [doc.cases_opened, doc.cases_finished, doc.cases_within_limit, doc.cases_late]
    table = Table([heads(*head), [*map(str, values), share]], colWidths=[width / 5] * 5)
    table.setStyle(grid_style(numbers(0), font_size=9.5))
    return table


def _pivots(doc: RecapDoc, index: int, keys: list[str], width: float) -> list[Flowable]:
    """Nagari down, `keys` across (chunked so long headers stay legible), with totals."""
    if not keys:
        return [para("Tidak ada pelayanan pada periode ini.", styles().body)]
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for kec, nag, *rest, n in doc.rows:
        key = rest[index - 2]
        row = counts.setdefault((kec, nag), {})
        row[key] = row.get(key, 0) + n
    out: list[Flowable] = []
    for number, chunk in enumerate(chunks := _chunks(keys, width)):
        last = number == len(chunks) - 1
        out += [_pivot_table(counts, chunk, width, with_total=last), Spacer(1, 2 * mm)]
    return out


def _chunks(keys: list[str], width: float) -> list[list[str]]:
    """Split the columns into as few, evenly filled tables as keep every header word whole."""
    longest = max(
        pdfmetrics.stringWidth(w, FONT_BOLD, PIVOT_HEAD) for k in keys + ["Jumlah"] for w in k.split()
    )
    fits = max(2, int((width - 8 * mm - PIVOT_NAME) // max(longest + 8, 12 * mm)))
    tables = -(-(len(keys) + 1) // fits)  # the last table also carries the Jumlah column
    size = -(-len(keys) // tables)
    return [keys[i : i + size] for i in range(0, len(keys), size)]


def _pivot_table(counts: dict, keys: list[str], width: float, with_total: bool) -> LongTable:
    cell = style("pivot_cell", 7.5, leading=9)
    head = heads("No", "Kecamatan / Nagari", *keys, *(["Jumlah"] if with_total else []), size=PIVOT_HEAD)
    data: list[list] = [head]
    totals = [0] * len(keys)
    for i, ((kec, nag), row) in enumerate(sorted(counts.items()), start=1):
        values = [row.get(k, 0) for k in keys]
        totals = [a + b for a, b in zip(totals, values, strict=True)]
        line = [str(i), Paragraph(f"{escape(nag)}<br/><font size=6.5>Kec. {escape(kec)}</font>", cell)]
        line += [str(v) if v else "-" for v in values]
        data.append(line + ([str(sum(row.values()))] if with_total else []))
    grand = sum(sum(r.values()) for r in counts.values())
    data.append(["", "Jumlah", *map(str, totals), *([str(grand)] if with_total else [])])
    name_w = PIVOT_NAME
    rest = (width - 8 * mm - name_w) / (len(keys) + (1 if with_total else 0))
    widths = [8 * mm, name_w] + [rest] * (len(head) - 2)
    table = LongTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        grid_style(
            numbers(2),
            ("FONTNAME", (0, -1), (-1, -1), FONT_BOLD),
            ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 1), (0, -1), "CENTER"),
            font_size=8,
        )
    )
    return table


def _chart(doc: RecapDoc, width: float) -> Drawing:
    totals: dict[str, int] = {}
    for _kec, _nag, category, _outcome, n in doc.rows:
        totals[category] = totals.get(category, 0) + n
    names = sorted(totals, key=lambda k: (-totals[k], k))[:15] or ["-"]
    values = [totals.get(n, 0) for n in names]
    bar = 16
    height = bar * len(names) + 40
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT
    chart = HorizontalBarChart()
    chart.x, chart.y = 52 * mm, 22
    chart.width, chart.height = width - 52 * mm - 12 * mm, bar * len(names)
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = list(reversed(names))
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -6
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#CCCCCC")
    chart.bars[0].fillColor = colors.HexColor("#2F5D8A")
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    drawing.add(
        String(chart.x + chart.width / 2, 4, "Jumlah orang", fontName=FONT, fontSize=7, textAnchor="middle")
    )
    return drawing


def _recap_signatures(doc: RecapDoc, width: float) -> Table:
    place = (
        f"{doc.letterhead.city}, {date_id(doc.signed_on)}" if doc.letterhead.city else date_id(doc.signed_on)
    )
    left = None
    if doc.acknowledged_by is not None:
        left = signature_column("", doc.acknowledged_by, mode=doc.sign_mode, lead="Mengetahui,")
    return signature_block(
        place, doc.signer, width=width, mode=doc.sign_mode, verification=doc.verification, left=left
    )
