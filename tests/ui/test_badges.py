"""Badges count the work waiting in each tab; the worklist shows each deadline's colour and days left."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QColor

from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.security import auth
from desktop.services.sijarla import steps as sijarla
from desktop.ui.common.sla import COLOURS, SLA_ROLE
from desktop.ui.main_window import MainWindow
from tests.db import factories

WAIT = 15_000
KABID = "Kabid Pelayanan Pendaftaran Penduduk"


def idle(qtbot) -> None:
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=WAIT)


def letter(days_ago: int = 0) -> int:
    received = dt.date.today() - dt.timedelta(days=days_ago)
    draft = factories.letter_draft(letter_date=received)
    return sijarla.register_letter(factories.session("meja"), draft, on=received).case_id


def test_tab_badges_show_the_counts_and_follow_new_work(qtbot, demo_logins):
    letter()
    letter()
    window = MainWindow(auth.login("kabid", DEMO_PASSWORD))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.tab_titles() == [f"{KABID} (2)", "Pejabat Struktural"], timeout=WAIT)

    letter()  # the front desk registers another one meanwhile
    window.badge_timer.timeout.emit()  # the minute's refresh
    qtbot.waitUntil(lambda: window.tab_titles()[0] == f"{KABID} (3)", timeout=WAIT)
    tab = window.tab_for("kabid_pelayanan")
    qtbot.waitUntil(lambda: tab.pending_count() == 3, timeout=WAIT)  # the list followed its badge

    letter()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.tab_titles()[0] == f"{KABID} (4)", timeout=WAIT)
    assert window.badge_timer.interval() == 60_000
    idle(qtbot)


def test_worklist_shows_the_sla_colour_and_working_days_left(qtbot, demo_logins):
    late = letter(days_ago=12)
    fresh = letter()
    window = MainWindow(auth.login("kabid", DEMO_PASSWORD))
    qtbot.addWidget(window)
    tab = window.tab_for("kabid_pelayanan")
    qtbot.waitUntil(lambda: tab.pending_count() == 2, timeout=WAIT)
    model = tab.worklist.model()
    rows = {model.item(r).ref_id: r for r in range(model.rowCount())}

    late_cell = model.index(rows[late], 3)
    assert model.data(late_cell, SLA_ROLE) == "terlambat"
    assert "terlambat" in model.data(late_cell) and "hari kerja" in model.data(late_cell)
    assert model.data(late_cell, Qt.ItemDataRole.BackgroundRole) == QColor(COLOURS["terlambat"][0])
    fresh_cell = model.index(rows[fresh], 3)
    assert model.data(fresh_cell, SLA_ROLE) == "tepat_waktu"
    days_left = model.item(rows[fresh]).days_left
    assert days_left >= 3 and f"sisa {days_left} hari kerja" in model.data(fresh_cell)
    assert rows[late] == 0  # the most urgent first
    idle(qtbot)


def test_double_click_on_a_row_opens_the_roles_form(qtbot, demo_logins):
    letter()
    window = MainWindow(auth.login("kabid", DEMO_PASSWORD))
    qtbot.addWidget(window)
    window.show()
    tab = window.tab_for("kabid_pelayanan")
    qtbot.waitUntil(lambda: tab.pending_count() == 1, timeout=WAIT)
    rect = tab.worklist.visualRect(tab.worklist.model().index(0, 1))
    qtbot.mouseClick(tab.worklist.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.worklist.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: tab.case is not None, timeout=WAIT)
    assert tab.pages.currentIndex() == 1
    qtbot.keyClick(tab.case_header.back_button, Qt.Key.Key_Escape)
    idle(qtbot)
