"""Kejar bola offline through the real windows: a case taken out, worked on a laptop with no office
database, brought back and its conflict resolved, from the keyboard wherever a user would use it.

The office is a SQLite file (field packages are SQLite themselves; the services' own tests run
both backends). While the laptop works, the office file is moved away: nothing can reach it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop import app, roles
from desktop.models import ServiceRecord, connection
from desktop.services.demo.accounts import DEMO_PASSWORD
from desktop.services.field import mode
from desktop.services.security import auth
from desktop.services.sijarla import service_records
from desktop.ui.field import record_delete
from desktop.ui.field.conflicts_dialog import ConflictsDialog
from desktop.ui.field.open_package_dialog import OpenPackageDialog
from desktop.ui.field.return_dialog import PackageFileDialog, ReturnDialog
from desktop.ui.field.take_out_dialog import TakeOutDialog
from desktop.ui.login_dialog import LoginDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.sijarla import records_grid
from tests.db.factories import session
from tests.db.field_case import PASSPHRASE, case_in_service, record
from tests.ui.test_keyboard_only import press, tab_to, type_text

SQLITE = pytest.mark.parametrize("backend_url", ["sqlite"], indirect=True)  # packages are SQLite

WAIT = 15_000
SHOTS = Path(os.environ["DINAS_DESK_SHOTS"]) if os.environ.get("DINAS_DESK_SHOTS") else None
PEOPLE = (
    ("1302101503800001", "Syamsul Bahri"),
    ("1302105708850002", "Rosnida"),
    ("1302102012900003", "Ahmad Fauzi"),
)
SITI_NIK = "1302034507510002"
_WINDOWS: list[QWidget] = []


@pytest.fixture(autouse=True)
def _windows():
    yield
    QThreadPool.globalInstance().waitForDone(10_000)
    _WINDOWS.clear()
    mode.close()


def alt(qtbot, letter: str) -> None:
    press(qtbot, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)


def modal(qtbot, kind: type) -> QWidget:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=WAIT)
    return QApplication.activeModalWidget()


def when_shown(qtbot, kind: type, answer) -> None:
    """Answer a modal dialog of `kind` (from a timer: exec() holds the test until it closes)."""

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(50, check)
            return
        try:
            qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT)
            answer(dialog)
        except BaseException:
            dialog.done(0)
            raise

    QTimer.singleShot(50, check)


def shot(widget: QWidget, name: str) -> None:
    """A screenshot to look at, when DINAS_DESK_SHOTS names a folder."""
    if SHOTS is None:
        return
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def open_window(qtbot, user, role: str):
    window = MainWindow(user)
    qtbot.addWidget(window)
    _WINDOWS.append(window)
    window.resize(1366, 705)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    tab = window.tab_for(role)
    qtbot.waitUntil(lambda: tab.loads_finished >= 1, timeout=WAIT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=WAIT)
    return window, tab


def open_case_by_keyboard(qtbot, tab, case_id: int) -> None:
    tab_to(qtbot, tab.worklist, limit=80)
    for _ in range(10):
        entry = tab.worklist.current_entry()
        if entry is not None and entry.ref_id == case_id:
            break
        press(qtbot, Qt.Key.Key_Space if entry is None else Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.workspace.case is not None and tab.workspace.case.id == case_id, timeout=WAIT)


class OfficeDown:
    """The office's SQLite file moved away: the laptop cannot reach it whatever it tries."""

    def __init__(self, url: str):
        self.url, self.path = url, Path(urlsplit(url).path)
        self.away = self.path.with_name(self.path.name + ".pergi")

    def __enter__(self):
        connection.close()
        shutil.move(self.path, self.away)
        return self

    def __exit__(self, *exc) -> None:
        shutil.move(self.away, self.path)
        connection.initialize(self.url)


# --- At the office: the leader takes the case out ----------------------------------------------------


