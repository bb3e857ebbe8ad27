"""Workstation: this computer's database connection ("Uji koneksi" first), its letter printer and its
receipt printer (network, USB, serial or a Windows printer; 58 or 80 mm) with a test page.

The database URL is saved through the workstation service (desktop.config); printers go to QSettings
through desktop.ui.admin.printer_settings. The test page goes through desktop.printing.sinks when that
module is installed; without it the page says printing is not available in this version.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services import workstation
from desktop.services.errors import DomainError
from desktop.services.security import tls_policy
from desktop.services.session import Session
from desktop.services.workstation import ConnectionCheck, DatabaseSetting
from desktop.ui.admin import printer_settings as admin_settings
from desktop.ui.admin.page import AdminPage
from desktop.ui.admin.printer_settings import PrinterSettings, ReceiptPrinter
from desktop.ui.common.background import run_for
from desktop.ui.common.cards import card, section_label
from desktop.ui.common.connection_result import ConnectionResultLabel, connection_text
from desktop.ui.common.forms import field_label, muted, primary_button
from desktop.ui.common.operations import message_for

SINKS_MODULE = "desktop.printing.sinks"


class PrintingUnavailable(Exception):
    """desktop.printing.sinks is not part of this installation."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def printer_names() -> list[str]:
    """The printers installed on this computer (Qt's list of the system's queues)."""
    return [p.printerName() for p in QPrinterInfo.availablePrinters()]


def send_receipt_test(session: Session, receipt: ReceiptPrinter) -> str:
    """Build the test receipt and send it to the printer (worker thread); returns where it went."""
    address = receipt.address()
    if not address:
        raise DomainError("Pilih dan simpan printer struk lebih dulu.")
    try:
        sinks = importlib.import_module(SINKS_MODULE)
    except ImportError as exc:
        raise PrintingUnavailable(
            "Modul pencetakan struk (desktop.printing.sinks) belum terpasang pada versi ini; "
            "halaman uji belum dapat dicetak."
        ) from exc
    data = workstation.receipt_test_page(session, receipt.width_mm, address, receipt.columns)
    sink = sinks.sink_from_address(address)
    sink.send(data)
    return sink.describe()


def printing_message(error: BaseException) -> str:
    """Printer errors carry their own Indonesian message (PrinterUnavailable, a bad address)."""
    if isinstance(error, DomainError):
        return message_for(error)
    text = getattr(error, "message", None)
    if isinstance(text, str) and text:
        return text
    if isinstance(error, ValueError) and str(error):
        return str(error)
    return message_for(error)


def _card(title: str) -> tuple[QFrame, QVBoxLayout]:
    frame = card()
    box = QVBoxLayout(frame)
    box.setContentsMargins(16, 12, 16, 14)
    box.setSpacing(8)
    box.addWidget(section_label(title))
    return frame, box


