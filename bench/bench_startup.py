"""Start-up times under a real X server (run it inside `xvfb-run -a`), median of N runs each.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python bench/bench_startup.py [--runs 5] [--pad-mb 0]

- bare: a bare PySide6 window, process start to its first paint (the yardstick);
- login: `dinas-desk` on an existing SQLite database, process start to the login window's first paint,
  on the first start of the day (the backups folder emptied before every run);
- demo: `dinas-desk --demo`, process start to the login window's first paint;
- main: pressing Masuk with a production-cost password to the main window's first paint, beside the
  argon2 verification of that password alone; Masuk is pressed `--typing-ms` after the login window
  painted (the time a person takes to type; the app imports the main window meanwhile), and once
  more at once (0 ms: cold, nothing imported ahead).

`--pad-mb` adds a table of that many megabytes of filler to the database, so the day's backup has
something to copy (a big office database). Each run is a fresh process; the clock is the wall clock
read before the process is spawned and when the window first paints.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REAL_USER, REAL_PASSWORD = "kepala", "produksi-12345"

CHILD = r"""
import sys, time
mode, url = sys.argv[1], sys.argv[2]
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

marks = {}

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            window = obj.window()
            key = "bare"
            if isinstance(window, (QMainWindow, QDialog)):
                key = "main" if isinstance(window, QMainWindow) else "dialog"
            if key == "main" and "tab_built" in marks and "tab" not in marks:
                marks["tab"] = time.time()  # the first paint after the first tab was built
                QTimer.singleShot(0, QApplication.quit)
            if key not in marks:
                marks[key] = time.time()
                if key == "bare":
                    QTimer.singleShot(0, QApplication.quit)
                if key == "main" and hasattr(window, "first_tab_ready"):
                    window.first_tab_ready.connect(lambda: marks.setdefault("tab_built", time.time()))
                elif key == "main":  # a window built whole before it is shown (before s9-startup)
                    marks["tab"] = marks["main"]
                    QTimer.singleShot(0, QApplication.quit)
        return False

if mode == "bare":
    app = QApplication(sys.argv[:1])
    spy = FirstPaint(); app.installEventFilter(spy)
    w = QWidget(); w.resize(400, 300); w.show()
    app.exec()
else:
    from desktop import app as desktop_app
    import desktop.ui.login_dialog as ld
    original_init = ld.LoginDialog.__init__
    def exec_probe(self):
        QApplication.instance().installEventFilter(spy)
        self.show()
        while "dialog" not in marks:
            QApplication.processEvents()
        if mode != "main":
            return QDialog.DialogCode.Rejected
        typed_by = time.time() + float(sys.argv[5]) / 1000  # the person reads the window and types
        while time.time() < typed_by:
            QApplication.processEvents()
            time.sleep(0.005)
        self.username_edit.setText(sys.argv[3]); self.password_edit.setText(sys.argv[4])
        marks["submit"] = time.time()
        self.submit()
        return QDialog.DialogCode.Accepted if self.session else QDialog.DialogCode.Rejected
    spy = FirstPaint()
    ld.LoginDialog.exec = exec_probe
    desktop_app.run(None if url == "-" else url, demo=(mode == "demo"))
print(repr(marks), flush=True)
"""


def child_env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ, DINAS_DESK_DATA_DIR=str(data_dir))
    env.pop("DINAS_DESK_FAST_HASH", None)
    env.pop("QT_QPA_PLATFORM", None)
    return env


def spawn(mode: str, url: str, data_dir: Path, *extra: str) -> dict[str, float]:
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, url, *extra],
        env=child_env(data_dir),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    marks = eval(out.strip().splitlines()[-1])  # noqa: S307 - our own child's repr of a dict of floats
    return {key: value - start for key, value in marks.items()} | {"_start": start}


def prepare_database(data_dir: Path, pad_mb: int) -> str:
    """An office database (the demo office plus one account at production cost), padded."""
    script = f"""
from desktop.models import connection
from desktop.services.bootstrap import open_database
from desktop.services.demo.office import build_demo
from desktop.services.office.users import NewUser, add_user
from desktop import roles as R
open_database(connection.sqlite_url({str(data_dir / "office.sqlite3")!r}))
build_demo()
add_user(None, NewUser({REAL_USER!r}, "Kepala Uji", {REAL_PASSWORD!r},
         (R.KEPALA_DINAS, R.PEJABAT_STRUKTURAL, R.ADMINISTRATOR), "197601302003121009", "", "Uji"))
"""
    subprocess.run([sys.executable, "-c", script], env=child_env(data_dir), check=True, capture_output=True)
    path = data_dir / "office.sqlite3"
    if pad_mb:
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE bench_filler (id INTEGER PRIMARY KEY, payload BLOB)")
        chunk = os.urandom(1 << 20)
        con.executemany("INSERT INTO bench_filler (payload) VALUES (?)", ((chunk,) for _ in range(pad_mb)))
        con.commit()
        con.close()
    return f"sqlite:///{path}"


def verify_time() -> float:
    """One argon2 verification at the library's production parameters (what a real login costs)."""
    from argon2 import PasswordHasher

    hasher = PasswordHasher()
    hashed = hasher.hash(REAL_PASSWORD)
    times = []
    for _ in range(5):
        t = time.perf_counter()
        hasher.verify(hashed, REAL_PASSWORD)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pad-mb", type=int, default=0)
    parser.add_argument("--typing-ms", type=int, default=2000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dd-startup-"))
    try:
        url = prepare_database(work, args.pad_mb)
        figures: dict[str, list[float]] = {
            "bare": [],
            "login": [],
            "demo": [],
            "main": [],
            "tab": [],
            "cold": [],
            "cold_tab": [],
        }
        for _ in range(args.runs):
            figures["bare"].append(spawn("bare", "-", work)["bare"])
            shutil.rmtree(work / "backups", ignore_errors=True)  # the first start of the day
            figures["login"].append(spawn("login", url, work)["dialog"])
            figures["demo"].append(spawn("demo", "-", work)["dialog"])
            for key, typing in (("main", args.typing_ms), ("cold", 0)):
                marks = spawn("main", url, work, REAL_USER, REAL_PASSWORD, str(typing))
                figures[key].append(marks["main"] - marks["submit"])
                figures["tab" if key == "main" else "cold_tab"].append(marks["tab"] - marks["submit"])
        bare = statistics.median(figures["bare"])
        print(f"database: {url} ({(work / 'office.sqlite3').stat().st_size / 1e6:.0f} MB)")
        for key, label in (
            ("bare", "bare PySide6 window"),
            ("login", "launch to login (first start of the day)"),
            ("demo", "--demo to login"),
            ("main", f"login to main window ({args.typing_ms} ms typing)"),
            ("tab", f"login to first tab painted ({args.typing_ms} ms typing)"),
            ("cold", "login to main window (Masuk at once)"),
            ("cold_tab", "login to first tab painted (Masuk at once)"),
        ):
            values = figures[key]
            print(
                f"{label:45s} median {statistics.median(values) * 1000:7.0f} ms  "
                f"({statistics.median(values) / bare:.1f}x bare)  runs: "
                + ", ".join(f"{v * 1000:.0f}" for v in values)
            )
        print(f"{'argon2 verify (production cost)':45s} median {verify_time() * 1000:7.0f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
