"""Install the real installer into a fresh Wine prefix and use the installed app as an office would.

In order: a silent install; the installed self-test (console and windowed exe, offscreen and on Qt's
`windows` platform); a Surat Tugas issued from the demo office and a receipt sent to a loopback
ESC/POS network printer; a failing self-test reported as a failure (by the exe and by the installer);
an upgrade install that keeps the data; a silent uninstall that removes the program and keeps the data.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from tests.printing.escpos_decode import decode
from tests.printing.test_sinks import LoopbackPrinter

from .conftest import INSTALL_DIR, UNINSTALL_KEY, Installed
from .desktop_session import RunningApp

# A wizard page is checked by the services in the background before the next one opens; under Wine on
# a busy CI machine that has taken up to a few seconds. Keys sent earlier would land on the old page.
PAGE_SETTLE_S = 8

SELF_TEST_LABELS = [
    "database", "referensi", "terjemahan", "kata sandi", "penyimpanan kata sandi", "lembar kerja",
    "paket lapangan", "surat PDF", "struk", "printer", "login dialog", "jendela utama",
]  # fmt: skip


def _ok_labels(output: str) -> list[str]:
    return [line[5:].split(":")[0] for line in output.splitlines() if line.startswith("[OK] ")]


def test_silent_install_puts_the_program_shortcuts_and_uninstall_entry_in_place(installed: Installed):
    assert installed.run_installer() == 0

    program = installed.program_dir
    for name in ("DinasDesk.exe", "dinas-desk.exe", "Uninstall.exe"):
        assert (program / name).is_file(), name
    assert (program / "_internal" / "desktop" / "resources" / "sop" / "sijarla.toml").is_file()
    assert (program / "_internal" / "desktop" / "resources" / "translations" / "qtbase_id.qm").is_file()
    assert not (program / "_internal" / "PySide6" / "translations").exists()  # Qt's own: left out
    start_menu = installed.wine.drive_c / "ProgramData" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    assert (start_menu / "Dinas Desk" / "Dinas Desk.lnk").is_file()
    assert (installed.wine.drive_c / "users" / "Public" / "Desktop" / "Dinas Desk.lnk").is_file()
    entry = installed.registry(UNINSTALL_KEY)
    from build import project_version

    assert "DisplayName" in entry and "Dinas Desk" in entry
    assert f"DisplayVersion    REG_SZ    {project_version()}" in entry
    assert "Publisher    REG_SZ    Dinas Kependudukan dan Pencatatan Sipil" in entry
    assert "EstimatedSize    REG_DWORD" in entry
    assert "DisplayIcon" in entry and "QuietUninstallString" in entry
    # A field package opens in the app by double-click (issue 17).
    assert "DinasDesk.PaketLapangan" in installed.registry(r"HKLM\Software\Classes\.ddlapangan")
    command = installed.registry(r"HKLM\Software\Classes\DinasDesk.PaketLapangan\shell\open\command")
    assert r'DinasDesk.exe" "%1"' in command, command
    log = (program / "uji-mandiri.log").read_text(encoding="utf-8", errors="replace")
    assert "exit: 0" in log and "[GAGAL]" not in log  # the installer's own run of the self-test


def test_installed_console_exe_self_test_passes_and_leaves_no_database(installed: Installed):
    result = installed.cli("--self-test")

    assert result.returncode == 0, result.stdout
    assert _ok_labels(result.stdout) == SELF_TEST_LABELS
    assert "[OK] penyimpanan kata sandi: keyring.backends.Windows.WinVaultKeyring" in result.stdout
    assert "[OK] terjemahan: Cancel -> Batal" in result.stdout
    assert not installed.user_data_dir.exists() or not any(installed.user_data_dir.rglob("*.sqlite3"))


@pytest.mark.parametrize("platform", ["offscreen", "windows"])
def test_installed_windowed_exe_self_test_exits_0(installed: Installed, platform: str):
    result = installed.gui("--self-test", "-platform", platform)

    assert result.returncode == 0, result.stdout


def test_installed_app_issues_a_surat_tugas_and_prints_a_receipt_to_a_network_printer(
    installed: Installed, tmp_path
):
    printer = LoopbackPrinter()
    out = tmp_path / "out"
    out.mkdir()

    result = installed.cli(
        "--self-test", "--receipt-printer", f"tcp://127.0.0.1:{printer.port}", "--output",
        installed.wine.path(out),
    )  # fmt: skip

    assert result.returncode == 0, result.stdout
    received = printer.wait()
    assert received == (out / "struk_80mm.bin").read_bytes()
    receipt = decode(received, "TM-T20II")
    assert "TANDA TERIMA" in receipt.text.upper()
    assert receipt.qr_payloads and receipt.cuts == 1
    pdf = (out / "surat_tugas.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    import pypdfium2

    text = pypdfium2.PdfDocument(pdf)[0].get_textpage().get_text_range()
    assert "SURAT TUGAS" in text


def test_installed_app_makes_every_document_type_from_a_demo_office(installed: Installed, tmp_path):
    """Every letter, report and receipt renders in the frozen build (fonts, barcodes, charts, QR)."""
    out = tmp_path / "contoh"
    data = tmp_path / "data"
    data.mkdir()

    result = installed.cli(
        "--demo", "documents", "sample", installed.wine.path(out),
        extra_env={"DINAS_DESK_DATA_DIR": installed.wine.path(data)},
    )  # fmt: skip

    assert result.returncode == 0, result.stdout
    pdfs = sorted(p.name for p in out.glob("*.pdf"))
    for name in ("surat_tugas.pdf", "lembar_disposisi.pdf", "laporan_pelaksanaan.pdf", "rekapitulasi.pdf"):
        assert name in pdfs, pdfs
    for pdf in out.glob("*.pdf"):
        assert pdf.read_bytes().startswith(b"%PDF-"), pdf.name
    assert (out / "struk_58mm.png").is_file() and (out / "struk_80mm.bin").is_file()


def test_a_failing_self_test_fails_the_exe_and_the_installer(installed: Installed):
    # A database that cannot be reached: the self-test must say so and exit 1, never 0.
    unreachable = {"DINAS_DESK_DB_URL": "postgresql://dinasdesk@127.0.0.1:1/dinasdesk"}
    result = installed.cli("--self-test", extra_env=unreachable)
    assert result.returncode == 1
    assert "[GAGAL] database:" in result.stdout

    # The installer runs the same self-test last: it reports the failure (exit 3) and keeps the output.
    assert installed.run_installer(extra_env=unreachable) == 3
    log = (installed.program_dir / "uji-mandiri.log").read_text(encoding="utf-8", errors="replace")
    assert "[GAGAL] database:" in log and "exit: 1" in log

    # A broken bundle (an SOP file missing) fails too.
    sop = installed.program_dir / "_internal" / "desktop" / "resources" / "sop" / "sijarla.toml"
    moved = sop.with_suffix(".hilang")
    shutil.move(sop, moved)
    try:
        broken = installed.cli("--self-test")
        assert broken.returncode == 1 and "[GAGAL]" in broken.stdout, broken.stdout
    finally:
        shutil.move(moved, sop)


def test_upgrade_in_place_keeps_the_users_database_and_settings(installed: Installed):
    created = installed.cli("db", "upgrade")
    assert created.returncode == 0, created.stdout
    database = installed.user_data_dir / "dinas-desk.sqlite3"
    assert database.is_file()
    add = installed.cli(
        "user", "add", "operator1", "--nama", "Operator Satu", "--peran", "administrator",
        extra_env={"DINAS_DESK_PASSWORD": "kata-sandi-kuat-1"},
    )  # fmt: skip
    assert add.returncode == 0, add.stdout
    before = database.read_bytes()

    assert installed.run_installer() == 0

    assert database.read_bytes() == before
    listed = installed.cli("user", "list")
    assert listed.returncode == 0 and "operator1" in listed.stdout


@pytest.fixture
def screenshots(tmp_path) -> Path:
    """Where the grabs go: docs/screenshots/windows/ when DINAS_DESK_SCREENSHOTS names it, else tmp."""
    return Path(os.environ.get("DINAS_DESK_SCREENSHOTS") or tmp_path)


def test_installed_app_logs_in_by_keyboard_and_opens_a_role_tab_on_the_windows_platform(
    installed: Installed, screenshots: Path, tmp_path
):
    data = tmp_path / "demo-data"
    data.mkdir()
    app = RunningApp(installed, "--demo", extra_env={"DINAS_DESK_DATA_DIR": installed.wine.path(data)})
    try:
        login = app.wait_window("Masuk")
        app.grab(login, screenshots / "login.png")
        app.focus(login)
        app.type("kabid")
        app.key("Tab")
        app.type("demo12345")
        app.key("Return")
        main = app.wait_window("Disdukcapil")
        assert (data / "demo.sqlite3").is_file()
        app.grab(main, screenshots / "kabid.png")
    finally:
        app.close()


def test_first_start_wizard_runs_through_by_keyboard_to_the_administrators_checklist(
    installed: Installed, screenshots: Path, tmp_path
):
    """An empty data folder, no database configured: the wizard, not a login nobody can pass."""
    data = tmp_path / "kantor-baru"
    data.mkdir()
    app = RunningApp(installed, extra_env={"DINAS_DESK_DATA_DIR": installed.wine.path(data)})
    try:
        wizard = app.wait_window("Pengaturan awal")
        app.grab(wizard, screenshots / "wizard-database.png")
        app.focus(wizard)
        app.key("Return")  # "Satu PC" is chosen: Lanjut
        time.sleep(PAGE_SETTLE_S)
        app.key("Down")  # the first kabupaten
        app.key(*["Tab"] * 7)  # Pemerintah ... Tempat surat
        app.type("Arosuka")
        app.grab(wizard, screenshots / "wizard-office.png")
        app.key("Return")
        time.sleep(PAGE_SETTLE_S)
        for text in ("admin.kantor", "Rina Marlina", "", "", "rahasia-kantor-1"):
            app.type(text)
            app.key("Tab")
        app.type("rahasia-kantor-1")
        app.grab(wizard, screenshots / "wizard-administrator.png")
        app.key("Return")
        time.sleep(PAGE_SETTLE_S)
        app.grab(wizard, screenshots / "wizard-summary.png")
        app.key("Return")  # Selesai
        main = app.wait_window("Disdukcapil")
        app.grab(main, screenshots / "admin-checklist.png")
    finally:
        app.close()
    listed = installed.cli("user", "list", extra_env={"DINAS_DESK_DATA_DIR": installed.wine.path(data)})
    assert "admin.kantor" in listed.stdout and "Rina Marlina" in listed.stdout


def test_silent_uninstall_removes_program_shortcuts_and_entry_and_keeps_data(installed: Installed):
    installed.wine.run([INSTALL_DIR + r"\Uninstall.exe", "/S"], check=False)
    installed.wine.wait()

    assert not installed.program_dir.exists()
    start_menu = installed.wine.drive_c / "ProgramData" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    assert not (start_menu / "Dinas Desk").exists()
    assert not (installed.wine.drive_c / "users" / "Public" / "Desktop" / "Dinas Desk.lnk").exists()
    assert "DisplayName" not in installed.registry(UNINSTALL_KEY)
    assert "DinasDesk.PaketLapangan" not in installed.registry(r"HKLM\Software\Classes\.ddlapangan")
    assert (installed.user_data_dir / "dinas-desk.sqlite3").is_file()  # the office's data stays


def test_uninstall_with_removedata_also_deletes_the_users_data(installed: Installed):
    assert installed.run_installer() == 0
    assert (installed.user_data_dir / "dinas-desk.sqlite3").is_file()

    installed.wine.run([INSTALL_DIR + r"\Uninstall.exe", "/S", "/REMOVEDATA"], check=False)
    installed.wine.wait()

    assert not installed.program_dir.exists()
    assert not installed.user_data_dir.exists()
