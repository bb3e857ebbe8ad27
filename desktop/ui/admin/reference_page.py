"""Data referensi: nagari and jorong, the service code lists, and the holiday calendar.

Entries are never deleted once records may point at them: they are renamed or hidden (nonaktif).
Jorong and holidays have no history of their own and can be removed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.office import reference_data
from desktop.services.office.reference_data import CodeItem, HolidayRow, JorongRow, NagariRow
from desktop.services.session import Session
from desktop.ui.admin.page import AdminPage, plain_table, selected_row
from desktop.ui.admin.tables import (
    CodesTableModel,
    HolidaysTableModel,
    JorongTableModel,
    NagariTableModel,
)
from desktop.ui.common.cards import section_label
from desktop.ui.common.forms import DateEdit, field_label, muted, primary_button

SIDE_WIDTH = 340


def _side() -> tuple[QWidget, QVBoxLayout]:
    widget = QWidget()
    widget.setMinimumWidth(300)
    column = QVBoxLayout(widget)
    column.setContentsMargins(14, 0, 0, 0)
    column.setSpacing(8)
    return widget, column


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
    return row


class NagariPage(AdminPage):
    """Nagari of a kecamatan, and the jorong of the chosen nagari."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.kecamatan_combo = QComboBox()
        self.kecamatan_combo.currentIndexChanged.connect(self.load_nagari)
        self.box.addLayout(_row(field_label(self.tr("Kecamatan")), self.kecamatan_combo))
        self.model = NagariTableModel()
        self.table = plain_table(self.model, stretch=1)
        self.table.selectionModel().currentRowChanged.connect(self._nagari_changed)
        side, column = _side()
        column.addWidget(section_label(self.tr("Nagari terpilih")))
        self.rename_edit = QLineEdit()
        rename = QPushButton(self.tr("Ubah nama"))
        rename.clicked.connect(self.rename)
        column.addLayout(_row(self.rename_edit, rename))
        self.active_button = QPushButton(self.tr("Nonaktifkan"))
        self.active_button.clicked.connect(self.toggle_active)
        column.addWidget(self.active_button, 0, Qt.AlignmentFlag.AlignRight)
        column.addWidget(section_label(self.tr("Jorong")))
        self.jorong_model = JorongTableModel()
        self.jorong_table = plain_table(self.jorong_model, stretch=0)
        self.jorong_table.setMaximumHeight(150)
        column.addWidget(self.jorong_table)
        self.jorong_edit = QLineEdit()
        self.jorong_edit.setPlaceholderText(self.tr("Nama jorong"))
        add_jorong, rename_jorong, remove_jorong = (
            QPushButton(self.tr("Tambah")),
            QPushButton(self.tr("Ubah")),
            QPushButton(self.tr("Hapus")),
        )
        add_jorong.clicked.connect(self.add_jorong)
        rename_jorong.clicked.connect(self.rename_jorong)
        remove_jorong.clicked.connect(self.remove_jorong)
        column.addLayout(_row(self.jorong_edit, add_jorong, rename_jorong, remove_jorong))
        column.addWidget(section_label(self.tr("Nagari baru di kecamatan ini")))
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("13.02.03.2001")
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Nama nagari"))
        add = primary_button(self.tr("Tambah nagari"))
        add.clicked.connect(self.add_nagari)
        column.addLayout(_row(self.code_edit, self.name_edit))
        column.addWidget(add, 0, Qt.AlignmentFlag.AlignRight)
        column.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setSizes([520, SIDE_WIDTH])
        split.setChildrenCollapsible(False)
        self.box.addWidget(split, 1)

    def load(self) -> None:
        session = self.session
        self.call(lambda: reference_data.list_kecamatan(session), self._kecamatan_loaded, quiet=True)

    def _kecamatan_loaded(self, rows) -> None:
        self.kecamatan_combo.blockSignals(True)
        self.kecamatan_combo.clear()
        for k in rows:
            self.kecamatan_combo.addItem(f"{k.name} ({k.kabupaten})", k.id)
        self.kecamatan_combo.blockSignals(False)
        self.load_nagari()

    def load_nagari(self) -> None:
        kecamatan_id, session = self.kecamatan_combo.currentData(), self.session
        if kecamatan_id is not None:
            self.call(
                lambda: reference_data.list_nagari(session, kecamatan_id), self._nagari_loaded, quiet=True
            )

    def _nagari_loaded(self, rows: list[NagariRow]) -> None:
        keep = self.current().id if self.current() else None
        self.model.set_rows(rows)
        row = self.model.find(lambda n: n.id == keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)
        self._nagari_changed()

    def current(self) -> NagariRow | None:
        row = selected_row(self.table)
        return self.model.row(row) if row >= 0 else None

    def _nagari_changed(self, *_args) -> None:
        nagari = self.current()
        self.rename_edit.setText(nagari.name if nagari else "")
        self.active_button.setText(
            self.tr("Nonaktifkan") if not nagari or nagari.is_active else self.tr("Aktifkan")
        )
        self.jorong_model.set_rows([])
        if nagari is not None:
            session = self.session
            self.call(
                lambda: reference_data.list_jorong(session, nagari.id), self.jorong_model.set_rows, quiet=True
            )

    def _after(self, _row=None) -> None:
        self.load_nagari()
        self.changed.emit()

    def add_nagari(self) -> None:
        kecamatan_id, code, name, session = (
            self.kecamatan_combo.currentData(),
            self.code_edit.text(),
            self.name_edit.text(),
            self.session,
        )
        self.call(
            lambda: reference_data.add_nagari(session, kecamatan_id, code, name),
            self._after,
            self.tr("Nagari ditambahkan."),
        )

    def rename(self) -> None:
        nagari, name, session = self.current(), self.rename_edit.text(), self.session
        if nagari is not None:
            self.call(
                lambda: reference_data.rename_nagari(session, nagari.id, name, nagari.version),
                self._after,
                self.tr("Nama nagari diubah."),
            )

    def toggle_active(self) -> None:
        nagari, session = self.current(), self.session
        if nagari is not None:
            done = self.tr("Nagari dinonaktifkan.") if nagari.is_active else self.tr("Nagari diaktifkan.")
            self.call(
                lambda: reference_data.set_nagari_active(
                    session, nagari.id, not nagari.is_active, nagari.version
                ),
                self._after,
                done,
            )

    def _jorong(self) -> JorongRow | None:
        row = selected_row(self.jorong_table)
        return self.jorong_model.row(row) if row >= 0 else None

    def add_jorong(self) -> None:
        nagari, name, session = self.current(), self.jorong_edit.text(), self.session
        if nagari is not None:
            self.call(
                lambda: reference_data.add_jorong(session, nagari.id, name),
                self._nagari_changed,
                self.tr("Jorong ditambahkan."),
            )

    def rename_jorong(self) -> None:
        jorong, name, session = self._jorong(), self.jorong_edit.text(), self.session
        if jorong is not None:
            self.call(
                lambda: reference_data.rename_jorong(session, jorong.id, name, jorong.version),
                self._nagari_changed,
                self.tr("Jorong diubah."),
            )

    def remove_jorong(self) -> None:
        jorong, session = self._jorong(), self.session
        if jorong is not None:
            self.call(
                lambda: reference_data.remove_jorong(session, jorong.id, jorong.version),
                self._nagari_changed,
                self.tr("Jorong dihapus."),
            )


