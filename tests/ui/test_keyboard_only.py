"""A whole SIJARLA case worked from the keyboard alone, through the real windows, on SQLite and PostgreSQL.

The front desk registers a letter asking for two services with their counts (Tab reaches each
count box once its service is ticked; the nagari is typed by name), the Kabid opens it from his
worklist, writes and signs the disposition (a wrong password first: the dialog stays open for
another try), the Kepala Dinas signs the Surat Tugas, and the team leader records three people.
Every input is a key event sent to the widget that has the keyboard focus, as a keyboard would;
an application-wide filter proves that no mouse event reached any widget. Only the team's
preparation checklist (not keyboard-specific) is ticked through the services.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.models import Disposition, IncomingLetter, RequestedService, ServiceRecord, SopCase
from desktop.services.demo.office import DEMO_PASSWORD
from desktop.services.security import auth
from desktop.services.sijarla import record_query
from desktop.services.sijarla import steps as sijarla
from desktop.ui.main_window import MainWindow
from desktop.ui.password_dialog import PasswordDialog

WAIT = 15_000
MOUSE = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
    }
)
PEOPLE = (
    ("1302101503800001", "Syamsul Bahri"),
    ("1302105708850002", "Rosnida"),
    ("1302102012900003", "Ahmad Fauzi"),
)
_WINDOWS: list[MainWindow] = []


class MouseWatch(QObject):
    """Counts every mouse button and wheel event any widget receives."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in MOUSE and watched.isWidgetType():
            self.seen.append(f"{event.type().name} on {type(watched).__name__}")
        return False


@pytest.fixture
def mouse_watch(qapp):
    watch = MouseWatch()
    qapp.installEventFilter(watch)
    yield watch
    qapp.removeEventFilter(watch)


@pytest.fixture(autouse=True)
def _windows():
    yield
    QThreadPool.globalInstance().waitForDone(10_000)
    _WINDOWS.clear()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key, to whatever has the focus."""
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def tab_to(qtbot, target: QWidget, limit: int = 60) -> None:
    """Tab until `target` (or a part of it) has the focus."""
    seen = []
    for _ in range(limit):
        widget = focused()
        if widget is target or target.isAncestorOf(widget):
            return
        seen.append(
            type(widget).__name__
            + ":"
            + (widget.text()[:10] if hasattr(widget, "text") and callable(widget.text) else "")
        )
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {type(target).__name__}; it went {seen[:20]}")


def desk(qtbot, username: str, role: str):
    window = MainWindow(auth.login(username, DEMO_PASSWORD))
    qtbot.addWidget(window)
    _WINDOWS.append(window)
    window.resize(1366, 705)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    tab = window.tab_for(role)
    qtbot.waitUntil(lambda: tab.loads_finished >= 1, timeout=WAIT)
    assert window.tab_widget.currentWidget() is tab  # the role's only SIJARLA tab comes first
    return window, tab


def down_to(qtbot, worklist, wanted) -> None:
    """Arrow down the worklist (which has the focus) to the wanted entry; Space selects the row the
    cursor is on when the table has the focus but nothing selected yet."""
    for _ in range(2 * worklist.model().rowCount() + 2):
        entry = worklist.current_entry()
        if entry is not None and wanted(entry):
            return
        press(qtbot, Qt.Key.Key_Space if entry is None else Qt.Key.Key_Down)
    rows = [worklist.model().item(r).number for r in range(worklist.model().rowCount())]
    raise AssertionError(f"the case is not in the worklist {rows}")


def sign_when_asked(qtbot, passwords: list[str], refusals: list[str]) -> None:
    """Answer the signing dialog (modal, so from a timer) by typing each password and Enter; after a
    refusal the dialog must still be open, with the message, for the next one."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PasswordDialog):
            QTimer.singleShot(50, answer)
            return
        try:
            qtbot.waitUntil(dialog.password_edit.hasFocus, timeout=WAIT)
            for attempt, password in enumerate(passwords):
                assert dialog.password_edit.hasFocus()
                type_text(qtbot, password)
                press(qtbot, Qt.Key.Key_Return)
                if attempt < len(passwords) - 1:
                    qtbot.waitUntil(lambda n=attempt: dialog.attempts == n + 1, timeout=WAIT)
                    assert dialog.isVisible()
                    refusals.append(dialog.banner.text())
                    qtbot.waitUntil(dialog.password_edit.isEnabled, timeout=WAIT)
        except BaseException:
            dialog.reject()
            raise

    QTimer.singleShot(50, answer)


