"""The administrator's Log audit page: lines shown newest first, a filter that narrows them, the
virtual table model (pages read on demand), an export through the save dialog, and a refusal."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool
from PySide6.QtWidgets import QFileDialog

from desktop.models import AuditLog
from desktop.services import workspace
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.security import audit, auth
from desktop.services.security.audit_log import AuditFilter
from desktop.ui.admin.administrator_tab import AdministratorTab
from desktop.ui.admin.audit_page import AuditLogPage
from desktop.ui.admin.audit_table import AuditTableModel

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def drained(demo_logins, qtbot):
    yield
    QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.processEvents()


def login(username: str = "admin"):
    return auth.login(username, DEMO_PASSWORD)


def some_lines(count: int = 12) -> None:
    meja = login("meja")
    for i in range(count):
        audit.record(meja, "cari_penduduk", "service_record", None, kata_kunci=f"Siti {i}", hasil=i)


def open_page(qtbot) -> tuple[AdministratorTab, AuditLogPage]:
    """The tab (the caller keeps it alive: qtbot holds widgets weakly) and its Log audit page."""
    role = next(r for r in workspace.role_catalog() if r.code == "administrator")
    tab = AdministratorTab(login(), role)
    qtbot.addWidget(tab)
    tab.resize(1240, 700)
    tab.show()
    page = tab.page(AuditLogPage)
    qtbot.waitUntil(lambda: page.calls_finished >= 2, timeout=10_000)  # the actions and the lines
    return tab, page


def shown(page: AuditLogPage, column: int) -> list[str]:
    return [page.model.index(row, column).data() for row in range(page.line_count())]


def test_the_page_shows_the_log_and_a_user_filter_narrows_it(qtbot):
    some_lines()
    _tab, page = open_page(qtbot)
    everything = page.line_count()
    assert everything >= 12
    assert page.count_label.text() == f"{everything} baris"
    assert "cari_penduduk" in [page.action_combo.itemData(i) for i in range(page.action_combo.count())]
    assert page.model.index(0, 0).data()  # a time, newest first

    page.user_edit.setText("meja")
    before = page.calls_finished
    qtbot.mouseClick(page.apply_button, LEFT)
    qtbot.waitUntil(lambda: page.calls_finished > before, timeout=10_000)

    assert 12 <= page.line_count() < everything
    assert set(shown(page, 1)) == {"meja"}
    assert "kata kunci: Siti 11; hasil: 11" in shown(page, 4)


def test_an_action_filter_and_a_bad_date_range(qtbot):
    some_lines(3)
    _tab, page = open_page(qtbot)
    page.action_combo.setCurrentIndex(page.action_combo.findData("cari_penduduk"))
    before = page.calls_finished
    qtbot.mouseClick(page.apply_button, LEFT)
    qtbot.waitUntil(lambda: page.calls_finished > before, timeout=10_000)
    assert set(shown(page, 2)) == {"Pencarian penduduk"}  # the action as a user reads it
    assert page.action_combo.currentText() == "Pencarian penduduk"
    assert page.line_count() == 3

    page.from_edit.setDate(page.from_edit.date().currentDate())
    page.to_edit.setDate(page.from_edit.date().addDays(-1))
    before = page.calls_finished
    qtbot.mouseClick(page.apply_button, LEFT)
    qtbot.waitUntil(lambda: page.calls_finished > before, timeout=10_000)
    assert "Tanggal awal" in page.banner.text()


def test_the_audit_model_passes_the_qt_model_tester(qtmodeltester):
    some_lines()
    model = AuditTableModel(login(), background=False, page_size=5)
    model.reload()
    assert model.rowCount() >= 12
    qtmodeltester.check(model, force_py=True)


def test_pages_are_read_only_when_shown():
    some_lines(30)
    model = AuditTableModel(login(), background=False, page_size=5)
    model.set_filter(AuditFilter(action="cari_penduduk"))
    assert model.rowCount() == 30
    assert model.cached_pages() == [0]
    assert model.index(29, 4).data() == "kata kunci: Siti 0; hasil: 0"  # the oldest, on the last page
    assert model.cached_pages() == [0, 5]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Waktu"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_writes_the_shown_lines_to_the_chosen_file(qtbot, tmp_path: Path, monkeypatch, suffix: str):
    some_lines(5)
    _tab, page = open_page(qtbot)
    page.user_edit.setText("meja")
    before = page.calls_finished
    qtbot.mouseClick(page.apply_button, LEFT)
    qtbot.waitUntil(lambda: page.calls_finished > before, timeout=10_000)
    expected = page.line_count()
    target = tmp_path / "ekspor" / "log"  # no suffix typed: the chosen file type adds it
    target.parent.mkdir()
    chosen = "Buku kerja Excel (*.xlsx)" if suffix == ".xlsx" else "Berkas CSV (*.csv)"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), chosen))

    before = page.calls_finished
    qtbot.mouseClick(page.export_button, LEFT)
    qtbot.waitUntil(lambda: page.calls_finished > before, timeout=15_000)

    written = target.with_name("log" + suffix)
    assert "diekspor" in page.banner.text()
    if suffix == ".csv":
        with open(written, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    else:
        from openpyxl import load_workbook

        rows = list(load_workbook(written, read_only=True).active.iter_rows(values_only=True))
    assert len(rows) == expected + 1
    assert {row[1] for row in rows[1:]} == {"meja"}
    logged = AuditLog.select().where(AuditLog.action == "log_audit_diekspor").get()
    assert logged.at.date() == dt.date.today()


def test_a_cancelled_export_writes_nothing(qtbot, monkeypatch):
    _tab, page = open_page(qtbot)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    qtbot.mouseClick(page.export_button, LEFT)
    assert not AuditLog.select().where(AuditLog.action == "log_audit_diekspor").exists()


def test_anyone_else_is_refused_in_the_banner(qtbot):
    page = AuditLogPage(login("meja"))
    qtbot.addWidget(page)
    page.show()
    page.ensure_loaded()
    qtbot.waitUntil(lambda: page.calls_finished >= 2, timeout=10_000)
    assert "Administrator" in page.banner.text()
    assert page.line_count() == 0
