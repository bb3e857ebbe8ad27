"""UI fixtures: the demo office and its staff in the fresh database of each test."""

from __future__ import annotations

import gc
from functools import cache

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QStyleFactory

from desktop import config
from desktop.services.demo.office import DemoLogin, create_office, create_people
from desktop.services.office.reference_defaults import ensure_reference_data
from desktop.ui.common.unsaved import DiscardQuestion
from tests.catalogues import messages


@pytest.fixture
def demo_logins(database: str) -> list[DemoLogin]:
    """Reference data, the demo office and one account per role (no cases: fast)."""
    ensure_reference_data()
    create_office()
    return create_people()


@pytest.fixture(autouse=True)
def discard_questions(monkeypatch) -> list[list[str]]:
    """The 'Isian belum disimpan' question answers 'Buang isian' and notes what it listed: a test that
    leaves typed text in a form ends by closing its window, and a modal question would wait forever.
    The tests of that question replace this answer with their own."""
    asked: list[list[str]] = []

    def answer(cls, parent, items):
        asked.append(list(items))
        return True

    monkeypatch.setattr(DiscardQuestion, "ask", classmethod(answer))
    return asked


@pytest.fixture(autouse=True)
def _garbage_collected_on_the_test_thread():
    """No cycle collection on a worker thread while a UI test runs (it would destroy Qt objects there).

    The app does the same: automatic collection off, collected on the UI thread (desktop/app.py).
    """
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.enable()


@pytest.fixture(autouse=True)
def _app_start_up_undone_after_the_test(qapp: QApplication):
    """A test that runs the app's start-up (desktop.app.create_application) leaves no translator, theme
    or default locale behind: the next test in the process sees the same fonts and sizes whatever ran
    before it (a column width measured under the theme's font is not the one under Qt's default)."""
    before = set(qapp.findChildren(QTranslator))
    loaded = qapp.property("dinas_desk_translator_loaded")
    style, palette, font, sheet = qapp.style().name(), qapp.palette(), qapp.font(), qapp.styleSheet()
    locale = QLocale()
    yield
    QLocale.setDefault(locale)
    if qapp.styleSheet() != sheet:
        qapp.setStyleSheet(sheet)
    if qapp.style().name() != style:
        qapp.setStyle(QStyleFactory.create(style))
    qapp.setPalette(palette)
    qapp.setFont(font)
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    qapp.setProperty("dinas_desk_translator_loaded", loaded)


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

    def reachable(self) -> set[str]:
        """The texts asked for that the app's catalogue holds under one of the contexts asked.

        PySide's tr() asks under each class of the object's MRO in turn (OfficePage, AdminPage,
        QWidget ...) until one translates, so a text is reachable when one of them is catalogued.
        """
        return {source for context, source in self.asked if (context, source) in app_catalogue()}

    def unreachable(self) -> list[str]:
        """Texts asked for that no translator could answer: lupdate never saw them. Qt's own
        (contexts Q...) are qtbase_id.ts's business."""
        ours = {source for context, source in self.asked if not context.startswith("Q")}
        return sorted(ours - self.reachable())


@cache
def app_catalogue() -> frozenset[tuple[str, str]]:
    return frozenset(messages(config.resource_dir() / "translations" / "dinas_desk_id.ts"))


@pytest.fixture
def translation_lookups(qapp: QApplication):
    """Every text the test's windows and dialogs ask Qt to translate, checked with `.unreachable()`."""
    recorder = LookupRecorder()
    qapp.installTranslator(recorder)
    yield recorder
    qapp.removeTranslator(recorder)