def take_out(qtbot, case_id: int, folder: Path) -> list[Path]:
    window, tab = open_window(qtbot, auth.login("ketua1", DEMO_PASSWORD), roles.KETUA_TIM)
    open_case_by_keyboard(qtbot, tab, case_id)
    bar = tab.workspace.field_bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.take_button.isEnabled(), timeout=WAIT)
    assert not bar.marker.isVisible()  # nothing out yet
    written: list[Path] = []

    def answer(dialog: TakeOutDialog) -> None:
        assert dialog.laptop_list.hasFocus() and dialog.laptops() == ["Laptop 1"]
        alt(qtbot, "t")  # Tambah laptop: "Laptop 2", its name open for typing
        qtbot.waitUntil(lambda: dialog.laptop_list.count() == 2, timeout=WAIT)
        press(qtbot, Qt.Key.Key_Return)
        assert dialog.laptops() == ["Laptop 1", "Laptop 2"]
        alt(qtbot, "k")
        assert dialog.passphrase_edit.hasFocus()
        type_text(qtbot, PASSPHRASE)
        alt(qtbot, "u")
        type_text(qtbot, PASSPHRASE + "x")  # a slip: the two do not match
        alt(qtbot, "o")
        assert dialog.folder_edit.hasFocus()
        press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, str(folder))
        shot(dialog, "take_out")
        press(qtbot, Qt.Key.Key_Return)
        assert "tidak sama" in dialog.banner.text() and dialog.confirm_edit.hasFocus()
        assert dialog.passphrase_edit.text() == PASSPHRASE  # nothing typed is lost
        press(qtbot, Qt.Key.Key_End)
        press(qtbot, Qt.Key.Key_Backspace)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=WAIT)
        assert "Salin setiap berkas ke laptopnya" in dialog.files_label.text()
        written.extend(t.path for t in dialog.taken)
        shot(dialog, "take_out_done")
        press(qtbot, Qt.Key.Key_Return)  # Tutup

    when_shown(qtbot, TakeOutDialog, answer)
    tab_to(qtbot, bar.take_button, limit=80)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(written) == 2, timeout=WAIT)
    qtbot.waitUntil(bar.marker.isVisible, timeout=WAIT)
    marker = bar.marker.text()
    assert marker.startswith("Kasus ini sedang dibawa ke lapangan (Laptop 1, Laptop 2) sejak ")
    assert "Data yang dicatat di lapangan akan masuk saat paket dikembalikan." in marker
    assert not bar.take_button.isEnabled() or bar.take_button.isEnabled()  # the service decides
    shot(window, "office_marker")
    tab.pages.setCurrentIndex(1)  # all the team's records: the same marker, with the case's number
    assert tab.field_marker.isVisible()
    assert tab.field_marker.text() == f"{tab.workspace.case.reference}: {marker}"
    window.close()
    return written


# --- On the laptop: the package opened with no office database, three people recorded --------------


def work_in_the_field(qtbot, monkeypatch, package_path: Path, case_id: int) -> dict:
    seen: dict = {}

    def passphrase(dialog: OpenPackageDialog) -> None:
        assert dialog.header is not None and dialog.header.laptop == "Laptop 1"
        assert dialog.passphrase_edit.hasFocus()
        type_text(qtbot, "bukan kata sandinya")
        press(qtbot, Qt.Key.Key_Return)
        assert "Kata sandi paket salah" in dialog.error_text() and dialog.isVisible()
        shot(dialog, "open_package_refused")
        type_text(qtbot, PASSPHRASE)
        press(qtbot, Qt.Key.Key_Return)

    def log_in(dialog: LoginDialog) -> None:
        assert dialog.field_label.text().startswith("Mode lapangan: ")
        assert dialog.username_edit.hasFocus()
        type_text(qtbot, "anggota1")
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, DEMO_PASSWORD)
        press(qtbot, Qt.Key.Key_Return)

    def work(_app, user) -> tuple[int, bool]:
        window, tab = open_window(qtbot, user, roles.ANGGOTA_TIM)
        seen["banner"] = window.field_banner.text()
        seen["roles"] = window.role_codes()
        open_case_by_keyboard(qtbot, tab, case_id)
        assert tab.workspace.field_bar.isHidden()  # on the laptop the package is the field
        grid = tab.workspace.grid
        qtbot.waitUntil(lambda: not grid.model.is_loading() and grid.model.rowCount() == 2, timeout=WAIT)
        for count, (nik, name) in enumerate(PEOPLE, start=3):
            qtbot.waitUntil(grid.form.nik_edit.hasFocus, timeout=WAIT)
            type_text(qtbot, nik)
            press(qtbot, Qt.Key.Key_Tab)
            type_text(qtbot, name)
            press(qtbot, Qt.Key.Key_Return)
            qtbot.waitUntil(
                lambda n=count: grid.model.rowCount() == n and not grid.model.is_loading(), timeout=WAIT
            )
        edit_by_keyboard(qtbot, grid, "Rosnida", "Rosnida Yusuf")
        edit_by_keyboard(qtbot, grid, "Siti Rahmah", "Siti Rahmah Binti Ali")  # also changed at the office
        delete_by_keyboard(qtbot, monkeypatch, grid)
        shot(window, "field_window")
        window.close()  # seals the package and leaves field mode
        seen["closed"] = not mode.is_field_mode()
        return 0, False

    monkeypatch.delenv("DINAS_DESK_DB_URL", raising=False)
    monkeypatch.setattr(app, "_work", work)
    when_shown(qtbot, OpenPackageDialog, passphrase)
    QTimer.singleShot(0, lambda: when_shown(qtbot, LoginDialog, log_in))
    assert app.run_field(package_path) == 0
    return seen


