"""The team's grid (issue 15 item 15): 'Unduh templat' saves the import's template, the grid shows Alamat."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.security import auth
from desktop.services.sijarla import service_records
from desktop.ui.main_window import MainWindow
from desktop.ui.sijarla import records_import
from desktop.ui.sijarla.records_table import COLUMN_INDEX
from tests.db.factories import session
from tests.db.test_permissions import at_step, record_draft

_WINDOWS: list[MainWindow] = []


@pytest.fixture(autouse=True)
def _windows():
    yield
    _WINDOWS.clear()


def shot(widget, name: str) -> None:
    """A PNG of what the user sees, when RULES_SHOTS names a folder."""
    folder = os.environ.get("RULES_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / name))


def team_grid(qtbot, case_id: int):
    window = MainWindow(auth.login("ketua1", DEMO_PASSWORD))
    qtbot.addWidget(window)
    _WINDOWS.append(window)
    window.resize(1366, 705)
    window.show()
    tab = window.tab_for("ketua_tim_sijarla")
    qtbot.waitUntil(lambda: tab.loads_finished >= 1, timeout=10_000)
    assert tab.select_case(case_id)
    grid = tab.workspace.grid
    qtbot.waitUntil(lambda: not grid.model.is_loading(), timeout=10_000)
    return window, grid


def test_unduh_templat_saves_the_template_where_the_user_picks(qtbot, demo_logins, monkeypatch, tmp_path):
    case_id = at_step("pelayanan")
    window, grid = team_grid(qtbot, case_id)
    target = tmp_path / "pilihan saya" / "templat.xlsx"
    target.parent.mkdir()
    asked: list[str] = []

    def ask(parent, suggested):
        asked.append(suggested)
        return target

    monkeypatch.setattr(records_import.TemplateFileDialog, "ask", staticmethod(ask))
    assert grid.template_button.isVisible() and grid.template_button.text() == "Unduh templat…"
    qtbot.mouseClick(grid.template_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: grid.banner.kind == "success", timeout=10_000)

    assert asked and asked[0].endswith(".xlsx")
    assert grid.banner.text().startswith(f"Templat disimpan di {target}.")
    header = [c.value for c in load_workbook(target)["Data pelayanan"][1]]
    assert header[:6] == ["NIK", "Nama", "KK", "Alamat", "Jorong", "Nagari"]
    shot(window, "records-template.png")


def test_the_grid_shows_the_alamat_column(qtbot, demo_logins):
    case_id = at_step("pelayanan")
    draft = record_draft()
    service_records.add_record(
        session("anggota1"),
        case_id,
        service_records.RecordDraft(**{**draft.__dict__, "address": "Jl. Sudirman 5"}),
    )
    window, grid = team_grid(qtbot, case_id)
    qtbot.waitUntil(lambda: grid.model.rowCount() == 1, timeout=10_000)
    column = COLUMN_INDEX["address"]
    assert grid.model.headerData(column, Qt.Orientation.Horizontal) == "Alamat"
    assert not grid.table.isColumnHidden(column)
    assert grid.table.columnWidth(column) >= 100
    assert grid.model.data(grid.model.index(0, column)) == "Jl. Sudirman 5"
    shot(window, "records-alamat.png")
