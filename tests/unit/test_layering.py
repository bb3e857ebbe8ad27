"""The layers stay apart: the UI never touches the database, the core never touches Qt.

desktop/ui may only reach data through desktop.services, so it must not import peewee,
playhouse or desktop.models. desktop/models, desktop/services and desktop/printing must
run without Qt (tests, command-line tools, a future web front end), so they must not
import PySide6 or shiboken6 (nor desktop.ui, which does).

The check reads the source with `ast`, so it also sees imports inside functions and
`if TYPE_CHECKING:` blocks, resolves relative imports, and catches
`importlib.import_module("...")` / `__import__("...")` with a literal name.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "desktop"

UI_FORBIDDEN = ("peewee", "playhouse", "desktop.models")
CORE_FORBIDDEN = ("PySide6", "shiboken6", "desktop.ui")
CORE_LAYERS = ("models", "services", "printing")


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    imported: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: imports {self.imported}"


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _matches(name: str, forbidden: tuple[str, ...]) -> bool:
    return any(name == f or name.startswith(f + ".") for f in forbidden)


def _resolve_from(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """The absolute module a `from ... import` names (relative imports resolved)."""
    if node.level == 0:
        return node.module or ""
    package = module.split(".") if is_package else module.split(".")[:-1]
    drop = node.level - 1
    if drop > len(package):
        return node.module or ""  # beyond the top: leave it to Python to refuse
    base = package[: len(package) - drop]
    if node.module:
        base = base + node.module.split(".")
    return ".".join(base)


def forbidden_imports(
    source: str, module: str, forbidden: tuple[str, ...], *, is_package: bool = False, path: str = "<string>"
) -> list[Violation]:
    """Every import in `source` (the text of `module`) that reaches a forbidden module."""
    tree = ast.parse(source, filename=path)
    found: list[Violation] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = _resolve_from(node, module, is_package)
            # `from desktop import models` imports the submodule desktop.models
            names = [target] + [f"{target}.{alias.name}" if target else alias.name for alias in node.names]
        elif isinstance(node, ast.Call):
            func = node.func
            dynamic = (isinstance(func, ast.Name) and func.id == "__import__") or (
                isinstance(func, ast.Attribute) and func.attr == "import_module"
            )
            if dynamic and node.args and isinstance(node.args[0], ast.Constant):
                if isinstance(node.args[0].value, str):
                    names = [node.args[0].value]
        for name in names:
            if _matches(name, forbidden):
                found.append(Violation(path, getattr(node, "lineno", 0), name))
                break
    return found


def python_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py")) if folder.is_dir() else []


def check_tree(folder: Path, forbidden: tuple[str, ...]) -> list[Violation]:
    found: list[Violation] = []
    for path in python_files(folder):
        found += forbidden_imports(
            path.read_text(encoding="utf-8"),
            module_name(path),
            forbidden,
            is_package=path.name == "__init__.py",
            path=str(path.relative_to(ROOT)),
        )
    return found


# --- The real tree ------------------------------------------------------------------------


def test_ui_does_not_touch_the_database_layer() -> None:
    violations = check_tree(PACKAGE / "ui", UI_FORBIDDEN)
    assert not violations, "desktop/ui must go through desktop.services:\n" + "\n".join(map(str, violations))


@pytest.mark.parametrize("layer", CORE_LAYERS)
def test_core_layers_do_not_import_qt(layer: str) -> None:
    violations = check_tree(PACKAGE / layer, CORE_FORBIDDEN)
    assert not violations, f"desktop/{layer} must not need Qt:\n" + "\n".join(map(str, violations))


def test_the_walk_sees_the_core_sources() -> None:
    """Guards against a wrong ROOT making every layer test pass on zero files."""
    models = python_files(PACKAGE / "models")
    assert PACKAGE / "models" / "__init__.py" in models
    assert len(models) >= 5


# --- The checker itself, so the tests above cannot pass vacuously -------------------------

UI_MODULE = "desktop.ui.tabs.records"


@pytest.mark.parametrize(
    "source",
    [
        "import peewee",
        "import peewee as pw",
        "from peewee import fn",
        "import playhouse.shortcuts",
        "from playhouse.shortcuts import model_to_dict",
        "import desktop.models",
        "import desktop.models.people as people",
        "from desktop.models import User",
        "from desktop.models.records import ServiceRecord",
        "from desktop import models",
        "from desktop import config, models",
        "from ...models import User",
        "from ... import models",
        "from ...models.people import Role",
        "def later():\n    from desktop.models import db\n",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from desktop.models import User\n",
        "import importlib\nimportlib.import_module('desktop.models')",
        "__import__('peewee')",
    ],
)
def test_checker_catches_ui_reaching_the_database(source: str) -> None:
    assert forbidden_imports(source, UI_MODULE, UI_FORBIDDEN), source


@pytest.mark.parametrize(
    "source",
    [
        "from desktop.services import auth",
        "from desktop import services, config",
        "from ...services.session import Session",
        "from .. import widgets",
        "from ..qtmodels import table",
        "import peeweex",  # a prefix is not the module
        "from desktop import modelsx",
        "from PySide6.QtWidgets import QWidget",
    ],
)
def test_checker_allows_what_the_ui_may_import(source: str) -> None:
    assert forbidden_imports(source, UI_MODULE, UI_FORBIDDEN) == []


@pytest.mark.parametrize(
    "source",
    [
        "import PySide6",
        "from PySide6.QtCore import Qt",
        "from PySide6 import QtGui",
        "import shiboken6",
        "from desktop.ui.widgets import Banner",
        "from ..ui import tabs",
        "def render():\n    from PySide6.QtGui import QImage\n",
    ],
)
def test_checker_catches_core_importing_qt(source: str) -> None:
    assert forbidden_imports(source, "desktop.services.reports", CORE_FORBIDDEN), source


def test_relative_imports_resolve_from_packages_and_modules() -> None:
    # In desktop/ui/__init__.py, ".." is desktop; in desktop/ui/main.py, "." is desktop.ui.
    assert forbidden_imports("from ..models import db", "desktop.ui", UI_FORBIDDEN, is_package=True)
    assert forbidden_imports("from . import models", "desktop.ui", UI_FORBIDDEN, is_package=True) == []
    assert forbidden_imports("from .. import models", "desktop.ui.main", UI_FORBIDDEN)
    assert forbidden_imports("from . import models", "desktop.ui.main", UI_FORBIDDEN) == []


def test_check_tree_reports_file_and_line(tmp_path: Path) -> None:
    ui = tmp_path / "desktop" / "ui"
    ui.mkdir(parents=True)
    (ui / "__init__.py").write_text("")
    (ui / "bad.py").write_text('"""doc"""\n\nfrom desktop.models import User\n')
    found = []
    for path in python_files(ui):
        found += forbidden_imports(
            path.read_text(), module_name(path, tmp_path), UI_FORBIDDEN, path=path.name
        )
    assert [(v.path, v.line, v.imported) for v in found] == [("bad.py", 3, "desktop.models")]
