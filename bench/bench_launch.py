"""The launch half of bench_app: start to the login window, and login to the main window.

Each start is a subprocess (bench/launch_probe.py, which reports first paints from outside the app)
on a fresh data folder (DINAS_DESK_DATA_DIR) with the offscreen platform and the production argon2
profile (DINAS_DESK_* variables of the caller are not passed on). Beside them: a bare PySide6 window
started the same way, and one argon2 verification of the login's stored hash measured alone.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


# --- Starts --------------------------------------------------------------------------------------

PROBE = Path(__file__).resolve().parent / "launch_probe.py"
LOGIN_USER = "anggota1"
LAUNCH_TIMEOUT = 60.0  # seconds for one start


def _child_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DINAS_DESK_")}  # production argon2
    env.update(DINAS_DESK_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    return env


def _run_probe(args: list[str], data_dir: Path, until: str) -> tuple[float, str]:
    """Start the probe; (ms from the start to the line beginning `BENCH <until>`, that line)."""
    import queue
    import subprocess
    import threading

    data_dir.mkdir(parents=True, exist_ok=True)
    lines: queue.Queue[str | None] = queue.Queue()
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(PROBE), *args],
        cwd=ROOT,
        env=_child_env(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )

    def read() -> None:  # a reader thread, so a start that never gets there times out
        assert child.stdout is not None
        for line in child.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    try:
        while (left := LAUNCH_TIMEOUT - (time.perf_counter() - start)) > 0:
            try:
                line = lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                break
            if line.startswith(f"BENCH {until}"):
                return (time.perf_counter() - start) * 1000, line.strip()
        raise RuntimeError(f"launch_probe {' '.join(args)}: no 'BENCH {until}' line (exit {child.poll()})")
    finally:
        child.kill()
        child.wait()


def _prepared_database(work: Path) -> Path:
    """A migrated SQLite file holding the demo office and its people, made once. The demo's people may
    be hashed at argon2's cheapest cost (a --demo shortcut); LOGIN_USER gets the production cost, as
    a real account has, so login_to_main pays a real verification."""
    import subprocess

    path = work / "prepared.sqlite3"
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
        "from argon2 import PasswordHasher\n"
        "from desktop.models import User, connection, migrations\n"
        "from desktop.services.demo.office import DEMO_PASSWORD\n"
        "from tests.db.factories import make_office\n"
        f"connection.initialize({f'sqlite:///{path}'!r})\n"
        "migrations.upgrade()\nmake_office()\n"
        "User.update(password_hash=PasswordHasher().hash(DEMO_PASSWORD))"
        f".where(User.username == {LOGIN_USER!r}).execute()\n"
        "connection.close()\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=_child_env(work / "prep"), check=True)
    return path


def _argon2_ms(database: Path, runs: int) -> float:
    """One argon2 verification of LOGIN_USER's stored hash with the demo password, measured alone."""
    import sqlite3

    from argon2 import PasswordHasher

    from desktop.services.demo.office import DEMO_PASSWORD

    with sqlite3.connect(database) as con:
        (stored,) = con.execute(
            "SELECT password_hash FROM app_user WHERE username = ?", (LOGIN_USER,)
        ).fetchone()
    hasher = PasswordHasher()
    from bench_common import median_ms

    return median_ms(lambda: hasher.verify(stored, DEMO_PASSWORD), runs)[0]


def measure_launch(runs: int = 5) -> list[dict]:
    """Start to the login window (own database; --demo), login to the main window: medians of `runs`."""
    import shutil

    from desktop.services.demo.office import DEMO_PASSWORD

    with tempfile.TemporaryDirectory(prefix="bench-launch-") as tmp:
        work = Path(tmp)
        prepared = _prepared_database(work)
        counter = iter(range(10**6))

        def fresh() -> tuple[Path, str]:  # a fresh data folder holding a copy of the prepared database
            folder = work / f"run{next(counter)}"
            folder.mkdir()
            shutil.copy(prepared, folder / "office.sqlite3")
            return folder, f"sqlite:///{folder / 'office.sqlite3'}"

        kinds: dict[str, tuple[Callable[[str], list[str]], str]] = {
            "bare": (lambda url: ["bare"], "bare"),
            "login": (lambda url: ["app", "--", "--db", url], "login"),
            "demo": (lambda url: ["app", "--", "--demo"], "login"),
            "main": (lambda url: ["app", "--login", LOGIN_USER, DEMO_PASSWORD, "--", "--db", url], "main"),
        }
        times: dict[str, list[float]] = {kind: [] for kind in [*kinds, "argon2"]}
        for _ in range(runs + 1):  # the kinds in turn, so a passing load weighs on all alike
            for kind, (args_for, until) in kinds.items():
                folder, url = fresh()
                ms, line = _run_probe(args_for(url), folder, until)
                times[kind].append(float(line.split()[2]) if kind == "main" else ms)
            times["argon2"].append(_argon2_ms(prepared, 1))
        # The first round warms the disk cache and the argon2 library: left out.
        bare, login, demo, to_main, argon2 = (statistics.median(times[k][1:]) for k in times)

    def row(name: str, app_ms: float, limit_ms: float, target: float | None, **extra) -> dict:
        return dict(
            name=name,
            backend="sqlite",
            rows=0,
            app_ms=round(app_ms, 1),
            limit_ms=round(limit_ms, 1),
            ratio=round(app_ms / limit_ms, 2) if limit_ms else None,
            target_ratio=target,
            runs=runs,
            **extra,
        )

    return [
        row("launch_to_login", login, bare, 2.0),
        row("demo_to_login", demo, bare, 3.0),
        row("login_to_main", to_main, argon2, None, target_ms_over_limit=300),
    ]
