"""The translation catalogues keep up with the code: a new tr() string without
`python desktop/resources/translations/update_translations.py` fails here, and so does a qtbase_id.qm
that was not rebuilt from its .ts."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

from tests.catalogues import messages

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "desktop" / "resources" / "translations"


def _updater():
    spec = importlib.util.spec_from_file_location("update_translations", FOLDER / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def updater():
    return _updater()


def test_the_app_catalogue_holds_every_string_of_the_code(updater, tmp_path):
    fresh = tmp_path / "fresh.ts"
    updater.lupdate(fresh)
    in_code, catalogued = set(messages(fresh)), set(messages(updater.APP_CATALOGUE))
    assert len(in_code) > 500
    missing, stale = sorted(in_code - catalogued), sorted(catalogued - in_code)
    assert (missing, stale) == ([], []), "run: python desktop/resources/translations/update_translations.py"


def test_every_app_string_has_a_context(updater):
    """A tr() outside a class lands in an empty context that runtime lookups never use."""
    assert [source for context, source in messages(updater.APP_CATALOGUE) if not context] == []


def test_every_qt_string_is_translated_and_the_qm_is_built_from_it(updater, tmp_path):
    catalogue = messages(updater.QT_CATALOGUE)
    assert catalogue[("QPlatformTheme", "Cancel")] == "Batal"
    assert [key for key, translation in catalogue.items() if not translation.strip()] == []
    built = tmp_path / "qtbase_id.qm"
    updater.lrelease(updater.QT_CATALOGUE, built)
    assert built.read_bytes() == (FOLDER / "qtbase_id.qm").read_bytes()


def test_no_string_is_hidden_from_lupdate_behind_a_wrapper():
    """lupdate reads tr(), translate() and QT_TRANSLATE_NOOP() calls only: a literal handed to a
    private helper such as `_tr("terlambat")` never reaches the catalogue. A helper may still
    translate a string that was marked where it was written (`_tr(COLUMNS[i][1])`)."""
    root = ROOT / "desktop"
    hidden = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id not in {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
                and "tr" in node.func.id.lower().split("_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                hidden.append(
                    f"{path.relative_to(root.parent)}:{node.lineno} {node.func.id}({node.args[0].value!r})"
                )
    assert hidden == []


def test_no_translation_call_sits_inside_an_f_string():
    """lupdate does not look inside an f-string's braces: `f"({self.tr('baris')} {n})"` is looked up at
    run time and never found. The text goes into a variable first."""
    root = ROOT / "desktop"
    inside = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fstring in (n for n in ast.walk(tree) if isinstance(n, ast.JoinedStr)):
            for node in ast.walk(fstring):
                func = node.func if isinstance(node, ast.Call) else None
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}:
                    inside.append(f"{path.relative_to(root.parent)}:{node.lineno} {ast.unparse(node)}")
    assert inside == []
