"""Bootstrap: the QApplication, its translator and look, the database, then login and the main window."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__, config
from desktop.services import workspace
from desktop.services.bootstrap import OpenedDatabase, resolve_url
from desktop.services.demo import DEMO_PASSWORD, DemoLogin
from desktop.services.errors import DomainError
from desktop.services.session import Session
from desktop.ui import theme
from desktop.ui.login_dialog import LoginDialog
from desktop.ui.main_window import MainWindow

APP_DISPLAY_NAME = "Dinas Desk"
GC_INTERVAL_MS = 10_000
TRANSLATION_PREFIX = "dinas_desk"
QT_TRANSLATION = "qtbase_id"  # Qt's own widgets in Indonesian (desktop/resources/translations/qtbase_id.ts)


def create_application() -> QApplication:
    """The one QApplication of the process (reused when a test already made one), styled."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_DISPLAY_NAME)
    app.setOrganizationName(config.ORG_NAME)
    app.setApplicationVersion(__version__)
    # Dates and numbers read the Indonesian way whatever the Windows locale says.
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    _install_translator(app)
    theme.apply(app)
    _collect_garbage_on_the_ui_thread(app)
    return app


def _collect_garbage_on_the_ui_thread(app: QApplication) -> None:
    """Python's cycle collector may run on any thread and destroy Qt objects there (a crash).

    As Anki does: automatic collection off, and a timer on the UI thread collects instead.
    """
    if app.property("dinas_desk_gc_timer"):
        return
    gc.disable()
    timer = QTimer(app)
    timer.setInterval(GC_INTERVAL_MS)
    timer.timeout.connect(gc.collect)
    timer.start()
    app.setProperty("dinas_desk_gc_timer", True)


def _install_translator(app: QApplication) -> None:
    """Qt's own texts (Batal, OK, &Ya, Salin, Tempel, the file dialog) in Indonesian whatever the Windows
    language, as the office works in Indonesian; then the app's catalogue for the Windows language, when
    one exists (the source strings are Indonesian already)."""
    if app.property("dinas_desk_translator_loaded"):
        return
    folder = str(config.resource_dir() / "translations")
    qt_texts = QTranslator(app)
    if qt_texts.load(QT_TRANSLATION, folder):
        app.installTranslator(qt_texts)
    translator = QTranslator(app)
    if translator.load(QLocale.system(), TRANSLATION_PREFIX, "_", folder):
        app.installTranslator(translator)
    app.setProperty("dinas_desk_translator_loaded", True)


def open_database(db_url: str | None, demo: bool) -> tuple[OpenedDatabase, list[DemoLogin]]:
    """Open the configured database, or a brand-new demo database with its logins."""
    if demo and not db_url:
        return workspace.open_fresh_demo()
    return workspace.open_app_database(resolve_url(db_url, demo=demo)), []


def format_demo_logins(logins: Sequence[DemoLogin]) -> str:
    """The demo accounts as a plain-text table for the console."""
    headers = ("Nama pengguna", "Nama lengkap", "Peran")
    rows = [headers, *((login.username, login.full_name, login.roles) for login in logins)]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    rows.insert(1, tuple("-" * w for w in widths))
    lines = [f"Akun demo Dinas Desk (kata sandi semua akun: {DEMO_PASSWORD})", ""]
    lines += [f"  {r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]}" for r in rows]
    return "\n".join(lines)


def _print(text: str, *, error: bool = False) -> None:
    stream = sys.stderr if error else sys.stdout
    if stream is not None:  # a windowed build has no console
        print(text, file=stream, flush=True)


