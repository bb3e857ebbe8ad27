"""Every string the app asks Qt to translate is Indonesian for users: no identifiers, hashes or English.

The strings are read from the source code itself (every tr(), QCoreApplication.translate() and
QT_TRANSLATE_NOOP() with a literal text), so a string lupdate has not yet seen is checked too, and
from the translation catalogue's sources. The UI test (tests/ui/test_words.py) checks what the
windows really show, data included.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.words import problems_in, word_problems

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "desktop" / "resources" / "translations" / "dinas_desk_id.ts"


def _text_argument(call: ast.Call) -> ast.expr | None:
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    if name == "tr" and call.args:
        return call.args[0]
    if name in ("translate", "QT_TRANSLATE_NOOP") and len(call.args) >= 2:
        context = call.args[0]
        if isinstance(context, ast.Constant) and str(context.value).startswith("Q"):
            return None  # Qt's own texts (QPlatformTheme ...): qtbase_id.qm translates them
        return call.args[1]
    return None


def translatable_strings(root: Path = ROOT / "desktop") -> dict[str, list[str]]:
    """'path:line' -> the literal texts of every translation call under `root`."""
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            text = _text_argument(node)
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                where = f"{path.relative_to(root.parent)}:{node.lineno}"
                found.setdefault(where, []).append(text.value)
    return found


def test_every_translatable_string_in_the_source_reads_as_indonesian():
    strings = translatable_strings()
    assert sum(len(texts) for texts in strings.values()) > 1000  # the scan reached the whole UI
    assert problems_in(strings) == []


def test_every_source_text_of_the_catalogue_reads_as_indonesian():
    """A source the code no longer asks for vanishes when the catalogue is regenerated: not checked."""
    in_code = {text for texts in translatable_strings().values() for text in texts}
    sources = [
        message.findtext("source") or ""
        for context in ET.parse(CATALOGUE).getroot().iter("context")
        if not (context.findtext("name") or "").startswith("Q")
        for message in context.iter("message")
        if (message.findtext("source") or "") in in_code
    ]
    assert len(sources) > 1000
    assert problems_in({"catalogue": sources}) == []


def test_the_scan_finds_an_english_string_put_back(tmp_path):
    (tmp_path / "page.py").write_text(
        'class Page:\n    def build(self):\n        self.tr("Workstation")\n'
        '        QT_TRANSLATE_NOOP("Audit", "sop_case")\n'
    )
    found = problems_in(translatable_strings(tmp_path))
    assert any("English 'Workstation'" in line for line in found)
    assert any("identifier 'sop_case'" in line for line in found)


def test_what_the_checker_refuses_and_lets_through():
    refused = {
        "sop_case #3": "identifier",
        "desktop.services gagal": "dotted identifier",
        "Nilai None": "Python repr",
        "<Foo object at 0x7f>": "Python repr",
        "Sidik 3f9a0c1d2e4b5a6978": "hash",
        "NIK berisi huruf (LATIN CAPITAL LETTER A)": "Unicode name",
        "Incoming letter": "English",
        "Simpan file": "English",
    }
    for text, kind in refused.items():
        assert any(p.startswith(kind) for p in word_problems(text)), text
    for fine in (
        "Surat masuk dicatat",
        "NIK 1306012345678901 sudah terdaftar di KK 1306010101010001",
        "Berkas data.xlsx disimpan ke C:\\Users\\meja\\Documents\\rekap.xlsx",
        "Database PostgreSQL di postgresql://server/dinas",
        "Kode verifikasi K7MPX-2QR9T",
        "SIJARLA: Sistem Jemput Bola",
    ):
        assert word_problems(fine) == [], fine
