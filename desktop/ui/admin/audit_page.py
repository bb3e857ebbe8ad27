"""Log audit: every change and every read of personal data, newest first, filtered and exported.

The table reads the log a page at a time (qtmodels/audit_table.py), so a log of millions of lines
opens at once. The export writes CSV or XLSX in the background; desktop.services.security.audit_log checks
the Administrator role on every call and logs the export itself.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.services.security import audit_log
from desktop.services.security.audit_log import AuditExport, AuditFilter
from desktop.services.session import Session
from desktop.ui.admin.audit_table import DETAIL_COLUMN, AuditTableModel
from desktop.ui.admin.page import AdminPage, plain_table
from desktop.ui.common import file_dialogs
from desktop.ui.common.forms import (
    field_label,
    input_height,
    optional_date_edit,
    optional_day,
    primary_button,
)


def choose_export_file(parent: QWidget | None) -> Path | None:
    """Ask where to write the export, CSV or XLSX (the suffix is added when left out); None: cancelled."""
    csv_filter = QCoreApplication.translate("AuditLogPage", "Berkas CSV (*.csv)")
    xlsx_filter = QCoreApplication.translate("AuditLogPage", "Buku kerja Excel (*.xlsx)")
    path, chosen = file_dialogs.save_file(
        parent,
        file_dialogs.EXPORT,
        QCoreApplication.translate("AuditLogPage", "Ekspor log audit"),
        f"log-audit-{dt.date.today():%Y%m%d}.csv",
        f"{csv_filter};;{xlsx_filter}",
    )
    if path is None:
        return None
    if path.suffix.lower() in audit_log.EXPORT_SUFFIXES:
        return path
    return path.with_name(path.name + (".xlsx" if chosen == xlsx_filter else ".csv"))


class AuditLogPage(AdminPage):
    TITLE = QT_TRANSLATE_NOOP("AuditLogPage", "Log audit")
    HINT = QT_TRANSLATE_NOOP(
        "AuditLogPage",
        "Setiap perubahan dan setiap pembacaan data pribadi dicatat dengan pengguna dan waktunya. "
        "Catatan tidak dapat diubah atau dihapus. Ekspor juga dicatat.",
    )

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.box.addLayout(self._build_filters())
        self.model = AuditTableModel(session)
        self.model.loaded.connect(self._shown)
        self.model.failed.connect(self._failed)
        self.table = plain_table(self.model, stretch=DETAIL_COLUMN)
        self.table.horizontalHeader().setResizeContentsPrecision(0)  # size columns by the rows shown only
        self.box.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.count_label = QLabel()
        bottom.addWidget(self.count_label, 1)
        self.export_button = QPushButton(self.tr("Ekspor…"))
        self.export_button.clicked.connect(self.export)
        bottom.addWidget(self.export_button)
        self.box.addLayout(bottom)
        self.busy_buttons = [self.apply_button, self.export_button]

    def _build_filters(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        self.from_edit = optional_date_edit(self.tr("Semua tanggal"))
        self.to_edit = optional_date_edit(self.tr("Semua tanggal"))
        self.user_edit = QLineEdit()
        self.user_edit.setMaxLength(40)
        self.user_edit.setPlaceholderText(self.tr("Nama pengguna"))
        self.action_combo = QComboBox()
        self.action_combo.addItem(self.tr("Semua tindakan"), "")
        self.action_combo.setMinimumContentsLength(16)
        self.action_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.text_edit = QLineEdit()
        self.text_edit.setMaxLength(200)
        self.text_edit.setPlaceholderText(self.tr("Cari di rincian, misalnya NIK atau nomor surat"))
        self.apply_button = primary_button(self.tr("Terapkan"))
        self.apply_button.clicked.connect(self.apply_filter)
        for edit in (self.user_edit, self.text_edit):
            edit.returnPressed.connect(self.apply_filter)
        input_height(self.from_edit, self.to_edit, self.action_combo, self.user_edit, self.text_edit)
        fields = (
            (self.tr("Dari tanggal"), self.from_edit),
            (self.tr("Sampai tanggal"), self.to_edit),
            (self.tr("Pengguna"), self.user_edit),
            (self.tr("Tindakan"), self.action_combo),
        )
        for column, (caption, widget) in enumerate(fields):
            grid.addWidget(field_label(caption, widget), 0, column)
            grid.addWidget(widget, 1, column)
        grid.addWidget(field_label(self.tr("Teks"), self.text_edit), 2, 0, 1, 4)
        grid.addWidget(self.text_edit, 3, 0, 1, 3)
        grid.addWidget(self.apply_button, 3, 3)
        return grid

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            date_from=optional_day(self.from_edit),
            date_to=optional_day(self.to_edit),
            username=self.user_edit.text().strip(),
            action=self.action_combo.currentData() or "",
            text=self.text_edit.text().strip(),
        )

    # --- reading --------------------------------------------------------------------------------

    def load(self) -> None:
        session = self.session
        self.call(lambda: audit_log.distinct_actions(session), self._actions_loaded, quiet=True)
        self.apply_filter()

    def _actions_loaded(self, actions: list[str]) -> None:
        chosen = self.action_combo.currentData()
        self.action_combo.blockSignals(True)
        while self.action_combo.count() > 1:
            self.action_combo.removeItem(1)
        for action in actions:
            self.action_combo.addItem(audit_log.action_name(action), action)
        self.action_combo.setCurrentIndex(max(0, self.action_combo.findData(chosen)))
        self.action_combo.blockSignals(False)

    def apply_filter(self) -> None:
        self.banner.clear()
        self.count_label.setText(self.tr("Memuat…"))
        self.model.set_filter(self.current_filter())

    def _shown(self, count: int) -> None:
        self.calls_finished += 1
        number = f"{count:,}".replace(",", ".")  # Indonesian grouping, whatever the system locale
        self.count_label.setText(self.tr("%1 baris").replace("%1", number))

    def _failed(self, message: str) -> None:
        self.calls_finished += 1
        self.count_label.clear()
        self.banner.show_message(message, "error")

    def line_count(self) -> int:
        return self.model.rowCount()

    # --- export ---------------------------------------------------------------------------------

    def export(self) -> None:
        target = choose_export_file(self)
        if target is None:
            return
        session, chosen = self.session, self.model.audit_filter  # the lines shown, as last applied
        self.call(lambda: audit_log.export(session, chosen, target), self._exported)

    def _exported(self, result: AuditExport) -> None:
        number = f"{result.rows:,}".replace(",", ".")
        self.banner.show_message(
            self.tr("%1 baris log audit diekspor ke %2.")
            .replace("%1", number)
            .replace("%2", str(result.path)),
            "success",
        )
