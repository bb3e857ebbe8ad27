"""Ctrl+K finds a case by its agenda number; Enter opens the case file with its whole history."""

from __future__ import annotations

from PySide6.QtCore import Qt, QThreadPool

from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.search import SearchHit
from desktop.services.security import auth
from desktop.services.sijarla import service_records
from desktop.services.sijarla import steps as sijarla
from desktop.ui.main_window import MainWindow
from desktop.ui.sop.search_results import SearchResultsTableModel
from tests.db import factories
from tests.db.test_permissions import at_step, record_draft

WAIT = 15_000


def idle(qtbot) -> None:
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=WAIT)


def test_search_finds_a_case_by_agenda_number_and_opens_its_history(qtbot, demo_logins):
    receipt = sijarla.register_letter(factories.session("meja"), factories.letter_draft())
    window = MainWindow(auth.login("kabid", DEMO_PASSWORD))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)

    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.query_edit, receipt.agenda_number)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=WAIT)
    hits = [dialog.model.hit(r) for r in range(dialog.model.rowCount())]
    assert any(h.kind == "surat" and h.case_id == receipt.case_id for h in hits)

    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)
    detail = dialog.detail_dialog
    assert detail is not None
    qtbot.waitUntil(detail.loaded, timeout=WAIT)
    assert detail.title_label.text().startswith(receipt.case_reference)
    history = detail.history_model
    assert history.rowCount() == 1
    assert history.data(history.index(0, 1)) == "Registrasi Surat Permohonan"
    assert history.data(history.index(0, 3)) == "Yuliani Fitri, A.Md"
    assert history.data(history.index(0, 4)) == f"Agenda {receipt.agenda_number}"
    assert detail.facts["step"].text() == "Pemeriksaan dan Disposisi"
    assert detail.attachment_list.count() == 1
    assert detail.audit_model.rowCount() >= 3
    detail.close()
    idle(qtbot)


def test_typing_is_debounced_and_short_queries_do_not_search(qtbot, demo_logins):
    window = MainWindow(auth.login("meja", DEMO_PASSWORD))
    qtbot.addWidget(window)
    window.open_search()
    dialog = window.search_dialog
    qtbot.keyClicks(dialog.query_edit, "ko")
    qtbot.wait(400)
    assert dialog.searches_done == 0
    assert dialog.model.rowCount() == 0
    qtbot.keyClicks(dialog.query_edit, "to")
    qtbot.waitUntil(lambda: dialog.searches_done == 1, timeout=WAIT)
    assert dialog.status_label.text() == "Tidak ada yang cocok."
    window.open_search()  # Ctrl+F / Ctrl+K again: the same popup, text selected
    assert dialog.query_edit.selectedText() == "koto"
    idle(qtbot)


def test_search_results_model_passes_the_qt_model_tester(qtmodeltester):
    model = SearchResultsTableModel()
    model.set_hits(
        [
            SearchHit("kasus", 1, "SJL-2026-0001 Permohonan", "Koto Baru · disposisi"),
            SearchHit("penduduk", None, "Aisyah Koto (1302…)", "Jorong Koto"),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(1, 0)) == "Penduduk"


NIK = "1302104507510002"


def search_people(qtbot, username: str, text: str) -> list[str]:
    """What the search popup lists for `text`, as the given user sees it."""
    window = MainWindow(auth.login(username, DEMO_PASSWORD))
    qtbot.addWidget(window)
    window.open_search()
    dialog = window.search_dialog
    qtbot.keyClicks(dialog.query_edit, text)
    qtbot.waitUntil(lambda: dialog.searches_done == 1, timeout=WAIT)
    shown = [dialog.model.data(dialog.model.index(r, 1)) for r in range(dialog.model.rowCount())]
    idle(qtbot)
    return shown


def test_kabid_finds_a_person_by_full_nik_but_sees_it_masked(qtbot, demo_logins):
    case_id = at_step("pelayanan")
    service_records.add_record(factories.session("anggota1"), case_id, record_draft(NIK))
    shown = search_people(qtbot, "kabid", NIK)
    assert "Siti Rahmah (130210******0002)" in shown
    assert not any(NIK in text for text in shown)


def test_team_leader_sees_the_full_nik_of_the_own_teams_record(qtbot, demo_logins):
    case_id = at_step("pelayanan")
    service_records.add_record(factories.session("anggota1"), case_id, record_draft(NIK))
    assert f"Siti Rahmah ({NIK})" in search_people(qtbot, "ketua1", NIK)
