"""Tanda Terima Permohonan, Lembar Disposisi and Surat Tugas in the Tata Naskah Dinas layouts."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from .data import WET, AssignmentDoc, DispositionDoc, ReceiptDoc
from .pdfbase import (
    PLAIN_PADDING,
    fields,
    grid_style,
    heads,
    keep,
    kop,
    numbers,
    para,
    plain_style,
    styles,
)
from .pdfpage import Built, PageFurniture, build, text_width
from .pdfqr import qr_code
from .pdfsign import signature_block
from .pdfsplit import SplitTable, cell_width, continuation_padding, continued, text_pieces
from .text import SIFAT_LABELS, date_id, datetime_id, escape, group_code, long_date_id, nip_id, signature_code


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
    story.append(Spacer(1, 5 * mm))
    receiver = doc.received_by
    if receiver is None:
        story.append(_promise_box(doc, width))
    else:
        sign = signature_block(
            _place_date(doc.letterhead.city, doc.received_at.date()),
            receiver,
            width=width,
            mode=doc.sign_mode,
            verification=doc.verification,
            lead="Yang menerima,",
        )
        # The promise and the receiver's signature stay together: a signature never stands alone.
        story.append(keep(_promise_box(doc, width), Spacer(1, 8 * mm), sign))
    furniture = PageFurniture(f"Tanda Terima {doc.agenda_number}", doc.verification)
    return build(story, paper=paper, title=f"Tanda Terima {doc.agenda_number}", furniture=furniture)


def _requested_table(doc: ReceiptDoc, width: float) -> Table:
    st = styles()
    data: list[list] = [heads("No", "Jenis layanan", "Perkiraan jumlah (orang)")]
    for i, (name, count) in enumerate(doc.requested, start=1):
        data.append([str(i), para(name, st.cell), str(count)])
    data.append(["", "Jumlah", str(sum(n for _, n in doc.requested))])
    table = Table(data, colWidths=[12 * mm, width - 62 * mm, 50 * mm], hAlign="LEFT", repeatRows=1)
    table.setStyle(
        grid_style(
            ("ALIGN", (0, 0), (0, -1), "CENTER"),
            numbers(2),
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
    text_w = cell_width(width, 10)
    subject = text_pieces(doc.subject, st.body, text_w, lead="<b>Perihal:</b> ")
    notes: list = text_pieces(doc.instructions, st.justify, text_w)
    notes[0] = [Paragraph("<b>Catatan:</b>", st.body), notes[0]]
    data = [
        [letter, agenda],
        [Paragraph(f"<b>Sifat:</b>&nbsp;&nbsp;&nbsp;{sifat}", st.body), ""],
        *([piece, ""] for piece in subject),
        [forwarded, requests],
        *([piece, ""] for piece in notes),
        [_sign_off_cell(doc, width), ""],
    ]
    form = SplitTable(data, colWidths=[half, half], minRowHeights=_form_heights(len(subject), len(notes)))
    form.setStyle(_form_style(len(subject), len(notes)))
    story = [*kop(doc.letterhead, width), *_title("LEMBAR DISPOSISI", doc.number), form]
    furniture = PageFurniture(f"Lembar Disposisi {doc.number}", doc.verification)
    return build(story, paper=paper, title=f"Lembar Disposisi {doc.number}", furniture=furniture)


def _form_heights(subject: int, notes: int) -> list[float]:
    """Room to write by hand under 'Diteruskan kepada' and under a short catatan, as on the paper form."""
    heights = [0.0] * (2 + subject) + [38 * mm] + [0.0] * notes + [0.0]
    if notes == 1:
        heights[3 + subject] = 40 * mm
    return heights


def _form_style(subject: int, notes: int) -> TableStyle:
    """The form's rules: rows 0 and the 'diteruskan' row in two halves; perihal and catatan each one
    cell however many rows they continue over; the sign-off never on a page without the catatan's end."""
    forwarded = 2 + subject
    last_note = forwarded + notes
    rule, frame = 0.6, 1.2
    return plain_style(
        ("BOX", (0, 0), (-1, -1), frame, colors.black),
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), frame, colors.black),
        ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), frame, colors.black),
        *(("LINEBELOW", (0, r), (-1, r), rule, colors.black) for r in (0, 1, forwarded - 1, forwarded)),
        ("LINEBELOW", (0, last_note), (-1, last_note), rule, colors.black),
        *(("LINEAFTER", (0, r), (0, r), rule, colors.black) for r in (0, forwarded)),
        *(("SPAN", (0, r), (1, r)) for r in range(1, forwarded)),
        *(("SPAN", (0, r), (1, r)) for r in range(forwarded + 1, last_note + 2)),
        ("NOSPLIT", (0, last_note), (-1, last_note + 1)),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        *continuation_padding([1, 1, subject, 1, notes, 1]),
    )


