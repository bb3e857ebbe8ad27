"""The messages the services raise reach users as they are: each reads as Indonesian.

Every literal part of every exception raised under desktop/services, desktop/printing and
desktop/errors.py is checked, and the NIK checks are fed the characters that once produced
Unicode character names ("LATIN CAPITAL LETTER A").
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from desktop.services.errors import InvalidInput
from desktop.services.nik import validate_kk, validate_nik
from tests.words import problems_in, word_problems

ROOT = Path(__file__).resolve().parents[2]
# Raised for a programming error, caught as a bug, never shown to a user as a message.
PROGRAMMING_ERRORS = {
    "ValueError",
    "TypeError",
    "KeyError",
    "AssertionError",
    "NotImplementedError",
    "RuntimeError",
}


def raised_messages() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    paths = [*(ROOT / "desktop" / "services").rglob("*.py"), *(ROOT / "desktop" / "printing").rglob("*.py")]
    for path in [*paths, ROOT / "desktop" / "errors.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args):
                continue
            if (
                getattr(node.exc.func, "id", "") in PROGRAMMING_ERRORS
                or getattr(node.exc.func, "id", "") == "_stale"
            ):
                continue  # a bug's message (never shown as such) / a helper's arguments (an entity code)
            message = node.exc.args[0]
            parts = message.values if isinstance(message, ast.JoinedStr) else [message]
            text = " ".join(
                p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str)
            )
            if text.strip():
                found.setdefault(f"{path.relative_to(ROOT)}:{node.lineno}", []).append(text)
    return found


def test_every_message_the_services_raise_reads_as_indonesian():
    messages = raised_messages()
    assert len(messages) > 150
    assert problems_in(messages) == []


@pytest.mark.parametrize(
    "typed",
    [
        "130601A101900001",
        "１３０６０１０１０１９０００１",
        "١٣٠٦٠١٠١٠١٩٠٠٠٠١",
        "1306010101900 01",
        "13060101019000😀1",
        "1306-010101900001",
    ],
)
def test_a_nik_with_a_strange_character_is_refused_in_plain_indonesian(typed):
    for check in (validate_nik, validate_kk):
        with pytest.raises(InvalidInput) as refused:
            check(typed)
        assert word_problems(str(refused.value)) == [], str(refused.value)
