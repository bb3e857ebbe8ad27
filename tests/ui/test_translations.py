"""Qt's own widgets speak Indonesian: the app installs desktop/resources/translations/qtbase_id.qm
whatever the system language is (Qt ships no Indonesian qtbase translation)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)

from desktop import config
from desktop.app import create_application
from desktop.services import auth
from desktop.services.demo import DEMO_PASSWORD
from desktop.services.roles import ROLE_ORDER
from desktop.services.session import Session
from desktop.ui.main_window import MainWindow

TRANSLATIONS = config.resource_dir() / "translations"


@pytest.fixture
def app(qapp, monkeypatch):
    """The app's QApplication set-up on an English system; its translators removed afterwards."""
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.English)))
    qapp.setProperty("dinas_desk_translator_loaded", False)
    before = set(qapp.findChildren(QTranslator))
    application = create_application()
    yield application
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    qapp.setProperty("dinas_desk_translator_loaded", False)


def texts(menu) -> list[str]:
    return [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]


def test_a_button_box_shows_batal_and_ok(app, qtbot):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Batal"
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "OK"


def test_message_box_buttons_are_ya_and_tidak(app, qtbot):
    box = QMessageBox(QMessageBox.Icon.Question, "Hapus", "Hapus baris ini?")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDetailedText("rincian")
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Yes).text() == "&Ya"
    assert box.button(QMessageBox.StandardButton.No).text() == "&Tidak"
    assert "Tampilkan Rincian..." in [b.text() for b in box.buttons()]


def test_text_field_context_menus_say_salin_and_tempel(app, qtbot):
    line = QLineEdit("140/27/WN-KB/2026")
    text = QPlainTextEdit("Tugaskan Tim SIJARLA I")
    for widget in (line, text):
        qtbot.addWidget(widget)
    line_menu = line.createStandardContextMenu()
    assert texts(line_menu) == [
        "&Batalkan",
        "&Ulangi",
        "P&otong",
        "&Salin",
        "&Tempel",
        "Hapus",
        "Pilih Semua",
    ]
    assert {"&Salin", "&Tempel", "Pilih Semua"} <= set(texts(text.createStandardContextMenu()))
    line_menu.deleteLater()


def test_the_file_dialog_speaks_indonesian(app, qtbot):
    dialog = QFileDialog(None, "Pilih berkas notulen")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    assert dialog.labelText(QFileDialog.DialogLabel.FileName) == "&Nama berkas:"
    assert dialog.labelText(QFileDialog.DialogLabel.FileType) == "&Jenis berkas:"
    assert dialog.labelText(QFileDialog.DialogLabel.LookIn) == "&Cari di:"
    assert dialog.labelText(QFileDialog.DialogLabel.Accept) == "&Buka"
    assert dialog.labelText(QFileDialog.DialogLabel.Reject) == "Batal"


def test_without_the_translator_qt_is_english(qtbot):
    """The assertions above are not vacuous: the same box reads Cancel without the app's set-up."""
    assert not QApplication.instance().property("dinas_desk_translator_loaded")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


class LookupRecorder(QTranslator):
    """Notes every (context, text) the running code asks Qt to translate, and translates nothing."""

    def __init__(self):
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        self.asked.add((context, source))
        return None  # not here: Qt asks the next translator

    def isEmpty(self) -> bool:
        return False


def catalogued(path: Path) -> set[tuple[str, str]]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_text_the_window_asks_to_translate_is_in_the_catalogue(qapp, qtbot, demo_logins):
    """A tr() of a text lupdate never saw (a constant not marked with QT_TRANSLATE_NOOP, a service's
    text) is looked up and never found: a translator could not reach it. Every tab of every role and
    the administrator's pages are built here, and what they ask for is looked up for real."""
    recorder = LookupRecorder()
    qapp.installTranslator(recorder)
    try:
        admin = auth.login("admin", DEMO_PASSWORD)
        everyone = Session(admin.user_id, "admin", "Semua Peran", frozenset(ROLE_ORDER))
        window = MainWindow(everyone)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        for index in range(window.tab_widget.count()):
            window.tab_widget.setCurrentIndex(index)
            qtbot.wait(20)
    finally:
        qapp.removeTranslator(recorder)
    # PySide's tr() asks under each class of the object's MRO in turn (OfficePage, AdminPage, QWidget
    # ...) until one translates: a text is reachable when one of the contexts it was asked under is
    # catalogued. Qt's own texts (contexts Q...) are qtbase_id.ts's business.
    ours = {(c, s) for c, s in recorder.asked if not c.startswith("Q")}
    catalogue = catalogued(TRANSLATIONS / "dinas_desk_id.ts")
    reachable = {s for c, s in ours if (c, s) in catalogue}
    assert len(reachable) > 300, "the window was built under the recorder"
    assert sorted({s for _, s in ours} - reachable) == []