class CodeListPage(AdminPage):
    """One code list: service categories, target groups or outcomes."""

    def __init__(self, session: Session, kind: str, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.kind = kind
        self.model = CodesTableModel()
        self.table = plain_table(self.model, stretch=1)
        self.table.selectionModel().currentRowChanged.connect(self._chosen)
        side, column = _side()
        column.addWidget(section_label(self.tr("Entri terpilih")))
        self.rename_edit = QLineEdit()
        rename = QPushButton(self.tr("Ubah nama"))
        rename.clicked.connect(self.rename)
        column.addLayout(_row(self.rename_edit, rename))
        self.active_button = QPushButton(self.tr("Nonaktifkan"))
        self.active_button.clicked.connect(self.toggle_active)
        column.addWidget(self.active_button, 0, Qt.AlignmentFlag.AlignRight)
        column.addWidget(section_label(self.tr("Entri baru")))
        form = QFormLayout()
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("huruf kecil, mis. akta_cerai"))
        self.name_edit = QLineEdit()
        form.addRow(field_label(self.tr("Kode"), self.code_edit), self.code_edit)
        form.addRow(field_label(self.tr("Nama"), self.name_edit), self.name_edit)
        self.reason_check = QCheckBox(self.tr("Wajib disertai alasan"))
        self.served_check = QCheckBox(self.tr("Dihitung sebagai terlayani"))
        if kind == "hasil":
            form.addRow(self.reason_check)
            form.addRow(self.served_check)
        column.addLayout(form)
        add = primary_button(self.tr("Tambah"))
        add.clicked.connect(self.add)
        column.addWidget(add, 0, Qt.AlignmentFlag.AlignRight)
        column.addWidget(
            muted(self.tr("Entri yang sudah dipakai tidak dihapus; nonaktifkan agar tidak muncul lagi."))
        )
        column.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setSizes([520, SIDE_WIDTH])
        split.setChildrenCollapsible(False)
        self.box.addWidget(split, 1)

    def load(self) -> None:
        session, kind = self.session, self.kind
        self.call(lambda: reference_data.list_codes(session, kind), self._loaded, quiet=True)

    def _loaded(self, rows: list[CodeItem]) -> None:
        keep = self.current().id if self.current() else None
        self.model.set_rows(rows)
        row = self.model.find(lambda c: c.id == keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)
        self._chosen()

    def current(self) -> CodeItem | None:
        row = selected_row(self.table)
        return self.model.row(row) if row >= 0 else None

    def _chosen(self, *_args) -> None:
        item = self.current()
        self.rename_edit.setText(item.name if item else "")
        self.active_button.setText(
            self.tr("Nonaktifkan") if not item or item.is_active else self.tr("Aktifkan")
        )

    def _after(self, _row=None) -> None:
        self.load()
        self.changed.emit()

    def add(self) -> None:
        kind, code, name, session = self.kind, self.code_edit.text(), self.name_edit.text(), self.session
        reason, served = self.reason_check.isChecked(), self.served_check.isChecked()
        self.call(
            lambda: reference_data.add_code(
                session, kind, code, name, needs_reason=reason, counts_as_served=served
            ),
            self._after,
            self.tr("Entri %1 ditambahkan.").replace("%1", name.strip()),
        )

    def rename(self) -> None:
        item, name, session = self.current(), self.rename_edit.text(), self.session
        if item is not None:
            self.call(
                lambda: reference_data.rename_code(session, item.kind, item.id, name, item.version),
                self._after,
                self.tr("Nama diubah."),
            )

    def toggle_active(self) -> None:
        item, session = self.current(), self.session
        if item is not None:
            self.call(
                lambda: reference_data.set_code_active(
                    session, item.kind, item.id, not item.is_active, item.version
                ),
                self._after,
                self.tr("Entri dinonaktifkan.") if item.is_active else self.tr("Entri diaktifkan."),
            )


