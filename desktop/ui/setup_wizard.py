"""The first start of a new office: a wizard instead of a login window nobody can get past.

Database → Kantor → Administrator → Ringkasan. Each page is checked by the services before the wizard
moves on (desktop.services.first_start); "Selesai" writes the office and the first administrator in one
transaction and logs the administrator in. A workstation that joins a PostgreSQL database already in
use stops after the first page and goes to the login window.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from desktop.services import first_start
from desktop.services.session import Session
from desktop.ui.common.forms import FORM_STYLESHEET
from desktop.ui.setup.administrator_page import AdministratorSetupPage
from desktop.ui.setup.base import SetupPage
from desktop.ui.setup.database_page import LOCAL, DatabasePage
from desktop.ui.setup.office_page import OfficeSetupPage
from desktop.ui.setup.summary_page import SummarySetupPage

PREFERRED_SIZE = QSize(960, 680)
MINIMUM_SIZE = QSize(640, 440)


def confirm_cancel(parent: QWidget) -> bool:
    """Ask before dropping what was typed (tests replace this function)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("SetupWizard", "Batalkan pengaturan awal?"),
        QCoreApplication.translate(
            "SetupWizard",
            "Isian Anda belum disimpan dan akan hilang, lalu Dinas Desk ditutup. Pengaturan awal muncul lagi "
            "saat Dinas Desk dibuka.",
        ),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    leave = box.addButton(
        QCoreApplication.translate("SetupWizard", "Ya, batalkan"), QMessageBox.ButtonRole.DestructiveRole
    )
    stay = box.addButton(
        QCoreApplication.translate("SetupWizard", "Lanjutkan pengaturan"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(stay)
    box.exec()
    return box.clickedButton() is leave


@dataclass(frozen=True)
class SetupOutcome:
    """How the wizard ended: the new administrator logged in, or this workstation joined a used database."""

    session: Session | None
    joined: bool = False
    field: bool = False  # a field package was opened instead (a team laptop with no office database)


class SetupWizard(QWizard):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pengaturan awal — Dinas Desk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setStyleSheet(FORM_STYLESHEET)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Kembali"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Lanjut >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Selesai"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Batal"))
        self.database_page = DatabasePage()
        self.office_page = OfficeSetupPage()
        self.administrator_page = AdministratorSetupPage()
        self.summary_page = SummarySetupPage()
        for number, page in enumerate(self.pages(), 1):
            self.addPage(page)
            step = (
                self.tr("Langkah %1 dari %2").replace("%1", str(number)).replace("%2", str(len(self.pages())))
            )
            page.setTitle(step + " · " + page.title())
        self.currentIdChanged.connect(self._page_opened)
        self.field_opened = False
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("Buka &paket lapangan…"))
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.customButtonClicked.connect(self._open_field_package)
        self.setMinimumSize(MINIMUM_SIZE)
        self.resize(self._fitting_size())

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> SetupOutcome | None:
        """Show the wizard; how it ended, or None when it was cancelled."""
        wizard = cls(parent)
        if wizard.exec() != QWizard.DialogCode.Accepted:
            return None
        return wizard.outcome()

    def pages(self) -> tuple[SetupPage, ...]:
        return (self.database_page, self.office_page, self.administrator_page, self.summary_page)

    def _open_field_package(self, _which: int) -> None:
        """A team laptop in the field: no office to set up, the package is the database."""
        from desktop.ui.field.open_package_dialog import choose_and_open

        if choose_and_open(self) is not None:
            self.field_opened = True
            self.accept()

    def outcome(self) -> SetupOutcome | None:
        if self.field_opened:
            return SetupOutcome(None, field=True)
        opened = self.database_page.opened()
        if opened is not None and opened.joined:
            return SetupOutcome(None, joined=True)
        session = self.summary_page.session()
        return SetupOutcome(session) if session is not None else None

    def database_description(self) -> str:
        opened = self.database_page.opened()
        if opened is None:
            return ""
        if opened.backend == LOCAL:
            return self.tr("Satu PC, berkas %1").replace("%1", opened.location)
        return self.tr("Server PostgreSQL %1").replace("%1", opened.location)

    def server_to_save(self) -> tuple[str | None, str]:
        """The server URL (no password) and password to save for this workstation; (None, "") for SQLite."""
        if self.database_page.kind() == LOCAL:
            return None, ""
        draft = self.database_page.server_draft()
        return first_start.server_url(draft), draft.password

    def reject(self) -> None:
        """Batal, Esc or closing the window: once past the first page, ask before dropping what was typed."""
        if self.currentId() > 0 and not confirm_cancel(self):
            return
        super().reject()

    def validateCurrentPage(self) -> bool:
        ok = super().validateCurrentPage()
        if ok and self.currentPage() is self.database_page:
            for page in self.pages()[1:]:  # another database: what passed there must pass again
                if page.snapshot_database != self.database_page.snapshot():
                    page.forget_check()
                    page.snapshot_database = self.database_page.snapshot()
        return ok

    def _page_opened(self, _index: int) -> None:
        page = self.currentPage()
        field = page.first_field() if isinstance(page, SetupPage) else None
        if field is None and page is not None:  # Enter presses "Lanjut" / "Selesai", never "Kembali"
            last = page.isFinalPage() or self.nextId() == -1
            field = self.button(
                QWizard.WizardButton.FinishButton if last else QWizard.WizardButton.NextButton
            )
        if field is not None:
            field.setFocus(Qt.FocusReason.TabFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._page_opened(self.currentId())

    def _fitting_size(self) -> QSize:
        """The preferred size, or less on a small screen (1366×768 with the taskbar): the pages scroll."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return PREFERRED_SIZE
        room = screen.availableGeometry().size() - QSize(40, 70)  # the window frame and a margin
        return PREFERRED_SIZE.boundedTo(room).expandedTo(MINIMUM_SIZE)
