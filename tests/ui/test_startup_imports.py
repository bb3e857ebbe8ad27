"""The login window comes up without the heavy libraries and the tabs' screens: they are imported when
first used. Each check runs in a fresh interpreter, where sys.modules tells what start-up imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# What the login window does not need: the letters' and spreadsheets' libraries, the PDF renderer, the
# receipt printer, the password store (a PostgreSQL URL's only), and every area's screens.
NOT_BEFORE_LOGIN = (
    "reportlab",
    "openpyxl",
    "python_calamine",
    "pypdfium2",
    "escpos",
    "keyring",
    "desktop.printing",
    "desktop.ui.main_window",
    "desktop.ui.setup_wizard",
    "desktop.ui.admin",
    "desktop.ui.sijarla",
    "desktop.ui.inovasi",
    "desktop.ui.documents",
    "desktop.ui.setup",
    "desktop.ui.sop",
)

TO_THE_LOGIN_WINDOW = """
import json, sys
from desktop import app
from desktop.ui.login_dialog import LoginDialog

def ask(cls, parent=None, demo_logins=None):
    dialog = LoginDialog(parent, demo_logins)
    dialog.show()
    print(json.dumps(sorted(sys.modules)))
    return None

LoginDialog.ask = classmethod(ask)
app.run(sys.argv[1])
"""


def modules_after(code: str, tmp_path: Path, *args: str) -> set[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DINAS_DESK_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def imported(modules: set[str]) -> list[str]:
    return sorted(name for name in NOT_BEFORE_LOGIN if name in modules)


def test_importing_the_app_imports_nothing_the_login_window_does_not_need(tmp_path):
    modules = modules_after("import json, sys, desktop.app; print(json.dumps(sorted(sys.modules)))", tmp_path)
    assert "desktop.ui.login_dialog" in modules
    assert imported(modules) == []


def test_the_way_to_the_login_window_imports_nothing_it_does_not_need(tmp_path):
    url = f"sqlite:///{tmp_path / 'kantor.sqlite3'}"
    modules = modules_after(TO_THE_LOGIN_WINDOW, tmp_path, url)
    assert "desktop.services.start_check" in modules  # the check ran: the login window was reached
    assert imported(modules) == []
