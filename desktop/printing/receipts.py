"""The front desk's thermal receipt (tanda terima) as ESC/POS bytes, for 58 mm and 80 mm printers.

The receipt is laid out once as lines (plain ASCII, wrapped to the printer's columns) and then
written through python-escpos' Dummy printer, so the bytes archived, previewed and sent to a
printer are the same. One code page is pinned (CP858) and every text is transliterated to ASCII
first: escpos would otherwise switch code pages per character, which cheap printers garble.
NIKs never appear on a receipt unmasked: the service masks them before the data gets here.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, replace

from .data import RECEIPT_WIDTHS, ReceiptDoc
from .text import group_code, long_date_id, to_ascii

CODE_PAGE = "CP858"


@dataclass(frozen=True)
class ReceiptPrinter:
    """What the receipt needs to know about a printer class."""

    width_mm: int
    profile: str  # python-escpos capabilities profile
    columns: int  # font A characters per line
    dots: int  # printable width in dots (203 dpi)
    native_qr: bool  # GS ( k QR codes; otherwise the QR goes as a raster image
    cuts: bool


PRINTERS = {
    58: ReceiptPrinter(58, "POS-5890", 32, 384, native_qr=False, cuts=False),
    80: ReceiptPrinter(80, "TM-T20II", 48, 576, native_qr=True, cuts=True),
}


COLUMN_CHOICES = (32, 42, 48)
"""Font A characters per line that a workstation may set: 32 (58 mm), 42 (Epson TM-T88 class
80 mm printers) and 48 (most 80 mm printers)."""


def printer_for(width_mm: int, columns: int = 0) -> ReceiptPrinter:
    """The printer class of a paper width (58 or 80 mm), with `columns` per line when set (0: the
    width's own count). A count wider than the paper holds is refused."""
    try:
        spec = PRINTERS[width_mm]
    except KeyError:
        raise ValueError(f"Lebar kertas struk {width_mm} mm tidak didukung ({RECEIPT_WIDTHS}).") from None
    if not columns or columns == spec.columns:
        return spec
    if columns not in COLUMN_CHOICES or columns > spec.columns:
        raise ValueError(
            f"Struk {width_mm} mm dapat {', '.join(str(c) for c in column_choices(width_mm))} kolom, "
            f"bukan {columns}."
        )
    return replace(spec, columns=columns)


def column_choices(width_mm: int) -> tuple[int, ...]:
    """The column counts a printer of this paper width may be set to."""
    return tuple(c for c in COLUMN_CHOICES if c <= printer_for(width_mm).columns)


@dataclass(frozen=True)
class Line:
    """One printed line, or a QR code when `qr` is set."""

    text: str = ""
    align: str = "left"
    bold: bool = False
    big: bool = False  # double width and height
    qr: str = ""


def receipt_lines(doc: ReceiptDoc, width_mm: int = 80, columns: int = 0) -> list[Line]:
    """The receipt as lines of ASCII text wrapped to the printer's columns (`columns`, 0: the width's)."""
    cols = printer_for(width_mm, columns).columns
    rule = Line("-" * cols)
    head = doc.letterhead
    lines = _centered(head.government, cols) + _centered(head.agency, cols, bold=True)
    lines += _centered(head.address, cols)
    if head.phone:
        lines += _centered(f"Telp. {head.phone}", cols)
    lines += [rule, Line("TANDA TERIMA", "center", bold=True, big=True)]
    lines += _centered("SURAT PERMOHONAN", cols, bold=True) + [rule]
    area = f"{doc.nagari}, Kec. {doc.kecamatan}" if doc.kecamatan else doc.nagari
    facts = [
        ("No. agenda", doc.agenda_number),
        ("Diterima", f"{doc.received_at:%d-%m-%Y %H:%M}"),
        ("Dari", doc.sender),
        ("No. surat", doc.letter_number),
        ("Nagari", area),
        ("Perihal", doc.subject),
    ]
    for label, value in facts:
        lines += _labelled(label, value, cols)
    for i, (name, count) in enumerate(doc.requested):
        lines += _labelled("Layanan" if i == 0 else "", f"{name} ({count})", cols)
    lines.append(rule)
    if doc.due_on is not None:
        lines.append(Line("Selesai paling lambat:"))
        lines += _wrapped(long_date_id(doc.due_on), cols, bold=True)
        if doc.sla_days:
            lines.append(Line(f"({doc.sla_days} hari kerja sesuai SOP)"))
        lines.append(rule)
    lines += [Line("Kode lacak:", "center"), Line(to_ascii(doc.tracking_code), "center", bold=True, big=True)]
    lines.append(Line(qr=to_ascii(doc.tracking_code), align="center"))
    lines += _wrapped("Sebutkan kode lacak ini untuk menanyakan perkembangan permohonan.", cols)
    if doc.received_by is not None:
        lines += _wrapped(f"Diterima oleh: {doc.received_by.name}", cols)
    if doc.verification is not None:
        lines.append(Line(f"Kode verifikasi: {group_code(doc.verification.code)}"))
    return lines


def _wrapped(text: str, cols: int, *, bold: bool = False, align: str = "left") -> list[Line]:
    chunks = textwrap.wrap(to_ascii(text), cols, break_long_words=True) or [""]
    return [Line(chunk, align, bold) for chunk in chunks]


def _centered(text: str, cols: int, *, bold: bool = False) -> list[Line]:
    return _wrapped(text, cols, bold=bold, align="center") if text else []


def _labelled(label: str, value: str, cols: int) -> list[Line]:
    """'Perihal    : text' with the value wrapping under itself; run-in on narrow paper."""
    value = to_ascii(value) or "-"
    if cols < 40:  # 58 mm: a value column would leave ~19 characters, so the value runs on
        text = f"{label}: {value}" if label else f"  {value}"
        chunks = textwrap.wrap(text, cols, subsequent_indent="  ", break_long_words=True)
        return [Line(c) for c in chunks]
    prefix = f"{label:<10} : " if label else " " * 13
    chunks = textwrap.wrap(value, cols - len(prefix), break_long_words=True) or ["-"]
    return [Line((prefix if i == 0 else " " * len(prefix)) + c) for i, c in enumerate(chunks)]


def render_receipt(doc: ReceiptDoc, width_mm: int = 80, columns: int = 0) -> bytes:
    """The ESC/POS bytes of the receipt (python-escpos Dummy printer): what the printer receives.

    `columns` is the printer's characters per line when it is not the width's usual count (a
    42-column TM-T88 on 80 mm paper); 0 keeps the width's own."""
    from escpos.constants import QR_ECLEVEL_M
    from escpos.printer import Dummy

    spec = printer_for(width_mm, columns)
    printer = Dummy(profile=spec.profile)
    printer.hw("INIT")
    printer.charcode(CODE_PAGE)
    for line in receipt_lines(doc, width_mm, spec.columns):
        printer.set_with_default(
            align=line.align, bold=line.bold, double_height=line.big, double_width=line.big
        )
        if line.qr:
            # Native QR is sharper and smaller; POS-5890-class printers only take it as an image.
            if spec.native_qr:
                printer.qr(line.qr, ec=QR_ECLEVEL_M, size=6, native=True)
                printer.ln()
            else:
                printer.qr(line.qr, ec=QR_ECLEVEL_M, size=6, native=False, center=True)
        else:
            printer.textln(line.text)
    printer.set_with_default()
    printer.cut()  # feeds, and cuts where the profile has a cutter (POS-5890: tear off)
    data = printer.output
    printer.close()
    return data
