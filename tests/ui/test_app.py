"""The bootstrap: the self-test, a database that cannot be opened, the demo logins table."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop import app
from desktop.services import auth
from desktop.services.demo import DEMO_PASSWORD, DemoLogin
from desktop.ui.main_window import MainWindow


def test_self_test_passes_on_a_fresh_demo_database(tmp_path):
    env = dict(os.environ, DINAS_DESK_DATA_DIR=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test", "--demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"[OK] database: sqlite {tmp_path / 'demo.sqlite3'} (skema v3)"
    assert lines[1].startswith("[OK] referensi: 177 nagari")
    assert lines[2] == "[OK] login dialog"
    assert lines[3] == "[OK] jendela utama: 11 tab"
    assert not any(line.startswith("[GAGAL]") for line in lines)


def test_self_test_reports_a_database_it_cannot_open(qapp, capsys):
    assert app.self_test("mysql://server/dinas") == 1
    out = capsys.readouterr().out
    assert out.startswith("[GAGAL] database: Alamat database 'mysql://' tidak dikenal.")


def test_run_explains_an_unusable_database_and_exits_1(qapp, monkeypatch, tmp_path):
    shown: list[str] = []
    monkeypatch.setattr(app, "show_database_error", shown.append)
    not_a_database = tmp_path / "rusak.sqlite3"
    not_a_database.write_bytes(b"ini bukan database SQLite" * 100)

    assert app.run(f"sqlite:///{not_a_database}") == 1
    assert len(shown) == 1
    assert shown[0] == (
        "Berkas database rusak atau bukan database Dinas Desk. "
        "Hubungi Administrator untuk memulihkan dari cadangan."
    )


def test_demo_logins_table_lists_every_account_and_the_password():
    logins = [
        DemoLogin("admin", "Rahmat Hidayat, S.Kom", "Administrator"),
        DemoLogin("kadis", "Hendri Yusman, S.STP, M.Si", "Kepala Dinas, Pejabat Struktural"),
    ]
    lines = app.format_demo_logins(logins).splitlines()

    assert DEMO_PASSWORD in lines[0]
    assert lines[2].split() == ["Nama", "pengguna", "Nama", "lengkap", "Peran"]
    assert lines[4].startswith("  admin          Rahmat Hidayat, S.Kom       Administrator")
    assert lines[5].startswith("  kadis          Hendri Yusman, S.STP, M.Si  Kepala Dinas")


def test_keluar_returns_to_the_login_dialog_and_cancel_ends_the_app(qapp, monkeypatch, demo_logins, database):
    asked: list[object] = []

    def fake_ask(parent=None, logins=None):
        asked.append(logins)
        if len(asked) == 1:
            QTimer.singleShot(0, click_keluar)
            return auth.login("kadis", DEMO_PASSWORD)
        return None

    def click_keluar():
        window = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        window.header.log_out_button.click()

    monkeypatch.setattr(app.LoginDialog, "ask", fake_ask)
    monkeypatch.setattr(app.workspace, "open_app_database", lambda url: None)

    assert app.run(database) == 0
    assert asked == [[], []]
