"""The administrator: users, office settings, printers, database and backups.

A list of pages at the left, the chosen page at the right; a page loads itself the first time it is
shown. Every page calls desktop.services.office.admin, reference_data or workstation, which check the
Administrator role themselves.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from desktop import roles
from desktop.services.office import setup_checklist
from desktop.ui.admin.audit_page import AuditLogPage
from desktop.ui.admin.backup_page import BackupPage
from desktop.ui.admin.checklist import ChecklistPage
from desktop.ui.admin.document_signing_page import DocumentSigningPage
from desktop.ui.admin.office_page import OfficePage
from desktop.ui.admin.page import AdminPage
from desktop.ui.admin.reference_page import ReferencePage
from desktop.ui.admin.signing_page import NumberingPage, SignersPage
from desktop.ui.admin.users_page import UsersPage
from desktop.ui.admin.workstation_page import WorkstationPage
from desktop.ui.common.cards import card
from desktop.ui.common.forms import Banner, card_layout
from desktop.ui.common.unsaved import may_leave
from desktop.ui.sop.role_tab import RoleTab
from desktop.ui.sop.tab_registry import register_tab

NAV_WIDTH = 220
PAGES: tuple[tuple[str, type[AdminPage]], ...] = (
    (QT_TRANSLATE_NOOP("AdministratorTab", "Persiapan kantor"), ChecklistPage),
    (QT_TRANSLATE_NOOP("AdministratorTab", "Pengguna dan peran"), UsersPage),
    (QT_TRANSLATE_NOOP("AdministratorTab", "Pengaturan kantor"), OfficePage),
    (QT_TRANSLATE_NOOP("AdministratorTab", "Penandatangan"), SignersPage),
    (QT_TRANSLATE_NOOP("AdministratorTab", "Tanda tangan dokumen"), DocumentSigningPage),
    (QT_TRANSLATE_NOOP("AdministratorTab", "Pola penomoran"), NumberingPage),
    (QT_TRANSLATE_NOOP("AdministratorTab", "Data referensi"), ReferencePage),
    (QT_TRANSLATE_NOOP("AdministratorTab", "Komputer ini"), WorkstationPage),
    (QT_TRANSLATE_NOOP("AdministratorTab", "Cadangan dan pemulihan"), BackupPage),
    (QT_TRANSLATE_NOOP("AdministratorTab", "Log audit"), AuditLogPage),
)
CHECKLIST_PAGES: dict[str, type[AdminPage]] = {
    setup_checklist.SIGNERS: SignersPage,
    setup_checklist.STAFF: UsersPage,
    setup_checklist.NUMBERING: NumberingPage,
    setup_checklist.LETTER_PRINTER: WorkstationPage,
    setup_checklist.RECEIPT_PRINTER: WorkstationPage,
    setup_checklist.EMBLEM: OfficePage,
}
NAV_STYLE = """
QListWidget#AdminNav { background: transparent; border: none; outline: none; }
QListWidget#AdminNav::item { padding: 9px 8px; border-radius: 6px; color: #1F2933; }
QListWidget#AdminNav::item:hover { background: #F3F6F9; }
QListWidget#AdminNav::item:selected { background: #E3ECF6; color: #1B3A5C; font-weight: 600; }
"""


@register_tab(roles.ADMINISTRATOR)
class AdministratorTab(RoleTab):
    DUTIES = (
        QT_TRANSLATE_NOOP("AdministratorTab", "Mengelola akun pengguna, peran, dan kata sandi."),
        QT_TRANSLATE_NOOP(
            "AdministratorTab", "Mengisi data kantor: kop surat, penandatangan, pola nomor surat."
        ),
        QT_TRANSLATE_NOOP("AdministratorTab", "Mengatur printer surat dan printer struk setiap komputer."),
        QT_TRANSLATE_NOOP("AdministratorTab", "Mengatur koneksi database dan membuat cadangan."),
        QT_TRANSLATE_NOOP("AdministratorTab", "Memperbarui data rujukan: nagari, jenis layanan, hari libur."),
    )

    def build_body(self) -> QWidget:
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(14)
        nav_card = card()
        nav_card.setFixedWidth(NAV_WIDTH)
        nav_box = card_layout(nav_card, 10, 6)
        self.worklist_banner = Banner()  # the base tab reports a failed worklist load here
        nav_box.addWidget(self.worklist_banner)
        self.nav = QListWidget()
        self.nav.setObjectName("AdminNav")
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.nav.setStyleSheet(NAV_STYLE)
        nav_box.addWidget(self.nav, 1)
        page_card = card()
        page_box = card_layout(page_card, 18, 10)
        self.stack = QStackedWidget()
        page_box.addWidget(self.stack)
        self.pages: dict[type[AdminPage], AdminPage] = {}
        for title, page_class in PAGES:
            page = page_class(self.session)
            self.pages[page_class] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(self.tr(title))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._page_chosen)
        self.checklist: ChecklistPage = self.pages[ChecklistPage]  # type: ignore[assignment]
        self.checklist.page_requested.connect(self._checklist_item_chosen)
        row.addWidget(nav_card)
        row.addWidget(page_card, 1)
        self.nav.setCurrentRow(0)
        return body

    def _page_chosen(self, index: int) -> None:
        leaving = self.stack.currentWidget()
        if leaving is not None and index != self.stack.currentIndex() and not may_leave(self, [leaving]):
            self.nav.blockSignals(True)  # stay on the page with the unsaved settings
            self.nav.setCurrentRow(self.stack.currentIndex())
            self.nav.blockSignals(False)
            return
        self.stack.setCurrentIndex(index)
        page = self.stack.currentWidget()
        if page is self.checklist and page.loaded_once:
            page.load()  # what another page changed meanwhile
        elif isinstance(page, AdminPage):
            page.ensure_loaded()

    def _checklist_item_chosen(self, key: str) -> None:
        page = self.page(CHECKLIST_PAGES[key])
        page.setFocus()

    def page(self, page_class: type[AdminPage]) -> Any:
        """Show a page and return it (tests and shortcuts)."""
        self.nav.setCurrentRow(list(self.pages).index(page_class))
        return self.pages[page_class]

    # The administrator has no SOP worklist; the base tab still asks, and gets nothing.
    def set_work_items(self, items: list[Any]) -> None:
        self.worklist_banner.clear()
        self.worklist_loaded.emit(self.role_code, len(items))

    def pending_count(self) -> int:
        return 0
