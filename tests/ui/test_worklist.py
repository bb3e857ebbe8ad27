"""The worklist table model and its empty state."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt

from desktop.services.workspace import WorkItem
from desktop.ui.qtmodels.worklist import WorklistTableModel
from desktop.ui.widgets.worklist_view import WorklistView

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
