"""Reading a Qt translation catalogue (.ts) in tests."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path


def messages(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation of every message in a .ts file."""
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message.findtext("translation")
        or ""
        for context in root.iter("context")
        for message in context.iter("message")
    }