def select_row(qtbot, grid, name: str) -> None:
    grid.table.setFocus()
    for row in range(grid.model.rowCount()):
        if grid.model.record(row).full_name == name:
            grid.table.setCurrentIndex(grid.model.index(row, 2))
            return
    raise AssertionError(f"{name} is not in the grid")


def edit_by_keyboard(qtbot, grid, name: str, new_name: str) -> None:
    select_row(qtbot, grid, name)
    press(qtbot, Qt.Key.Key_Return)  # the row opens in the entry line, the cursor in Nama
    qtbot.waitUntil(lambda: grid.form.editing is not None and grid.form.name_edit.hasFocus(), timeout=WAIT)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, new_name)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.form.editing is None and not grid.model.is_loading(), timeout=WAIT)
    qtbot.waitUntil(
        lambda: any(grid.model.record(r).full_name == new_name for r in range(grid.model.rowCount())),
        timeout=WAIT,
    )


def delete_by_keyboard(qtbot, monkeypatch, grid) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        record_delete.DeleteQuestion, "ask", classmethod(lambda c, p, n: asked.append(n) or True)
    )
    select_row(qtbot, grid, "Siti Rahmah Binti Ali")  # came from the office: refused
    press(qtbot, Qt.Key.Key_Delete)
    assert "hanya dapat dihapus" in grid.banner.text()
    qtbot.waitUntil(lambda: grid.form.nik_edit.isEnabled(), timeout=WAIT)
    grid.form.nik_edit.setFocus()
    type_text(qtbot, "1302101503800099")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Salah Ketik")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.model.rowCount() == 6 and not grid.model.is_loading(), timeout=WAIT)
    select_row(qtbot, grid, "Salah Ketik")
    press(qtbot, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: grid.model.rowCount() == 5 and not grid.model.is_loading(), timeout=WAIT)
    assert asked == ["Siti Rahmah Binti Ali", "Salah Ketik"]
    assert "dihapus" in grid.banner.text()


# --- Back at the office: the package merged, the conflict resolved ------------------------------------


