"""Every entity and action the services write to the audit log reads as Indonesian where it is shown.

The codes are collected from the source: each audit.record(actor, action, entity, ...) call of
desktop/, literal or chosen between literals (a conditional, an f-string over a known set, the
action parameter of a helper with literal call sites, a reference table's name).
"""

from __future__ import annotations

import ast
from pathlib import Path

from desktop.services.office.reference_data import CODE_LISTS
from desktop.services.security.audit_log import ACTION_NAMES, ENTITY_NAMES, action_name, entity_name
from tests.words import word_problems

ROOT = Path(__file__).resolve().parents[2]


def _literals(node: ast.expr) -> set[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _literals(node.body) | _literals(node.orelse)
    return set()


def _string_constants(tree: ast.AST) -> set[str]:
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def written_codes() -> tuple[set[str], set[str], int]:
    """(actions, entities, calls) of every audit.record() call under desktop/."""
    actions: set[str] = set()
    entities: set[str] = set()
    calls = 0
    for path in (ROOT / "desktop").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            func = getattr(node, "func", None)
            if not (isinstance(func, ast.Attribute) and func.attr == "record"):
                continue
            if not (isinstance(func.value, ast.Name) and func.value.id == "audit") or len(node.args) < 2:
                continue
            calls += 1
            action = _literals(node.args[1])
            if not action:  # a variable: every snake_case literal of the module that ends like an action
                action = {
                    s for s in _string_constants(tree) if s.count("_") and s.split("_")[-1].startswith("di")
                } | {s for s in _string_constants(tree) if s.startswith("login")}
            actions |= action
            if len(node.args) > 2:
                entities |= _literals(node.args[2])
    entities |= {model._meta.table_name for model, _ in CODE_LISTS.values()}
    actions |= {f"rekap_{state}" for state in ("diteruskan", "diajukan", "diterima")}
    return actions, entities, calls


def test_every_written_entity_and_action_is_shown_in_indonesian():
    actions, entities, calls = written_codes()
    assert calls > 60 and len(actions) > 80 and {"sop_case", "incoming_letter"} <= entities
    shown = {code: entity_name(code) for code in entities if code} | {
        code: action_name(code) for code in actions
    }
    assert {code: word_problems(name) for code, name in shown.items() if word_problems(name)} == {}
    assert not (entities - {""}) - set(ENTITY_NAMES)  # every entity is named, not merely reworded


def test_the_audit_names_read_as_the_office_says_them():
    assert entity_name("sop_case") == "Kasus SOP"
    assert entity_name("incoming_letter") == "Surat masuk"
    assert action_name("surat_masuk_dicatat") == "Surat masuk dicatat"
    assert action_name("login") == ACTION_NAMES["login"] == "Masuk aplikasi"


def test_a_line_copied_from_a_field_package_says_so():
    assert action_name("lapangan:login") == "Di lapangan: masuk aplikasi"
    assert action_name("lapangan:pelayanan_dicatat").startswith("Di lapangan: ")