class HolidaysPage(AdminPage):
    """The non-working days of a year; national holidays and cuti bersama come from the holidays package."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(*reference_data.HOLIDAY_YEARS)
        self.year_spin.setValue(dt.date.today().year)
        self.year_spin.valueChanged.connect(self._year_changed)
        self.import_button = primary_button("")
        self.import_button.clicked.connect(self.import_year)
        top = _row(field_label(self.tr("Tahun")), self.year_spin)
        top.addStretch(1)
        top.addWidget(self.import_button)
        self.box.addLayout(top)
        self.model = HolidaysTableModel()
        self.table = plain_table(self.model, stretch=1)
        side, column = _side()
        column.addWidget(section_label(self.tr("Hari libur kantor")))
        form = QFormLayout()
        self.day_edit = DateEdit()
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("dd-MM-yyyy")
        self.day_edit.setDate(QDate.currentDate())
        self.name_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for code, label in reference_data.HOLIDAY_KINDS.items():  # the service's names, as its table shows
            self.kind_combo.addItem(label, code)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData("kantor"))
        form.addRow(field_label(self.tr("Tanggal"), self.day_edit), self.day_edit)
        form.addRow(field_label(self.tr("Keterangan"), self.name_edit), self.name_edit)
        form.addRow(field_label(self.tr("Jenis"), self.kind_combo), self.kind_combo)
        column.addLayout(form)
        add, remove = primary_button(self.tr("Tambah hari libur")), QPushButton(self.tr("Hapus yang dipilih"))
        add.clicked.connect(self.add)
        remove.clicked.connect(self.remove)
        column.addLayout(_row(remove, add))
        column.addWidget(
            muted(
                self.tr(
                    "Tenggat yang sudah ditetapkan tidak berubah; hari libur berlaku untuk "
                    "tenggat berikutnya."
                )
            )
        )
        column.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setSizes([520, SIDE_WIDTH])
        split.setChildrenCollapsible(False)
        self.box.addWidget(split, 1)
        self._year_changed()

    def _year_changed(self) -> None:
        self.import_button.setText(
            self.tr("Impor hari libur tahun %1").replace("%1", str(self.year_spin.value()))
        )
        if self.loaded_once:
            self.load()

    def load(self) -> None:
        session, year = self.session, self.year_spin.value()
        self.call(lambda: reference_data.list_holidays(session, year), self.model.set_rows, quiet=True)

    def _after(self, _row=None) -> None:
        self.load()
        self.changed.emit()

    def import_year(self) -> None:
        session, year = self.session, self.year_spin.value()

        def imported(added: int) -> None:
            text = self.tr("%1 hari libur nasional dan cuti bersama tahun %2 ditambahkan.")
            self.banner.show_message(text.replace("%1", str(added)).replace("%2", str(year)), "success")
            self._after()

        self.call(lambda: reference_data.import_holidays(session, year), imported)

    def add(self) -> None:
        day, name, kind, session = (
            self.day_edit.date().toPython(),
            self.name_edit.text(),
            self.kind_combo.currentData(),
            self.session,
        )
        self.call(
            lambda: reference_data.add_holiday(session, day, name, kind),
            self._after,
            self.tr("Hari libur ditambahkan."),
        )

    def remove(self) -> None:
        row = selected_row(self.table)
        if row < 0:
            return
        holiday: HolidayRow = self.model.row(row)
        session = self.session
        self.call(
            lambda: reference_data.remove_holiday(session, holiday.id, holiday.version),
            self._after,
            self.tr("Hari libur dihapus."),
        )

    def days(self) -> list[dt.date]:
        return [h.day for h in self.model.rows()]


class ReferencePage(AdminPage):
    TITLE = QT_TRANSLATE_NOOP("ReferencePage", "Data referensi")
    HINT = QT_TRANSLATE_NOOP(
        "ReferencePage",
        "Daftar yang dipakai formulir: wilayah, jenis layanan, sasaran, hasil, dan kalender kerja.",
    )

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.nagari_page = NagariPage(session)
        self.categories_page = CodeListPage(session, "kategori")
        self.targets_page = CodeListPage(session, "sasaran")
        self.outcomes_page = CodeListPage(session, "hasil")
        self.holidays_page = HolidaysPage(session)
        for page, title in (
            (self.nagari_page, self.tr("Nagari dan jorong")),
            (self.categories_page, self.tr("Kategori layanan")),
            (self.targets_page, self.tr("Kelompok sasaran")),
            (self.outcomes_page, self.tr("Hasil pelayanan")),
            (self.holidays_page, self.tr("Hari libur")),
        ):
            self.tabs.addTab(page, title)
        self.tabs.currentChanged.connect(self.load)
        self.box.addWidget(self.tabs, 1)
        self.banner.hide()

    def load(self) -> None:
        page = self.tabs.currentWidget()
        if isinstance(page, AdminPage):
            page.ensure_loaded()

    def show_holidays(self) -> HolidaysPage:
        self.tabs.setCurrentWidget(self.holidays_page)
        return self.holidays_page
