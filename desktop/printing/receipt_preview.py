"""A picture of a thermal receipt, drawn from its ESC/POS bytes: what the paper will show.

It reads the commands python-escpos writes for receipts (text attributes, alignment, code page,
feeds, cuts, GS ( k QR codes and GS v 0 raster images) and draws them with Pillow on a strip
as wide as the printer's dots, font A cells of 12 x 24 dots. Anything else is skipped.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

from .receipts import printer_for

CELL_W, CELL_H, LINE_H = 12, 24, 30
MARGIN = 16


@dataclass
class _State:
    align: int = 0
    bold: bool = False
    width: int = 1
    height: int = 1
    encoding: str = "cp437"
    qr_data: bytes = b""
    qr_size: int = 3
    line: list[tuple[str, bool, int, int]] = field(default_factory=list)


class _Paper:
    """A strip of paper growing downwards; pieces are pasted at the current row."""

    def __init__(self, dots: int):
        self.dots = dots
        self.pieces: list[tuple[int, int, Image.Image]] = []
        self.y = 0

    def place(self, image: Image.Image, align: int) -> None:
        x = {0: 0, 1: (self.dots - image.width) // 2, 2: self.dots - image.width}[align]
        self.pieces.append((max(x, 0), self.y, image))
        self.y += image.height

    def feed(self, dots: int) -> None:
        self.y += dots

    def picture(self) -> Image.Image:
        strip = Image.new("L", (self.dots + 2 * MARGIN, self.y + 2 * MARGIN), 255)
        for x, y, piece in self.pieces:
            strip.paste(piece, (x + MARGIN, y + MARGIN))
        return strip


@functools.cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    from desktop.config import resource_dir

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(resource_dir() / "fonts" / name), size)


@functools.cache
def _glyph(ch: str, bold: bool, width: int, height: int) -> Image.Image:
    """One character in its font-A cell, squeezed to the cell like a printer's fixed-pitch font."""
    cell = Image.new("L", (CELL_W * width, CELL_H * height), 255)
    if ch == " ":
        return cell
    font = _font(bold, 19)
    left, top, right, bottom = font.getbbox(ch)
    glyph = Image.new("L", (max(int(right - left), 1), 24), 255)
    ImageDraw.Draw(glyph).text((-left, 0), ch, font=font, fill=0)
    glyph = glyph.resize((min(glyph.width, CELL_W - 1) * width, 24 * height))
    cell.paste(glyph, ((cell.width - glyph.width) // 2, 0))
    return cell


def _flush_line(paper: _Paper, state: _State) -> None:
    chars = state.line
    state.line = []
    if not chars:
        paper.feed(LINE_H)
        return
    tall = max(h for _, _, _, h in chars)
    row = Image.new("L", (sum(CELL_W * w for _, _, w, _ in chars), CELL_H * tall), 255)
    x = 0
    for ch, bold, w, h in chars:
        row.paste(_glyph(ch, bold, w, h), (x, CELL_H * (tall - h)))
        x += CELL_W * w
    paper.place(row.crop((0, 0, min(row.width, paper.dots), row.height)), state.align)
    paper.feed(LINE_H - CELL_H)


def _qr_image(data: bytes, size: int) -> Image.Image:
    import qrcode

    code = qrcode.QRCode(border=0, box_size=size, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data.decode("utf-8", "replace"))
    code.make(fit=True)
    return code.make_image().get_image().convert("L")


def _raster(mode_bytes: bytes, body: bytes) -> Image.Image:
    width_bytes = mode_bytes[0] | mode_bytes[1] << 8
    height = mode_bytes[2] | mode_bytes[3] << 8
    bits = Image.frombytes("1", (width_bytes * 8, height), body)
    return Image.eval(bits.convert("L"), lambda v: 255 - v)  # ESC/POS: a set bit is a black dot


_ONE_BYTE_ARGS = {b"\x1b!", b"\x1b{", b"\x1db", b"\x1b-", b"\x1bM", b"\x1dB", b"\x1d|", b"\x1b2", b"\x1b3"}


def preview_png(data: bytes, width_mm: int = 80) -> bytes:
    """A PNG of the receipt as printed (white strip, black dots, 203 dpi scale)."""
    paper, state, i = _Paper(printer_for(width_mm).dots), _State(), 0
    while i < len(data):
        b = data[i : i + 1]
        two = data[i : i + 2]
        if b == b"\n":
            _flush_line(paper, state)
            i += 1
        elif two == b"\x1b@":
            state = _State(encoding=state.encoding)
            i += 2
        elif two == b"\x1bt":
            state.encoding = _code_page(data[i + 2], width_mm)
            i += 3
        elif two == b"\x1bE":
            state.bold = bool(data[i + 2])
            i += 3
        elif two == b"\x1ba":
            state.align = data[i + 2] % 48
            i += 3
        elif two == b"\x1b!":
            state.width, state.height = (2 if data[i + 2] & 0x20 else 1), (2 if data[i + 2] & 0x10 else 1)
            i += 3
        elif two == b"\x1d!":
            state.width, state.height = (data[i + 2] >> 4) + 1, (data[i + 2] & 0x0F) + 1
            i += 3
        elif two == b"\x1bd":
            paper.feed(LINE_H * data[i + 2])
            i += 3
        elif two in _ONE_BYTE_ARGS:
            i += 3
        elif two == b"\x1dV":
            i += 4 if data[i + 2] in (65, 66) else 3
            paper.feed(8)
        elif data[i : i + 3] == b"\x1d(k":
            i = _store_or_print_qr(data, i, state, paper)
        elif data[i : i + 3] == b"\x1dv0":
            width_bytes, height = data[i + 4] | data[i + 5] << 8, data[i + 6] | data[i + 7] << 8
            end = i + 8 + width_bytes * height
            paper.place(_raster(data[i + 4 : i + 8], data[i + 8 : end]), 0)
            i = end
        elif b[0] >= 0x20:
            for ch in b.decode(state.encoding, "replace"):
                state.line.append((ch, state.bold, state.width, state.height))
            i += 1
        else:
            i += 1  # an unknown control byte: skip it
    if state.line:
        _flush_line(paper, state)
    out = io.BytesIO()
    paper.picture().save(out, "PNG", optimize=True)
    return out.getvalue()


def _store_or_print_qr(data: bytes, i: int, state: _State, paper: _Paper) -> int:
    length = data[i + 3] | data[i + 4] << 8
    body = data[i + 5 : i + 5 + length]
    cn, fn = body[0:1], body[1:2]
    if cn == b"1" and fn == b"C":
        state.qr_size = body[2]
    elif cn == b"1" and fn == b"P":
        state.qr_data = body[3:]
    elif cn == b"1" and fn == b"Q" and state.qr_data:
        paper.place(_qr_image(state.qr_data, state.qr_size), state.align)
    return i + 5 + length


@functools.cache
def _code_page(index: int, width_mm: int) -> str:
    """The Python codec of a code page number in the printer profile (CP858 -> cp858)."""
    from escpos.capabilities import get_profile

    name = get_profile(printer_for(width_mm).profile).profile_data["codePages"].get(str(index), "CP437")
    return name.lower() if name.upper().startswith("CP") else "cp437"
