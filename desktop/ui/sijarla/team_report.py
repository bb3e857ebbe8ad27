"""Laporan Pelaksanaan Inovasi SIJARLA: the leader writes A, B, D and E; C comes from the records.

The dialog sends the report itself (in the background) and stays open with everything typed
when the service refuses, so nothing has to be written twice. "Simpan draf" keeps the texts
without sending them (in the field too: the draft travels back with the package); the form opens
on the saved draft. When the report cannot go yet (`waiting`: a package still in the field, a
conflict to decide, or this is a field laptop) the reason is shown and only the draft is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.sijarla.drafts import ReportDraft
from desktop.services.sijarla.record_query import CategoryTotal, TeamCase
from desktop.ui import theme
from desktop.ui.common.background import run_for
from desktop.ui.common.forms import fit_on_screen
from desktop.ui.common.operations import message_for
from desktop.ui.common.unsaved import FormDialog
from desktop.ui.sijarla.team_banner import MessageBanner


def results_text(totals: list[CategoryTotal]) -> str:
    """Section C as the report will print it: people recorded by category."""
    if not totals:
        return "Belum ada data pelayanan."
    lines = [f"• {t.category}: {t.total} orang ({t.served} selesai)" for t in totals]
    total = sum(t.total for t in totals)
    lines.append(f"Jumlah: {total} orang, tabel by name by address terlampir.")
    return "\n".join(lines)


class ReportDialog(FormDialog):
    """Ask for the report's sections and submit them; `result_value` holds the service's answer."""

    def __init__(
        self,
        parent: QWidget | None,
        case: TeamCase,
        totals: list[CategoryTotal],
        submit: Callable[[ReportDraft], Any],
        *,
        saved: ReportDraft | None = None,
        save_draft: Callable[[ReportDraft], Any] | None = None,
        waiting: str | None = None,
    ):
        super().__init__(parent)
        self.case = case
        self.submit = submit
        self.save_draft = save_draft
        self.waiting = waiting
        self.result_value: Any = None
        self.setWindowTitle(self.tr("Kirim Laporan Pelaksanaan"))
        fit_on_screen(self, 780, 680)
        heading = QLabel(self.tr("Laporan Pelaksanaan Inovasi SIJARLA"))
        heading.setFont(theme.scaled_font(self.font(), 1.3, QFont.Weight.DemiBold))
        heading.setProperty("role", "heading")
        subtitle = QLabel(
            self.tr("%1 · Nagari %2 · %3 · kepada Ketua Pelaksana Harian")
            .replace("%1", case.reference)
            .replace("%2", case.nagari)
            .replace("%3", case.team)
        )
        subtitle.setProperty("role", "muted")
        self.introduction_edit = self._text(
            self.tr(
                "Menindaklanjuti Surat Tugas Kepala Dinas, %1 melaksanakan pelayanan dokumen kependudukan "
                "(SIJARLA) di Nagari %2."
            )
            .replace("%1", case.team)
            .replace("%2", case.nagari)
        )
        self.activities_edit = self._text("")
        self.activities_edit.setPlaceholderText(
            self.tr("Kegiatan yang dilaksanakan: tempat, waktu, layanan.")
        )
        self.results_label = QLabel(results_text(totals))
        self.results_label.setWordWrap(True)
        self.results_label.setProperty("role", "muted")
        self.conclusion_edit = self._text("")
        self.conclusion_edit.setPlaceholderText(self.tr("Simpulan dan saran."))
        self.closing_edit = self._text(
            self.tr("Demikian laporan ini disampaikan untuk dapat dipergunakan sebagaimana mestinya."),
            height=54,
        )
        if saved is not None:
            self.introduction_edit.setPlainText(saved.introduction)
            self.activities_edit.setPlainText(saved.activities)
            self.conclusion_edit.setPlainText(saved.conclusion)
            self.closing_edit.setPlainText(saved.closing)
        self.banner = MessageBanner()
        if waiting:
            self.banner.info(waiting)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("A. Pendahuluan"), self.introduction_edit)
        form.addRow(self.tr("B. Kegiatan"), self.activities_edit)
        form.addRow(self.tr("C. Hasil"), self.results_label)
        form.addRow(self.tr("D. Simpulan dan saran"), self.conclusion_edit)
        form.addRow(self.tr("E. Penutup"), self.closing_edit)
        self.send_button = QPushButton(self.tr("Kirim laporan"))
        self.send_button.setProperty("primary", True)
        self.cancel_button = QPushButton(self.tr("Batal"))
        self.draft_button = QPushButton(self.tr("Simpan &draf"))
        self.draft_button.setVisible(save_draft is not None)
        self.send_button.clicked.connect(self.send)
        self.draft_button.clicked.connect(self.keep_draft)
        self.cancel_button.clicked.connect(self.reject)
        self.send_button.setEnabled(not waiting)
        buttons = QHBoxLayout()
        note = QLabel(self.tr("Bagian C dibuat otomatis dari data by name by address."))
        note.setProperty("role", "muted")
        buttons.addWidget(note, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(subtitle)
        layout.addWidget(self.banner)
        layout.addLayout(form, 1)
        layout.addLayout(buttons)

    def _text(self, value: str, height: int = 96) -> QPlainTextEdit:
        edit = QPlainTextEdit(value)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(height)
        return edit

    def draft(self) -> ReportDraft:
        return ReportDraft(
            introduction=self.introduction_edit.toPlainText(),
            activities=self.activities_edit.toPlainText(),
            conclusion=self.conclusion_edit.toPlainText(),
            closing=self.closing_edit.toPlainText(),
        )

    def send(self) -> None:
        draft = self.draft()
        self._busy(True)
        run_for(self, lambda: self.submit(draft), self._sent, self._failed)

    def keep_draft(self) -> None:
        if self.save_draft is None:
            return
        draft, save = self.draft(), self.save_draft
        self._busy(True)
        run_for(self, lambda: save(draft), self._draft_kept, self._failed)

    def _draft_kept(self, _value: Any) -> None:
        self._busy(False)
        self.typed.mark_clean()  # kept: closing the form loses nothing
        self.banner.ok(self.tr("Draf laporan tersimpan."))

    def _sent(self, value: Any) -> None:
        self._busy(False)
        self.result_value = value
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.banner.error(message_for(error))

    def _busy(self, busy: bool) -> None:
        self.send_button.setEnabled(not busy and not self.waiting)
        self.draft_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.send_button.setText(self.tr("Mengirim…") if busy else self.tr("Kirim laporan"))

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        case: TeamCase,
        totals: list[CategoryTotal],
        submit: Callable[[ReportDraft], Any],
        **draft: Any,
    ) -> Any:
        """Show the form until the report is sent (the service's answer) or closed (None).
        `draft`: saved, save_draft and waiting, as the constructor takes them."""
        dialog = cls(parent, case, totals, submit, **draft)
        try:
            return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
