"""The Ketua Pelaksana Harian: receives team reports, builds the periodic recap."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from desktop import roles
from desktop.services.errors import DomainError
from desktop.services.sijarla import recap
from desktop.services.sijarla.recap import RecapFigures, RecapView
from desktop.services.sop.worklists import WorkEntry
from desktop.ui.common.background import run_for
from desktop.ui.common.cards import card, section_label
from desktop.ui.common.operations import message_for
from desktop.ui.sijarla.recap_period import PeriodPicker
from desktop.ui.sijarla.recap_tab import RecapRoleTab
from desktop.ui.sop.role_tab import SOP_SIJARLA
from desktop.ui.sop.tab_registry import register_tab


@register_tab(roles.KETUA_PELAKSANA_HARIAN)
class KetuaPelaksanaHarianTab(RecapRoleTab):
    """Pick a period, preview the recap, save it (the waiting cases complete), forward it."""

    SOPS = (SOP_SIJARLA,)
    DUTIES = (
        QT_TRANSLATE_NOOP("KetuaPelaksanaHarianTab", "Menerima Laporan Pelaksanaan dari setiap ketua tim."),
        QT_TRANSLATE_NOOP(
            "KetuaPelaksanaHarianTab", "Menyusun Rekapitulasi Pelayanan Inovasi SIJARLA secara berkala."
        ),
        QT_TRANSLATE_NOOP("KetuaPelaksanaHarianTab", "Melaporkan berapa kasus selesai dalam batas 3 hari."),
        QT_TRANSLATE_NOOP(
            "KetuaPelaksanaHarianTab",
            "Mengirim rekapitulasi ke Kepala Dinas lewat Kabid Pemanfaatan Data dan Inovasi Pelayanan.",
        ),
    )

    def primary_text(self) -> str:
        return self.tr("Teruskan ke Kabid Pemanfaatan Data")

    def empty_hint(self) -> str:
        return self.tr(
            "Pilih periode lalu tekan Pratinjau untuk melihat rekap, atau buka rekap yang tersimpan "
            "dari daftar pekerjaan. Simpan rekap menyelesaikan kasus yang menunggu rekap pada periode itu."
        )

    def left_widgets(self) -> list[QWidget]:
        self._generation = 0
        frame = card()
        box = QVBoxLayout(frame)
        box.setContentsMargins(20, 18, 20, 18)
        box.setSpacing(10)
        box.addWidget(section_label(self.tr("Periode rekap")))
        self.period_picker = PeriodPicker()
        box.addWidget(self.period_picker)
        self.preview_button = QPushButton(self.tr("Pratinjau"))
        self.save_button = QPushButton(self.tr("Simpan rekap"))
        self.save_button.setProperty("primary", True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        box.addLayout(buttons)
        self.busy = QWidget()
        busy_row = QHBoxLayout(self.busy)
        busy_row.setContentsMargins(0, 0, 0, 0)
        self.busy_label = QLabel(self.tr("Menghitung…"))
        self.busy_label.setProperty("role", "muted")
        bar = QProgressBar()
        bar.setRange(0, 0)
        bar.setMaximumHeight(8)
        bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Batal"))
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(bar, 1)
        busy_row.addWidget(self.cancel_button)
        self.busy.hide()
        box.addWidget(self.busy)
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel_preview)
        return [frame]

    def worklist_detail(self) -> str:
        return self.tr("Kasus yang menunggu rekap dan rekap draf tampil di sini.")

    # --- preview and save ------------------------------------------------------------------------

    def _period(self):
        try:
            return self.period_picker.period()
        except DomainError as exc:
            self.panel.banner.error(exc.message)
            return None

    def preview(self) -> None:
        """Compute the recap in the background; nothing is saved."""
        period = self._period()
        if period is None:
            return
        self._generation += 1
        generation = self._generation
        self._busy(True, self.tr("Menghitung rekap…"), cancellable=True)
        run_for(
            self,
            lambda: recap.compute(period),
            lambda figures: self._previewed(generation, figures),
            lambda error: self._failed(generation, error),
        )

    def cancel_preview(self) -> None:
        """Stop waiting: the result, when it comes, is dropped (a preview writes nothing)."""
        self._generation += 1
        self._busy(False)
        self.panel.banner.info(self.tr("Pratinjau dibatalkan."))

    def _previewed(self, generation: int, figures: RecapFigures) -> None:
        if generation != self._generation:
            return
        self._busy(False)
        self.panel.banner.clear_message()
        self.panel.show_preview(figures)
        self.panel.primary_button.setEnabled(False)

    def save(self) -> None:
        """Build and store the recap; the cases waiting for it in the period complete."""
        period = self._period()
        if period is None:
            return
        self._generation += 1
        generation = self._generation
        self._busy(True, self.tr("Menyimpan rekap…"), cancellable=False)
        run_for(
            self,
            lambda: recap.build_recap(self.session, period),
            lambda view: self._saved(generation, view),
            lambda error: self._failed(generation, error),
        )

    def _saved(self, generation: int, view: RecapView) -> None:
        self._busy(False)
        self.panel.show_saved(view)
        self.recap_opened(view.status)
        done = ", ".join(view.cases_completed)
        text = self.tr("Rekap disimpan sebagai draf.")
        if done:
            text += " " + self.tr("Kasus selesai: %1.").replace("%1", done)
        self.panel.banner.ok(text)
        self.action_done()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._busy(False)
        self.panel.banner.error(message_for(error))

    def _busy(self, busy: bool, text: str = "", *, cancellable: bool = False) -> None:
        self.busy.setVisible(busy)
        self.busy_label.setText(text)
        self.cancel_button.setVisible(cancellable)
        self.preview_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)

    # --- the worklist and forwarding -----------------------------------------------------------

    def open_work_item(self, entry: WorkEntry) -> None:
        if entry.kind == "rekap":
            self.open_recap(entry.ref_id)
        else:
            self.panel.banner.info(
                self.tr(
                    "%1 menunggu rekap: simpan rekap untuk periode yang mencakup tanggal pelayanannya, "
                    "kasus ini lalu selesai."
                ).replace("%1", entry.number)
            )

    def recap_opened(self, status: str) -> None:
        self.panel.primary_button.setEnabled(status == "draf")

    def primary(self) -> None:
        """Teruskan ke Kabid Pemanfaatan Data."""
        saved = self.panel.saved
        if saved is None or saved.status != "draf":
            return
        self.panel.primary_button.setEnabled(False)
        run_for(
            self,
            lambda: recap.forward_recap(self.session, saved.id, saved.version),
            self._forwarded,
            self._forward_failed,
        )

    def _forwarded(self, status: str) -> None:
        self.panel.set_saved_status(status)
        self.panel.banner.ok(self.tr("Rekap diteruskan ke Kabid Pemanfaatan Data dan Inovasi Pelayanan."))
        self.action_done()

    def _forward_failed(self, error: BaseException) -> None:
        self.panel.primary_button.setEnabled(True)
        self.panel.banner.error(message_for(error))