def show_database_error(message: str) -> None:
    """Tell the user, in a message box, that the database could not be opened and what to do."""
    box = QMessageBox(
        QMessageBox.Icon.Critical, QCoreApplication.translate("app", "Database tidak dapat dibuka"), ""
    )
    box.setText(
        "<b>" + QCoreApplication.translate("app", "Dinas Desk tidak dapat membuka database.") + "</b>"
    )
    box.setInformativeText(
        message
        + "\n\n"
        + QCoreApplication.translate(
            "app",
            "Perbaiki hal tersebut lalu buka Dinas Desk lagi. Bila database dipindahkan, Administrator "
            "dapat menjalankan: dinas-desk --db sqlite:///BERKAS atau --db postgresql://SERVER/NAMA.",
        )
    )
    box.addButton(QCoreApplication.translate("app", "Tutup"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def run(db_url: str | None, demo: bool = False) -> int:
    """Start the desktop app: open the database, ask for a login, show the main window."""
    app = create_application()
    try:
        _opened, demo_logins = open_database(db_url, demo)
    except DomainError as exc:
        _print(f"Galat: {exc.message}", error=True)
        show_database_error(exc.message)
        return 1
    if demo_logins:
        _print(format_demo_logins(demo_logins))
    return _session_loop(app, demo_logins)


def _session_loop(app: QApplication, demo_logins: Sequence[DemoLogin]) -> int:
    """Login, work, and after Keluar the login dialog again; closing the window ends the app."""
    while True:
        session = LoginDialog.ask(None, demo_logins)
        if session is None:
            return 0
        code, logged_out = _work(app, session)
        if not logged_out:
            return code


def _work(app: QApplication, session: Session) -> tuple[int, bool]:
    """Show the main window until it closes; the exit code and whether the user chose Keluar."""
    window = MainWindow(session)
    logged_out: list[bool] = []
    window.logged_out.connect(lambda: logged_out.append(True))
    window.show()
    code = app.exec()
    window.deleteLater()
    return code, bool(logged_out)


def self_test(db_url: str | None, demo: bool = False) -> int:
    """Check without showing a window that the database, reference data and windows work; 0 or 1."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    create_application()
    checks: list[tuple[str, Callable[[], str]]] = [
        ("database", lambda: _check_database(db_url, demo)),
        ("referensi", _check_reference_data),
        ("login dialog", _check_login_dialog),
        ("jendela utama", _check_main_window),
    ]
    for label, check in checks:
        try:
            detail = check()
        except Exception as exc:  # every failure is reported, none escapes as a traceback
            reason = exc.message if isinstance(exc, DomainError) else f"{type(exc).__name__}: {exc}"
            _print(f"[GAGAL] {label}: {reason}")
            return 1
        _print(f"[OK] {label}" + (f": {detail}" if detail else ""))
    return 0


def _check_database(db_url: str | None, demo: bool) -> str:
    opened, _logins = open_database(db_url, demo)
    return f"{opened.backend} {opened.location} (skema v{opened.schema_version})"


def _check_reference_data() -> str:
    counts = workspace.reference_counts()
    if counts.nagari == 0 or counts.roles == 0:
        raise RuntimeError(f"data rujukan kosong ({counts.nagari} nagari, {counts.roles} peran)")
    return (
        f"{counts.nagari} nagari, {counts.kecamatan} kecamatan, {counts.kabupaten} kabupaten, "
        f"{counts.service_categories} jenis layanan, {counts.roles} peran"
    )


def _check_login_dialog() -> str:
    dialog = LoginDialog(None)
    try:
        if not dialog.login_button.isDefault():
            raise RuntimeError("tombol Masuk bukan tombol bawaan")
    finally:
        dialog.deleteLater()
    return ""


def _check_main_window() -> str:
    roles = workspace.role_catalog()
    session = Session(
        user_id=0,
        username="uji-mandiri",
        full_name="Uji Mandiri",
        roles=frozenset(r.code for r in roles),
        jabatan="Uji mandiri",
    )
    window = MainWindow(session)
    try:
        count = window.tab_widget.count()
        if count != len(roles):
            raise RuntimeError(f"{count} tab untuk {len(roles)} peran")
    finally:
        window.deleteLater()
    return f"{count} tab"
