"""Text the services accept, for the printing property tests: up to a field's limit, any number of
lines, any mix of scripts (Latin, Arabic, Hebrew, CJK, Devanagari, Javanese, Thai, emoji with
joiners, combining marks, zero-width and direction marks, the widest glyphs of the font).

The rule mirrors services.validation.clean_text: NFC, CRLF as LF, trimmed, no Cc (but LF and TAB
in multi-line fields), Cs, Co or Cn character, at most `limit` characters. The tests still call
the real service and skip (hypothesis.reject) a value it refuses, so a stricter service later
makes them narrower, not wrong; hypothesis fails a run where most values are refused.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, reject, settings
from hypothesis import strategies as st

from desktop.services.errors import InvalidInput

from .pdf_tools import page_text

PRINT = settings(
    max_examples=15,
    deadline=None,
    database=None,  # no .hypothesis folder in the repository
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,  # one database per test; every example adds its own rows
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)

SCRIPTS = [
    "محمد عبد الله",  # Arabic
    "السلام عليكم",
    "שלום עליכם",  # Hebrew
    "王小明",  # Chinese
    "你好，世界。",
    "東京都",
    "श्रीमती सीता देवी",  # Devanagari
    "ꦱꦸꦏꦂꦤꦺꦴ",  # Javanese
    "สวัสดีครับ",  # Thai
    "Siti 🌺 Rahmah",
    "👩‍👩‍👧‍👦",  # emoji joined by ZWJ
    "🇮🇩",
    "e\u0301\u0302\u0303\u0304",  # stacked combining marks
    "Nguye\u0302\u0303n",
    "Ṣalāḥ al-Dīn",
    "‱‱‱‱",  # the font's widest glyph
    "ᙶᙶᙶ",
    "😴😴😴",
    "WWWWWWWWWWWWWWWWWWWW",
    "x" * 60,  # a word longer than any column
    "\u200b",  # zero-width space
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "\u2028",  # line separator
    "Jl. Lintas Sumatera No. 12 & 14 <RT 3/RW 2>",
    "1302034507510002",
]
WORDS = ["pelayanan", "nagari", "jorong", "lansia", "KTP-el", "akta", "Disdukcapil", "SIJARLA", "2026"]

CHARS = st.characters(codec=None, exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))


def as_accepted(text: str, limit: int, multiline: bool) -> str:
    """What clean_text stores of `text` (invisible and reordering characters left out, as it refuses
    them), cut to `limit` characters."""
    allowed = {"\n", "\t"} if multiline else set()
    kept_format = {"\u200c", "\u200d", "\u200e", "\u200f", "\u061c"}
    if multiline:
        text = "".join("\n" if ch in "\u2028\u2029\x85\r" else ch for ch in text.replace("\r\n", "\n"))
    text = "".join(
        ch
        for ch in text
        if ch in allowed or ch in kept_format or unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp")
    )
    value = unicodedata.normalize("NFC", text).strip()
    while len(value) > limit:
        value = unicodedata.normalize("NFC", value[:limit]).strip()
    return value if any(unicodedata.category(ch)[0] in "LNPS" for ch in value) else ""


def _fill(unit: str, size: int) -> str:
    return (unit * (size // max(len(unit), 1) + 1))[:size] if unit else ""


def accepted_text(limit: int, *, multiline: bool = False, required: bool = True) -> st.SearchStrategy[str]:
    """Any text the field takes: short, half full, or at its limit; one line, or many."""
    token = st.one_of(st.sampled_from(SCRIPTS + WORDS), st.text(CHARS, min_size=1, max_size=12))
    seps = [" ", " ", "", "\t", "\n", "\n", "\n\n"] if multiline else [" ", " ", "", "\t"]
    unit = st.lists(st.tuples(token, st.sampled_from(seps)), min_size=1, max_size=8).map(
        lambda parts: "".join(a + b for a, b in parts)
    )
    size = st.sampled_from(sorted({limit, limit // 2, limit // 8 or 1, min(limit, 40)}))
    many_lines = st.builds(lambda word, n: _fill(word + "\n", n), token, size)
    shapes = [unit, st.builds(_fill, unit, size), st.builds(_fill, unit, st.just(limit))]
    if multiline:
        shapes.append(many_lines)
    text = st.one_of(*shapes).map(lambda t: as_accepted(t, limit, multiline))
    return text.filter(bool) if required else text


def refused_means_skip(call):
    """Run a service call; a value it refuses (InvalidInput) is not one this property is about."""
    try:
        return call()
    except InvalidInput:
        reject()


def printed_words(value: str) -> list[str]:
    """The plain ASCII words of a value (short enough for any column): each must be on the paper."""
    return [w for w in value.split() if re.fullmatch(r"[A-Za-z0-9]{3,10}", w)]


def assert_on_paper(pdf: bytes, *values: str) -> None:
    paper = "".join(" ".join(page_text(pdf)).split()).casefold()
    missing = sorted({w for v in values for w in printed_words(v) if w.casefold() not in paper})
    assert not missing, missing[:10]
