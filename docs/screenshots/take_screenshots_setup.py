"""Render the first-start wizard and the administrator's checklist from an empty data folder.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_screenshots_setup.py

Writes setup-database.png, setup-server.png, setup-office.png, setup-office-refused.png,
setup-administrator.png, setup-summary.png and setup-checklist.png next to this script (or into the
folder given as the first argument). The wizard runs at the size it takes on a 1366×768 screen.
"""

from __future__ import annotations

import os
import struct
import sys
import tempfile
import zlib
from pathlib import Path

CHECKLIST_SIZE = (1366, 705)


def main(out_dir: Path) -> int:
    os.environ["DINAS_DESK_DATA_DIR"] = tempfile.mkdtemp(prefix="dinas-desk-setup-screens-")
    os.environ.setdefault("DINAS_DESK_FAST_HASH", "1")
    from desktop.app import create_application
    from desktop.ui.common.unsaved import DiscardQuestion
    from desktop.ui.setup_wizard import SetupWizard

    DiscardQuestion.ask = classmethod(lambda cls, parent, items: True)  # windows close with typed forms
    app = create_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    wizard = SetupWizard()
    wizard.show()
    _settle(app)
    _save(app, wizard, out_dir / "setup-database.png")
    _server_shot(app, wizard, out_dir)
    wizard.database_page.local_radio.setChecked(True)
    _next(app, wizard)
    _office_shots(app, wizard, out_dir)
    _administrator_shots(app, wizard, out_dir)
    _next(app, wizard)
    _save(app, wizard, out_dir / "setup-summary.png")
    _next(app, wizard, finish=True)
    outcome = wizard.outcome()
    if outcome is None or outcome.session is None:
        print("the wizard did not finish:", wizard.currentPage().banner.text(), file=sys.stderr)
        return 1
    _checklist_shot(app, outcome.session, out_dir)
    return 0


def _server_shot(app, wizard, out_dir: Path) -> None:
    page = wizard.database_page
    page.server_radio.setChecked(True)
    page.host_edit.setText("192.168.1.10")
    page.password_edit.setText("rahasia")
    page.ca_edit.setText(r"C:\Disdukcapil\ca-kantor.crt")
    from desktop.services.first_start import ServerCheck

    # What "Uji koneksi" shows for an empty server reached over TLS (no server at this address here).
    page._tested(ServerCheck(True, "", "192.168.1.10:5432/dinasdesk", "PostgreSQL 16.4", "TLS 1.3", 0))
    _settle(app)
    _save(app, wizard, out_dir / "setup-server.png")
    page.result_label.hide()


def _office_shots(app, wizard, out_dir: Path) -> None:
    page = wizard.office_page
    _wait(app, lambda: page.kabupaten_loads >= 1)
    page.kabupaten_combo.setCurrentIndex(page.kabupaten_combo.findData("13.02"))
    for name, text in {
        "address": "Jl. Raya Solok - Padang Km. 20, Arosuka, Kec. Gunung Talang 27365",
        "phone": "(0755) 31234",
        "email": "disdukcapil@solokkab",
        "website": "disdukcapil.solokkab.go.id",
        "city": "Arosuka",
    }.items():
        page.edits[name].setText(text)
        page.edits[name].setCursorPosition(0)
    page.set_logo(_emblem())
    _next(app, wizard)
    _save(app, wizard, out_dir / "setup-office-refused.png")
    page.edits["email"].setText("disdukcapil@solokkab.go.id")
    page.banner.clear()
    _settle(app)
    _save(app, wizard, out_dir / "setup-office.png")
    _next(app, wizard)


def _administrator_shots(app, wizard, out_dir: Path) -> None:
    page = wizard.administrator_page
    page.username_edit.setText("admin.kantor")
    page.full_name_edit.setText("Rina Marlina, S.Kom.")
    page.nip_edit.setText("198501012010012001")
    page.jabatan_edit.setText("Pranata Komputer Ahli Muda")
    page.password_edit.setText("rahasia-kantor-1")
    page.password_again_edit.setText("rahasia-kantor-1")
    _settle(app)
    _save(app, wizard, out_dir / "setup-administrator.png")


def _checklist_shot(app, session, out_dir: Path) -> None:
    from desktop.ui.main_window import MainWindow

    window = MainWindow(session)
    window.resize(*CHECKLIST_SIZE)
    window.show()
    checklist = window.tab_for("administrator").checklist
    _wait(app, lambda: checklist.calls_finished >= 1)
    _save(app, window, out_dir / "setup-checklist.png")


def _emblem() -> bytes:
    """A small stand-in emblem (a navy shield on white), as a PNG."""
    size = 48
    rows = []
    for y in range(size):
        row = b"\x00"
        for x in range(size):
            inside = 6 <= x < size - 6 and 4 <= y < size - 4 and abs(x - size / 2) < (size - 4 - y) * 0.6 + 8
            row += b"\x1b\x3a\x5c" if inside else b"\xff\xff\xff"
        rows.append(row)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


def _next(app, wizard, finish: bool = False) -> None:
    page = wizard.currentPage()
    before = page.checks_finished
    wizard.accept() if finish else wizard.next()
    if page.busy:
        _wait(app, lambda: page.checks_finished > before)
    _settle(app)


def _wait(app, condition, rounds: int = 600) -> None:
    from PySide6.QtCore import QThreadPool

    for _ in range(rounds):
        if condition():
            return
        QThreadPool.globalInstance().waitForDone(50)
        app.processEvents()
    raise TimeoutError("the wizard did not answer")


def _settle(app) -> None:
    from PySide6.QtCore import QThreadPool

    for _ in range(5):
        QThreadPool.globalInstance().waitForDone(2000)
        app.processEvents()


def _save(app, widget, path: Path) -> None:
    _settle(app)
    widget.grab().save(str(path))
    print(path)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent))