def bring_back(qtbot, monkeypatch, case_id: int, package_path: Path, laptop_two: Path) -> dict:
    seen: dict = {}
    window, tab = open_window(qtbot, auth.login("ketua1", DEMO_PASSWORD), roles.KETUA_TIM)
    open_case_by_keyboard(qtbot, tab, case_id)
    bar = tab.workspace.field_bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.marker.isVisible(), timeout=WAIT)
    monkeypatch.setattr(PackageFileDialog, "ask", classmethod(lambda cls, parent: package_path))

    def merge(dialog: ReturnDialog) -> None:
        assert dialog.preview is not None
        seen["new"] = dialog.values["new"].text()
        seen["laptop"] = dialog.values["laptop"].text()
        assert dialog.merge_button.hasFocus()
        shot(dialog, "return_preview")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=WAIT)
        seen["summary"] = dialog.summary_label.text()
        shot(dialog, "return_result")
        press(qtbot, Qt.Key.Key_Return)  # Tutup
        when_shown(qtbot, ConflictsDialog, resolve)

    def resolve(dialog: ConflictsDialog) -> None:
        seen["rows"] = [
            tuple(dialog.table.item(r, c).text() for c in range(3)) for r in range(dialog.table.rowCount())
        ]
        seen["differing"] = dialog.differing_rows()
        seen["title"] = dialog.title_label.text()
        shot(dialog, "conflicts")
        alt(qtbot, "l")  # Pakai versi lapangan (a mnemonic clicks after the button's animation)
        qtbot.waitUntil(lambda: not dialog.items, timeout=WAIT)
        seen["after"] = dialog.title_label.text()
        press(qtbot, Qt.Key.Key_Escape)

    when_shown(qtbot, ReturnDialog, merge)
    tab_to(qtbot, bar.return_button, limit=80)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "after" in seen, timeout=WAIT)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=WAIT)
    seen["conflicts_button"] = bar.conflicts_button.text()
    seen["marker"] = bar.marker.text()
    seen["report_after_one"] = bar.report_button.isVisible()  # Laptop 2 is still out
    seen["note_after_one"] = bar.note.text()

    # The second laptop's package (nothing recorded on it) comes back too: now the report may go.
    monkeypatch.setattr(PackageFileDialog, "ask", classmethod(lambda cls, parent: laptop_two))

    def merge_empty(dialog: ReturnDialog) -> None:
        assert dialog.values["laptop"].text() == "Laptop 2"
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=WAIT)
        press(qtbot, Qt.Key.Key_Return)

    when_shown(qtbot, ReturnDialog, merge_empty)
    # The offscreen platform gives the activation back to no window after nested dialogs (Windows
    # gives it to the main window): the window's focus widget is what the user would have.
    window.activateWindow()
    qtbot.waitUntil(bar.return_button.hasFocus, timeout=WAIT)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(bar.report_button.isVisible, timeout=WAIT)
    assert window.focusWidget() is bar.report_button  # the next step, under the keyboard
    window.activateWindow()
    qtbot.waitUntil(bar.report_button.hasFocus, timeout=WAIT)
    seen["report_offered"] = bar.report_button.isVisible()
    reports: list[str] = []
    monkeypatch.setattr(
        records_grid.ReportDialog,
        "ask",
        classmethod(lambda cls, parent, case, totals, submit, **draft: reports.append(case.reference)),
    )
    press(qtbot, Qt.Key.Key_Space)  # Ajukan laporan: the team's own report form
    seen["report_form"] = reports
    seen["marker_at_last"] = bar.marker.isVisible()
    grid = tab.workspace.grid
    qtbot.waitUntil(lambda: not grid.model.is_loading() and grid.model.rowCount() == 5, timeout=WAIT)
    seen["grid"] = sorted(grid.model.record(r).full_name for r in range(grid.model.rowCount()))
    window.close()
    return seen


