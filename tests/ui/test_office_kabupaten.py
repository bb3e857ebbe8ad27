"""Issue 15 item 11 on screen: the nagari picker and the SOP view follow the office's own kabupaten,
in a Solok office and in a Padang Pariaman office."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool

from desktop.models import Office
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.security import auth
from desktop.ui.main_window import MainWindow
from desktop.ui.sop.sop_view_panel import SopViewPanel

WAIT = 15_000
OFFICES = {
    "solok": ("13.02", "PEMERINTAH KABUPATEN SOLOK"),
    "padang_pariaman": ("13.05", "PEMERINTAH KABUPATEN PADANG PARIAMAN"),
}


@pytest.fixture(autouse=True)
def drained(qtbot):
    yield
    QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.processEvents()


def shot(widget, name: str) -> None:
    folder = os.environ.get("RULES_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / name))


def set_office(which: str) -> None:
    code, government = OFFICES[which]
    Office.update(kabupaten_code=code, government=government).execute()


def picker_labels(qtbot) -> list[str]:
    window = MainWindow(auth.login("meja", DEMO_PASSWORD))
    qtbot.addWidget(window)
    window.resize(1366, 705)
    window.show()
    tab = window.tab_for("pengadministrasi_umum")
    picker = tab.form.nagari_combo
    qtbot.waitUntil(lambda: tab.loads_finished >= 1 and picker.count() > 0, timeout=WAIT)
    return [picker.itemText(i) for i in range(picker.count())]


def test_the_front_desk_of_a_solok_office_is_offered_solok_nagari_only(qtbot, demo_logins):
    set_office("solok")
    labels = picker_labels(qtbot)
    assert len(labels) == 74
    assert "Sulit Air — X Koto Diatas" in labels
    assert not any(label.startswith("Lubuk Alung") for label in labels)


def test_the_front_desk_of_a_padang_pariaman_office_is_offered_its_own(qtbot, demo_logins):
    set_office("padang_pariaman")
    labels = picker_labels(qtbot)
    assert len(labels) == 103
    assert any(label.startswith("Lubuk Alung") for label in labels)
    assert "Sulit Air — X Koto Diatas" not in labels


def sop_panel(qtbot, code: str) -> SopViewPanel:
    panel = SopViewPanel(auth.login("kadis", DEMO_PASSWORD))
    qtbot.addWidget(panel)
    panel.resize(1366, 705)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=WAIT):
        panel.show_sop(code)
    return panel


def texts(panel: SopViewPanel) -> list[str]:
    return [cell.text for cell in panel.matrix._layout.cells]


@pytest.mark.parametrize(
    ("office", "code", "source"),
    [
        ("solok", "inovasi", "Kab. Padang Pariaman"),
        ("solok", "sijarla", "Kab. Solok"),
        ("padang_pariaman", "sijarla", "Kab. Solok"),
        ("padang_pariaman", "inovasi", "Kab. Padang Pariaman"),
    ],
)
def test_lihat_sop_is_headed_by_the_office_and_names_the_sops_source(
    qtbot, demo_logins, office, code, source
):
    set_office(office)
    panel = sop_panel(qtbot, code)
    cells = texts(panel)
    government = OFFICES[office][1]
    assert any(t.startswith(government + "\n") for t in cells), cells[:12]
    others = [g for k, (_, g) in OFFICES.items() if k != office]
    assert not any(t.startswith(g) for t in cells for g in others)
    [line] = [t for t in cells if t.startswith("Sumber: SOP ")]
    assert source in line and panel.current_matrix().number in line and "tanggal" in line
    shot(panel, f"sop-{code}-{office}.png")
