"""Drive the installed app's real windows as a person would: Xvfb, xdotool keys, ImageMagick grabs."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from .conftest import INSTALL_DIR, Installed


class RunningApp:
    """DinasDesk.exe started under Wine on the Xvfb display, with the windows it shows."""

    def __init__(self, installed: Installed, *args: str, extra_env: dict[str, str] | None = None) -> None:
        self.installed = installed
        self.display = installed.display
        self.proc = subprocess.Popen(
            [installed.wine.wine, INSTALL_DIR + r"\DinasDesk.exe", *args],
            env=installed.wine.env(extra_env, installed.display),
            stdout=subprocess.PIPE,  # a pipe, never a file (Wine hands CPython a file handle it cannot use)
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )

    def _x(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(args), env={"DISPLAY": self.display, "PATH": "/usr/bin:/bin"}, capture_output=True, text=True
        )

    def wait_window(self, title: str, timeout: float = 180) -> str:
        """The X id of the first visible window whose title matches, once it has been painted."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                output = self.proc.stdout.read().decode(errors="replace") if self.proc.stdout else ""
                raise AssertionError(f"the app ended ({self.proc.returncode}) before '{title}':\n{output}")
            found = self._x("xdotool", "search", "--onlyvisible", "--name", title).stdout.split()
            if found:
                time.sleep(3)  # let Qt paint the first frame
                return found[0]
            time.sleep(1)
        raise AssertionError(f"no window titled '{title}' within {timeout} s")

    def focus(self, window: str) -> None:
        self._x("xdotool", "windowfocus", "--sync", window)
        time.sleep(0.5)

    def type(self, text: str) -> None:
        self._x("xdotool", "type", "--delay", "60", text)

    def key(self, *keys: str) -> None:
        for key in keys:
            self._x("xdotool", "key", key)
            time.sleep(0.4)

    def grab(self, window: str, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        result = self._x("import", "-window", window, str(path))
        assert result.returncode == 0, result.stderr
        return path

    def close(self) -> None:
        self.installed.wine.kill()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
