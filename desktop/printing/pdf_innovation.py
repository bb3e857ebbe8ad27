"""Inovasi Pelayanan Publik: the written output of a step, and the one-page innovation profile."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from desktop.sections import read_sections

from .data import InnovationProfileDoc, InnovationStepDoc, InnovationTimelineLine
from .pdfbase import fields, grid_style, heads, keep, kop, para, style, styles
from .pdfpage import Built, PageFurniture, build, text_width
from .pdfsign import signature_block
from .pdfsplit import SplitTable, cell_width, closing_lines, continued, grouped, text_pieces
from .text import date_id, date_range_id, escape, long_date_id


def _title(title: str, subtitle: str = "") -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [Paragraph(f"<u>{escape(title)}</u>", st.title)]
    if subtitle:
        out.append(para(subtitle, st.center))
    return out + [Spacer(1, 4 * mm)]


def _place_date(city: str, day) -> str:
    return f"{city}, {date_id(day)}" if city else date_id(day)


def _body(body: str) -> list[tuple[str, ParagraphStyle]]:
    """The body's paragraphs in order (headings and the text under them), each with its style."""
    st = styles()
    text = style("inov_body", 10.5, align=TA_JUSTIFY, leftIndent=0, spaceAfter=2)
    indented = style("inov_indented", 10.5, align=TA_JUSTIFY, leftIndent=6 * mm, spaceAfter=2)
    out: list[tuple[str, ParagraphStyle]] = []
    for heading, content in read_sections(body) or [("", "-")]:
        if heading:
            out.append((heading, st.heading))
        for chunk in (content or "-").split("\n\n"):
            out.append((chunk.strip("\n") or "-", indented if heading else text))
    return out


# --- Dokumen langkah inovasi ------------------------------------------------------------------------


def innovation_step_document(doc: InnovationStepDoc, paper: str) -> Built:
    """A step's document: header table, the body in its sections, the author's electronic sign-off."""
    st, width = styles(), text_width(paper)
    rows = [
        ("Nomor kasus", doc.case_reference),
        ("Judul inovasi", doc.innovation_title),
    ]
    if doc.chosen_name:
        rows.append(("Nama inovasi", doc.chosen_name))
    rows += [
        ("Langkah SOP", doc.step_label),
        ("Tanggal", long_date_id(doc.written_at.date())),
        ("Disusun oleh", doc.author.name),
    ]
    header = fields(rows, 32 * mm, width - 6 * mm, st.body)
    boxed = Table([[header]], colWidths=[width])
    boxed.setStyle(
        grid_style(
            ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
            ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
            header_rows=0,
        )
    )
    story: list[Flowable] = [*kop(doc.letterhead, width), *_title(doc.title), boxed, Spacer(1, 4 * mm)]
    sign = signature_block(
        _place_date(doc.letterhead.city, doc.written_at.date()),
        doc.author,
        width=width,
        mode=doc.sign_mode,
        sign_off=doc.sign_off,
        verification=doc.verification,
        lead="Yang menyusun,",
    )
    # The body's last lines go with the signature, so it never stands alone on a page.
    *body, (last, last_style) = _body(doc.body)
    head, tail = closing_lines(last, last_style, width)
    story += [*(para(text, how) for text, how in body), *head, keep(tail, Spacer(1, 8 * mm), sign)]
    name = f"{doc.title.title()} {doc.case_reference}"
    furniture = PageFurniture(name, doc.verification)
    return build(story, paper=paper, title=name, furniture=furniture)


# --- Profil inovasi ---------------------------------------------------------------------------------


def innovation_profile(doc: InnovationProfileDoc, paper: str) -> Built:
    """Profil Inovasi for competitions: identity, problem to indicators, outputs, the 8 steps, signer."""
    st, width = styles(), text_width(paper)
    small = styles(9.5)
    name_style = style("inov_name", 14, bold=True, align=TA_CENTER, spaceAfter=1)
    story: list[Flowable] = [*kop(doc.letterhead, width), *_title("PROFIL INOVASI PELAYANAN PUBLIK")]
    story.append(para(doc.name, name_style))
    if doc.name_meaning:
        story.append(para(f"({doc.name_meaning})", st.center))
    story.append(Spacer(1, 2 * mm))
    story += [_profile_table(doc, width), Spacer(1, 2 * mm)]
    sign = signature_block(
        _place_date(doc.letterhead.city, doc.signed_on),
        doc.signer,
        width=width,
        mode=doc.sign_mode,
        verification=doc.verification,
    )
    # The SOP's steps (eight rows) and the signature stay together: a signature never stands alone.
    timeline = para("Tahapan SOP Inovasi (rencana dan realisasi)", small.bold)
    story.append(keep(timeline, Spacer(1, 1.5 * mm), _timeline_table(doc, width), Spacer(1, 2 * mm), sign))
    name = f"Profil Inovasi {doc.name}"
    furniture = PageFurniture(f"Profil Inovasi {doc.case_reference}", doc.verification)
    return build(story, paper=paper, title=name, furniture=furniture)


