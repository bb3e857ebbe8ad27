"""Render the documentation screenshots from a fresh demo database.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_screenshots.py

Writes login.png, main-kadis.png and main-admin.png next to this script (or into the folder
given as the first argument). The demo database lives in a temporary data folder, so the
real profile is never touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

WIDTH, HEIGHT = 1366, 705  # a maximised window on a 1366x768 laptop


def main(out_dir: Path) -> int:
    os.environ["DINAS_DESK_DATA_DIR"] = tempfile.mkdtemp(prefix="dinas-desk-screens-")
    from desktop.app import create_application
    from desktop.services import workspace
    from desktop.services.demo.office import DEMO_PASSWORD
    from desktop.services.security import auth
    from desktop.ui.common.unsaved import DiscardQuestion
    from desktop.ui.login_dialog import LoginDialog
    from desktop.ui.main_window import MainWindow

    DiscardQuestion.ask = classmethod(lambda cls, parent, items: True)  # windows close with typed forms
    app = create_application()
    _opened, logins = workspace.open_fresh_demo()
    out_dir.mkdir(parents=True, exist_ok=True)

    dialog = LoginDialog(None, logins)
    dialog.fill_username("kadis")
    _save(app, dialog, out_dir / "login.png")

    for username in ("kadis", "admin"):
        window = MainWindow(auth.login(username, DEMO_PASSWORD))
        window.resize(WIDTH, HEIGHT)
        _save(app, window, out_dir / f"main-{username}.png")
    return 0


def _save(app, widget, path: Path) -> None:
    widget.show()
    for _ in range(5):  # let layouts settle and fonts load before grabbing
        app.processEvents()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"{path} ({widget.width()}x{widget.height()})")
    widget.close()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    raise SystemExit(main(target))