@SQLITE
def test_a_case_goes_to_the_field_is_recorded_offline_and_comes_back(qtbot, monkeypatch, database, tmp_path):
    case_id = case_in_service()
    folder = tmp_path / "paket"
    folder.mkdir()
    packages = take_out(qtbot, case_id, folder)
    assert [p.name.endswith(".ddlapangan") for p in packages] == [True, True]
    laptop_one = next(p for p in packages if "Laptop-1" in p.name)

    with OfficeDown(database):
        seen = work_in_the_field(qtbot, monkeypatch, laptop_one, case_id)
    assert seen["banner"].startswith("Mode lapangan: ") and "oleh " in seen["banner"]
    assert seen["roles"] == [roles.ANGGOTA_TIM]
    assert seen["closed"]

    # Meanwhile at the office: the same record changed (a conflict for the leader to settle).
    siti = ServiceRecord.get(ServiceRecord.full_name == "Siti Rahmah")
    service_records.update_record(
        session("ketua1"), siti.id, record(SITI_NIK, "Siti Rahmah (kantor)"), siti.version
    )

    laptop_two = next(p for p in packages if "Laptop-2" in p.name)
    back = bring_back(qtbot, monkeypatch, case_id, laptop_one, laptop_two)
    assert back["laptop"] == "Laptop 1"
    assert back["new"].startswith("3 data baru")
    assert "Ditambahkan: 3 data" in back["summary"] and "Konflik: 1" in back["summary"]
    assert ("Nama", "Siti Rahmah (kantor)", "Siti Rahmah Binti Ali") in back["rows"]
    assert "Nama" in back["differing"]
    assert back["after"] == "Tidak ada konflik terbuka."
    assert back["conflicts_button"] == "Konflik (0)"
    assert not back["report_after_one"] and "belum dikembalikan (Laptop 2)" in back["note_after_one"]
    assert back["report_offered"] and not back["marker_at_last"]
    assert back["report_form"] == [ServiceRecord.get_by_id(siti.id).case.reference]
    assert "(Laptop 2)" in back["marker"]  # the second laptop's package is still out
    names = {r.full_name for r in ServiceRecord.select().where(ServiceRecord.case == case_id)}
    assert names == {"Siti Rahmah Binti Ali", "Syafrizal", "Syamsul Bahri", "Rosnida Yusuf", "Ahmad Fauzi"}
    assert back["grid"] == sorted(names)


# --- The other ways into field mode, and a package that cannot be written ------------------------------


def test_a_double_clicked_package_starts_field_mode(monkeypatch):
    from desktop import cli

    started: list[Path] = []
    monkeypatch.setattr(app, "run_field", lambda path: started.append(path) or 0)
    assert cli.main([r"C:\Users\tim\Documents\SJL-2026-0001-Laptop-1.ddlapangan"]) == 0
    assert cli.main(["--lapangan", "paket.ddlapangan"]) == 0
    assert cli._field_package_argument(["field", "import", "x.ddlapangan"]) == [
        "field",
        "import",
        "x.ddlapangan",
    ]
    assert (
        cli._field_package_argument(["--db", "sqlite:///a", "b.ddlapangan"])[-1] == "--lapangan=b.ddlapangan"
    )
    assert [p.name for p in started] == [
        r"C:\Users\tim\Documents\SJL-2026-0001-Laptop-1.ddlapangan",
        "paket.ddlapangan",
    ]


@SQLITE
def test_the_login_window_opens_a_package_and_its_team_logs_in(qtbot, monkeypatch, database, tmp_path):
    from desktop.services.field import export

    case_id = case_in_service()
    (taken,) = export.take_out(session("ketua1"), case_id, ["Laptop 1"], PASSPHRASE, tmp_path)
    dialog = LoginDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    shot(dialog, "login_window")
    monkeypatch.setattr(PackageFileDialog, "ask", classmethod(lambda cls, parent: taken.path))

    def passphrase(opening: OpenPackageDialog) -> None:
        type_text(qtbot, PASSPHRASE)
        press(qtbot, Qt.Key.Key_Return)

    when_shown(qtbot, OpenPackageDialog, passphrase)
    dialog.field_button.click()
    assert mode.is_field_mode() and dialog.field_label.text().startswith("Mode lapangan: SJL-")
    dialog.fill_username("anggota1")
    qtbot.keyClicks(dialog.password_edit, DEMO_PASSWORD)
    dialog.submit()
    assert dialog.session is not None and dialog.session.username == "anggota1"


def test_the_setup_wizard_of_a_laptop_without_database_opens_a_package(qtbot, monkeypatch):
    from desktop.ui.field import open_package_dialog
    from desktop.ui.setup_wizard import SetupWizard

    monkeypatch.setattr(open_package_dialog, "choose_and_open", lambda parent: object())
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.button(SetupWizard.WizardButton.CustomButton1).click()
    assert wizard.outcome().field