def outputs_text(doc: InnovationProfileDoc) -> str:
    if not doc.output_entries:
        return "Belum ada output yang dicatat."
    when = ""
    if doc.output_first and doc.output_last:
        when = f" ({date_range_id(doc.output_first, doc.output_last)})"
    return (
        f"{doc.people_served} orang terlayani; {doc.output_entries} catatan kegiatan "
        f"pada {doc.output_days} hari{when}."
    )


REPEATED = {"Judul", "Permasalahan", "Sasaran"}  # the profile shows them in their own rows


def concept_text(concept: str) -> str:
    """The concept without the sections the profile already shows (title, problem, target)."""
    kept = [(h, t) for h, t in read_sections(concept) if h not in REPEATED]
    return "\n".join(f"{h}: {t}" if h else t for h, t in kept if t.strip())


def _short(day) -> str:
    return f"{day:%d-%m-%Y}" if day else "-"


def _profile_table(doc: InnovationProfileDoc, width: float) -> Table:
    label = style("inov_label", 8.5, bold=True)
    cell = style("inov_cell", 8.5)
    identity = f"{doc.title}\nNomor kasus {doc.case_reference}, tahun {doc.year}; status: {doc.status}"
    rows = [
        ("Nama dan judul", identity),
        ("Permasalahan", doc.problem),
        ("Sasaran", doc.target),
        ("Konsep / gagasan", concept_text(doc.concept)),
        ("Mekanisme", doc.mechanism),
        ("Sumber daya", doc.resources),
        ("Jadwal", doc.schedule),
        ("Indikator keberhasilan", doc.indicators),
        ("Output sampai saat ini", outputs_text(doc)),
    ]
    # A long value (the concept may hold 8,000 characters) continues in rows of its own.
    text_w = cell_width(width - 38 * mm, 6)
    data, sizes = grouped(
        [continued([para(k, label), None], [text_pieces(v.strip() or "-", cell, text_w)]) for k, v in rows]
    )
    table = SplitTable(data, colWidths=[38 * mm, width - 38 * mm], hAlign="LEFT")
    table.setStyle(
        grid_style(
            ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F0F0F0")),
            header_rows=0,
            font_size=8.5,
            groups=sizes,
        )
    )
    return table


def _timeline_notes(t: InnovationTimelineLine) -> list[str]:
    """The Keterangan of a step after any lateness mark: its state, then how often it ran."""
    if t.not_continued:
        return ["tidak dilanjutkan"]  # after a rejection: not pending, it will not come
    if t.running:
        notes = ["sedang berjalan"]
    elif t.actual is None:
        notes = ["belum"]
    else:
        notes = [] if t.late_working_days else ["tepat waktu"]
        notes += ["ditolak"] if t.rejected else []
    if t.rounds > 1:
        notes.append(f"dilakukan {t.rounds} kali")
    return notes


def _timeline_table(doc: InnovationProfileDoc, width: float) -> Table:
    cell = style("inov_tl", 8, leading=9.8)
    data: list[list] = [heads("No", "Langkah", "Rencana", "Realisasi", "Pelaksana", "Keterangan")]
    for t in doc.timeline:
        marked = escape("; ".join(_timeline_notes(t)))
        if t.late_working_days:
            late = escape(f"TERLAMBAT {t.late_working_days} hari kerja")
            marked = f'<font color="#B00020"><b>{late}</b></font>' + (f"; {marked}" if marked else "")
        data.append(
            [
                str(t.number),
                para(t.step, cell),
                _short(t.planned),
                _short(t.actual),
                para(t.actor or "-", cell),
                Paragraph(marked, cell),
            ]
        )
    fixed = 8 * mm + 2 * 19 * mm + 42 * mm + 30 * mm
    table = Table(
        data,
        colWidths=[8 * mm, width - fixed, 19 * mm, 19 * mm, 42 * mm, 30 * mm],
        hAlign="LEFT",
        repeatRows=1,
    )
    table.setStyle(
        grid_style(("ALIGN", (0, 0), (0, -1), "CENTER"), ("ALIGN", (2, 1), (3, -1), "CENTER"), font_size=8)
    )
    return table
