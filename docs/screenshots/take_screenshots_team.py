"""Screenshots of the SIJARLA team, recap and Kabid Pemanfaatan desks, from a fresh demo database.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/take_screenshots_team.py

Writes tim-persiapan.png, tim-pelayanan.png, import-errors.png, rekap.png and
kabid-pemanfaatan.png next to this script (or into the folder given as the first argument).
The demo database lives in a temporary data folder, so the real profile is never touched.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

WIDTH, HEIGHT = 1366, 705  # a maximised window on a 1366x768 laptop


def main(out_dir: Path) -> int:
    os.environ["DINAS_DESK_DATA_DIR"] = tempfile.mkdtemp(prefix="dinas-desk-screens-")
    from desktop.app import create_application
    from desktop.services import workspace
    from desktop.ui.common.unsaved import DiscardQuestion

    DiscardQuestion.ask = classmethod(lambda cls, parent, items: True)  # windows close with typed forms
    app = create_application()
    workspace.open_fresh_demo()
    out_dir.mkdir(parents=True, exist_ok=True)
    shots = Shots(app, out_dir)
    shots.team()
    shots.recap()
    shots.kabid()
    return 0


class Shots:
    def __init__(self, app, out_dir: Path):
        self.app = app
        self.out_dir = out_dir

    def settle(self, seconds: float = 0.6) -> None:
        """Let background loads finish and layouts settle."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.02)

    def wait(self, condition, timeout: float = 20.0) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise SystemExit("timed out waiting for the window")
            self.app.processEvents()
            time.sleep(0.02)

    def window(self, username: str, role: str):
        from desktop.services.demo.office import DEMO_PASSWORD
        from desktop.services.security import auth
        from desktop.ui.main_window import MainWindow

        window = MainWindow(auth.login(username, DEMO_PASSWORD))
        window.resize(WIDTH, HEIGHT)
        window.show()
        tab = window.tab_for(role)
        window.tab_widget.setCurrentWidget(tab)
        self.wait(lambda: tab.loads_finished >= 1)
        self.settle()
        return window, tab

    def save(self, widget, name: str) -> None:
        self.settle(0.4)
        path = self.out_dir / name
        if not widget.grab().save(str(path)):
            raise SystemExit(f"could not write {path}")
        print(f"{path} ({widget.width()}x{widget.height()})")

    def save_over(self, window, dialog, name: str) -> None:
        """A dialog over its window, the window dimmed (Xvfb has no window manager to frame it)."""
        from PySide6.QtCore import QPoint
        from PySide6.QtGui import QColor, QPainter, QPen

        self.settle(0.4)
        picture = window.grab()
        painter = QPainter(picture)
        painter.fillRect(picture.rect(), QColor(15, 30, 50, 110))
        at = window.mapFromGlobal(dialog.mapToGlobal(QPoint(0, 0)))
        painter.drawPixmap(at, dialog.grab())
        painter.setPen(QPen(QColor("#7F93A8"), 1))
        painter.drawRect(at.x(), at.y(), dialog.width() - 1, dialog.height() - 1)
        painter.end()
        path = self.out_dir / name
        if not picture.save(str(path)):
            raise SystemExit(f"could not write {path}")
        print(f"{path} ({picture.width()}x{picture.height()})")

    # --- Tim SIJARLA ---------------------------------------------------------------------------

    def team(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from desktop.ui.sijarla.records_import import ImportErrorsDialog, ImportFileDialog

        window, tab = self.window("ketua1", "ketua_tim_sijarla")
        steps = {e.step: e.ref_id for e in tab.entries()}
        tab.select_case(steps["persiapan"])
        self.save(window, "tim-persiapan.png")

        tab.select_case(steps["pelayanan"])
        grid = tab.workspace.grid
        self.wait(lambda: not grid.model.is_loading())
        form = grid.form
        form.nik_edit.setText("1302104507510002")
        form.name_edit.setText("Siti Rahmah")
        form.address_edit.setText("Jorong Koto, Nagari Gantuang Ciri")
        form.address_edit.setCursorPosition(0)
        form.jorong_edit.setText("Jorong Koto")
        form.group_combo.setCurrentIndex(form.group_combo.findData("lansia"))
        form.nik_edit.setFocus()
        self.save(window, "tim-pelayanan.png")

        path = broken_spreadsheet(Path(tempfile.mkdtemp()) / "pelayanan-gantuang-ciri.xlsx")
        ImportFileDialog.ask = staticmethod(lambda parent: path)

        def shoot_dialog() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, ImportErrorsDialog):
                QTimer.singleShot(50, shoot_dialog)
                return
            self.save_over(window, dialog, "import-errors.png")
            dialog.reject()

        QTimer.singleShot(50, shoot_dialog)
        grid.import_file()
        self.wait(lambda: grid.banner.kind == "info")
        window.close()

    # --- Ketua Pelaksana Harian ------------------------------------------------------------------

    def recap(self) -> None:
        window, tab = self.window("kph", "ketua_pelaksana_harian")
        tab.period_picker.set_kind("tahun")
        tab.preview()
        self.wait(lambda: tab.panel.view.figures is not None)
        self.save(window, "rekap.png")
        window.close()

    # --- Kabid Pemanfaatan Data -----------------------------------------------------------------

    def kabid(self) -> None:
        from desktop.services.demo.office import DEMO_PASSWORD
        from desktop.services.security.auth import login
        from desktop.services.sijarla import recap

        kph = login("kph", DEMO_PASSWORD)
        today = dt.date.today()
        built = recap.build_recap(
            kph, recap.period("bebas", today.year, start=today - dt.timedelta(days=60), end=today)
        )
        recap.forward_recap(kph, built.id, built.version)
        window, tab = self.window("kabidpdip", "kabid_pemanfaatan")
        row = tab.row_of("rekap", built.id)
        tab.worklist.selectRow(row)
        tab.open_work_item(tab.entries()[row])
        self.save(window, "kabid-pemanfaatan.png")
        window.close()


