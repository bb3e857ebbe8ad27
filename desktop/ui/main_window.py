"""The main window: the header strip, one tab per role the user holds, the database in the status bar."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from desktop import __version__
from desktop.services import workspace
from desktop.services.session import Session
from desktop.ui import settings
from desktop.ui.tabs import tabs_for
from desktop.ui.tabs.base import RoleTab
from desktop.ui.widgets.header_bar import HeaderBar

log = logging.getLogger(__name__)

DEFAULT_SIZE = QSize(1280, 800)
MINIMUM_SIZE = QSize(960, 600)


class MainWindow(QMainWindow):
    """What a logged-in user works in. Emits `logged_out` after the user chose Keluar."""

    logged_out = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.office = workspace.office_summary()
        self.setWindowTitle(self.tr("Dinas Desk — %1").replace("%1", self.office.short_name))
        self.setMinimumSize(MINIMUM_SIZE)
        self.header = HeaderBar(session, self.office)
        self.header.log_out_requested.connect(self.log_out)
        self.tab_widget = QTabWidget()
        self.tab_widget.setObjectName("RoleTabs")
        self.tab_widget.setDocumentMode(True)
        self.tab_widget.setUsesScrollButtons(True)
        self._tabs: dict[str, RoleTab] = {}
        self._add_role_tabs()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.tab_widget, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        self._restore_geometry()

    def _add_role_tabs(self) -> None:
        held = [r for r in workspace.role_catalog() if r.code in self.session.roles]
        for role, tab_class in tabs_for(held):
            tab = tab_class(self.session, role)
            self._tabs[role.code] = tab
            index = self.tab_widget.addTab(tab, role.name)
            self.tab_widget.setTabToolTip(index, role.description)

    def _build_status_bar(self) -> None:
        database = workspace.current_database()
        if database.backend == "postgresql":
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
        return [self.tab_widget.widget(i).role_code for i in range(self.tab_widget.count())]

    def tab_titles(self) -> list[str]:
        return [self.tab_widget.tabText(i) for i in range(self.tab_widget.count())]

    def tab_for(self, role_code: str) -> RoleTab | None:
        return self._tabs.get(role_code)

    def set_badge(self, role_code: str, count: int) -> None:
        """Show how much work waits for a role: 'Kepala Dinas (3)'; a count of 0 clears it."""
        tab = self._tabs.get(role_code)
        if tab is None:
            return
        index = self.tab_widget.indexOf(tab)
        name = tab.role.name
        self.tab_widget.setTabText(index, f"{name} ({count})" if count > 0 else name)

    def log_out(self) -> None:
        try:
            workspace.log_out(self.session)
        except Exception:  # a lost audit line must not keep the user from leaving
            log.exception("logout was not recorded")
        self.logged_out.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.save_window_state(self.session.username, self.saveGeometry(), self.saveState())
        super().closeEvent(event)

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