def test_a_package_that_cannot_be_sealed_is_said_in_the_banner(qtbot, monkeypatch, tmp_path):
    from desktop.ui.field.mode_banner import FieldModeBanner

    info = mode.FieldInfo(
        tmp_path / "p.ddlapangan", "uid", 1, "SJL-2026-0001", "Judul", "Laptop 1", "Ketua", "07-12-2026"
    )
    banner = FieldModeBanner(info)
    qtbot.addWidget(banner)

    def full_disk() -> None:
        raise mode.SealFailed("Paket lapangan p.ddlapangan tidak dapat disimpan (disk penuh).")

    monkeypatch.setattr(mode, "seal_if_changed", full_disk)
    with qtbot.waitSignal(banner.seal_failed):
        assert not banner.seal()
    assert "tidak dapat disimpan" in banner.seal_error()
    assert banner.text() == "Mode lapangan: SJL-2026-0001 Judul, dibawa 07-12-2026 oleh Ketua"
    monkeypatch.setattr(mode, "seal_if_changed", lambda: None)
    assert banner.seal() and banner.seal_error() == ""


def test_a_missing_or_foreign_file_is_refused_before_any_passphrase(qtbot, tmp_path):
    foreign = tmp_path / "surat.ddlapangan"
    foreign.write_bytes(b"%PDF-1.4 bukan paket")
    for path in (tmp_path / "tidak-ada.ddlapangan", foreign):
        dialog = OpenPackageDialog(None, path)
        qtbot.addWidget(dialog)
        assert dialog.error_text() and path.name in dialog.error_text()
        assert not dialog.open_button.isEnabled() and not dialog.passphrase_edit.isEnabled()


def test_a_lost_laptops_package_is_cancelled_with_a_reason(qtbot, database, tmp_path):
    from desktop.services.field import conflicts, export
    from desktop.ui.field.cancel_dialog import CancelPackageDialog

    case_id = case_in_service()
    leader = session("ketua1")
    export.take_out(leader, case_id, ["Laptop 1", "Laptop 2"], PASSPHRASE, tmp_path)
    out = conflicts.case_out_in_field(case_id)
    dialog = CancelPackageDialog(None, leader, out)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.confirm()  # no reason typed: refused in the dialog, nothing cancelled
    assert dialog.banner.isVisible() and "Alasan" in dialog.banner.text()
    assert len(conflicts.case_out_in_field(case_id)) == 2
    dialog.laptop.setCurrentIndex([p.laptop for p in out].index("Laptop 2"))
    qtbot.keyClicks(dialog.reason, "Laptop hilang dalam perjalanan")
    dialog.confirm()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert [p.laptop for p in conflicts.case_out_in_field(case_id)] == ["Laptop 1"]


def test_the_report_form_keeps_a_draft_and_says_why_it_cannot_go_yet(qtbot):
    from desktop.services.sijarla.drafts import ReportDraft
    from desktop.services.sijarla.team_workspace import CategoryTotal
    from desktop.ui.sijarla.team_report import ReportDialog

    case = type("Case", (), {"reference": "SJL-2026-0001", "nagari": "Koto Baru", "team": "Tim SIJARLA I"})()
    kept: list[ReportDraft] = []
    sent: list[ReportDraft] = []
    dialog = ReportDialog(
        None,
        case,
        [CategoryTotal("KTP-el perekaman", 3, 3)],
        sent.append,
        saved=ReportDraft("Pendahuluan tersimpan.", "Kegiatan tersimpan.", ""),
        save_draft=kept.append,
        waiting="Masih ada paket lapangan yang belum dikembalikan (Laptop 2).",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT)
    assert dialog.introduction_edit.toPlainText() == "Pendahuluan tersimpan."  # opens on the draft
    assert "Laptop 2" in dialog.banner.text() and not dialog.send_button.isEnabled()
    dialog.conclusion_edit.setFocus()
    type_text(qtbot, "Berjalan baik.")
    alt(qtbot, "d")  # Simpan &draf
    qtbot.waitUntil(lambda: bool(kept), timeout=WAIT)
    assert kept[0].conclusion == "Berjalan baik." and kept[0].activities == "Kegiatan tersimpan."
    qtbot.waitUntil(lambda: "tersimpan" in dialog.banner.text(), timeout=WAIT)
    assert not dialog.send_button.isEnabled() and sent == []
    assert dialog.unsaved_work() == ""  # kept: closing loses nothing
