"""clean_text: what any typed text becomes, or the Indonesian message that refuses it (issue 16 item 3)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.services.errors import InvalidInput
from desktop.services.validation import clean_text


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("surat\u202efdp.exe", "pengatur tampilan teks"),  # shown as "surat exe.pdf"
        ("Siti\u2066Rahmah", "pengatur tampilan teks"),
        ("Siti\U000e0041", "pengatur tampilan teks"),
        ("\u200b", "wajib diisi"),
        ("\u0301", "huruf, angka atau tanda yang terlihat"),
        ("\u3000\u0301 ", "huruf, angka atau tanda yang terlihat"),
        ("baris satu\u2028baris dua", "hanya satu baris"),
        ("baris satu\nbaris dua", "hanya satu baris"),
        ("a\x00b", "tak terlihat atau tidak sah"),
    ],
)
def test_a_one_line_required_field_refuses_invisible_or_reordering_text(typed: str, words: str) -> None:
    with pytest.raises(InvalidInput, match=words) as info:
        clean_text(typed, "Nama", 120, field="full_name")
    assert info.value.field == "full_name"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Zo\u00eb M\u00fcller", "Zoë Müller"),
        ("Nur\u200bhayati", "Nurhayati"),  # a zero-width space from a chat: dropped
        ("\ufeffSiti", "Siti"),
        ("\u200fمحمد\u200f", "\u200fمحمد\u200f"),  # right-to-left marks stay
        ("👩\u200d👩\u200d👧", "👩\u200d👩\u200d👧"),  # joiners stay
        ("Nguye\u0302\u0303n", "Nguyễn"),  # stored composed
    ],
)
def test_meaningful_text_is_kept(typed: str, stored: str) -> None:
    assert clean_text(typed, "Nama", 120) == stored


def test_multiline_text_turns_every_line_break_into_a_newline() -> None:
    assert clean_text("satu\r\ndua\u2028tiga\u2029empat\rlima\x85enam", "Catatan", 200, multiline=True) == (
        "satu\ndua\ntiga\nempat\nlima\nenam"
    )


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(st.characters(codec=None), max_size=30), st.booleans(), st.booleans())
def test_whatever_is_accepted_is_visible_single_direction_text(typed: str, multiline: bool, required: bool):
    try:
        stored = clean_text(typed, "Teks", 100, multiline=multiline, required=required)
    except InvalidInput as refused:
        assert refused.message.startswith("Teks ")  # always the Indonesian message, never a crash
        return
    for ch in stored:
        category = unicodedata.category(ch)
        assert category not in ("Cs", "Co", "Cn", "Zl", "Zp"), repr(ch)
        assert category != "Cc" or (multiline and ch in "\n\t"), repr(ch)
        assert category != "Cf" or ch in "\u200c\u200d\u200e\u200f\u061c", repr(ch)
    if required:
        assert any(unicodedata.category(ch)[0] in "LNPS" for ch in stored)
