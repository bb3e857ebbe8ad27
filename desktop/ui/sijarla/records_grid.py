"""The by-name-by-address grid of a case in service: the records so far, the entry row, import, report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.errors import DomainError
from desktop.services.field import mode as field_mode
from desktop.services.session import Session
from desktop.services.sijarla import field_status, record_import, record_query, report_draft, service_records
from desktop.services.sijarla import steps as sijarla
from desktop.services.sijarla.record_query import RecordChoices, RecordFilter, RecordSort, TeamCase
from desktop.services.sijarla.service_records import ImportResult, RecordDraft
from desktop.ui.common.background import run_for
from desktop.ui.common.field_errors import problems_of
from desktop.ui.common.forms import reveal
from desktop.ui.common.operations import message_for
from desktop.ui.common.unsaved import may_leave
from desktop.ui.sijarla.records_entry import RecordEntryForm
from desktop.ui.sijarla.records_import import (
    ImportCancelled,
    ImportErrorsDialog,
    ImportFileDialog,
    RecordsImport,
    TemplateFileDialog,
)
from desktop.ui.sijarla.records_table import RecordsTableModel
from desktop.ui.sijarla.records_view import RecordsTableView
from desktop.ui.sijarla.team_banner import MessageBanner
from desktop.ui.sijarla.team_report import ReportDialog

# The case's grid leaves out what the case already says; the reason shows as Hasil's tooltip.
GRID_HIDDEN = ("case_reference", "outcome_reason")
GRID_WIDTHS = {
    "served_on": 92,
    "nik": 142,
    "kk": 142,
    "address": 160,
    "nagari": 130,
    "jorong": 110,
    "category": 150,
}


class RecordsGridPanel(QWidget):
    """One case's records; emits `case_moved` after the leader sent the report."""

    case_moved = Signal()
    record_saved = Signal(int)  # the record's id, once it shows in the grid

    def __init__(self, session: Session, choices: RecordChoices, *, leader_tab: bool, parent=None):
        super().__init__(parent)
        self.session = session
        self.leader_tab = leader_tab
        self.case: TeamCase | None = None
        self.importer: RecordsImport | None = None
        self._select_after_load: int | None = None
        self._reveal_form = False
        self.model = RecordsTableModel(session, self, sort=RecordSort("recorded", True))
        self.table = RecordsTableView(self.model, hidden=GRID_HIDDEN, widths=GRID_WIDTHS)
        self.table.setMinimumHeight(150)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.form = RecordEntryForm()
        self.form.set_choices(choices)
        self.banner = MessageBanner()
        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        self.import_button = QPushButton(self.tr("Impor xlsx/csv…"))
        self.import_button.setToolTip(
            self.tr("Kolom: NIK, Nama, KK, Alamat, Jorong, Nagari, Kategori, Sasaran, Hasil, Alasan, Tanggal")
        )
        self.template_button = QPushButton(self.tr("Unduh templat…"))
        self.template_button.setToolTip(
            self.tr("Simpan lembar kerja berisi kolom yang dibaca impor, satu baris contoh dan petunjuk")
        )
        self.report_button = QPushButton(self.tr("Kirim laporan…"))
        self.report_button.setProperty("primary", True)
        # The count and the buttons sit in the workspace's title line (see actions()).
        self._actions = QWidget()
        toolbar = QHBoxLayout(self._actions)
        toolbar.setContentsMargins(0, 0, 0, 0)
        toolbar.setSpacing(8)
        toolbar.addWidget(self.count_label)
        toolbar.addSpacing(8)
        toolbar.addWidget(self.template_button)
        toolbar.addWidget(self.import_button)
        toolbar.addWidget(self.report_button)
        # Only once it has a parent: shown before, the button flashed up as a window of its own and
        # took the keyboard focus from the main window.
        self.report_button.setVisible(leader_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form)
        self.form.save_requested.connect(self.save)
        self.table.activated.connect(self.edit_row)  # a double click, or Enter on the row
        self.import_button.clicked.connect(self.import_file)
        self.template_button.clicked.connect(self.save_template)
        self.report_button.clicked.connect(self.send_report)
        self.model.loaded.connect(self._loaded)
        self.deleter = None
        if field_mode.is_field_mode():  # a record typed by mistake in the field may be deleted there
            from desktop.ui.field.record_delete import RecordDeleter

            self.deleter = RecordDeleter(self)

    def actions(self) -> QWidget:
        """The record count, Impor and Kirim laporan, for the title line above the grid."""
        return self._actions

    def load(self, case: TeamCase) -> None:
        """Show a case's records; the entry row starts in the case's nagari."""
        self.case = case
        self.report_button.setVisible(self.leader_tab and case.is_leader)
        self.form.set_nagari(case.nagari_id)
        self.form.start_new()
        self._reveal_form = True
        self.banner.clear_message()
        self.model.set_filter(RecordFilter(case_id=case.id))

    def _loaded(self, rows: int) -> None:
        self.count_label.setText(self.tr("%1 warga tercatat").replace("%1", str(rows)))
        if self._reveal_form:  # a case just opened in a short window: the entry row in view
            self._reveal_form = False
            reveal(self.form)
        record_id, self._select_after_load = self._select_after_load, None
        if record_id is not None:
            self.table.select_record(record_id)
            self.record_saved.emit(record_id)

    # --- typing a record -------------------------------------------------------------------------

    def save(self, draft: RecordDraft) -> None:
        """Add the typed record, or save the correction of the one being edited."""
        if self.case is None:
            return
        editing = self.form.editing
        case_id = self.case.id
        self.form.set_busy(True)
        if editing is None:
            work = lambda: service_records.add_record(self.session, case_id, draft)  # noqa: E731
        else:
            record_id, version = editing.id, editing.version

            def work() -> int:
                service_records.update_record(self.session, record_id, draft, version)
                return record_id

        run_for(self, work, lambda record_id: self._saved(record_id, draft), self._save_failed)

    def _saved(self, record_id: int, draft: RecordDraft) -> None:
        self.form.set_busy(False)
        was_edit = self.form.editing is not None
        self.form.start_new()
        text = (
            self.tr("Perubahan disimpan: %1.")
            if was_edit
            else self.tr("Tersimpan: %1. Lanjut ke warga berikutnya.")
        )
        self.form.show_ok(text.replace("%1", draft.full_name))
        self._select_after_load = record_id
        self.model.reload()

    def _save_failed(self, error: BaseException) -> None:
        self.form.set_busy(False)
        problems = problems_of(error)
        if problems:
            self.form.show_problems(problems)
        else:
            self.form.show_error(message_for(error))

    def edit_row(self, index: QModelIndex) -> None:
        """Open a saved record in the entry row to correct it (asking first when a person is half typed)."""
        if not may_leave(self, [self.form]):
            return
        record_id = self.model.record_id(index.row())
        if record_id is None:  # a row still being read: nothing to open yet
            return
        try:
            record = record_query.record_for_edit(self.session, record_id)
        except DomainError as exc:
            self.banner.error(exc.message)
            return
        self.form.load(record)

    # --- import ---------------------------------------------------------------------------------

    def import_file(self) -> None:
        path = ImportFileDialog.ask(self)
        if path is not None:
            self.run_import(path, clean_only=False)

    def save_template(self) -> None:
        """'Unduh templat': the import's columns, an example row and notes, saved where the user picks."""
        if self.case is None:
            return
        path = TemplateFileDialog.ask(self, f"templat-impor-{self.case.reference}.xlsx")
        if path is None:
            return
        session, case_id = self.session, self.case.id
        self.template_button.setEnabled(False)
        run_for(
            self,
            lambda: record_import.write_template(session, case_id, path),
            self._template_saved,
            self._template_failed,
        )

    def _template_saved(self, path: Path) -> None:
        self.template_button.setEnabled(True)
        self.banner.ok(
            self.tr("Templat disimpan di %1. Isi mulai baris 2 (ganti baris contoh), lalu Impor.").replace(
                "%1", str(path)
            )
        )

    def _template_failed(self, error: BaseException) -> None:
        self.template_button.setEnabled(True)
        self.banner.error(message_for(error))

    def run_import(self, path: Path, *, clean_only: bool) -> None:
        if self.case is None:
            return
        self.import_button.setEnabled(False)
        self.banner.clear_message()
        self.importer = RecordsImport(self.session, self.case.id, path, clean_only=clean_only, parent=self)
        self.importer.finished.connect(lambda result: self._imported(path, clean_only, result))
        self.importer.failed.connect(self._import_failed)
        self.importer.start()

    def _imported(self, path: Path, clean_only: bool, result: ImportResult) -> None:
        self.import_button.setEnabled(True)
        self.importer = None
        if result.errors and not clean_only:
            if ImportErrorsDialog.ask(self, result, path.name):
                self.run_import(path, clean_only=True)
            else:
                self.banner.info(self.tr("Impor dibatalkan; tidak ada data yang disimpan."))
            return
        text = (
            self.tr("%1 baris diimpor dari %2.").replace("%1", str(result.imported)).replace("%2", path.name)
        )
        if result.errors:
            text += " " + self.tr("%1 baris bermasalah dilewati.").replace("%1", str(len(result.errors)))
        self.banner.ok(text)
        self.model.reload()

    def _import_failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.importer = None
        if isinstance(error, ImportCancelled):
            self.banner.info(self.tr("Impor dibatalkan; tidak ada data yang disimpan."))
        else:
            self.banner.error(message_for(error))

    # --- report --------------------------------------------------------------------------------

    def send_report(self) -> None:
        """The leader's Laporan Pelaksanaan; C is generated from the records."""
        if self.case is None:
            return
        case = record_query.team_case(self.session, self.case.id)
        totals = record_query.category_totals(self.session, case.id)

        saved = report_draft.saved_report(self.session, case.id)
        versions = [saved.version if saved else None]

        def submit(draft):
            return sijarla.submit_report(self.session, case.id, draft, case.version)

        def save_draft(draft):
            versions[0] = report_draft.save_report_draft(self.session, case.id, draft, versions[0])

        answer = ReportDialog.ask(
            self, case, totals, submit,
            saved=saved.draft if saved else None,
            save_draft=save_draft,
            waiting=field_status.field_work_pending(case.id),
        )  # fmt: skip
        if answer is not None:
            self.banner.ok(self.tr("Laporan terkirim ke Ketua Pelaksana Harian."))
            self.case_moved.emit()
