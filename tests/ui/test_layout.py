"""Small screens and scaling: no input, button or label of any tab, form or dialog is squeezed below
its size hint, and every table keeps room for five rows, on the screens the office really has.

- 1366x705 at 100%: the maximised window of a 1366x768 laptop (the screen less a 40 px taskbar and a
  23 px title bar), the most common office screen.
- 1920x1080 at 150% (Windows' own default there): the screen is 1280x720 logical pixels, the
  maximised window 1280x657 (the same taskbar and title bar, which scale with the text).

The scale factor must be set before the QApplication exists, so each size runs layout_probe.py in a
subprocess, on an offscreen screen of that size (QT_QPA_PLATFORM=offscreen:configfile=...) with
QT_SCALE_FACTOR, on a fresh demo database. The probe opens every tab of every role's demo user,
the forms behind them (a case at the Kabid, a Surat Tugas and a recap at the Kepala Dinas, the
checklist and the records grid of a team, every innovation, every administrator page), the front
desk's, the Kabid's and the Kepala Dinas' forms again with every field refused at once, and every
dialog; layout_checks.py says what 'squeezed' means. Dialogs must also fit on the screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.common.sla import SlaChipDelegate
from desktop.ui.common.tables import equip
from desktop.ui.sop.case_worklist import DEADLINE_COLUMN, CaseWorklistTableModel
from desktop.ui.sop.worklist_view import WorklistView
from tests.ui.layout_checks import layout_problems

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("layout_probe.py")
SCREENS = {
    "1366x768 at 100%": ((1366, 768), 1.0, (1366, 705)),
    "1920x1080 at 150%": ((1920, 1080), 1.5, (1280, 657)),
}


def run_probe(screen: tuple[int, int], scale: float, window: tuple[int, int], *extra: str) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="dinas-desk-layout-"))
    config = folder / "screen.json"
    width, height = screen
    config.write_text(
        json.dumps(
            {"screens": [{"name": "Laptop", "x": 0, "y": 0, "width": width, "height": height, "dpr": 1}]}
        )
    )
    env = dict(os.environ, QT_SCALE_FACTOR=str(scale), QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env["DINAS_DESK_DATA_DIR"] = str(folder / "data")
    command = [sys.executable, str(PROBE), str(window[0]), str(window[1]), *extra]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=500)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", SCREENS)
def test_no_tab_form_or_dialog_is_squeezed(name):
    screen, scale, window = SCREENS[name]
    result = run_probe(screen, scale, window)
    found = result["found"]
    assert result["ratio"] == scale
    assert len(found) >= 80  # every tab, form and dialog was shown
    assert {key for key in found if key.startswith("dialog/")} >= {
        "dialog/password",
        "dialog/idea",
        "dialog/report",
        "dialog/add-user",
        "dialog/case-detail",
        "dialog/innovation",
    }
    assert {scenario: problems for scenario, problems in found.items() if problems} == {}


def test_the_probe_reports_a_squeezed_button_in_the_real_window():
    screen, scale, window = SCREENS["1366x768 at 100%"]
    found = run_probe(screen, scale, window, "--squeeze")["found"]
    assert any("Terlalu sempit untuk teks ini" in line for lines in found.values() for line in lines)


# --- The checks themselves can fail ---------------------------------------------------------------------


def shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_form_squeezed_into_too_little_height_is_reported(qtbot):
    """The front desk's old failure: a grid of captions and fields in a widget held too short."""
    host = QWidget()
    grid = QGridLayout(host)
    for row, caption in enumerate(("Nomor surat", "Pengirim", "Perihal")):
        grid.addWidget(QLabel(caption), 2 * row, 0)
        grid.addWidget(QLineEdit(), 2 * row + 1, 0)
    host.setFixedHeight(60)
    found = layout_problems(shown(qtbot, host))
    assert any(line.startswith("QLineEdit") and "squashed" in line for line in found)
    assert any(line.startswith("QLabel 'Perihal'") for line in found) or any(
        "overlaps" in line for line in found
    )
    host.setFixedHeight(host.minimumSizeHint().height() + 20)
    host.setMaximumHeight(16_777_215)
    qtbot.waitUntil(lambda: layout_problems(host) == [])


def test_a_button_narrower_than_its_text_is_reported(qtbot):
    host = QWidget()
    row = QHBoxLayout(host)
    tight = QPushButton("Tandatangani dan terbitkan…")
    tight.setFixedWidth(60)
    row.addWidget(QPushButton("Simpan"))
    row.addWidget(tight)
    found = layout_problems(shown(qtbot, host))
    assert len(found) == 1 and "Tandatangani dan terbitkan" in found[0]


def test_a_form_that_scrolls_sideways_is_reported_unless_it_is_a_wide_drawing(qtbot):
    from desktop.ui.common.forms import scroll_area

    body = QWidget()
    row = QHBoxLayout(body)
    for caption in ("Simpan draf", "Kembalikan…", "Tandatangani…", "Berkas kasus…"):
        row.addWidget(QPushButton(caption))
    host = QWidget()
    box = QVBoxLayout(host)
    area = scroll_area(body)
    box.addWidget(area)
    shown(qtbot, host)
    host.resize(160, 200)
    qtbot.waitUntil(area.horizontalScrollBar().isVisible, timeout=5_000)
    found = layout_problems(host)
    assert len(found) == 1 and "scrolls sideways" in found[0]
    area.setProperty("wideContent", True)
    assert layout_problems(host) == []


def test_a_table_with_room_for_fewer_than_five_rows_is_reported(qtbot):
    host = QWidget()
    box = QVBoxLayout(host)
    view = QTableView()
    view.setModel(QStandardItemModel(8, 3, view))
    box.addWidget(view)
    box.addWidget(QLabel("Di bawah tabel"))
    host.resize(500, 120)
    found = layout_problems(shown(qtbot, host))
    assert any(line.startswith("QTableView") and "rows (< 5)" in line for line in found)
    equip(view)  # what every table of the app gets: a minimum of five rows under its header
    qtbot.waitUntil(lambda: not any("rows" in line for line in layout_problems(host)))
    assert view.height() >= view.minimumHeight() > 5 * view.verticalHeader().defaultSectionSize()


def test_a_deadline_chip_cut_short_is_reported(qtbot):
    import datetime as dt

    from desktop.services.sop.worklists import WorkEntry

    view = WorklistView("Kosong", "Tidak ada.", model=CaseWorklistTableModel())
    assert isinstance(view.itemDelegateForColumn(DEADLINE_COLUMN), SlaChipDelegate)
    entry = WorkEntry(
        kind="kasus",
        ref_id=1,
        number="SJL-2026-0001",
        subject="Permohonan pelayanan SIJARLA di Nagari Sulit Air",
        nagari="Sulit Air",
        step="disposisi",
        step_name="Pemeriksaan dan Disposisi",
        deadline=dt.date.today(),
        sla="terlambat",
        days_left=-14,
        version=1,
    )
    view.worklist_model().set_items([entry])
    view.resize(1200, 400)
    shown(qtbot, view)
    qtbot.waitUntil(lambda: layout_problems(view) == [])  # the app sizes the column to its chips
    view.setColumnWidth(DEADLINE_COLUMN, 80)
    assert any("cuts its deadline chips" in line for line in layout_problems(view))
    assert view.textElideMode() == Qt.TextElideMode.ElideMiddle
