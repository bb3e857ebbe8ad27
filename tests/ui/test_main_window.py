"""The main window: one tab per role held, in SOP order, with the user and the database shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt

from desktop import config
from desktop.roles import BUILTIN_ROLES, ROLE_ORDER
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.security import auth
from desktop.services.session import Session
from desktop.ui import settings
from desktop.ui.main_window import MainWindow
from desktop.ui.tabs import registered_tabs


def open_window(qtbot, username: str) -> MainWindow:
    window = MainWindow(auth.login(username, DEMO_PASSWORD))
    qtbot.addWidget(window)
    return window


def test_kadis_sees_his_two_roles_as_tabs_in_sop_order(qtbot, demo_logins):
    window = open_window(qtbot, "kadis")

    assert window.role_codes() == ["kepala_dinas", "pejabat_struktural"]
    assert window.tab_titles() == ["Kepala Dinas", "Pejabat Struktural"]
    assert window.windowTitle() == "Dinas Desk — Disdukcapil Kabupaten Solok"
    assert window.header.name_label.text() == "Hendri Yusman, S.STP, M.Si"
    assert window.header.jabatan_label.text() == "Kepala Dinas Kependudukan dan Pencatatan Sipil"


def test_admin_sees_the_administrator_tab(qtbot, demo_logins):
    window = open_window(qtbot, "admin")

    assert window.tab_titles() == ["Administrator"]
    tab = window.tab_for("administrator")
    assert tab is not None
    assert tab.duties()[0] == "Mengelola akun pengguna, peran, dan kata sandi."


def test_a_user_holding_every_role_gets_every_tab_in_sop_order(qtbot, demo_logins):
    codes = [r.code for r in BUILTIN_ROLES]
    session = Session(1, "semua", "Semua Peran", frozenset(reversed(codes)))
    window = MainWindow(session)
    qtbot.addWidget(window)

    assert window.role_codes() == sorted(codes, key=ROLE_ORDER.__getitem__)
    assert window.tab_titles() == [r.name for r in BUILTIN_ROLES]


def test_every_builtin_role_has_a_registered_tab(demo_logins):
    assert set(registered_tabs()) == set(ROLE_ORDER)


def test_role_tab_starts_with_an_empty_worklist_and_says_so(qtbot, demo_logins):
    window = open_window(qtbot, "meja")
    window.show()
    tab = window.tab_for("pengadministrasi_umum")

    assert tab.pending_count() == 0
    assert tab.worklist.empty_state.isVisible()
    assert tab.worklist.empty_state.title_label.text() == "Belum ada pekerjaan"
    model = tab.worklist.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Nomor", "Perihal", "Nagari", "Tenggat", "Status"]


def test_badge_appends_the_count_and_clears_at_zero(qtbot, demo_logins):
    window = open_window(qtbot, "kadis")

    window.set_badge("pejabat_struktural", 3)
    assert window.tab_titles() == ["Kepala Dinas", "Pejabat Struktural (3)"]
    window.set_badge("pejabat_struktural", 0)
    assert window.tab_titles() == ["Kepala Dinas", "Pejabat Struktural"]
    window.set_badge("administrator", 5)  # a role this user does not hold: nothing happens
    assert window.tab_titles() == ["Kepala Dinas", "Pejabat Struktural"]


def test_status_bar_names_the_database(qtbot, demo_logins, backend):
    window = open_window(qtbot, "admin")
    text = window.database_label.text()
    assert ("SQLite" if backend == "sqlite" else "PostgreSQL") in text
    assert "skema v" in text


def test_keluar_emits_logged_out_and_closes(qtbot, demo_logins):
    window = open_window(qtbot, "kabid")
    window.show()
    with qtbot.waitSignal(window.logged_out):
        qtbot.mouseClick(window.header.log_out_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()


def test_window_geometry_is_remembered_per_user_in_the_data_folder(qtbot, demo_logins, monkeypatch):
    first = open_window(qtbot, "kasi")
    first.show()
    first.resize(QSize(1010, 690))
    saved = first.saveGeometry()
    first.close()

    restored = []
    original = MainWindow.restoreGeometry
    monkeypatch.setattr(
        MainWindow, "restoreGeometry", lambda self, g: restored.append(g) or original(self, g)
    )
    open_window(qtbot, "kasi")
    open_window(qtbot, "adb")

    assert restored == [saved]  # kasi's own geometry, nothing for adb who never closed a window
    assert settings.load_window_state("adb") == (None, None)
    ini = Path(settings.ui_settings().fileName())
    assert ini.parent == config.data_dir()
    assert "kasi\\main_window\\geometry=@ByteArray(" in ini.read_text()


def test_a_tab_is_built_when_first_shown_and_keeps_its_badge_and_keyboard(qtbot, demo_logins):
    from desktop.ui.main_window import TabPlaceholder
    from desktop.ui.sop.role_tab import RoleTab

    window = open_window(qtbot, "kadis")
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=15_000)
    tabs = window.tab_widget
    assert isinstance(tabs.widget(0), RoleTab) and tabs.widget(0).role_code == "kepala_dinas"
    assert isinstance(tabs.widget(1), TabPlaceholder)  # not shown yet: not built
    window.set_badge("pejabat_struktural", 2)

    tabs.tabBar().setFocus()
    assert tabs.tabBar().hasFocus()
    qtbot.keyClick(tabs.tabBar(), Qt.Key.Key_Right)  # to the second tab with the keyboard
    built = tabs.widget(1)
    assert isinstance(built, RoleTab) and built.role_code == "pejabat_struktural"
    assert tabs.currentWidget() is built and window.tab_for("pejabat_struktural") is built
    assert window.tab_titles() == ["Kepala Dinas", "Pejabat Struktural (2)"]
    assert tabs.tabToolTip(1) == "Peserta rapat pembahasan dan persetujuan inovasi"
    assert tabs.tabBar().hasFocus()
    qtbot.keyClick(tabs.tabBar(), Qt.Key.Key_Left)
    assert tabs.currentIndex() == 0 and tabs.widget(1) is built  # built once
    qtbot.waitUntil(lambda: built.loads_finished > 0, timeout=15_000)


def test_badges_of_tabs_not_built_yet_are_counted_in_the_background(qtbot, demo_logins):
    from desktop.services.sijarla import steps as sijarla
    from tests.db import factories

    sijarla.register_letter(factories.session("meja"), factories.letter_draft())
    window = open_window(qtbot, "kabid")  # never shown: no tab built
    qtbot.waitUntil(lambda: window.tab_titles()[0].endswith("(1)"), timeout=15_000)
    assert window.tab_titles() == ["Kabid Pelayanan Pendaftaran Penduduk (1)", "Pejabat Struktural"]
    assert window._tabs == {}
