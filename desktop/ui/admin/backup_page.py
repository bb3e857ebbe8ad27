"""Cadangan dan pemulihan: SQLite backups made from the app (now, to the backups folder or a chosen
file) and restoring one after a confirmation; on PostgreSQL, how to back up with pg_dump."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop import config
from desktop.services import workstation
from desktop.services.office import backups
from desktop.services.office.backups import BackupInfo, Restored
from desktop.services.session import Session
from desktop.ui.admin.page import AdminPage, plain_table, selected_row
from desktop.ui.admin.tables import BackupsTableModel
from desktop.ui.common import file_dialogs
from desktop.ui.common.cards import section_label
from desktop.ui.common.forms import muted, primary_button
from desktop.ui.inovasi.innovation_fields import confirm

BACKUP_FILTER = QT_TRANSLATE_NOOP("BackupPage", "Cadangan Dinas Desk (*.sqlite3);;Semua berkas (*)")


def choose_backup_file(parent: QWidget | None) -> Path | None:
    """Ask for a backup file to restore from; None when cancelled (tests replace this function)."""
    caption = QCoreApplication.translate("BackupPage", "Pilih berkas cadangan")
    file_filter = QCoreApplication.translate("BackupPage", BACKUP_FILTER)
    return file_dialogs.open_file(parent, file_dialogs.BACKUP, caption, file_filter, config.backup_dir())


def choose_backup_target(parent: QWidget | None) -> Path | None:
    """Ask where to write a backup (a USB stick, say); None when cancelled."""
    caption = QCoreApplication.translate("BackupPage", "Simpan cadangan sebagai")
    file_filter = QCoreApplication.translate("BackupPage", BACKUP_FILTER)
    path, _chosen = file_dialogs.save_file(
        parent, file_dialogs.BACKUP, caption, "dinas-desk-cadangan.sqlite3", file_filter
    )
    return path


class BackupPage(AdminPage):
    TITLE = QT_TRANSLATE_NOOP("BackupPage", "Cadangan dan pemulihan")

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.sqlite: bool | None = None  # known after load()
        self.sqlite_part = QWidget()
        self.postgres_part = QWidget()
        for part, build in (
            (self.sqlite_part, self._build_sqlite),
            (self.postgres_part, self._build_postgres),
        ):
            box = QVBoxLayout(part)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(10)
            build(box)
            part.hide()
            self.box.addWidget(part, 1)

    def _build_sqlite(self, box: QVBoxLayout) -> None:
        box.addWidget(
            muted(
                self.tr(
                    "Database komputer ini adalah berkas SQLite. Cadangkan setiap hari kerja dan simpan "
                    "salinannya "
                    "di luar komputer ini (flashdisk atau server kantor). Folder cadangan: %1"
                ).replace("%1", str(config.backup_dir()))
            )
        )
        row = QHBoxLayout()
        self.backup_button = primary_button(self.tr("Cadangkan sekarang"))
        self.backup_button.clicked.connect(lambda: self.backup_now())  # not clicked(checked) as the path
        self.backup_as_button = QPushButton(self.tr("Cadangkan ke berkas lain…"))
        self.backup_as_button.clicked.connect(self.backup_as)
        row.addWidget(self.backup_button)
        row.addWidget(self.backup_as_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(section_label(self.tr("Cadangan di komputer ini")))
        self.model = BackupsTableModel()
        self.table = plain_table(self.model, stretch=0)
        box.addWidget(self.table, 1)
        restore_row = QHBoxLayout()
        restore_row.addWidget(
            muted(
                self.tr(
                    "Pemulihan mengganti SELURUH isi database; salinan keadaan sekarang dibuat lebih dulu."
                )
            ),
            1,
        )
        self.restore_button = QPushButton(self.tr("Pulihkan cadangan terpilih…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(self.tr("Pulihkan dari berkas…"))
        self.restore_file_button.clicked.connect(self.restore_file)
        restore_row.addWidget(self.restore_button)
        restore_row.addWidget(self.restore_file_button)
        box.addLayout(restore_row)
        self.busy_buttons = [
            self.backup_button,
            self.backup_as_button,
            self.restore_button,
            self.restore_file_button,
        ]

    def _build_postgres(self, box: QVBoxLayout) -> None:
        # The service's own advice (also its refusal on PostgreSQL), shown as it is.
        self.advice_label = QLabel(backups.POSTGRES_BACKUP_ADVICE)
        self.advice_label.setWordWrap(True)
        self.advice_label.setObjectName("PostgresAdvice")
        self.advice_label.setStyleSheet(
            "QLabel#PostgresAdvice { background: #E9F0F8; border: 1px solid #C7D7EA; border-radius: 6px;"
            " padding: 12px; }"
        )
        box.addWidget(self.advice_label)
        box.addStretch(1)

    def load(self) -> None:
        session = self.session

        def work():
            setting = workstation.configured_database(session)
            return setting.backend, backups.list_backups(session) if setting.backend == "sqlite" else []

        self.call(work, self._loaded, quiet=True)

    def _loaded(self, result) -> None:
        backend, found = result
        self.sqlite = backend == "sqlite"
        self.sqlite_part.setVisible(self.sqlite)
        self.postgres_part.setVisible(not self.sqlite)
        self.model.set_rows(found)

    def backup_now(self, destination: Path | None = None) -> None:
        session = self.session
        self.call(lambda: backups.backup_now(session, destination), self._backed_up)

    def backup_as(self) -> None:
        target = choose_backup_target(self)
        if target is not None:
            self.backup_now(target)

    def _backed_up(self, info: BackupInfo) -> None:
        self.banner.show_message(self.tr("Cadangan dibuat: %1").replace("%1", str(info.path)), "success")
        self.load()

    def restore_selected(self) -> None:
        row = selected_row(self.table)
        if row < 0:
            self.banner.show_message(self.tr("Pilih cadangan di tabel lebih dulu."), "error")
            return
        self.restore(self.model.row(row).path)

    def restore_file(self) -> None:
        path = choose_backup_file(self)
        if path is not None:
            self.restore(path)

    def restore(self, path: Path) -> None:
        question = self.tr(
            "Pulihkan database dari %1?\n\nSemua data yang dicatat sesudah cadangan itu dibuat akan hilang. "
            "Salinan keadaan sekarang dibuat lebih dulu, sehingga pemulihan ini dapat dibatalkan."
        ).replace("%1", path.name)
        if not confirm(self, self.tr("Pulihkan database"), question):
            return
        session = self.session
        self.call(lambda: backups.restore(session, path), self._restored)

    def _restored(self, result: Restored) -> None:
        self.banner.show_message(
            self.tr("Database dipulihkan dari %1. Keadaan sebelumnya disimpan sebagai %2.")
            .replace("%1", result.source.name)
            .replace("%2", result.safety_copy.name),
            "success",
        )
        self.load()
        self.changed.emit()
