"""The SOP view: the matrix as the paper SOP draws it, and a case's current row highlighted with its
history beside it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool
from PySide6.QtGui import QColor

from desktop.services import workspace
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.errors import PermissionDenied
from desktop.services.inovasi import steps as inovasi
from desktop.services.security import auth
from desktop.services.sijarla import steps as sijarla
from desktop.services.sop import view as sop_view
from desktop.ui.inovasi.pelaksana_teknis import PelaksanaTeknisTab
from desktop.ui.sop.sop_matrix import CURRENT_BG, DONE_BG, SopMatrixWidget
from desktop.ui.sop.sop_view_dialog import SopViewDialog
from desktop.ui.sop.sop_view_panel import SopViewPanel
from tests.db.factories import letter_draft

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def drained(database, qtbot):
    yield
    QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.processEvents()


def login(username: str):
    return auth.login(username, DEMO_PASSWORD)


def innovation_at_kepala_dinas() -> inovasi.InnovationSummary:
    draft = inovasi.IdeaDraft("Pojok IKD", "IKD rendah.", "Warga", "1. Latih operator.")
    s = inovasi.propose_idea(login("kasi"), draft)
    return inovasi.review_by_kabid(login("kabidpdip"), s.id, "Layak.", True, s.case_version)


def show_case(qtbot, username: str, case_id: int) -> SopViewPanel:
    panel = SopViewPanel(login(username))
    qtbot.addWidget(panel)
    panel.resize(1240, 700)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.show_case(case_id)
    return panel


# --- The data ------------------------------------------------------------------------------------


def test_the_sijarla_matrix_keeps_the_papers_rows_and_outsider_columns(demo_logins):
    m = sop_view.sop_matrix("sijarla")
    assert [c.code for c in m.columns] == [
        "masyarakat",
        "wali_nagari",
        "disdukcapil",
        "tim_sijarla",
        "ketua_pelaksana_harian",
    ]
    assert [c.app_user for c in m.columns] == [False, False, True, True, True]
    assert [r.number for r in m.rows] == [1, 2, 3, 4, 5, 6]
    assert m.rows[0].marks[0].shape == "mulai" and m.rows[0].marks[0].text == "Mulai"
    assert m.rows[-1].marks[-1].shape == "selesai"  # the flow ends in the last column of the last row
    assert m.rows[3].steps == ("surat_tugas", "persiapan")  # two app steps on one paper row
    assert all(f.kind == "lanjut" for f in m.flows)


def test_the_inovasi_matrix_has_the_first_discussions_decision_and_its_return(demo_logins):
    m = sop_view.sop_matrix("inovasi")
    assert m.row(4).marks[0].shape == "keputusan"
    back = [f for f in m.flows if f.kind == "kembali"]
    assert [(f.from_row, f.to_row, f.label) for f in back] == [(4, 1, "Tidak")]
    step = m.step("pembahasan_awal")
    actions = {a.action: a for a in step.actions}
    assert actions["tidak"].goes_back and actions["tolak"].closes_as == "ditolak"
    assert actions["tolak"].roles == ("kepala_dinas",)
    assert m.row(8).time == "Jam kerja harian" and m.row(8).remarks.startswith("Inovasi bisa berkelanjutan")


def test_a_cases_position_is_only_for_those_in_its_sop(demo_logins):
    s = innovation_at_kepala_dinas()
    position = sop_view.case_position(login("kadis"), s.case_id)
    assert (position.current_row, position.current_step) == (3, "telaah_kepala_dinas")
    assert [h.step_code for h in position.history] == ["ide", "telaah_kabid"]
    assert position.done_rows == (1, 2)
    with pytest.raises(PermissionDenied):
        sop_view.case_position(login("admin"), s.case_id)
    with pytest.raises(PermissionDenied):
        sop_view.recent_cases(login("meja"), "inovasi")  # the front desk has no innovation step


# --- The widget ------------------------------------------------------------------------------------


def test_the_sop_view_highlights_the_current_row_of_an_innovation_case(qtbot, demo_logins):
    s = innovation_at_kepala_dinas()
    panel = show_case(qtbot, "kadis", s.case_id)
    assert panel.banner.text() == ""
    assert panel.matrix.highlighted_row() == 3
    assert panel.current_matrix().code == "inovasi"
    assert len(panel.history.lines) == 2
    assert "Penelaahan Kabid" in panel.history.lines[1].text()
    assert panel.case_combo.currentData() == s.case_id

    image = panel.matrix.render_image(1240)
    current = panel.matrix.row_rect(3)
    done = panel.matrix.row_rect(1)
    probe_x = int(current.left() + 3)  # inside the No cell, left of its number
    assert QColor(image.pixel(probe_x, int(current.bottom() - 4))) == CURRENT_BG
    assert QColor(image.pixel(probe_x, int(done.bottom() - 4))) == DONE_BG


def test_the_sop_view_follows_a_sijarla_case_through_its_paper_rows(qtbot, demo_logins):
    case = sijarla.register_letter(login("meja"), letter_draft())
    panel = show_case(qtbot, "kabid", case.case_id)
    assert panel.current_matrix().code == "sijarla"
    assert panel.matrix.highlighted_row() == 3  # the disposition is row 3 of the paper SOP
    assert panel.position().current_columns == ("disdukcapil",)
    assert "Registrasi Surat Permohonan" in panel.history.lines[0].text()


def test_choosing_no_case_shows_the_sop_alone(qtbot, demo_logins):
    s = innovation_at_kepala_dinas()
    panel = show_case(qtbot, "kasi", s.case_id)
    panel.case_combo.setCurrentIndex(panel.case_combo.findData(-1))
    assert panel.matrix.highlighted_row() is None
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.sop_combo.setCurrentIndex(panel.sop_combo.findData("sijarla"))
    assert panel.current_matrix().code == "sijarla" and panel.matrix.highlighted_row() is None


def test_lihat_sop_opens_from_a_role_tab(qtbot, demo_logins, monkeypatch):
    role = next(r for r in workspace.role_catalog() if r.code == "pelaksana_teknis")
    tab = PelaksanaTeknisTab(login("adb"), role)
    qtbot.addWidget(tab)
    opened: list[SopViewDialog] = []
    import desktop.ui.sop.sop_view_dialog as module

    original = module.open_sop_view
    monkeypatch.setattr(
        module, "open_sop_view", lambda *a, **k: opened.append(original(*a, **k)) or opened[-1]
    )
    qtbot.mouseClick(tab.sop_button, LEFT)
    assert len(opened) == 1
    dialog = opened[0]  # a child of the tab: it goes when the tab goes
    qtbot.waitUntil(lambda: dialog.panel.loads >= 1, timeout=10_000)
    assert dialog.panel.current_matrix().code == "inovasi"
    assert dialog.windowTitle() == "Lihat SOP"


def test_the_matrix_widget_draws_every_column_and_grows_to_its_rows(qtbot, demo_logins):
    widget = SopMatrixWidget()
    qtbot.addWidget(widget)
    widget.resize(1200, 400)
    widget.set_matrix(sop_view.sop_matrix("sijarla"))
    assert widget.minimumWidth() > 900 and widget.height() > 700
    widget.set_show_context(True)
    taller = widget.height()
    assert taller > 1000
    assert widget.row_rect(6).bottom() < taller
