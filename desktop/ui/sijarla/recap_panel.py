"""A recap with what can be done to it: export to xlsx, the PDF document, and the next SOP step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.services.session import Session
from desktop.services.sijarla import recap_export
from desktop.services.sijarla.recap import RecapFigures, RecapView
from desktop.ui.common.background import run_for
from desktop.ui.common.operations import message_for
from desktop.ui.sijarla.recap_save import SaveFileDialog, safe_file_name
from desktop.ui.sijarla.recap_view import RecapViewWidget
from desktop.ui.sijarla.team_banner import MessageBanner


class RecapPanel(QFrame):
    """A card: the recap view, a message line, and Ekspor xlsx / PDF / the tab's own step button."""

    primary_requested = Signal()
    exported = Signal(object)  # the Path written

    def __init__(
        self,
        session: Session,
        primary_text: str,
        empty_hint: str,
        extra: QWidget | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("Card")
        self.session = session
        self.saved: RecapView | None = None
        self.title = ""
        self.view = RecapViewWidget(empty_hint, extra)
        self.banner = MessageBanner()
        self.export_button = QPushButton(self.tr("Ekspor xlsx…"))
        self.pdf_button = QPushButton(self.tr("Dokumen PDF…"))
        self.primary_button = QPushButton(primary_text)
        self.primary_button.setProperty("primary", True)
        self.export_button.clicked.connect(self.export_xlsx)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.primary_button.clicked.connect(self.primary_requested)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.primary_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        self._update_buttons()

    # --- what is shown ------------------------------------------------------------------------

    def status_text(self, status: str) -> str:
        labels = {
            "draf": self.tr("Draf"),
            "diteruskan": self.tr("Diteruskan"),
            "diajukan": self.tr("Diajukan"),
            "diterima": self.tr("Diterima"),
        }
        return labels.get(status, status)

    def show_preview(self, figures: RecapFigures) -> None:
        """Figures computed but not saved."""
        self.saved = None
        self.title = self.tr("Rekapitulasi Pelayanan Inovasi SIJARLA %1").replace("%1", figures.period.title)
        self.view.show_figures(figures, self.title, self.tr("Pratinjau, belum disimpan"))
        self._update_buttons()

    def show_saved(self, view: RecapView) -> None:
        self.saved = view
        self.title = view.title
        self.view.show_figures(view.figures, view.title, self.status_text(view.status))
        self._update_buttons()

    def set_saved_status(self, status: str) -> None:
        """After the recap moved on: the new status and version."""
        if self.saved is not None:
            s = self.saved
            self.saved = RecapView(s.id, s.title, status, s.version + 1, s.figures, s.cases_completed)
            self.view.set_status(self.status_text(status))
        self._update_buttons()

    def clear(self) -> None:
        self.saved = None
        self.view.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        shown = self.view.figures is not None
        self.export_button.setEnabled(shown)
        self.pdf_button.setEnabled(shown)

    # --- exports ----------------------------------------------------------------------------------

    def export_xlsx(self) -> None:
        figures = self.view.figures
        if figures is None:
            return
        name = safe_file_name(self.title) + ".xlsx"
        path = SaveFileDialog.ask(self, self.tr("Ekspor rekapitulasi"), name, ".xlsx")
        if path is None:
            return
        status = self.saved.status if self.saved else ""
        title = self.title
        self.export_button.setEnabled(False)
        run_for(
            self,
            lambda: recap_export.export_xlsx(self.session, figures, path, title=title, status=status),
            self._written,
            self._failed,
        )

    def export_pdf(self) -> None:
        reason = recap_export.pdf_unavailable_reason()
        if reason:
            self.banner.info(reason)
            return
        if self.saved is None:
            self.banner.info(
                self.tr("Simpan rekap terlebih dahulu: dokumen PDF dibuat dari rekap yang tersimpan.")
            )
            return
        name = safe_file_name(self.title) + ".pdf"
        path = SaveFileDialog.ask(self, self.tr("Simpan dokumen PDF"), name, ".pdf")
        if path is None:
            return
        recap_id = self.saved.id
        self.pdf_button.setEnabled(False)

        def work() -> Path:
            path.write_bytes(recap_export.recap_pdf(self.session, recap_id))
            return path

        run_for(self, work, self._written, self._failed)

    def _written(self, path: Path) -> None:
        self._update_buttons()
        self.banner.ok(self.tr("Disimpan ke %1").replace("%1", str(path)))
        self.exported.emit(path)

    def _failed(self, error: BaseException) -> None:
        self._update_buttons()
        if isinstance(error, OSError):
            self.banner.error(self.tr("Berkas tidak dapat ditulis: %1").replace("%1", str(error)))
        else:
            self.banner.error(message_for(error))
