"""Bootstrap: the QApplication, its translator and look, the database, then login and the main window."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__, config
from desktop.services import start_check, workspace
from desktop.services.bootstrap import OpenedDatabase, resolve_url
from desktop.services.demo.accounts import DEMO_PASSWORD, DemoLogin
from desktop.services.errors import DomainError
from desktop.services.session import Session
from desktop.ui import daily_backup, theme, warm_up
from desktop.ui.login_dialog import LoginDialog

# Only what the login window needs is imported here: the main window, its tabs and the setup wizard
# (with reportlab, openpyxl and the rest behind them) are imported when first used, so the login
# window appears in about twice the time of a bare Qt window (tests/unit/test_startup_imports.py).

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
    """Start the desktop app: open the database, ask for a login, show the main window.

    The first start of a new office (no database configured, no account) opens the setup wizard
    instead of a login window nobody could get past.
    """
    app = create_application()
    backup_owner = QObject()  # the day's backup belongs to this run: a test's run() that returns cancels it
    if not demo and start_check.is_first_start(db_url):
        from desktop.ui.setup_wizard import SetupWizard

        outcome = SetupWizard.ask(None)
        if outcome is None:
            return 0
        if outcome.field:  # a field package opened from the wizard: its team logs in
            return _session_loop(app, [])
        if outcome.session is not None:  # the new administrator, logged in: straight to work
            daily_backup.start_later(backup_owner)
            code, logged_out = _work(app, outcome.session)
            return _session_loop(app, []) if logged_out else code
        # this workstation joined a database in use: open it as every start does, then log in
    if demo and not db_url:  # the demo database is built on a worker thread behind the login window
        from desktop.services.demo.office import demo_logins as listed_demo_logins

        logins = listed_demo_logins()
        _print(format_demo_logins(logins))
        office = workspace.demo_office_summary()
        return _session_loop(app, logins, office=office, prepare=workspace.open_fresh_demo)
    try:
        _opened, demo_logins = open_database(db_url, demo)
    except DomainError as exc:
        _print(f"Galat: {exc.message}", error=True)
        show_database_error(exc.message)
        return 1
    if demo_logins:
        _print(format_demo_logins(demo_logins))
    else:  # the day's backup once the login window is up (a throwaway demo database needs none)
        daily_backup.start_later(backup_owner)
    return _session_loop(app, demo_logins)


def run_field(path: Path) -> int:
    """Start on a field laptop: the package's passphrase, then the login against the package's team
    accounts, then the main window in field mode. No setup wizard, no daily backup, no database
    settings: the package is the database, sealed back into its file after every change."""
    from desktop.ui.field.open_package_dialog import OpenPackageDialog

    app = create_application()
    if OpenPackageDialog.ask(None, Path(path)) is None:
        return 0
    return _session_loop(app, [])


def _session_loop(app: QApplication, demo_logins: Sequence[DemoLogin], **preparing: Any) -> int:
    """Login, work, and after Keluar the login dialog again; closing the window ends the app.
    `preparing`: the first login window's database still being built (LoginDialog)."""
    warm_up_owner = QObject()  # cancelled with this loop (a test's fake login returns at once)
    warm_up.start_later(warm_up_owner)  # the main window's modules, while the user types
    try:
        while True:
            session = LoginDialog.ask(None, demo_logins, **preparing)
            preparing = {}  # built by the first login window
            if session is None:
                return 0
            code, logged_out = _work(app, session)
            if not logged_out:
                return code
    finally:
        _leave_field_mode()


def _leave_field_mode() -> None:
    """A package opened (at start or from the login window): sealed and closed as the app ends."""
    from desktop.services.field import mode

    try:
        mode.close()
    except DomainError as exc:
        _print(f"Galat: {exc.message}", error=True)
        show_database_error(exc.message)


def _work(app: QApplication, session: Session) -> tuple[int, bool]:
    """Show the main window until it closes; the exit code and whether the user chose Keluar."""
    from desktop.ui.main_window import MainWindow

    window = MainWindow(session)
    logged_out: list[bool] = []
    window.logged_out.connect(lambda: logged_out.append(True))
    window.show()
    code = app.exec()
    window.deleteLater()
    return code, bool(logged_out)