class WorkstationPage(AdminPage):
    TITLE = QT_TRANSLATE_NOOP("WorkstationPage", "Komputer ini")
    UNSAVED_WIDGETS = (QLineEdit,)
    HINT = QT_TRANSLATE_NOOP(
        "WorkstationPage", "Pengaturan komputer ini saja: database yang dibuka dan printer yang dipakai."
    )

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.setting: DatabaseSetting | None = None
        self.last_check: ConnectionCheck | None = None
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(14)
        grid.addWidget(self._build_database(), 0, 0, 1, 2)
        grid.addWidget(self._build_letter_printer(), 1, 0)
        grid.addWidget(self._build_receipt_printer(), 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.box.addLayout(grid)
        self.box.addStretch(1)

    # --- Database --------------------------------------------------------------------------------

    def _build_database(self) -> QFrame:
        frame, box = _card(self.tr("Koneksi database"))
        self.current_label = muted("")
        box.addWidget(self.current_label)
        form = QFormLayout()
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("postgresql://dinasdesk@192.168.1.10:5432/dinasdesk")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("kata sandi database (tidak ditampilkan)"))
        form.addRow(field_label(self.tr("Alamat database"), self.url_edit), self.url_edit)
        form.addRow(field_label(self.tr("Kata sandi"), self.password_edit), self.password_edit)
        box.addLayout(form)
        self.require_tls_check = QCheckBox(self.tr("Wajibkan TLS untuk server di komputer lain"))
        self.require_tls_check.setToolTip(
            self.tr(
                "Alamat server di komputer lain harus memakai sslmode=verify-full dan sslrootcert "
                "(sertifikat CA kantor). Server di komputer ini tidak terkena aturan ini."
            )
        )
        self.require_tls_check.toggled.connect(self.save_tls_requirement)
        box.addWidget(self.require_tls_check)
        row = QHBoxLayout()
        self.result_label = ConnectionResultLabel()
        self.test_button = QPushButton(self.tr("Uji koneksi"))
        self.test_button.clicked.connect(self.test_connection)
        self.save_db_button = primary_button(self.tr("Simpan untuk komputer ini"))
        self.save_db_button.clicked.connect(self.save_database)
        row.addWidget(self.result_label, 1)
        row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.save_db_button, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(row)
        box.addWidget(
            muted(
                self.tr(
                    "Satu komputer: berkas SQLite di disk komputer ini. "
                    "Banyak komputer: server PostgreSQL kantor. "
                    "Alamat baru dipakai saat Dinas Desk dibuka lagi."
                )
            )
        )
        return frame

    def load(self) -> None:
        session = self.session
        self.call(lambda: workstation.configured_database(session), self._database_loaded, quiet=True)
        self.call(lambda: tls_policy.remote_tls_required(session), self._tls_requirement_loaded, quiet=True)
        self._load_printers()

    def _database_loaded(self, setting: DatabaseSetting) -> None:
        self.setting = setting
        kind = "PostgreSQL" if setting.backend == "postgresql" else "SQLite"
        text = self.tr("Sekarang terbuka: %1 %2.").replace("%1", kind).replace("%2", setting.location)
        if setting.from_environment:
            text += " " + self.tr("Alamat diatur oleh variabel lingkungan DINAS_DESK_DB_URL.")
        self.current_label.setText(text)
        if not self.url_edit.text():
            self.url_edit.setText(setting.url)

    def _tls_requirement_loaded(self, required: bool) -> None:
        self.require_tls_check.blockSignals(True)  # showing the setting is not changing it
        self.require_tls_check.setChecked(required)
        self.require_tls_check.blockSignals(False)

    def save_tls_requirement(self, required: bool) -> None:
        session = self.session
        done = (
            self.tr("Server di komputer lain kini wajib memakai TLS (sslmode=verify-full).")
            if required
            else self.tr(
                "TLS tidak lagi diwajibkan: sambungan ke server di komputer lain bisa tanpa enkripsi."
            )
        )
        self.call(lambda: tls_policy.set_remote_tls_required(session, required), success=done)

    def test_connection(self) -> None:
        """Try the typed URL on a separate connection (in the background) and say clearly how it went."""
        url, password, session = self.url_edit.text().strip(), self.password_edit.text(), self.session
        if not url:
            self._show_result(False, self.tr("Isi alamat database lebih dulu."))
            return
        self.test_button.setEnabled(False)
        self.test_button.setText(self.tr("Menguji…"))
        self.result_label.hide()
        run_for(
            self,
            lambda: tls_policy.check_connection(session, url, password),
            self._tested,
            self._test_failed,
        )

    def _tested(self, checked: tls_policy.CheckedConnection) -> None:
        self._test_done()
        check = self.last_check = checked.check
        text = connection_text(
            check.ok, check.message, check.backend, check.server_version, check.location, checked.tls
        )
        self._show_result(check.ok, text)

    def _test_failed(self, error: BaseException) -> None:
        self._test_done()
        self._show_result(False, message_for(error))

    def _test_done(self) -> None:
        self.calls_finished += 1
        self.test_button.setEnabled(True)
        self.test_button.setText(self.tr("Uji koneksi"))

    def _show_result(self, ok: bool, text: str) -> None:
        self.result_label.show_result(ok, text)

    def result_ok(self) -> bool | None:
        return self.result_label.ok()

    def save_database(self) -> None:
        url, password, session = self.url_edit.text().strip(), self.password_edit.text(), self.session
        self.call(lambda: workstation.save_database_url(session, url, password), self._database_saved)

    def _database_saved(self, saved: workstation.SavedDatabase) -> None:
        self.password_edit.clear()
        text = self.tr("Komputer ini akan membuka %1 saat Dinas Desk dibuka lagi.").replace(
            "%1", saved.location
        )
        if saved.password_in_store:
            text += " " + self.tr("Kata sandi disimpan di brankas kata sandi Windows, bukan di pengaturan.")
        if saved.note:
            self.banner.show_message(text + " " + saved.note, "info")
        else:
            self.banner.show_message(text, "success")

    # --- Printers --------------------------------------------------------------------------------

    def _build_letter_printer(self) -> QFrame:
        frame, box = _card(self.tr("Printer surat (A4 / F4)"))
        self.letter_combo = QComboBox()
        box.addWidget(self.letter_combo)
        self.no_printer_label = muted(
            self.tr("Belum ada printer yang terpasang di komputer ini; pasang dulu di pengaturan Windows.")
        )
        self.no_printer_label.hide()
        box.addWidget(self.no_printer_label)
        box.addWidget(
            muted(
                self.tr(
                    "Surat Tugas, Lembar Disposisi, laporan dan rekap dicetak ke printer ini, pada kertas "
                    "yang dipilih di Pengaturan kantor (A4 atau F4)."
                )
            )
        )
        box.addStretch(1)
        return frame

    def _build_receipt_printer(self) -> QFrame:
        frame, box = _card(self.tr("Printer struk (tanda terima)"))
        form = QFormLayout()
        self.kind_combo = QComboBox()
        for code, label in (
            ("", self.tr("Tidak ada")),
            ("network", self.tr("Jaringan (LAN / Wi-Fi)")),
            ("usb", self.tr("USB")),
            ("serial", self.tr("Serial / COM")),
            ("windows", self.tr("Printer Windows")),
        ):
            self.kind_combo.addItem(label, code)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        form.addRow(field_label(self.tr("Sambungan"), self.kind_combo), self.kind_combo)
        box.addLayout(form)
        self.kind_stack = QStackedWidget()
        self.kind_stack.addWidget(QWidget())
        self.host_edit, self.port_spin = QLineEdit(), QSpinBox()
        self.host_edit.setPlaceholderText("192.168.1.50")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(9100)
        self.kind_stack.addWidget(
            self._fields((self.tr("Alamat IP"), self.host_edit), (self.tr("Port"), self.port_spin))
        )
        self.vendor_edit, self.product_edit = QLineEdit(), QLineEdit()
        self.vendor_edit.setPlaceholderText("04b8")
        self.product_edit.setPlaceholderText("0e15")
        self.kind_stack.addWidget(
            self._fields((self.tr("Vendor ID"), self.vendor_edit), (self.tr("Product ID"), self.product_edit))
        )
        self.serial_edit, self.baud_combo = QLineEdit(), QComboBox()
        self.serial_edit.setPlaceholderText("COM3")
        for rate in (9600, 19200, 38400, 115200):
            self.baud_combo.addItem(str(rate), rate)
        self.kind_stack.addWidget(
            self._fields((self.tr("Port"), self.serial_edit), (self.tr("Baud"), self.baud_combo))
        )
        self.windows_combo = QComboBox()
        self.windows_combo.setEditable(True)
        self.kind_stack.addWidget(self._fields((self.tr("Nama printer"), self.windows_combo)))
        box.addWidget(self.kind_stack)
        widths = QHBoxLayout()
        self.width_group = QButtonGroup(self)
        self.width_buttons = {58: QRadioButton(self.tr("58 mm")), 80: QRadioButton(self.tr("80 mm"))}
        widths.addWidget(field_label(self.tr("Lebar kertas")))
        for width, button in self.width_buttons.items():
            self.width_group.addButton(button, width)
            widths.addWidget(button)
        self.columns_combo = QComboBox()
        self.columns_combo.setObjectName("ReceiptColumns")
        self.width_group.idToggled.connect(lambda _id, on: on and self._fill_columns())
        widths.addSpacing(16)
        widths.addWidget(field_label(self.tr("Karakter per baris"), self.columns_combo))
        widths.addWidget(self.columns_combo)
        widths.addStretch(1)
        box.addLayout(widths)
        buttons = QHBoxLayout()
        self.print_result = muted("")
        self.print_result.setObjectName("PrintResult")
        self.test_page_button = QPushButton(self.tr("Cetak halaman uji"))
        self.test_page_button.clicked.connect(self.print_test_page)
        self.save_printers_button = primary_button(self.tr("Simpan printer"))
        self.save_printers_button.clicked.connect(self.save_printers)
        buttons.addWidget(self.print_result, 1)
        buttons.addWidget(self.test_page_button)
        buttons.addWidget(self.save_printers_button)
        box.addLayout(buttons)
        return frame

    def _fields(self, *rows: tuple[str, QWidget]) -> QWidget:
        widget = QWidget()
        form = QFormLayout(widget)
        form.setContentsMargins(0, 0, 0, 0)
        for caption, field in rows:
            form.addRow(field_label(caption, field), field)
        return widget

    def _kind_changed(self) -> None:
        self.kind_stack.setCurrentIndex(max(0, self.kind_combo.currentIndex()))

    def _load_printers(self) -> None:
        names = printer_names()
        self.no_printer_label.setVisible(not names)
        settings = admin_settings.load_printer_settings()
        self.letter_combo.clear()
        self.letter_combo.addItem(self.tr("(printer bawaan Windows)"), "")
        for name in names:
            self.letter_combo.addItem(name, name)
        if settings.letter_printer and self.letter_combo.findData(settings.letter_printer) < 0:
            self.letter_combo.addItem(
                self.tr("%1 (tidak ditemukan)").replace("%1", settings.letter_printer),
                settings.letter_printer,
            )
        self.letter_combo.setCurrentIndex(max(0, self.letter_combo.findData(settings.letter_printer)))
        self.windows_combo.clear()
        self.windows_combo.addItems(names)
        self.show_receipt(settings.receipt)

    def show_receipt(self, r: ReceiptPrinter) -> None:
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(r.kind)))
        self.host_edit.setText(r.host)
        self.port_spin.setValue(r.port)
        self.vendor_edit.setText(r.usb_vendor)
        self.product_edit.setText(r.usb_product)
        self.serial_edit.setText(r.serial_device)
        self.baud_combo.setCurrentIndex(max(0, self.baud_combo.findData(r.baudrate)))
        self.windows_combo.setCurrentText(r.windows_name)
        self.width_buttons.get(r.width_mm, self.width_buttons[80]).setChecked(True)
        self._fill_columns()
        self.columns_combo.setCurrentIndex(max(0, self.columns_combo.findData(r.columns)))

    def _fill_columns(self) -> None:
        """The column counts of the chosen paper width; the width's own first (stored as 0)."""
        width = self._width()
        self.columns_combo.clear()
        for i, columns in enumerate(workstation.receipt_column_choices(width)):
            label = self.tr("%1 (bawaan)") if i == 0 else self.tr("%1 (mis. Epson TM-T88)")
            self.columns_combo.addItem(label.replace("%1", str(columns)), 0 if i == 0 else columns)

    def _width(self) -> int:
        return self.width_group.checkedId() if self.width_group.checkedId() in (58, 80) else 80

    def receipt(self) -> ReceiptPrinter:
        return ReceiptPrinter(
            kind=self.kind_combo.currentData() or "",
            host=self.host_edit.text(),
            port=self.port_spin.value(),
            usb_vendor=self.vendor_edit.text(),
            usb_product=self.product_edit.text(),
            serial_device=self.serial_edit.text(),
            baudrate=self.baud_combo.currentData() or 9600,
            windows_name=self.windows_combo.currentText(),
            width_mm=self._width(),
            columns=self.columns_combo.currentData() or 0,
        )

    def save_printers(self) -> None:
        admin_settings.save_printer_settings(
            PrinterSettings(self.letter_combo.currentData() or "", self.receipt())
        )
        self.banner.show_message(self.tr("Printer komputer ini tersimpan."), "success")

    def print_test_page(self) -> None:
        receipt, session = self.receipt(), self.session
        self.test_page_button.setEnabled(False)
        self.print_result.setText(self.tr("Mengirim halaman uji…"))
        run_for(self, lambda: send_receipt_test(session, receipt), self._printed, self._print_failed)

    def _printed(self, where: str) -> None:
        self.calls_finished += 1
        self.test_page_button.setEnabled(True)
        self.print_result.setText(self.tr("Halaman uji terkirim ke %1.").replace("%1", where))

    def _print_failed(self, error: BaseException) -> None:
        self.calls_finished += 1
        self.test_page_button.setEnabled(True)
        self.print_result.setText("")
        self.banner.show_message(printing_message(error), "error")
