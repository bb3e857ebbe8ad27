"""Penandatangan (who signs which document, with the title printed above the name) and
Pola penomoran (letter-number patterns, with a live example of the next number)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services.errors import InvalidInput
from desktop.services.office import admin, users
from desktop.services.office.admin import PatternDraft, PatternRow, SignerRow
from desktop.services.session import Session
from desktop.ui import theme
from desktop.ui.admin.page import AdminPage, plain_table
from desktop.ui.admin.tables import PatternsTableModel, SignersTableModel
from desktop.ui.common.cards import section_label
from desktop.ui.common.forms import field_label, muted, primary_button


def _detail_column() -> tuple[QWidget, QVBoxLayout]:
    widget = QWidget()
    widget.setMinimumWidth(330)
    column = QVBoxLayout(widget)
    column.setContentsMargins(14, 0, 0, 0)
    column.setSpacing(8)
    return widget, column


class SignersPage(AdminPage):
    TITLE = QT_TRANSLATE_NOOP("SignersPage", "Penandatangan")
    HINT = QT_TRANSLATE_NOOP(
        "SignersPage",
        "Siapa yang menandatangani setiap jenis dokumen, dan jabatan yang dicetak di atas namanya.",
    )

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.current: SignerRow | None = None
        self.model = SignersTableModel()
        self.table = plain_table(self.model, stretch=0)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        detail, column = _detail_column()
        column.addWidget(section_label(self.tr("Atur penandatangan")))
        self.purpose_label = QLabel(self.tr("Pilih keperluan di tabel"))
        self.purpose_label.setWordWrap(True)
        column.addWidget(self.purpose_label)
        form = QFormLayout()
        self.user_combo = QComboBox()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL")
        form.addRow(field_label(self.tr("Pejabat"), self.user_combo), self.user_combo)
        form.addRow(field_label(self.tr("Jabatan tertulis"), self.title_edit), self.title_edit)
        column.addLayout(form)
        self.save_button = primary_button(self.tr("Simpan penandatangan"))
        self.save_button.clicked.connect(self.save)
        column.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        column.addStretch(1)
        self.busy_buttons = [self.save_button]
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setSizes([600, 360])
        split.setChildrenCollapsible(False)
        self.box.addWidget(split, 1)
        self._show(None)

    def load(self) -> None:
        session = self.session
        self.call(
            lambda: (admin.list_signers(session), [u for u in users.list_users() if u.is_active]),
            self._loaded,
            quiet=True,
        )

    def _loaded(self, result) -> None:
        signers, people = result
        self.user_combo.clear()
        for person in people:
            self.user_combo.addItem(f"{person.full_name} — {person.jabatan}", person.id)
        self.model.set_rows(signers)
        keep = self.current.purpose if self.current else None
        row = self.model.find(lambda s: s.purpose == keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)
        self._show(self.model.row(row) if row >= 0 else None)

    def _row_changed(self, current, _previous) -> None:
        self._show(self.model.row(current.row()) if current.isValid() else None)

    def _show(self, signer: SignerRow | None) -> None:
        self.current = signer
        for widget in (self.user_combo, self.title_edit, self.save_button):
            widget.setEnabled(signer is not None)
        if signer is None:
            return
        self.purpose_label.setText(f"<b>{signer.purpose_label}</b>")
        self.user_combo.setCurrentIndex(max(0, self.user_combo.findData(signer.user_id)))
        self.title_edit.setText(signer.title)

    def save(self) -> None:
        signer = self.current
        if signer is None:
            return
        user_id, title, session = self.user_combo.currentData(), self.title_edit.text(), self.session
        self.call(
            lambda: admin.save_signer(session, signer.purpose, user_id, title, signer.version),
            lambda row: (setattr(self, "current", row), self.load()),
            self.tr("Penandatangan %1 tersimpan.").replace("%1", signer.purpose_label),
        )


class NumberingPage(AdminPage):
    TITLE = QT_TRANSLATE_NOOP("NumberingPage", "Pola penomoran")
    HINT = QT_TRANSLATE_NOOP(
        "NumberingPage",
        "Nomor surat dibentuk dari pola; nomor urut {seq} diambil berurutan "
        "dan dimulai lagi dari 1 setiap tahun.",
    )

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.current: PatternRow | None = None
        self.model = PatternsTableModel()
        self.table = plain_table(self.model, stretch=1)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        detail, column = _detail_column()
        column.addWidget(section_label(self.tr("Ubah pola")))
        form = QFormLayout()
        self.name_edit, self.pattern_edit, self.klasifikasi_edit, self.unit_edit = (
            QLineEdit() for _ in range(4)
        )
        self.reset_check = QCheckBox(self.tr("Nomor urut mulai dari 1 setiap tahun"))
        for caption, edit in (
            (self.tr("Nama"), self.name_edit),
            (self.tr("Pola"), self.pattern_edit),
            (self.tr("Klasifikasi"), self.klasifikasi_edit),
            (self.tr("Unit"), self.unit_edit),
        ):
            form.addRow(field_label(caption, edit), edit)
            edit.textChanged.connect(self.update_example)
        form.addRow(QLabel(), self.reset_check)
        column.addLayout(form)
        column.addWidget(
            muted(
                self.tr(
                    "Bagian pola: {seq} nomor urut ({seq:03} tiga angka), {year} tahun, "
                    "{bulan} bulan Romawi, "
                    "{klasifikasi} kode klasifikasi (400.12 Kependudukan dan Catatan Sipil), {unit} unit."
                )
            )
        )
        column.addWidget(section_label(self.tr("Contoh nomor berikutnya")))
        self.example_label = QLabel("-")
        self.example_label.setObjectName("NumberExample")
        self.example_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.example_label)
        self.save_button = primary_button(self.tr("Simpan pola"))
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        column.addLayout(row)
        column.addStretch(1)
        self.busy_buttons = [self.save_button]
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setSizes([560, 400])
        split.setChildrenCollapsible(False)
        self.box.addWidget(split, 1)
        self._show(None)

    def load(self) -> None:
        session = self.session
        self.call(lambda: admin.list_patterns(session), self._loaded, quiet=True)

    def _loaded(self, patterns: list[PatternRow]) -> None:
        self.model.set_rows(patterns)
        keep = self.current.id if self.current else None
        row = self.model.find(lambda p: p.id == keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)
        self._show(self.model.row(row) if row >= 0 else None)

    def _row_changed(self, current, _previous) -> None:
        self._show(self.model.row(current.row()) if current.isValid() else None)

    def _show(self, pattern: PatternRow | None) -> None:
        self.current = pattern
        for widget in (
            self.name_edit,
            self.pattern_edit,
            self.klasifikasi_edit,
            self.unit_edit,
            self.reset_check,
        ):
            widget.setEnabled(pattern is not None)
        self.save_button.setEnabled(pattern is not None)
        if pattern is None:
            self.example_label.setText("-")
            return
        self.name_edit.setText(pattern.name)
        self.pattern_edit.setText(pattern.pattern)
        self.klasifikasi_edit.setText(pattern.klasifikasi)
        self.unit_edit.setText(pattern.unit)
        self.reset_check.setChecked(pattern.reset_yearly)
        self.update_example()

    def update_example(self) -> None:
        """Show the next number the typed pattern gives, or what is wrong with it."""
        if self.current is None:
            return
        try:
            text = admin.example_number(
                self.pattern_edit.text(),
                self.klasifikasi_edit.text(),
                self.unit_edit.text(),
                self.current.next_seq,
                dt.date.today(),
            )
            colour = theme.NAVY
        except InvalidInput as exc:
            text, colour = exc.message, theme.DANGER
        self.example_label.setText(text)
        size = "13pt" if colour == theme.NAVY else "10pt"
        self.example_label.setStyleSheet(
            f"QLabel#NumberExample {{ color: {colour}; font-size: {size}; font-weight: 600; }}"
        )

    def save(self) -> None:
        pattern = self.current
        if pattern is None:
            return
        draft = PatternDraft(
            self.name_edit.text(),
            self.pattern_edit.text(),
            self.klasifikasi_edit.text(),
            self.unit_edit.text(),
            self.reset_check.isChecked(),
        )
        session = self.session
        self.call(
            lambda: admin.update_pattern(session, pattern.id, draft, pattern.version),
            lambda row: (setattr(self, "current", row), self.load()),
            self.tr("Pola %1 tersimpan.").replace("%1", draft.name),
        )
