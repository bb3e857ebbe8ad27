"""Tanda Terima Permohonan, Lembar Disposisi and Surat Tugas in the Tata Naskah Dinas layouts."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from .data import AssignmentDoc, DispositionDoc, ReceiptDoc
from .pdfbase import (
    fields,
    grid_style,
    keep,
    kop,
    para,
    plain_style,
    qr_drawing,
    signature_block,
    styles,
)
from .pdfpage import Built, PageFurniture, build, text_width
from .text import SIFAT_LABELS, date_id, datetime_id, escape, group_code, long_date_id, nip_id

SIGN_WIDTH = 80 * mm


def _title(title: str, number: str) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [Paragraph(f"<u>{escape(title)}</u>", st.title)]
    if number:
        out.append(para(f"Nomor: {number}", st.center))
    out.append(Spacer(1, 4 * mm))
    return out


def _place_date(city: str, day) -> str:
    return f"{city}, {date_id(day)}" if city else date_id(day)


# --- Tanda Terima Surat Permohonan ---------------------------------------------------------------


def receipt_letter(doc: ReceiptDoc, paper: str) -> Built:
    """The A4/F4 Tanda Terima: what was received, what it asks for, by when it will be served."""
    st, width = styles(), text_width(paper)
    area = f"{doc.nagari}, Kecamatan {doc.kecamatan}" if doc.kecamatan else doc.nagari
    story: list[Flowable] = [*kop(doc.letterhead, width), *_title("TANDA TERIMA SURAT PERMOHONAN", "")]
    story.append(para("Telah diterima surat permohonan dengan keterangan sebagai berikut:", st.body))
    story.append(Spacer(1, 2 * mm))
    rows = [
        ("Nomor agenda", doc.agenda_number),
        ("Diterima", f"{long_date_id(doc.received_at.date())} pukul {doc.received_at:%H.%M}"),
        ("Dari", doc.sender),
        ("Nomor surat", doc.letter_number),
        ("Tanggal surat", date_id(doc.letter_date)),
        ("Nagari", area),
        ("Perihal", doc.subject),
    ]
    if doc.case_reference:
        rows.append(("Nomor berkas", doc.case_reference))
    story.append(fields(rows, 32 * mm, width, st.body))
    if doc.requested:
        story += [Spacer(1, 4 * mm), para("Layanan yang dimohon:", st.body), Spacer(1, 1.5 * mm)]
        story.append(_requested_table(doc, width))
    story += [Spacer(1, 5 * mm), _promise_box(doc, width), Spacer(1, 8 * mm)]
    receiver = doc.received_by
    if receiver is not None:
        story.append(
            keep(
                signature_block(
                    _place_date(doc.letterhead.city, doc.received_at.date()),
                    receiver,
                    width=SIGN_WIDTH,
                    verification=doc.verification,
                    lead="Yang menerima,",
                )
            )
        )
    furniture = PageFurniture(f"Tanda Terima {doc.agenda_number}", doc.verification)
    return build(story, paper=paper, title=f"Tanda Terima {doc.agenda_number}", furniture=furniture)


def _requested_table(doc: ReceiptDoc, width: float) -> Table:
    st = styles()
    data: list[list] = [["No", "Jenis layanan", "Perkiraan jumlah (orang)"]]
    for i, (name, count) in enumerate(doc.requested, start=1):
        data.append([str(i), para(name, st.cell), str(count)])
    data.append(["", "Jumlah", str(sum(n for _, n in doc.requested))])
    table = Table(data, colWidths=[12 * mm, width - 62 * mm, 50 * mm], hAlign="LEFT", repeatRows=1)
    table.setStyle(
        grid_style(
            ("ALIGN", (0, 0), (0, -1), "CENTER"),
            ("ALIGN", (2, 0), (2, -1), "RIGHT"),
            ("ALIGN", (2, 0), (2, 0), "CENTER"),
            ("FONTNAME", (1, -1), (-1, -1), "DejaVuSans-Bold"),
        )
    )
    return table


def _promise_box(doc: ReceiptDoc, width: float) -> Table:
    st = styles()
    lines = []
    if doc.due_on is not None:
        limit = f" ({doc.sla_days} hari kerja sesuai SOP)" if doc.sla_days else ""
        lines.append(
            f"Permohonan dilayani paling lambat <b>{escape(long_date_id(doc.due_on))}</b>{escape(limit)}."
        )
    lines.append(
        f"Kode lacak: <b>{escape(doc.tracking_code)}</b>. Sebutkan kode ini untuk menanyakan "
        "perkembangan permohonan."
    )
    table = Table([[Paragraph("<br/>".join(lines), st.body)]], colWidths=[width])
    table.setStyle(
        plain_style(
            ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        )
    )
    return table


# --- Lembar Disposisi ------------------------------------------------------------------------------


def _tick(label: str, on: bool) -> str:
    return f"{'☑' if on else '☐'} {escape(label)}"


def disposition_sheet(doc: DispositionDoc, paper: str) -> Built:
    """The Lembar Disposisi form, with the Kabid's electronic sign-off."""
    st, width = styles(), text_width(paper)
    half = width / 2
    letter = fields(
        [
            ("Surat dari", doc.letter_from),
            ("Nomor surat", doc.letter_number),
            ("Tanggal surat", date_id(doc.letter_date)),
        ],
        29 * mm,
        half - 8,
        st.body,
    )
    agenda = fields(
        [("Diterima tanggal", date_id(doc.received_on)), ("Nomor agenda", doc.agenda_number)],
        34 * mm,
        half - 8,
        st.body,
    )
    sifat = "&nbsp;&nbsp;&nbsp;&nbsp;".join(
        _tick(label, code == doc.sifat) for code, label in SIFAT_LABELS.items()
    )
    forwarded = [Paragraph("<b>Diteruskan kepada:</b>", st.body), para(doc.forwarded_to, st.body)]
    if doc.team:
        forwarded.append(para(doc.team, st.body))
    if doc.deadline:
        forwarded += [Spacer(1, 2 * mm), para(f"Batas waktu: {long_date_id(doc.deadline)}", st.body)]
    requests = [Paragraph("<b>Dengan hormat harap:</b>", st.body)]
    requests += [Paragraph(_tick(label, on), st.body) for label, on in doc.requests]
    data = [
        [letter, agenda],
        [Paragraph(f"<b>Sifat:</b>&nbsp;&nbsp;&nbsp;{sifat}", st.body), ""],
        [Paragraph(f"<b>Perihal:</b> {escape(doc.subject)}", st.body), ""],
        [forwarded, requests],
        [[Paragraph("<b>Catatan:</b>", st.body), para(doc.instructions, st.justify)], ""],
        [_sign_off_cell(doc, width), ""],
    ]
    form = Table(data, colWidths=[half, half], minRowHeights=[0, 0, 0, 38 * mm, 40 * mm, 0])
    form.setStyle(
        plain_style(
            ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
            ("INNERGRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("SPAN", (0, 1), (1, 1)),
            ("SPAN", (0, 2), (1, 2)),
            ("SPAN", (0, 4), (1, 4)),
            ("SPAN", (0, 5), (1, 5)),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        )
    )
    story = [*kop(doc.letterhead, width), *_title("LEMBAR DISPOSISI", doc.number), form]
    furniture = PageFurniture(f"Lembar Disposisi {doc.number}", doc.verification)
    return build(story, paper=paper, title=f"Lembar Disposisi {doc.number}", furniture=furniture)


def _sign_off_cell(doc: DispositionDoc, width: float) -> Table:
    st = styles()
    s, v = doc.sign_off, doc.verification
    if s is None:
        body = [Paragraph("<b>Penandatanganan:</b> disposisi belum ditandatangani.", st.body)]
        return Table([[body]], colWidths=[width - 10])
    rows = [
        ("Ditandatangani oleh", f"{s.signer.name}" + (f", {s.signer.title}" if s.signer.title else "")),
        ("NIP", nip_id(s.signer.nip)),
        ("Waktu", datetime_id(s.signed_at)),
        ("Sidik tanda tangan", f"SHA-256 {s.signature_sha256[:16]}…"),
    ]
    if v is not None:
        rows.append(("Kode verifikasi", group_code(v.code)))
    text = [
        Paragraph("<b>Penandatanganan elektronik</b>", st.body),
        fields(rows, 38 * mm, width - 40 * mm, st.cell),
    ]
    qr: Flowable = qr_drawing(v.qr_text, 24 * mm) if v else Spacer(1, 1)
    table = Table([[text, qr]], colWidths=[width - 38 * mm, 28 * mm])
    table.setStyle(plain_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT")))
    return table


# --- Surat Tugas ---------------------------------------------------------------------------------


def assignment_letter(doc: AssignmentDoc, paper: str) -> Built:
    """Surat Tugas: Dasar, MEMBERI TUGAS, Kepada (each member), Untuk, signature and tembusan."""
    st, width = styles(), text_width(paper)
    label_w, colon_w = 22 * mm, 5 * mm
    inner = width - label_w - colon_w
    body = [
        ["Dasar", ":", _numbered([para(b, st.justify) for b in doc.basis], inner)],
        ["", "", ""],
        [Paragraph("<b>MEMBERI TUGAS</b>", st.center), "", ""],
        ["", "", ""],
        ["Kepada", ":", _numbered([_member(m, inner - 8 * mm) for m in doc.members], inner)],
        ["Untuk", ":", _numbered(_task_points(doc), inner)],
    ]
    table = Table(
        body, colWidths=[label_w, colon_w, inner], rowHeights=[None, 2 * mm, None, 2 * mm, None, None]
    )
    table.setStyle(plain_style(("SPAN", (0, 2), (2, 2)), ("BOTTOMPADDING", (0, 4), (-1, 4), 4)))

    closing = para(
        "Demikian Surat Tugas ini dibuat untuk dilaksanakan dengan penuh tanggung jawab.", st.justify
    )
    sign = signature_block(
        _place_date(doc.letterhead.city, doc.signed_on),
        doc.signer,
        width=SIGN_WIDTH + 10 * mm,
        sign_off=doc.sign_off,
        verification=doc.verification,
    )
    story: list[Flowable] = [*kop(doc.letterhead, width), *_title("SURAT TUGAS", doc.number), table]
    story += [Spacer(1, 3 * mm), keep(closing, Spacer(1, 4 * mm), sign)]
    if doc.copies_to:
        small = styles(9.5).body
        copies = [para("Tembusan:", small)]
        copies += [para(f"{i}. {c}", small) for i, c in enumerate(doc.copies_to, 1)]

        story += [Spacer(1, 2 * mm), keep(*copies)]
    furniture = PageFurniture(f"Surat Tugas {doc.number}", doc.verification)
    return build(story, paper=paper, title=f"Surat Tugas {doc.number}", furniture=furniture)


def _numbered(items: list, width: float) -> Table | str:
    """Items numbered 1., 2. ... (a single item stands without a number)."""
    if not items:
        return "-"
    if len(items) == 1:
        return Table([[items[0]]], colWidths=[width], style=plain_style())
    rows = [[f"{i}.", item] for i, item in enumerate(items, start=1)]
    return Table(
        rows, colWidths=[8 * mm, width - 8 * mm], style=plain_style(("BOTTOMPADDING", (0, 0), (-1, -1), 3))
    )


def _member(m, width: float) -> Table:
    st = styles()
    jabatan = m.jabatan + (" (Ketua Tim)" if m.is_leader else "")
    table = fields(
        [
            ("Nama", m.name),
            ("NIP", nip_id(m.nip)),
            ("Pangkat/Gol.", m.pangkat_golongan or "-"),
            ("Jabatan", jabatan),
        ],
        30 * mm,
        width,
        st.body,
    )
    table.setStyle(plain_style(("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)))
    return table


def _task_points(doc: AssignmentDoc) -> list[Paragraph]:
    st = styles()
    when = (
        long_date_id(doc.start_on)
        if doc.start_on == doc.end_on
        else (f"{long_date_id(doc.start_on)} s.d. {long_date_id(doc.end_on)}")
    )
    return [
        para(doc.task, st.justify),
        para(f"Tempat: {doc.place}", st.body),
        para(f"Waktu: {when}", st.body),
    ]
