"""The worklist table model and its empty state."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt

from desktop.services.workspace import WorkItem
from desktop.ui.sop.worklist import WorklistTableModel
from desktop.ui.sop.worklist_view import WorklistView

ITEMS = [
    WorkItem("SJL-2025-0001", "Perekaman KTP-el lansia", "Lolo", dt.date(2025, 8, 4), "Menunggu disposisi"),
    WorkItem("SJL-2025-0002", "Akta kelahiran", "Surian", None, "Persiapan"),
]


def test_worklist_model_passes_the_qt_model_tester(qtmodeltester):
    model = WorklistTableModel()
    model.set_items(ITEMS)
    qtmodeltester.check(model, force_py=True)


def test_worklist_model_shows_the_deadline_in_indonesian(qapp):
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    try:
        model = WorklistTableModel()
        model.set_items(ITEMS)
        assert model.data(model.index(0, 0)) == "SJL-2025-0001"
        assert model.data(model.index(0, 3)) == "4 Agu 2025"
        assert model.data(model.index(1, 3)) == "-"
    finally:
        QLocale.setDefault(previous)


def test_empty_state_shows_only_while_the_list_is_empty(qtbot):
    view = WorklistView("Belum ada pekerjaan", "Tidak ada yang menunggu.")
    qtbot.addWidget(view)
    view.show()
    assert view.empty_state.isVisible()

    view.worklist_model().set_items(ITEMS)
    assert not view.empty_state.isVisible()
    assert view.model().rowCount() == 2

    view.worklist_model().set_items([])
    assert view.empty_state.isVisible()
    assert view.empty_state.geometry() == view.viewport().rect()
    assert view.horizontalHeader().isVisible()
    assert view.model().headerData(1, Qt.Orientation.Horizontal) == "Perihal"


def test_a_narrow_worklist_gives_perihal_the_room_and_a_wide_one_its_set_widths(qtbot):
    view = WorklistView("Belum ada pekerjaan", "Tidak ada yang menunggu.")
    qtbot.addWidget(view)
    view.worklist_model().set_items(ITEMS)
    for column in (2, 3):  # as the recap side panel shows it: Nomor, Perihal, Status
        view.setColumnHidden(column, True)
    view.resize(360, 300)
    view.show()
    qtbot.waitExposed(view)
    # The set widths (140 + 200) would leave Perihal 18 px; shrunk to their content they leave it the
    # rest. Compared with the content, not with fixed pixels: the font is the theme's when another test
    # in this process started the app, Qt's default otherwise.
    qtbot.waitUntil(lambda: view.columnWidth(0) < 140 and view.columnWidth(4) < 200, timeout=5000)
    header = view.horizontalHeader()
    for column in (0, 4):
        assert view.columnWidth(column) <= max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
    assert view.columnWidth(1) == view.viewport().width() - view.columnWidth(0) - view.columnWidth(4)
    assert view.columnWidth(1) > view.viewport().width() - 340

    view.resize(1100, 300)
    qtbot.waitUntil(lambda: view.columnWidth(4) == 200 and view.columnWidth(0) == 140, timeout=5000)
    view.setColumnWidth(4, 260)  # the user drags Status wider: kept while the list stays wide
    view.resize(1150, 300)
    qtbot.wait(50)
    assert view.columnWidth(4) == 260