def test_a_letter_is_registered_disposed_signed_and_served_without_the_mouse(qtbot, demo_logins, mouse_watch):
    # --- Front desk: the letter, two services with their counts ------------------------------------
    window, tab = desk(qtbot, "meja", "pengadministrasi_umum")
    form = tab.form
    qtbot.waitUntil(
        lambda: bool(form.category_boxes) and form.category_boxes["kia"][0].isVisible(), timeout=WAIT
    )
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert form.letter_number_edit.hasFocus()
    type_text(qtbot, "140/31/WN-SA/2026")
    press(qtbot, Qt.Key.Key_Tab)  # the letter's date: today, as it is
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.nagari_combo
    type_text(qtbot, "sulit air")  # typed as the clerk reads it, then Tab
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.sifat_combo
    press(qtbot, Qt.Key.Key_Down)  # Segera
    press(qtbot, Qt.Key.Key_Tab)
    assert form.sender_edit.hasFocus() and form.sender_edit.text() == "Wali Nagari Sulit Air"
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Permohonan pelayanan KTP-el dan KIA di Nagari Sulit Air")
    ktp, ktp_count = form.category_boxes["ktp_rekam"]
    kia, kia_count = form.category_boxes["kia"]
    tab_to(qtbot, ktp)
    press(qtbot, Qt.Key.Key_Space)  # ticked: the count box is next
    assert ktp.isChecked() and ktp_count.hasFocus()
    type_text(qtbot, "25")
    tab_to(qtbot, kia)
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Backtab)  # back to the box, then Tab reaches its count again
    assert kia.hasFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert kia_count.hasFocus()
    type_text(qtbot, "12")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.stack.currentWidget() is tab.receipt_panel, timeout=WAIT)
    letter = IncomingLetter.get()
    assert (letter.letter_number, letter.nagari.name, letter.sifat) == (
        "140/31/WN-SA/2026",
        "Sulit Air",
        "segera",
    )
    requested = {(r.category.code, r.estimated_count) for r in RequestedService.select()}
    assert requested == {("ktp_rekam", 25), ("kia", 12)}
    reference = SopCase.get_by_id(letter.case_id).reference
    window.close()

    # --- Kabid: open it from the worklist, write the disposition, sign (a wrong password first) ----
    window, tab = desk(qtbot, "kabid", "kabid_pelayanan")
    qtbot.waitUntil(lambda: tab.pending_count() > 0, timeout=WAIT)
    tab_to(qtbot, tab.worklist)
    down_to(qtbot, tab.worklist, lambda e: e.number == reference)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.case is not None and tab.form.instructions_edit.hasFocus(), timeout=WAIT)
    type_text(qtbot, "Tugaskan tim untuk pelayanan jemput bola; utamakan lansia.")
    refusals: list[str] = []
    sign_when_asked(qtbot, ["sandi-keliru", DEMO_PASSWORD], refusals)
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.form_stack.currentIndex() == 1, timeout=WAIT)
    assert refusals and "Sisa percobaan" in refusals[0]
    disposition = Disposition.get()
    assert disposition.signed_at is not None and disposition.instructions.startswith("Tugaskan tim")
    window.close()

    # --- Kepala Dinas: the Surat Tugas, signed from the keyboard -----------------------------------
    window, tab = desk(qtbot, "kadis", "kepala_dinas")
    qtbot.waitUntil(lambda: tab.pending_count() > 0, timeout=WAIT)
    tab_to(qtbot, tab.worklist)
    down_to(qtbot, tab.worklist, lambda e: e.number == reference)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.assignment is not None, timeout=WAIT)
    sign_when_asked(qtbot, [DEMO_PASSWORD], [])
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.issued is not None, timeout=WAIT)
    window.close()

    # --- The team: preparation (services), then three people typed into the grid ------------------
    leader = auth.login("ketua1", DEMO_PASSWORD)
    for item in record_query.preparation_checklist(leader, letter.case_id):
        sijarla.check_preparation(leader, letter.case_id, item.item, True, "", item.version)
    sijarla.finish_preparation(leader, letter.case_id, record_query.team_case(leader, letter.case_id).version)
    window, tab = desk(qtbot, "ketua1", "ketua_tim_sijarla")
    qtbot.waitUntil(lambda: any(e.ref_id == letter.case_id for e in tab.entries()), timeout=WAIT)
    tab_to(qtbot, tab.worklist)
    down_to(qtbot, tab.worklist, lambda e: e.ref_id == letter.case_id)
    press(qtbot, Qt.Key.Key_Return)  # Enter opens the case: the cursor goes to the NIK of a new row
    qtbot.waitUntil(
        lambda: tab.workspace.grid is not None and tab.workspace.grid.case is not None, timeout=WAIT
    )
    grid = tab.workspace.grid
    qtbot.waitUntil(lambda: not grid.model.is_loading(), timeout=WAIT)
    for count, (nik, name) in enumerate(PEOPLE, start=1):
        qtbot.waitUntil(grid.form.nik_edit.hasFocus, timeout=WAIT)
        type_text(qtbot, nik)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, name)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda n=count: grid.model.rowCount() == n, timeout=WAIT)
    records = ServiceRecord.select().where(ServiceRecord.case == letter.case_id)
    assert sorted((r.nik, r.full_name, r.nagari.name) for r in records) == sorted(
        (nik, name, "Sulit Air") for nik, name in PEOPLE
    )
    window.close()

    assert mouse_watch.seen == []
