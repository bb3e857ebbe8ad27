"""At 150% scaling (Windows' usual setting on a 1920x1080 laptop) no button or label of the main window
is squeezed below the size its text needs.

The scale factor must be set before the QApplication exists, so the window is opened in a subprocess
(this file run as a script) with QT_SCALE_FACTOR=1.5, on a fresh demo database, for a user who holds
every role but the administrator's (nine tabs, each shown in turn at 1280x720 logical pixels, the
maximized window of a 1920x1080 screen at 150%). The subprocess prints what it found as JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

ROOT = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT = 1280, 720


def squeezed(root: QWidget) -> list[str]:
    """Visible buttons and labels narrower or lower than their minimumSizeHint: their text is cut."""
    found = []
    for widget in root.findChildren(QPushButton) + root.findChildren(QLabel):
        if not widget.isVisible() or not isinstance(widget, QPushButton | QLabel):
            continue
        need, got = widget.minimumSizeHint(), widget.size()
        if got.width() < need.width() or got.height() < need.height():
            text = widget.text().replace("\n", " ")[:60]
            size = f"{got.width()}x{got.height()} < {need.width()}x{need.height()}"
            found.append(f"{type(widget).__name__} {text!r}: {size}")
    return found


def test_the_check_finds_a_squeezed_button(qtbot):
    """The check itself can fail: a button held narrower than its text is reported, a free one is not."""
    host = QWidget()
    qtbot.addWidget(host)
    row = QHBoxLayout(host)
    free = QPushButton("Simpan dan teruskan ke Kabid")
    tight = QPushButton("Tandatangani dan terbitkan…")
    tight.setFixedWidth(60)
    row.addWidget(free)
    row.addWidget(tight)
    host.show()
    qtbot.waitExposed(host)
    found = squeezed(host)
    assert len(found) == 1 and "Tandatangani dan terbitkan" in found[0]
    tight.setMinimumWidth(0)
    tight.setMaximumWidth(16_777_215)
    qtbot.waitUntil(lambda: squeezed(host) == [])


def run_probe(*extra: str) -> dict:
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen")
    env["DINAS_DESK_DATA_DIR"] = tempfile.mkdtemp(prefix="dinas-desk-scale-")
    done = subprocess.run(
        [sys.executable, __file__, *extra], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_no_button_or_label_is_squeezed_at_150_percent_in_any_tab():
    result = run_probe()
    assert result["ratio"] == 1.5
    assert len(result["tabs"]) >= 9
    assert {tab: found for tab, found in result["tabs"].items() if found} == {}


def test_the_probe_reports_a_squeezed_button_in_the_real_window():
    result = run_probe("--squeeze")
    assert any("Terlalu sempit untuk teks ini" in line for found in result["tabs"].values() for line in found)


# --- The subprocess ------------------------------------------------------------------------------------


def probe(squeeze: bool) -> dict:
    from PySide6.QtCore import QThreadPool

    from desktop import roles as R
    from desktop.app import create_application
    from desktop.services import workspace
    from desktop.services.demo.office import DEMO_PASSWORD
    from desktop.services.office.users import NewUser, add_user
    from desktop.services.security import auth
    from desktop.ui.main_window import MainWindow

    app = create_application()
    workspace.open_fresh_demo()
    every_role = tuple(r.code for r in R.BUILTIN_ROLES if r.code != R.ADMINISTRATOR)
    add_user(None, NewUser("semua", "Uji Semua Peran", DEMO_PASSWORD, every_role, jabatan="Penguji"))
    window = MainWindow(auth.login("semua", DEMO_PASSWORD))
    window.resize(WIDTH, HEIGHT)
    window.show()

    def settle() -> None:
        for _ in range(10):
            QThreadPool.globalInstance().waitForDone(3000)
            app.processEvents()

    tabs: dict[str, list[str]] = {}
    for index in range(window.tab_widget.count()):
        tab = window.tab_widget.widget(index)
        window.tab_widget.setCurrentIndex(index)
        if squeeze and index == 0:
            trap = QPushButton("Terlalu sempit untuk teks ini", tab)
            trap.setFixedWidth(40)
            trap.show()
        settle()
        tabs[tab.role.code] = squeezed(window)
    return {"ratio": window.devicePixelRatio(), "tabs": tabs}


if __name__ == "__main__":
    print(json.dumps(probe("--squeeze" in sys.argv)))
