"""Render the innovation, administrator and SOP screenshots from a fresh demo database.

    xvfb-run -a -s "-screen 0 1366x768x24" \
        .venv/bin/python docs/screenshots/take_screenshots_innovation_admin.py

Writes inovasi-list.png, inovasi-timeline.png, pejabat-struktural.png, pelaksana-teknis.png,
admin-users.png, admin-office.png, admin-workstation.png, sop-sijarla.png and sop-inovasi.png next
to this script (or into the folder given as the first argument). The demo database lives in a
temporary data folder.
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
    from desktop.services.sop import view as sop_view
    from desktop.ui.common.unsaved import DiscardQuestion

    DiscardQuestion.ask = classmethod(lambda cls, parent, items: True)  # windows close with typed forms
    app = create_application()
    workspace.open_fresh_demo()
    out_dir.mkdir(parents=True, exist_ok=True)

    def login(username: str):
        return auth.login(username, DEMO_PASSWORD)

    _innovation_shots(app, login, out_dir)
    _innovation_role_shots(app, login, out_dir)
    _admin_shots(app, login, out_dir)
    _sop_shots(app, login, sop_view, out_dir)
    return 0


def _innovation_shots(app, login, out_dir: Path) -> None:
    from desktop.ui.main_window import MainWindow

    window = _window(app, MainWindow(login("kasi")))
    tab = window.tab_for("kasi_inovasi")
    running = next(r for r in tab._rows if r.chosen_name)  # the named innovation, in its 8th step
    tab.select_innovation(running.id)
    _save(app, window, out_dir / "inovasi-list.png")

    # The window other tabs open (open_innovation): the Kabid Pemanfaatan's review, one step late.
    from desktop.services.inovasi import steps as inovasi
    from desktop.ui.inovasi.inovasi_panel import open_innovation

    late = next(r for r in inovasi.list_innovations(step="telaah_kabid"))
    dialog = open_innovation(None, login("kabidpdip"), late.case_id)
    dialog.resize(WIDTH, HEIGHT)
    _settle(app)
    _save(app, dialog, out_dir / "inovasi-timeline.png")


def _innovation_role_shots(app, login, out_dir: Path) -> None:
    """The Pejabat Struktural and Pelaksana Teknis tabs, each on the innovation waiting for it."""
    from desktop.services.inovasi import steps as inovasi
    from desktop.ui.main_window import MainWindow

    # The Sekretaris holds only the pejabat struktural role: the first discussion waits for him.
    window = _window(app, MainWindow(login("sekretaris")))
    tab = window.tab_for("pejabat_struktural")
    discussed = next(r for r in inovasi.list_innovations(step="pembahasan_awal"))
    tab.select_innovation(discussed.id)
    _save(app, window, out_dir / "pejabat-struktural.png")

    # The ADB runs the named innovation: the day's output log of step 8.
    window = _window(app, MainWindow(login("adb")))
    tab = window.tab_for("pelaksana_teknis")
    running = next(r for r in inovasi.list_innovations(step="pelaksanaan"))
    tab.select_innovation(running.id)
    _save(app, window, out_dir / "pelaksana-teknis.png")


def _admin_shots(app, login, out_dir: Path) -> None:
    from desktop.services import workspace
    from desktop.ui.admin.office_page import OfficePage
    from desktop.ui.admin.printer_settings import ReceiptPrinter
    from desktop.ui.admin.users_page import UsersPage
    from desktop.ui.admin.workstation_page import WorkstationPage
    from desktop.ui.main_window import MainWindow

    window = _window(app, MainWindow(login("admin")))
    tab = window.tab_for("administrator")
    users = tab.page(UsersPage)
    _settle(app)
    users.select_username("kasi")
    _save(app, window, out_dir / "admin-users.png", close=False)

    office = tab.page(OfficePage)
    _settle(app)
    office.set_logo(_emblem_png())
    _save(app, window, out_dir / "admin-office.png", close=False)

    workstation = tab.page(WorkstationPage)
    _settle(app)
    workstation.url_edit.setText(f"sqlite:///{workspace.current_database().location}")
    workstation.show_receipt(ReceiptPrinter("network", host="192.168.1.50", port=9100, width_mm=80))
    workstation.test_connection()  # the demo SQLite file: a green result
    _settle(app)
    _save(app, window, out_dir / "admin-workstation.png")


def _sop_shots(app, login, sop_view, out_dir: Path) -> None:
    from desktop.ui.sop.sop_view_dialog import open_sop_view

    kabid = login("kabid")
    at_disposition = [
        c for c in sop_view.recent_cases(kabid, "sijarla") if c.step_name == "Pemeriksaan dan Disposisi"
    ]
    # a letter registered at the front desk (its history has the registration), waiting for the Kabid
    case = next(c for c in at_disposition if sop_view.case_position(kabid, c.id).history)
    dialog = open_sop_view(None, kabid, case_id=case.id)
    dialog.resize(WIDTH, HEIGHT)
    _settle(app)
    dialog.panel.scroll.verticalScrollBar().setValue(0)  # from the SOP's identity box down, as on paper
    _save(app, dialog, out_dir / "sop-sijarla.png")

    kasi = login("kasi")
    case = next(c for c in sop_view.recent_cases(kasi, "inovasi") if c.step_name == "Pembahasan Awal")
    dialog = open_sop_view(None, kasi, case_id=case.id)
    dialog.resize(WIDTH, HEIGHT)
    _settle(app)
    dialog.panel.scroll.verticalScrollBar().setValue(120)  # the matrix from its header down
    _save(app, dialog, out_dir / "sop-inovasi.png")


def _emblem_png() -> bytes:
    """A stand-in regional emblem (a shield with a star) for the letterhead preview."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF

    image = QImage(240, 280, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    shield = QPainterPath(QPointF(20, 20))
    for x, y in ((220, 20), (220, 150)):
        shield.lineTo(x, y)
    shield.quadTo(220, 240, 120, 270)
    shield.quadTo(20, 240, 20, 150)
    shield.closeSubpath()
    p.setPen(QPen(QColor("#7A5B00"), 8))
    p.setBrush(QColor("#1E6B3A"))
    p.drawPath(shield)
    p.setBrush(QColor("#F2C230"))
    p.setPen(Qt.PenStyle.NoPen)
    star = [QPointF(120, 55), QPointF(137, 105), QPointF(190, 105), QPointF(147, 135), QPointF(163, 185)]
    star += [QPointF(120, 155), QPointF(77, 185), QPointF(93, 135), QPointF(50, 105), QPointF(103, 105)]
    p.drawPolygon(QPolygonF(star))
    p.setBrush(QColor("#FFFFFF"))
    p.drawRect(60, 205, 120, 14)
    p.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def _window(app, window):
    window.resize(WIDTH, HEIGHT)
    window.show()
    _settle(app)
    return window


def _settle(app, rounds: int = 12) -> None:
    from PySide6.QtCore import QThreadPool

    for _ in range(rounds):  # background loads come back, layouts settle, fonts load
        QThreadPool.globalInstance().waitForDone(2000)
        app.processEvents()


def _save(app, widget, path: Path, close: bool = True) -> None:
    _settle(app)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"{path} ({widget.width()}x{widget.height()})")
    if close:
        widget.close()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    raise SystemExit(main(target))