def _sign_off_cell(doc: DispositionDoc, width: float) -> Table:
    st = styles()
    s, v = doc.sign_off, doc.verification
    if s is None:
        body = [Paragraph("<b>Penandatanganan:</b> disposisi belum ditandatangani.", st.body)]
        return Table([[body]], colWidths=[width - 10])
    if doc.sign_mode == WET:  # the form's last cell holds the letters' signature block
        place = _place_date(doc.letterhead.city, s.signed_at.date())
        return signature_block(place, s.signer, width=width - 10, mode=WET, sign_off=s, verification=v)
    rows = [
        ("Ditandatangani oleh", f"{s.signer.name}" + (f", {s.signer.title}" if s.signer.title else "")),
        ("NIP", nip_id(s.signer.nip)),
        ("Waktu", datetime_id(s.signed_at)),
        ("Kode tanda tangan", signature_code(s.signature_sha256)),
    ]
    if v is not None:
        rows.append(("Kode verifikasi", group_code(v.code)))
    text = [
        Paragraph("<b>Penandatanganan elektronik</b>", st.body),
        fields(rows, 38 * mm, width - 40 * mm, st.cell),
    ]
    qr: Flowable = qr_code(v.qr_text, 24 * mm) if v else Spacer(1, 1)
    table = Table([[text, qr]], colWidths=[width - 38 * mm, 28 * mm])
    table.setStyle(plain_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT")))
    return table


# --- Surat Tugas ---------------------------------------------------------------------------------


def assignment_letter(doc: AssignmentDoc, paper: str) -> Built:
    """Surat Tugas: Dasar, MEMBERI TUGAS, Kepada (each member), Untuk, signature and tembusan."""
    st, width = styles(), text_width(paper)
    inner = width - _LABEL_W - _COLON_W
    body = _PointTable(inner)
    body.points("Dasar", list(doc.basis), st.justify)
    body.gap()
    body.add([[Paragraph("<b>MEMBERI TUGAS</b>", st.center), "", "", ""]], ("SPAN", (0, 0), (-1, 0)))
    body.gap()
    body.points("Kepada", [_member(m, inner - _NUMBER_W) for m in doc.members])
    body.points("Untuk", _task_points(doc), st.justify)

    closing = para(
        "Demikian Surat Tugas ini dibuat untuk dilaksanakan dengan penuh tanggung jawab.", st.justify
    )
    sign = signature_block(
        _place_date(doc.letterhead.city, doc.signed_on),
        doc.signer,
        width=width,
        mode=doc.sign_mode,
        sign_off=doc.sign_off,
        verification=doc.verification,
    )
    story: list[Flowable] = [*kop(doc.letterhead, width), *_title("SURAT TUGAS", doc.number), body.table()]
    story += [Spacer(1, 3 * mm), keep(closing, Spacer(1, 4 * mm), sign)]
    if doc.copies_to:
        small = styles(9.5).body
        copies = [para("Tembusan:", small)]
        copies += [para(f"{i}. {c}", small) for i, c in enumerate(doc.copies_to, 1)]

        story += [Spacer(1, 2 * mm), keep(*copies)]
    furniture = PageFurniture(f"Surat Tugas {doc.number}", doc.verification)
    return build(story, paper=paper, title=f"Surat Tugas {doc.number}", furniture=furniture)


_LABEL_W, _COLON_W, _NUMBER_W = 22 * mm, 5 * mm, 8 * mm


class _PointTable:
    """The Surat Tugas body, 'Label : 1. item', built group by group: an item is a group of rows (a
    long paragraph continues in rows of its own), so the letter can break between any two rows."""

    def __init__(self, inner: float):
        self.inner = inner
        self.data: list[list] = []
        self.heights: list[float | None] = []
        self.sizes: list[int] = []
        self.commands: list[tuple] = []

    def add(self, rows: list[list], *commands: tuple, height: float | None = None) -> None:
        """Rows of one group, with style commands whose rows count from the group's first row."""
        start = len(self.data)
        self.data += rows
        self.heights += [height] * len(rows)
        self.sizes.append(len(rows))
        for op, (c0, r0), (c1, r1), *values in commands:
            self.commands.append((op, (c0, start + r0), (c1, start + r1), *values))

    def gap(self) -> None:
        self.add([["", "", "", ""]], height=2 * mm)

    def points(self, label: str, items: Sequence[str | Flowable], style: ParagraphStyle | None = None):
        """The items numbered 1., 2. ... (a single item stands without a number, in both columns);
        a text item is set in `style`."""
        if not items:
            self.add([[label, ":", "-", ""]], ("SPAN", (2, 0), (3, 0)))
            return
        numbered = len(items) > 1
        text_w = cell_width(self.inner - (_NUMBER_W if numbered else 0), PLAIN_PADDING)
        for i, item in enumerate(items, start=1):
            parts = text_pieces(item, style or styles().body, text_w) if isinstance(item, str) else [item]
            first = [label, ":"] if i == 1 else ["", ""]
            if numbered:
                rows = continued([*first, f"{i}.", None], [parts])
                spans: list[tuple] = []
            else:
                rows = continued([*first, None, ""], [parts])
                spans = [("SPAN", (2, r), (3, r)) for r in range(len(rows))]
            last = len(rows) - 1
            self.add(rows, *spans, ("BOTTOMPADDING", (0, last), (-1, last), 3))

    def table(self) -> Table:
        widths = [_LABEL_W, _COLON_W, _NUMBER_W, self.inner - _NUMBER_W]
        table = SplitTable(self.data, colWidths=widths, rowHeights=self.heights)
        table.setStyle(plain_style(*self.commands, *continuation_padding(self.sizes)))
        return table


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


def _task_points(doc: AssignmentDoc) -> list[str]:
    when = (
        long_date_id(doc.start_on)
        if doc.start_on == doc.end_on
        else (f"{long_date_id(doc.start_on)} s.d. {long_date_id(doc.end_on)}")
    )
    return [doc.task, f"Tempat: {doc.place}", f"Waktu: {when}"]
