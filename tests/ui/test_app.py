"""The bootstrap: the self-test, a database that cannot be opened, the demo logins table."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop import app, selftest
from desktop.models import migrations
from desktop.services.demo.office import DEMO_PASSWORD, DemoLogin
from desktop.services.security import auth
from desktop.ui.main_window import MainWindow


def _self_test(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_self_test_issues_documents_on_a_throwaway_demo_and_leaves_nothing_behind(tmp_path):
    data, profile, out = tmp_path / "data", tmp_path / "home", tmp_path / "out"
    env = dict(
        os.environ,
        DINAS_DESK_DATA_DIR=str(data),
        HOME=str(profile),
        XDG_DATA_HOME=str(profile / "data"),
        QT_QPA_PLATFORM="offscreen",
    )
    env.pop("DINAS_DESK_DB_URL", None)

    result = _self_test(env, "--output", str(out))

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    labels = [line.split(":")[0] for line in lines]
    assert labels == [
        "[OK] database", "[OK] referensi", "[OK] terjemahan", "[OK] kata sandi",
        "[OK] penyimpanan kata sandi", "[OK] lembar kerja", "[OK] paket lapangan", "[OK] surat PDF", "[OK] struk",
        "[OK] printer",
        "[OK] login dialog", "[OK] jendela utama",
    ]  # fmt: skip
    assert lines[0].startswith("[OK] database: sqlite ") and "dinas-desk-uji-" in lines[0]
    assert lines[1].startswith("[OK] referensi: 177 nagari")
    assert lines[2] == "[OK] terjemahan: Cancel -> Batal"
    assert lines[5] == "[OK] lembar kerja: xlsx ditulis dan dibaca (1 baris)"
    assert lines[6].startswith("[OK] paket lapangan: AES-GCM, scrypt, memdb dan bcrypt")
    assert lines[7].startswith("[OK] surat PDF: surat_tugas.pdf: 1 halaman")
    assert lines[-1] == "[OK] jendela utama: 11 tab"
    assert (out / "surat_tugas.pdf").read_bytes().startswith(b"%PDF-")
    assert (out / "struk_80mm.bin").read_bytes().startswith(b"\x1b@")
    # Neither the data folder nor the profile got a database, a settings file or a backup.
    assert not data.exists() or not any(data.iterdir())
    assert not profile.exists() or not any(p.is_file() for p in profile.rglob("*"))


def test_self_test_on_a_named_database_only_reads_it(tmp_path):
    target = tmp_path / "kantor.sqlite3"
    env = dict(os.environ, DINAS_DESK_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")

    result = _self_test(env, "--db", f"sqlite:///{target}")

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"[OK] database: sqlite {target} (skema v{migrations.LATEST_VERSION})"
    assert "[OK] surat PDF: dilewati: data kantor (kop surat) belum diatur" in lines
    assert any(line.startswith("[OK] struk: ESC/POS") for line in lines)


def test_self_test_reports_a_database_it_cannot_open(qapp, capsys):
    assert selftest.run(selftest.SelfTestOptions("mysql://server/dinas")) == 1
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


def test_self_test_lays_the_receipt_out_for_the_printers_column_count(tmp_path):
    from desktop.printing.receipts import PRINTERS
    from tests.printing.escpos_decode import decode

    data, profile, out = tmp_path / "data", tmp_path / "home", tmp_path / "out"
    env = dict(os.environ, DINAS_DESK_DATA_DIR=str(data), HOME=str(profile), QT_QPA_PLATFORM="offscreen")
    env.pop("DINAS_DESK_DB_URL", None)

    result = _self_test(env, "--receipt-columns", "42", "--output", str(out))

    assert result.returncode == 0, result.stdout + result.stderr
    assert "[OK] struk: struk 80 mm, 42 kolom" in result.stdout
    lines = decode((out / "struk_80mm.bin").read_bytes(), PRINTERS[80].profile).lines
    assert max(len(line.text) * (2 if line.size & 0x20 else 1) for line in lines) == 42
