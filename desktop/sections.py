"""The headed-sections text of a step document, written by the services and read by the letters and the UI.

    Permasalahan:
    Antrean panjang di kantor nagari.
      Baris yang diawali dua spasi, atau yang berakhir dengan titik dua:, diberi dua spasi.

A line that is not indented, ends with ':' and has at most 80 characters is a heading; the text
under it is written as typed, except that a line which would read as a heading or would lose its own
indent (it starts with two spaces) gets two spaces in front. So text costs no more than its own
length unless it is made of such lines, and older documents, where every line was indented, read
the same.
"""

from __future__ import annotations

from collections.abc import Sequence

INDENT = "  "
HEADING_MAX = 80  # a longer line ending with ':' is a sentence in free text, not a heading


def is_heading(line: str) -> bool:
    return bool(line) and not line[0].isspace() and line.endswith(":") and len(line) <= HEADING_MAX


def _needs_indent(line: str) -> bool:
    """A line of text that would read as a heading, or would lose its own leading spaces."""
    return is_heading(line) or line.startswith(INDENT)


def write_sections(parts: Sequence[tuple[str, str]]) -> str:
    """'Heading:' and its text for each part with text, a blank line between parts."""
    blocks = []
    for heading, text in parts:
        if text:
            lines = "\n".join(INDENT + line if _needs_indent(line) else line for line in text.split("\n"))
            blocks.append(f"{heading}:\n{lines}")
    return "\n\n".join(blocks)


def read_sections(body: str) -> list[tuple[str, str]]:
    """(heading, text) in order; text before the first heading, if any, comes with the heading ''."""
    blocks: list[tuple[str, list[str]]] = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if is_heading(line):
            blocks.append((line[:-1], []))
            continue
        if not blocks:
            blocks.append(("", []))
        blocks[-1][1].append(line[len(INDENT) :] if line.startswith(INDENT) else line)
    sections = [(heading, "\n".join(lines).strip("\n")) for heading, lines in blocks]
    return [(heading, text) for heading, text in sections if heading or text.strip()]


def section_map(body: str) -> dict[str, str]:
    """The headed sections by heading (a document's headings are distinct)."""
    return {heading: text for heading, text in read_sections(body) if heading}
