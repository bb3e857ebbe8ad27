"""Refresh the translation catalogues and compile the Qt built-in strings.

    .venv/bin/python desktop/resources/translations/update_translations.py

- dinas_desk_id.ts: every tr() / translate() / QT_TRANSLATE_NOOP string of desktop/ui and
  desktop/app.py, from pyside6-lupdate. The source strings are Indonesian already, so this is the
  catalogue a translator copies to add a language (dinas_desk_en.ts -> dinas_desk_en.qm, loaded when
  Windows runs in that language). Run this after adding or changing a visible string; a test fails
  while the catalogue lags behind the code.
- qtbase_id.ts: Indonesian for the strings of Qt's own widgets the app shows (standard buttons,
  message boxes, text-field context menus, the file dialog). Qt ships no Indonesian qtbase
  translation; this file is edited by hand and compiled to qtbase_id.qm, which the app installs
  whatever the Windows language is. The .qm is committed so a checkout (and a bundle collecting
  desktop/resources/) runs without Qt's tools; a test checks it matches its .ts.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]  # desktop/resources/translations -> the repository root
APP_CATALOGUE = HERE / "dinas_desk_id.ts"
QT_CATALOGUE = HERE / "qtbase_id.ts"
SOURCES = ("desktop/ui", "desktop/app.py")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to the running interpreter."""
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else name


def lupdate(target: Path) -> None:
    """Extract the app's strings into `target` (kept translations stay; no source locations)."""
    command = [tool("pyside6-lupdate"), "-extensions", "py", "-locations", "none", "-no-obsolete"]
    command += [*SOURCES, "-source-language", "id_ID", "-target-language", "id_ID", "-ts", str(target)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)


def lrelease(source: Path, target: Path) -> None:
    command = [tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)]
    subprocess.run(command, check=True, capture_output=True, text=True)


def main() -> int:
    lupdate(APP_CATALOGUE)
    lrelease(QT_CATALOGUE, QT_CATALOGUE.with_suffix(".qm"))
    print(f"{APP_CATALOGUE.relative_to(ROOT)}, {QT_CATALOGUE.with_suffix('.qm').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
