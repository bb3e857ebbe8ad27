"""Regenerate desktop/resources/icons/dinas-desk.ico from the SVG (the exe, the installer and the
Add/Remove Programs entry need a Windows icon file). Run: .venv/bin/python installer/make_icon.py"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "desktop" / "resources" / "icons"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "dinas-desk.svg"))
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    big = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")
    big.save(ICONS / "dinas-desk.ico", sizes=[(s, s) for s in SIZES])
    print(ICONS / "dinas-desk.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
