"""A new innovation idea: the Kasi Inovasi writes it and sends it to the Kabid (SOP step 1)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.services.inovasi import steps as inovasi
from desktop.services.inovasi.steps import InnovationSummary
from desktop.services.session import Session
from desktop.ui.common.forms import heading, muted, primary_button
from desktop.ui.common.unsaved import FormDialog
from desktop.ui.inovasi.innovation_fields import read_uploads
from desktop.ui.inovasi.innovation_forms import IdeaForm


class IdeaDialog(FormDialog):
    """Stays open, with what was typed, until the service accepts the idea."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.summary: InnovationSummary | None = None
        self.setWindowTitle(self.tr("Gagasan inovasi baru"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Gagasan inovasi baru"), 1.3))
        layout.addWidget(
            muted(
                self.tr(
                    "Langkah 1 SOP Inovasi Pelayanan Publik (1 hari): tulis gagasan dan pointers konsepnya. "
                    "Setelah diajukan, Kabid Pemanfaatan Data dan Inovasi Pelayanan menelaahnya."
                )
            )
        )
        self.form = IdeaForm(session, None)
        self.form.done.connect(self._accepted)
        layout.addWidget(self.form, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(self.tr("Batal"))
        cancel.clicked.connect(self.reject)
        self.submit_button = primary_button(self.tr("Ajukan ke Kabid"))
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        self.form.buttons.append(self.submit_button)
        buttons.addWidget(cancel)
        buttons.addWidget(self.submit_button)
        layout.addLayout(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, session: Session) -> InnovationSummary | None:
        """Show the dialog; the new innovation once proposed, or None when cancelled."""
        dialog = cls(session, parent)
        dialog.exec()
        return dialog.summary

    def submit(self) -> None:
        title, problem, target, pointers, paths = self.form.typed()
        session = self.session

        def work() -> InnovationSummary:
            draft = inovasi.IdeaDraft(title, problem, target, pointers, read_uploads(paths))
            return inovasi.propose_idea(session, draft)

        self.form.call(work)

    def _accepted(self, summary: InnovationSummary) -> None:
        self.summary = summary
        self.accept()
