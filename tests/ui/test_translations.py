"""Qt's own widgets speak Indonesian: the app installs desktop/resources/translations/qtbase_id.qm
whatever the system language is (Qt ships no Indonesian qtbase translation)."""

from __future__ import annotations

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

from desktop.app import create_application
from desktop.roles import ROLE_ORDER
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.security import auth
from desktop.services.session import Session
from desktop.ui.main_window import MainWindow


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


def test_every_text_the_window_asks_to_translate_is_in_the_catalogue(qtbot, demo_logins, translation_lookups):
    """A tr() of a text lupdate never saw (a constant not marked with QT_TRANSLATE_NOOP, a service's
    text) is looked up and never found: a translator could not reach it. Every tab of every role and
    the administrator's pages are built here, and what they ask for is looked up for real. (The SOP
    end-to-end tests check the same of every dialog they open.)"""
    admin = auth.login("admin", DEMO_PASSWORD)
    window = MainWindow(Session(admin.user_id, "admin", "Semua Peran", frozenset(ROLE_ORDER)))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for index in range(window.tab_widget.count()):
        window.tab_widget.setCurrentIndex(index)
        qtbot.wait(20)
    assert len(translation_lookups.reachable()) > 300, "the window was built under the recorder"
    assert translation_lookups.unreachable() == []