def broken_spreadsheet(path: Path) -> Path:
    """A team's file with the usual mistakes: a short NIK, an unknown service, a missing reason."""
    from openpyxl import Workbook

    from desktop.services.demo.sijarla_cases import HEADER

    day = dt.date.today().isoformat()
    code = "13.02.10.2005"  # any nagari code of the office's kabupaten
    rows = [
        [
            "1302104507510002",
            "Siti Rahmah",
            "",
            "",
            "Jorong Koto",
            code,
            "ktp_rekam",
            "lansia",
            "selesai",
            "",
            day,
        ],
        [
            "130210450751",
            "Nurhayati Koto",
            "",
            "",
            "Jorong Koto",
            code,
            "ktp_rekam",
            "lansia",
            "selesai",
            "",
            day,
        ],
        [
            "1302101208900003",
            "Ahmad Fauzan",
            "",
            "",
            "Jorong Balai",
            code,
            "paspor",
            "umum",
            "selesai",
            "",
            day,
        ],
        ["1302105003900004", "Desi Tanjung", "", "", "Jorong Balai", code, "kia", "umum", "selesai", "", day],
        [
            "1302101505600005",
            "Yusri Piliang",
            "",
            "",
            "Jorong Pasar",
            code,
            "ktp_rekam",
            "sakit",
            "gagal_rekam",
            "",
            day,
        ],
        [
            "1302104402710006",
            "Murni Jambak",
            "",
            "",
            "Jorong Pasar",
            code,
            "akta_lahir",
            "umum",
            "selesai",
            "",
            "31-02-2026",
        ],
        [
            "1302100707850007",
            "Rudi Sikumbang",
            "",
            "",
            "Jorong Pasar",
            code,
            "ikd",
            "pemilih_pemula",
            "selesai",
            "",
            day,
        ],
    ]
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    raise SystemExit(main(target))
