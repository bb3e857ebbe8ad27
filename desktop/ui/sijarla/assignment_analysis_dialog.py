"""'Buka kasus dari analisis': the Kepala Dinas sends a team to a low-coverage nagari, without a letter."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.case_view import NagariOption
from desktop.services.sijarla.steps import ANALYSIS_REASON_LIMIT
from desktop.ui.common.forms import FORM_STYLESHEET, field_label, heading, input_height, muted
from desktop.ui.common.nagari_picker import NagariPicker
from desktop.ui.common.unsaved import FormDialog


class AnalysisCaseDialog(FormDialog):
    def __init__(self, nagari: list[NagariOption], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Buka kasus dari analisis"))
        self.setMinimumWidth(520)
        self.setStyleSheet(FORM_STYLESHEET)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(8)
        layout.addWidget(heading(self.tr("Pelayanan ke nagari dengan capaian adminduk rendah"), 1.1))
        layout.addWidget(
            muted(
                self.tr(
                    "Kasus dibuka tanpa surat permohonan dan langsung menunggu disposisi Kabid Pelayanan."
                )
            )
        )
        self.nagari_combo = NagariPicker(self.tr("Ketik nama nagari…"))
        self.nagari_combo.set_options(nagari, keep_typed=False)
        input_height(self.nagari_combo)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("mis. Perekaman KTP-el lansia baru 58% (SIAK, Oktober)."))
        layout.addWidget(field_label(self.tr("&Nagari"), self.nagari_combo))
        layout.addWidget(self.nagari_combo)
        layout.addWidget(field_label(self.tr("&Dasar analisis"), self.reason_edit))
        layout.addWidget(self.reason_edit, 1)
        self.reason_count = muted("")
        layout.addWidget(self.reason_count)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Buka kasus"))
        self.ok_button.setProperty("primary", True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reason_edit.textChanged.connect(self._count_reason)
        self._count_reason()

    def _count_reason(self) -> None:
        """The reason is kept whole, so a longer one is refused here, before the case is opened."""
        length = len(self.reason_edit.toPlainText().strip())
        over = length > ANALYSIS_REASON_LIMIT
        template = (
            self.tr("Dasar analisis terlalu panjang: %1 karakter, paling banyak %2.")
            if over
            else self.tr("%1 dari %2 karakter")
        )
        self.reason_count.setText(
            template.replace("%1", str(length)).replace("%2", str(ANALYSIS_REASON_LIMIT))
        )
        self.ok_button.setEnabled(not over)

    def nagari_id(self) -> int | None:
        return self.nagari_combo.nagari_id()

    @classmethod
    def ask(cls, parent: QWidget | None, nagari: list[NagariOption]) -> tuple[int, str] | None:
        """(nagari id, reason), or None when cancelled; an unknown nagari gives 0 (the service refuses it)."""
        dialog = cls(nagari, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.nagari_id() or 0, dialog.reason_edit.toPlainText()
        finally:
            dialog.deleteLater()
