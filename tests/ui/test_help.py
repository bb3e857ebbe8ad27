"""F1 and 'Bantuan' open the user guide (docs/panduan) at the current tab's chapter, inside the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument

from desktop.roles import BUILTIN_ROLES
from desktop.services.session import Session
from desktop.ui import help_window
from desktop.ui.help_window import CHAPTERS, INDEX, HelpWindow, guide_folder
from desktop.ui.main_window import MainWindow
from tests.words import problems_in

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "panduan"


def heading(chapter: str) -> str:
    return (GUIDE / chapter).read_text(encoding="utf-8").splitlines()[0].removeprefix("# ").strip()


@pytest.fixture
def window(qtbot, demo_logins):
    session = Session(1, "semua", "Semua Peran", frozenset(r.code for r in BUILTIN_ROLES))
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def shown_help(window: MainWindow) -> HelpWindow:
    help_ = window.findChild(HelpWindow)
    assert help_ is not None and help_.isVisible()
    return help_


def test_f1_opens_each_role_tabs_own_chapter(qtbot, window):
    assert window.role_codes() == [r.code for r in BUILTIN_ROLES]
    for code in window.role_codes():
        window.tab_widget.setCurrentWidget(window.tab_for(code))
        qtbot.keyClick(window.tab_widget.currentWidget(), Qt.Key.Key_F1)
        help_ = shown_help(window)
        assert help_.chapter_title() == heading(CHAPTERS[code]), code
        assert help_.browser.source().fileName() == CHAPTERS[code]
        assert heading(CHAPTERS[code]) in help_.windowTitle()
    assert len(window.findChildren(HelpWindow)) == 1  # one help window, moved from chapter to chapter


def test_the_bantuan_button_opens_the_guide_too(qtbot, window):
    window.tab_widget.setCurrentWidget(window.tab_for("kepala_dinas"))
    qtbot.mouseClick(window.header.help_button, Qt.MouseButton.LeftButton)
    assert shown_help(window).chapter_title() == "Kepala Dinas"


def test_links_between_chapters_images_and_the_index_work(qtbot, window):
    window.tab_widget.setCurrentWidget(window.tab_for("pengadministrasi_umum"))
    window.open_help()
    help_ = shown_help(window)
    browser = help_.browser
    image = browser.loadResource(
        QTextDocument.ResourceType.ImageResource, QUrl("../screenshots/front-desk-1366.png")
    )
    assert image is not None and not image.isNull()  # the screenshot the chapter shows is found
    qtbot.mouseClick(help_.index_button, Qt.MouseButton.LeftButton)
    assert help_.chapter_title() == heading(INDEX)
    browser.setSource(QUrl("kabid-pelayanan.md"))  # a link of the index, relative as in the file
    assert help_.chapter_title() == heading("kabid-pelayanan.md")
    assert help_.back_button.isEnabled()
    qtbot.mouseClick(help_.back_button, Qt.MouseButton.LeftButton)
    assert help_.chapter_title() == heading(INDEX)


def test_every_chapter_exists_links_existing_files_and_reads_as_indonesian():
    assert guide_folder() == GUIDE
    chapters = sorted({INDEX, *CHAPTERS.values()})
    assert sorted(p.name for p in GUIDE.glob("*.md")) == chapters
    import re

    for chapter in chapters:
        text = (GUIDE / chapter).read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#]+)\)", text):
            assert (GUIDE / target).is_file(), f"{chapter} links {target}"
        headings = [line.lstrip("# ") for line in text.splitlines() if line.startswith("#")]
        assert problems_in({chapter: headings}) == []
    index = (GUIDE / INDEX).read_text(encoding="utf-8")
    assert all(f"]({name})" in index for name in chapters if name != INDEX)


def test_a_missing_guide_is_said_in_indonesian(qtbot, window, monkeypatch, tmp_path):
    told = []
    monkeypatch.setenv("DINAS_DESK_GUIDE_DIR", str(tmp_path / "tidak-ada"))
    monkeypatch.setattr(help_window, "guide_missing", lambda parent: told.append(parent))
    qtbot.keyClick(window.tab_widget.currentWidget(), Qt.Key.Key_F1)
    assert told == [window]
    assert window.findChild(HelpWindow) is None


def test_the_frozen_build_finds_the_guide_in_its_bundle(monkeypatch, tmp_path):
    bundle = tmp_path / "_internal"
    (bundle / "docs" / "panduan").mkdir(parents=True)
    (bundle / "docs" / "panduan" / INDEX).write_text("# Panduan\n", encoding="utf-8")
    monkeypatch.delenv("DINAS_DESK_GUIDE_DIR", raising=False)
    monkeypatch.setattr("sys._MEIPASS", str(bundle), raising=False)
    assert guide_folder() == bundle / "docs" / "panduan"


def test_the_installer_carries_the_guide_and_its_screenshots():
    """The spec's lines for the guide, run as PyInstaller runs them: every chapter and every
    screenshot a chapter shows go where guide_folder() looks in the bundle."""
    import re

    spec = (ROOT / "installer" / "dinas-desk.spec").read_text(encoding="utf-8")
    lines = spec[spec.index("GUIDE = ") : spec.index('datas += collect_data_files("escpos")')]
    scope = {"ROOT": ROOT, "re": re, "datas": []}
    exec(lines, scope)
    bundled = {(Path(source).name, folder) for source, folder in scope["datas"]}
    assert {(p.name, "docs/panduan") for p in GUIDE.glob("*.md")} <= bundled
    shown = {
        name
        for p in GUIDE.glob("*.md")
        for name in re.findall(r"\.\./screenshots/([\w.-]+)", p.read_text("utf-8"))
    }
    assert len(shown) > 10 and {(name, "docs/screenshots") for name in shown} <= bundled
