"""A built wheel carries every resource the app reads: SOP definitions, reference data, fonts,
icons and translations. Only the editable install used to find them (they lived outside the
package); an installed wheel without them cannot start.

The wheel is built offline from a copy of the sources in tmp_path, not in the checkout: setuptools
keeps build/lib between builds, so a build in the checkout could pick up a file a previous build
copied there (hiding a glob missing from package-data) and would race other builds in the tree."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "desktop" / "resources"
# Developer tools beside the data, deliberately not package data (see pyproject.toml).
NOT_SHIPPED = {"translations/update_translations.py"}


def repo_resources() -> set[str]:
    found = set()
    for path in RESOURCES.rglob("*"):
        relative = path.relative_to(RESOURCES)
        if path.is_file() and "__pycache__" not in relative.parts and path.suffix != ".pyc":
            found.add(relative.as_posix())
    return found - NOT_SHIPPED


def build_wheel(tmp_path: Path) -> Path:
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "desktop", source / "desktop", ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path / "dist"
    command = [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--no-build-isolation", "--no-index"]
    result = subprocess.run(
        [*command, "-q", "-w", str(out)], cwd=source, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = out.glob("dinas_desk-*.whl")
    return wheel


def test_the_wheel_carries_every_resource_of_the_tree(tmp_path):
    expected = repo_resources()
    # The files the app cannot start without, so an accidentally empty tree cannot pass.
    assert {
        "sop/sijarla.toml",
        "sop/inovasi.toml",
        "fonts/DejaVuSans.ttf",
        "fonts/DejaVuSans-Bold.ttf",
        "fonts/LICENSE",
        "translations/qtbase_id.qm",
        "icons/dinas-desk.svg",
        "data/wilayah_solok_padangpariaman.csv",
    } <= expected

    with zipfile.ZipFile(build_wheel(tmp_path)) as wheel:
        names = wheel.namelist()
    prefix = "desktop/resources/"
    shipped = {name.removeprefix(prefix) for name in names if name.startswith(prefix)}

    assert sorted(expected - shipped) == [], "add the missing files to [tool.setuptools.package-data]"
    assert sorted(shipped - expected) == []
    # The code that reads them ships too, and the helper script does not ship as a module.
    assert "desktop/config.py" in names
    assert not any(name.startswith("desktop/resources/") and name.endswith(".py") for name in names)
