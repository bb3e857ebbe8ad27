"""The verification QR code: encoded once, with a quicker choice of mask, drawn as one path.

reportlab's QrCodeWidget in a Drawing encodes the text twice (bounds, then drawing) and draws each
run of dark modules as a shape with its own graphics state; its encoder picks the mask by scoring
all eight masked matrices in Python, list by list. QrCode keeps reportlab's encoder and its scores
(the same modules, so the same QR), computed on strings and integers instead: a one-page letter's
largest piece of work before, about a tenth of it now.

Imports reportlab at module level, like pdfbase: only loaded when a document renders.
"""

from __future__ import annotations

import re

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.platypus import Flowable

_RUN = re.compile("0{5,}|1{5,}")
_DARK = re.compile("1+")
_FINDER = "10111010000"  # reportlab scores this one, in rows only (its columns never compare equal)


def _lines(modules: list[list]) -> list[str]:
    return ["".join("1" if m else "0" for m in row) for row in modules]


def lost_points(modules: list[list]) -> int:
    """reportlab's QRUtil.getLostPoint, the same number: runs of five or more, 2x2 blocks, the
    finder-like pattern in rows, and the balance of dark and light."""
    rows = _lines(modules)
    n = len(rows)
    score = sum(
        len(m.group()) - 2
        for line in rows + ["".join(c) for c in zip(*rows, strict=True)]
        for m in _RUN.finditer(line)
    )
    bits, full = [int(r, 2) for r in rows], (1 << n) - 1
    for r0, r1 in zip(bits, bits[1:], strict=False):
        same = ~(r0 ^ r1) & full  # columns where the two rows agree
        score += 3 * bin(same & (same >> 1) & ~(r0 ^ (r0 >> 1)) & (full >> 1)).count("1")
    for line in rows:
        j, last = 0, len(line) - len(_FINDER)  # reportlab stops one place short of the end
        while j < last and 0 <= (k := line.find(_FINDER, j)) < last:
            score += 40
            j = k + len(_FINDER)
    dark = sum(r.count("1") for r in rows)
    return score + 10 * (abs(100 * dark // (n * n) - 50) // 5)


class _Encoder(qrencoder.QRCode):
    def getBestMaskPattern(self) -> int:  # noqa: N802 - reportlab's name
        scores = []
        for pattern in range(8):
            self.makeImpl(True, pattern)
            scores.append(lost_points(self.modules))
        return scores.index(min(scores))  # the first of the lowest, as reportlab's loop keeps it


class QrCode(Flowable):
    """A QR code (error correction M) of `size` points square with one module of quiet zone."""

    BORDER = 1  # modules of quiet zone

    def __init__(self, text: str, size: float):
        super().__init__()
        self.width = self.height = size
        code = _Encoder(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(text)
        code.make()
        self.rows = _lines(code.modules)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        box = self.width / (len(self.rows) + 2 * self.BORDER)
        path = self.canv.beginPath()
        for r, line in enumerate(self.rows):
            y = self.height - (r + self.BORDER + 1) * box
            for run in _DARK.finditer(line):
                path.rect((run.start() + self.BORDER) * box, y, (run.end() - run.start()) * box, box)
        self.canv.saveState()
        self.canv.setFillColor(colors.black)
        self.canv.drawPath(path, stroke=0, fill=1)  # the runs never overlap: any fill rule
        self.canv.restoreState()


def qr_code(text: str, size: float) -> QrCode:
    """A QR code of `size` points square (vector rectangles: no fonts)."""
    return QrCode(text, size)
