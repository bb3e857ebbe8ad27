"""The main window: the header strip, one tab per role the user holds, the database in the status bar.

A tab is built the first time it is shown (a placeholder page holds its place until then), its
module imported then too: the window opens as fast as its first tab. Each tab's title carries a
badge with the work waiting in it ('Kabid Pelayanan (3)'), counted in the background for every
tab when the window opens, after every action and once a minute. Ctrl+K or Ctrl+F opens the
search, F5 reloads the visible tab, Ctrl+N starts a new letter on the front desk. After the
office's idle time without input the window locks (widgets/idle_lock.py) until the user's
password is typed.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from desktop import __version__, roles
from desktop.roles import RoleInfo
from desktop.services import workspace
from desktop.services.errors import DomainError
from desktop.services.session import Session
from desktop.services.sop import worklists
from desktop.ui import settings
from desktop.ui.common.background import run_for
from desktop.ui.common.unsaved import DiscardQuestion, unsaved_work_in
from desktop.ui.header_bar import HeaderBar
from desktop.ui.help_window import open_help
from desktop.ui.idle_lock import IdleLock
from desktop.ui.sop.role_tab import RoleTab
from desktop.ui.tabs import in_tab_order, tab_class_for

log = logging.getLogger(__name__)

DEFAULT_SIZE = QSize(1280, 800)
MINIMUM_SIZE = QSize(960, 600)
BADGE_REFRESH_MS = 60_000


class MainWindow(QMainWindow):
    """What a logged-in user works in. Emits `logged_out` after the user chose Keluar.

    `idle_lock_ms` replaces the office's idle lock time (tests lock in milliseconds).
    """

    logged_out = Signal()
    first_tab_ready = Signal()  # the first tab is built and holds the keyboard

    def __init__(self, session: Session, parent: QWidget | None = None, *, idle_lock_ms: int | None = None):
        super().__init__(parent)
        self.session = session
        self.office = workspace.office_summary()
        self.setWindowTitle(self.tr("Dinas Desk — %1").replace("%1", self.office.short_name))
        self.setMinimumSize(MINIMUM_SIZE)
        self.header = HeaderBar(session, self.office)
        self.header.log_out_requested.connect(self.log_out)
        self.header.search_requested.connect(self.open_search)
        self.header.help_requested.connect(self.open_help)
        self.tab_widget = QTabWidget()
        self.tab_widget.setObjectName("RoleTabs")
        self.tab_widget.setDocumentMode(True)
        self.tab_widget.setUsesScrollButtons(True)
        self._roles: list[RoleInfo] = in_tab_order(
            r for r in workspace.role_catalog() if r.code in self.session.roles
        )
        self._tabs: dict[str, RoleTab] = {}  # the tabs built so far
        self._add_role_tabs()
        self.tab_widget.currentChanged.connect(self._tab_at)  # a tab is built when first shown
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        self.field_banner = _field_banner()
        if self.field_banner is not None:
            layout.addWidget(self.field_banner)
            self.field_banner.seal_failed.connect(lambda text: self.statusBar().showMessage(text, 60_000))
        layout.addWidget(self.tab_widget, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(central)
        self.setCentralWidget(self.stack)
        self._build_status_bar()
        self._restore_geometry()
        self.search_dialog = None
        self._leaving = False  # the user chose to leave: no second question while closing
        self._logged_out = False
        self._focus_placed = False
        self._badges_loading = False
        self.badge_timer = QTimer(self)
        self.badge_timer.setInterval(BADGE_REFRESH_MS)
        self.badge_timer.timeout.connect(self.refresh_badges)
        self.badge_timer.start()
        QTimer.singleShot(0, self, self.refresh_badges)  # every tab's count, tabs built or not
        self._shortcuts: list[QShortcut] = []
        self._add_shortcuts()
        self.idle_lock = IdleLock(self, self.stack, session, self._shortcuts, idle_lock_ms)
        self.idle_lock.log_out_requested.connect(self.log_out)

    def _add_role_tabs(self) -> None:
        for role in self._roles:
            index = self.tab_widget.addTab(TabPlaceholder(role.code), role.name)
            self.tab_widget.setTabToolTip(index, role.description)

    def _tab_at(self, index: int) -> RoleTab | None:
        """The role tab at `index`, built now when this is its first showing."""
        page = self.tab_widget.widget(index)
        if not isinstance(page, TabPlaceholder):
            return page if isinstance(page, RoleTab) else None
        role = self._roles[index]
        tab = tab_class_for(role.code)(self.session, role)
        tab.worklist_loaded.connect(self.set_badge)
        tab.work_done.connect(self.refresh_badges)
        self._tabs[role.code] = tab
        self._put_in_place(index, page, tab)
        return tab

    def _put_in_place(self, index: int, placeholder: QWidget, tab: RoleTab) -> None:
        """Swap the placeholder for the built tab, keeping the title (badge), tooltip and current tab."""
        tabs = self.tab_widget
        current, text, tip = tabs.currentIndex(), tabs.tabText(index), tabs.tabToolTip(index)
        blocked = tabs.blockSignals(True)  # no currentChanged while the pages are swapped
        tabs.setUpdatesEnabled(False)
        try:
            tabs.removeTab(index)
            tabs.insertTab(index, tab, text)
            tabs.setTabToolTip(index, tip)
            tabs.setCurrentIndex(current)
        finally:
            tabs.setUpdatesEnabled(True)
            tabs.blockSignals(blocked)
        placeholder.deleteLater()

    def _index_of(self, role_code: str) -> int | None:
        return next((i for i, role in enumerate(self._roles) if role.code == role_code), None)

    def _add_shortcuts(self) -> None:
        window = Qt.ShortcutContext.WindowShortcut
        for keys, slot in (
            ("Ctrl+K", self.open_search),
            ("Ctrl+F", self.open_search),
            ("F5", self.refresh_current_tab),
            ("Ctrl+N", self.new_letter),
            ("F1", self.open_help),
        ):
            shortcut = QShortcut(QKeySequence(keys), self, context=window)
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)

    def _build_status_bar(self) -> None:
        database = workspace.current_database()
        if self.field_banner is not None:  # the database is the package, in memory
            from desktop.services.field import mode

            info = mode.current()
            database = (
                dataclasses.replace(database, location=str(info.path)) if info is not None else database
            )
            text = self.tr("Paket lapangan %1 (skema v%2)")
        elif database.backend == "postgresql":
            text = self.tr("Database: server PostgreSQL %1 (skema v%2)")
        else:
            text = self.tr("Database: berkas SQLite %1 (skema v%2)")
        self.database_label = QLabel(
            text.replace("%1", database.location).replace("%2", str(database.schema_version))
        )
        self.database_label.setToolTip(database.location)
        version = QLabel(self.tr("Dinas Desk %1").replace("%1", __version__))
        self.statusBar().addWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(version)
        self.statusBar().setSizeGripEnabled(False)

    def role_codes(self) -> list[str]:
        """The role of each tab, left to right."""
        return [role.code for role in self._roles]

    def tab_titles(self) -> list[str]:
        return [self.tab_widget.tabText(i) for i in range(self.tab_widget.count())]

    def tab_for(self, role_code: str) -> RoleTab | None:
        """The tab of a role the user holds (built now if it was not shown yet); None for another role."""
        index = self._index_of(role_code)
        return self._tab_at(index) if index is not None else None

    def set_badge(self, role_code: str, count: int) -> None:
        """Show how much work waits for a role: 'Kepala Dinas (3)'; a count of 0 clears it."""
        index = self._index_of(role_code)
        if index is None:
            return
        name = self._roles[index].name
        self.tab_widget.setTabText(index, f"{name} ({count})" if count > 0 else name)

    def current_tab(self) -> RoleTab | None:
        index = self.tab_widget.currentIndex()
        return self._tab_at(index) if index >= 0 else None

    def refresh_current_tab(self) -> None:
        """F5: reload the visible tab's worklist (and whatever its form shows)."""
        tab = self.current_tab()
        if tab is not None:
            tab.refresh()
        self.refresh_badges()

    def refresh_badges(self) -> None:
        """Count the work waiting in every tab (background); a tab whose count changed reloads its list."""
        if self._badges_loading:
            return
        self._badges_loading = True
        run_for(
            self, lambda: worklists.pending_counts(self.session), self._badges_loaded, self._badges_failed
        )

    def _badges_loaded(self, counts: dict[str, int]) -> None:
        self._badges_loading = False
        for code, count in counts.items():
            tab = self._tabs.get(code)  # a tab not built yet loads its list when first shown
            if tab is not None and tab.loads_finished and count != tab.pending_count():
                tab.refresh()
            self.set_badge(code, count)

    def _badges_failed(self, error: BaseException) -> None:
        self._badges_loading = False
        log.warning("badges not refreshed: %s", error)

    def open_search(self) -> None:
        """Ctrl+K / Ctrl+F: the search popup over cases, letters and (for some roles) people."""
        from desktop.ui.sop.search_dialog import SearchDialog

        if self.search_dialog is None:
            self.search_dialog = SearchDialog(self.session, self)
        self.search_dialog.show_again()

    def open_help(self) -> None:
        """F1 and 'Bantuan': the user guide at the current tab's chapter."""
        tab = self.current_tab()
        open_help(self, tab.role_code if tab is not None else None)

    def new_letter(self) -> None:
        """Ctrl+N: a new incoming letter, on the front desk tab (when the user holds that role)."""
        tab = self.tab_for(roles.FRONT_DESK)
        if tab is None:
            return
        self.tab_widget.setCurrentWidget(tab)
        starter = getattr(tab, "new_letter", None)
        if callable(starter):
            starter()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._focus_placed:  # the first tab is built once the window has painted (see eventFilter)
            self._focus_placed = True
            self.header.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.header and event.type() == QEvent.Type.Paint:
            # The window is on screen (header, tabs with their badges, status bar): now the first tab,
            # which takes a few hundred milliseconds to build, so the window never waits for it.
            self.header.removeEventFilter(self)
            QTimer.singleShot(0, self, self._first_tab_shown)
        return super().eventFilter(watched, event)

    def _first_tab_shown(self) -> None:
        """The keyboard starts in the first tab's first field (or on the tabs)."""
        tab = self.current_tab()
        target = tab.first_focus() if tab is not None else None
        (target or self.tab_widget.tabBar()).setFocus(Qt.FocusReason.OtherFocusReason)
        self.first_tab_ready.emit()

    def may_leave(self) -> bool:
        """Before logging out or closing: ask when a form (or an open dialog) holds unsaved typed text.
        True when there is none or the user chose to throw it away."""
        found = unsaved_work_in(self)
        if not found:
            return True
        if not DiscardQuestion.ask(self, [text for _widget, text in found]):
            return False
        for widget, _text in found:
            widget.discard_unsaved()
        return True

    def log_out(self) -> None:
        """Keluar (the header's, or the lock screen's): after asking about unsaved text."""
        if self._leaving or not self.may_leave():
            return
        self._leaving = True
        self.idle_lock.close_dialogs()
        try:
            workspace.log_out(self.session)
        except Exception:  # a lost audit line must not keep the user from leaving
            log.exception("logout was not recorded")
        if self.field_banner is not None and not self.field_banner.seal():
            self._leaving = False  # the package is not written: stay, the strip says why
            return
        self._logged_out = True
        self.logged_out.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leaving and not self.may_leave():
            event.ignore()
            return
        if self.field_banner is not None and not self._close_field_package():
            event.ignore()
            return
        self._leaving = True
        self.badge_timer.stop()
        self.idle_lock.detach()
        settings.save_window_state(self.session.username, self.saveGeometry(), self.saveState())
        super().closeEvent(event)

    def _close_field_package(self) -> bool:
        """Field mode: seal the package (after Keluar the login window needs it open), or seal and
        close it when the window closes; False when the package could not be written."""
        from desktop.services.field import mode

        if not self.field_banner.seal():
            self._leaving = False
            return False
        if not self._logged_out:
            try:
                mode.close()
            except DomainError as exc:  # written meanwhile and not sealed: the window stays open
                self.field_banner.show_seal_error(exc.message)
                self._leaving = False
                return False
            self.field_banner.stop()
        return True

    def _restore_geometry(self) -> None:
        geometry, state = settings.load_window_state(self.session.username)
        if geometry is not None and self.restoreGeometry(geometry):
            if state is not None:
                self.restoreState(state)
            return
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen else None
        size = DEFAULT_SIZE.boundedTo(available.size()) if available else DEFAULT_SIZE
        self.resize(size)
        if available:
            frame = self.frameGeometry()
            frame.moveCenter(available.center())
            self.move(frame.topLeft())


def _field_banner():
    """The amber field-mode strip when the app works on a field package, else None."""
    from desktop.services.field import mode

    info = mode.current()
    if info is None:
        return None
    from desktop.ui.field.mode_banner import FieldModeBanner

    return FieldModeBanner(info)


class TabPlaceholder(QWidget):
    """Holds a role tab's place until the tab is first shown."""

    def __init__(self, role_code: str):
        super().__init__()
        self.role_code = role_code
