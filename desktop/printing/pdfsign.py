"""The signature block, one for every letter: the right column of the Tata Naskah Dinas.

    Arosuka, 7 Desember 2026          place and date
    Yang menerima,                    (a lead, where the letter has one)
    KEPALA DINAS ...,                 jabatan
    [signature space]                 in-app: the QR and the electronic sign-off;
                                      wet: empty room for the signature and the stamp
    NAMA PEJABAT                      bold, underlined
    Pembina Tingkat I (IV/b)          pangkat, where known
    NIP. 19760130 200312 1 001

The block always spans the text width: the column is SIGN_WIDTH wide at the right margin, so it
stands at the same place in every document. In wet mode the left side carries the QR, printed
small, with "Dokumen ini sah setelah ditandatangani dan dicap."; a second signer (Mengetahui) takes
the left side instead, and the wet note then goes below both.

Imports reportlab.platypus at module level, like pdfbase: only loaded when a document renders.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from .data import IN_APP, WET, WET_NOTE, ElectronicSignOff, Official, Verification
from .pdfbase import para, plain_style, styles
from .pdfqr import qr_code
from .text import datetime_id, escape, group_code, nip_id, signature_code

SIGN_WIDTH = 80 * mm  # the signature column
QR_SIZE = 20 * mm  # in-app: the QR in the signature space
SMALL_QR_SIZE = 16 * mm  # wet: the QR beside the block
WET_SPACE = 26 * mm  # room for a signature and a round stamp


def signature_block(
    place_date: str,
    signer: Official,
    *,
    width: float,
    mode: str = IN_APP,
    sign_off: ElectronicSignOff | None = None,
    verification: Verification | None = None,
    lead: str = "",
    left: Flowable | None = None,
) -> Table:
    """The signature column at the right of the text `width`; `left` (a second signer) beside it."""
    if mode not in (IN_APP, WET):
        raise ValueError(f"Cara tanda tangan '{mode}' tidak dikenal.")
    column = signature_column(
        place_date, signer, mode=mode, sign_off=sign_off, verification=verification, lead=lead
    )
    note = wet_note(width - SIGN_WIDTH - 4 * mm, sign_off, verification) if mode == WET else None
    rows: list[list] = [[left if left is not None else (note or ""), column]]
    if left is not None and note is not None:
        rows.append([note, ""])
    table = Table(rows, colWidths=[width - SIGN_WIDTH, SIGN_WIDTH], hAlign="LEFT")
    table.setStyle(
        plain_style(
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        )
    )
    return table


def signature_column(
    place_date: str,
    signer: Official,
    *,
    mode: str = IN_APP,
    sign_off: ElectronicSignOff | None = None,
    verification: Verification | None = None,
    lead: str = "",
) -> Table:
    """Place and date, the jabatan, the signature space, name (bold, underlined), pangkat and NIP."""
    st = styles()
    rows: list[list] = []
    if place_date:
        rows.append([para(place_date, st.body)])
    if lead:
        rows.append([para(lead, st.body)])
    rows.append([para(signer.title + ",", st.body)] if signer.title else [Spacer(1, 1)])
    if mode == WET:
        rows.append([Spacer(1, WET_SPACE)])
    else:
        rows.append([_electronic_space(sign_off, verification)])
    rows.append([Paragraph(f"<u>{escape(signer.name)}</u>", st.bold)])
    if signer.pangkat:
        rows.append([para(signer.pangkat, st.body)])
    rows.append([para(f"NIP. {nip_id(signer.nip)}", st.body)])
    table = Table(rows, colWidths=[SIGN_WIDTH], hAlign="LEFT")
    table.setStyle(plain_style())
    return table


def _electronic_space(sign_off: ElectronicSignOff | None, verification: Verification | None) -> Flowable:
    if sign_off is None and verification is None:
        return Spacer(1, QR_SIZE)
    lines = []
    if sign_off is not None:
        lines.append("Ditandatangani secara elektronik")
        lines.append(datetime_id(sign_off.signed_at))
        lines.append(f"Kode tanda tangan: {signature_code(sign_off.signature_sha256)}")
    if verification is not None:
        lines.append(f"Kode verifikasi: {group_code(verification.code)}")
    text = Paragraph("<br/>".join(escape(x) for x in lines), styles().small)
    qr: Flowable = qr_code(verification.qr_text, QR_SIZE) if verification else Spacer(1, QR_SIZE)
    gap = QR_SIZE + 3 * mm
    table = Table([[qr, text]], colWidths=[gap, SIGN_WIDTH - gap])
    table.setStyle(plain_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE")))
    return table


def wet_note(width: float, sign_off: ElectronicSignOff | None, verification: Verification | None) -> Table:
    """The wet-signature note: the QR printed small, 'sah setelah ditandatangani dan dicap', the code,
    and when the signer approved it in the app (the app still records who approved it)."""
    lines = [f"<b>{escape(WET_NOTE)}</b>"]
    if verification is not None:
        lines.append(escape(f"Kode verifikasi: {group_code(verification.code)}"))
    if sign_off is not None:
        lines.append(escape(f"Disetujui di aplikasi {datetime_id(sign_off.signed_at)}"))
    text = Paragraph("<br/>".join(lines), styles().small)
    if verification is None:
        return Table([[text]], colWidths=[width], hAlign="LEFT")
    gap = SMALL_QR_SIZE + 2 * mm
    table = Table(
        [[qr_code(verification.qr_text, SMALL_QR_SIZE), text]], colWidths=[gap, max(width - gap, 20 * mm)]
    )
    table.hAlign = "LEFT"
    table.setStyle(plain_style(("VALIGN", (0, 0), (-1, -1), "BOTTOM")))
    return table
