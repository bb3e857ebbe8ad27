"""The installed Windows build, tested under Wine: a fresh prefix, the real installer, the installed exe.

Run by `./dev test-windows` (and `.ci/run`) after `./dev installer`; `./dev test` leaves this folder out.
The tests of one module share one prefix and run in file order: install, use, upgrade, uninstall.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))

import build  # noqa: E402  (installer/build.py: the Wine helpers and the installer's name)

INSTALL_DIR = r"C:\Program Files\Dinas Desk"
UNINSTALL_KEY = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\DinasDesk"


@dataclass
class Installed:
    """A Wine prefix the installer ran in, and the ways to run what it installed."""

    wine: build.Wine
    installer: Path
    display: str

    @property
    def program_dir(self) -> Path:
        return self.wine.drive_c / "Program Files" / "Dinas Desk"

    @property
    def user_data_dir(self) -> Path:
        user = os.environ.get("USER") or "root"
        return self.wine.drive_c / "users" / user / "AppData" / "Local" / "Disdukcapil" / "DinasDesk"

    def run_installer(self, *args: str, extra_env: dict[str, str] | None = None) -> int:
        proc = self.wine.run([build.Wine.path(self.installer), "/S", *args], extra_env=extra_env, check=False)
        self.wine.wait()
        return proc.returncode

    def cli(self, *args: str, extra_env: dict[str, str] | None = None, timeout: float = 600):
        """The installed console exe (dinas-desk.exe), its output through a pipe."""
        proc = self.wine.run(
            [INSTALL_DIR + r"\dinas-desk.exe", *args], extra_env=extra_env, check=False, timeout=timeout
        )
        print(proc.stdout)
        return proc

    def gui(self, *args: str, extra_env: dict[str, str] | None = None, timeout: float = 600):
        """The installed windowed exe (DinasDesk.exe) on Qt's real windows platform (Xvfb display)."""
        proc = self.wine.run(
            [INSTALL_DIR + r"\DinasDesk.exe", *args],
            extra_env=extra_env,
            display=self.display,
            check=False,
            timeout=timeout,
        )
        return proc

    def registry(self, key: str) -> str:
        return self.wine.run(["reg", "query", key], check=False, quiet=True).stdout


def installer_path() -> Path:
    path = Path(os.environ.get("DINAS_DESK_INSTALLER") or build.installer_path())
    if not path.exists():
        pytest.exit(f"{path} does not exist: build it first with ./dev installer", returncode=2)
    return path


@pytest.fixture(scope="session")
def xvfb_display() -> Iterator[str]:
    """An X display for Qt's `windows` platform under Wine (without one it spins forever)."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    try:
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def installed(xvfb_display: str) -> Iterator[Installed]:
    """A brand-new Wine prefix per module (Windows 10, fonts, the test-only ICU stand-in)."""
    base = Path(tempfile.mkdtemp(prefix="dinas-desk-wine-"))
    cache = build.cache_dir()
    wine = build.Wine(base / "prefix", log=base / "wine.log")
    wine.create(build.build_icu_stub(cache))
    try:
        yield Installed(wine, installer_path(), xvfb_display)
    finally:
        wine.kill()
        subprocess.run(["rm", "-rf", str(base)], check=False)
