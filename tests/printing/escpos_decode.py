"""A small ESC/POS decoder for tests: what a thermal printer would do with a receipt's bytes.

No library decodes ESC/POS, so this reads the commands python-escpos writes: text with the
selected code page (ESC t n, mapped through escpos' capabilities.json for the printer
profile), alignment, bold and size, feeds, cuts, GS ( k QR codes (the stored payload) and
GS v 0 raster images (rebuilt as Pillow images, so zxing-cpp can read a QR printed as dots).
Anything it does not know fails the test, instead of passing silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from escpos.capabilities import get_profile
from PIL import Image

# Commands with one parameter byte that only change style (no output of their own).
STYLE_ONE_BYTE = {b"\x1b!", b"\x1b{", b"\x1db", b"\x1b-", b"\x1bM", b"\x1dB", b"\x1d|", b"\x1d!", b"\x1b2"}


@dataclass
class PrintedLine:
    text: str
    align: int  # 0 left, 1 centre, 2 right
    bold: bool
    size: int  # the ESC ! / GS ! byte in force


@dataclass
class Decoded:
    lines: list[PrintedLine] = field(default_factory=list)
    code_pages: list[str] = field(default_factory=list)  # every ESC t, by name (CP858 ...)
    qr_payloads: list[str] = field(default_factory=list)  # printed GS ( k codes
    images: list[Image.Image] = field(default_factory=list)  # GS v 0 rasters
    cuts: int = 0
    feeds: int = 0

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def decode(data: bytes, profile: str) -> Decoded:
    """Interpret receipt bytes for a printer profile (POS-5890, TM-T20II ...)."""
    pages = get_profile(profile).profile_data["codePages"]
    out, i = Decoded(), 0
    encoding, align, bold, size, pending, stored_qr = "cp437", 0, False, 0, bytearray(), b""

    def flush() -> None:
        out.lines.append(PrintedLine(pending.decode(encoding), align, bold, size))
        pending.clear()

    while i < len(data):
        two, three = data[i : i + 2], data[i : i + 3]
        if data[i] == 0x0A:
            flush()
            i += 1
        elif data[i] >= 0x20:
            pending.append(data[i])
            i += 1
        elif two == b"\x1b@":
            i += 2
        elif two == b"\x1bt":
            name = pages[str(data[i + 2])]
            out.code_pages.append(name)
            encoding = name.lower()
            i += 3
        elif two == b"\x1ba":
            align, i = data[i + 2] % 48, i + 3
        elif two == b"\x1bE":
            bold, i = bool(data[i + 2]), i + 3
        elif two in (b"\x1b!", b"\x1d!"):
            size, i = data[i + 2], i + 3
        elif two in STYLE_ONE_BYTE:
            i += 3
        elif two == b"\x1bd":
            out.feeds += data[i + 2]
            i += 3
        elif two == b"\x1dV":
            out.cuts += 1
            i += 4 if data[i + 2] in (65, 66) else 3
        elif three == b"\x1d(k":
            length = data[i + 3] | data[i + 4] << 8
            body = data[i + 5 : i + 5 + length]
            if body[:2] == b"1P":
                stored_qr = body[3:]
            elif body[:2] == b"1Q":
                out.qr_payloads.append(stored_qr.decode("utf-8"))
            i += 5 + length
        elif three == b"\x1dv0":
            width_bytes, height = data[i + 4] | data[i + 5] << 8, data[i + 6] | data[i + 7] << 8
            end = i + 8 + width_bytes * height
            bits = Image.frombytes("1", (width_bytes * 8, height), bytes(data[i + 8 : end]))
            out.images.append(Image.eval(bits.convert("L"), lambda v: 255 - v))
            i = end
        else:
            raise AssertionError(f"unexpected ESC/POS byte 0x{data[i]:02x} at {i}: {data[i : i + 8]!r}")
    if pending:
        flush()
    return out


def with_quiet_zone(image: Image.Image, margin: int = 24) -> Image.Image:
    """A printed raster on white paper (zxing wants a quiet zone around a QR code)."""
    canvas = Image.new("L", (image.width + 2 * margin, image.height + 2 * margin), 255)
    canvas.paste(image, (margin, margin))
    return canvas
