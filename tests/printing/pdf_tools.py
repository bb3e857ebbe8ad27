"""Reading PDFs back in tests: page sizes and pictures (pypdfium2), text and fonts (poppler), QR (zxing)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image

A4 = (595.28, 841.89)
F4 = (609.45, 935.43)  # 215 x 330 mm


@dataclass(frozen=True)
class PdfFont:
    name: str
    kind: str
    embedded: bool


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    """Width and height of each page in points."""
    pdf = pdfium.PdfDocument(data)
    try:
        return [tuple(round(v, 2) for v in pdf[i].get_size()) for i in range(len(pdf))]  # type: ignore[misc]
    finally:
        pdf.close()


def page_text(data: bytes, layout: bool = False) -> list[str]:
    """The text of each page as pdftotext reads it: in drawing order, or laid out as on paper."""
    mode = "-layout" if layout else "-raw"
    out = subprocess.run(
        ["pdftotext", mode, "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
    )
    return out.stdout.decode("utf-8").split("\f")[:-1]


def all_text(data: bytes) -> str:
    """The whole document's text in drawing order, whitespace squeezed (a wrapped cell reads as one)."""
    return " ".join(" ".join(page.split()) for page in page_text(data))


def fonts(data: bytes) -> list[PdfFont]:
    """The fonts pdffonts lists, with whether each is embedded."""
    out = subprocess.run(["pdffonts", "-"], input=data, capture_output=True, check=False)
    if out.returncode != 0:  # older poppler cannot read stdin
        raise AssertionError(out.stderr.decode())
    rows = out.stdout.decode().splitlines()[2:]
    found = []
    for row in rows:
        parts = row.split()
        # name type [type2] encoding emb sub uni object ID: emb is 5th from the end
        found.append(PdfFont(parts[0], " ".join(parts[1:-6]), parts[-5] == "yes"))
    return found


def render_page(data: bytes, index: int = 0, dpi: int = 150) -> Image.Image:
    pdf = pdfium.PdfDocument(data)
    try:
        return pdf[index].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        pdf.close()


def qr_texts(image: Image.Image) -> list[str]:
    """The text of every QR code zxing-cpp finds in a picture."""
    return [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
