"""Setup page "Database": this PC's SQLite file, or the office's shared PostgreSQL server.

"Uji koneksi" runs in the background and says whether the server answers, over TLS or not, and whether
its database is empty (it will be prepared) or in use (this workstation joins it and goes to login).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from desktop import config
from desktop.services import first_start
from desktop.services.first_start import OpenedForSetup, ServerCheck, ServerDraft
from desktop.ui.common import file_dialogs
from desktop.ui.common.background import run_for
from desktop.ui.common.cards import section_label
from desktop.ui.common.connection_result import ConnectionResultLabel, connection_text
from desktop.ui.common.forms import field_label, input_height, muted
from desktop.ui.common.operations import message_for
from desktop.ui.setup.base import SetupPage

LOCAL, SERVER = "sqlite", "postgresql"
CA_FILTER = QT_TRANSLATE_NOOP("DatabasePage", "Sertifikat CA (*.crt *.pem *.cer);;Semua berkas (*)")


def choose_ca_file(parent: QWidget | None) -> str:
    """Ask for the office CA certificate; "" when cancelled (tests replace this function)."""
    caption = QCoreApplication.translate("DatabasePage", "Pilih sertifikat CA kantor")
    file_filter = QCoreApplication.translate("DatabasePage", CA_FILTER)
    path = file_dialogs.open_file(parent, file_dialogs.CERTIFICATE, caption, file_filter)
    return "" if path is None else str(path)


class DatabasePage(SetupPage):
    TITLE = QT_TRANSLATE_NOOP("DatabasePage", "Database")
    SUBTITLE = QT_TRANSLATE_NOOP(
        "DatabasePage",
        "Di mana data kantor disimpan. Pilih satu PC bila hanya komputer ini yang memakai Dinas Desk; "
        "pilih server bila beberapa komputer di kantor memakai data yang sama.",
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.tests_finished = 0
        self.kind_group = QButtonGroup(self)
        self.local_radio = QRadioButton(self.tr("&Satu PC (database di komputer ini)"))
        self.server_radio = QRadioButton(self.tr("Server &PostgreSQL bersama"))
        self.kind_group.addButton(self.local_radio)
        self.kind_group.addButton(self.server_radio)
        self.local_radio.setChecked(True)
        self.body.addWidget(self.local_radio)
        local_hint = muted(
            self.tr(
                "Berkas SQLite di folder data komputer ini: %1. Cadangan harian dibuat otomatis."
            ).replace("%1", str(config.default_sqlite_path()))
        )
        local_hint.setIndent(26)
        self.body.addWidget(local_hint)
        self.body.addWidget(self.server_radio)
        server_hint = muted(
            self.tr("Untuk banyak komputer di jaringan kantor. Data koneksi dari pengelola server.")
        )
        server_hint.setIndent(26)
        self.body.addWidget(server_hint)
        self.server_box = self._build_server_box()
        self.body.addWidget(self.server_box)
        self.body.addStretch(1)
        self.server_radio.toggled.connect(self._kind_changed)
        self._kind_changed()

    def _build_server_box(self) -> QWidget:
        box = QWidget()
        column = QFormLayout(box)
        column.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        column.setContentsMargins(26, 4, 0, 0)
        column.setVerticalSpacing(8)
        column.addRow(section_label(self.tr("Server PostgreSQL")))
        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText(self.tr("mis. 192.168.1.10 atau server-kantor"))
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(first_start.DEFAULT_PORT)
        self.port_spin.setMaximumWidth(110)
        input_height(self.port_spin)
        self.name_edit = QLineEdit("dinasdesk")
        self.user_edit = QLineEdit("dinasdesk")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("disimpan di brankas kata sandi Windows"))
        for caption, widget in (
            (self.tr("&Alamat server"), self.host_edit),
            (self.tr("P&ort"), self.port_spin),
            (self.tr("Nama &database"), self.name_edit),
            (self.tr("Pen&gguna database"), self.user_edit),
            (self.tr("Kata sand&i"), self.password_edit),
        ):
            column.addRow(field_label(caption, widget), widget)
        self.tls_check = QCheckBox(self.tr("Sambungan terenkripsi, server diverifikasi (&TLS, verify-full)"))
        self.tls_check.setChecked(True)
        self.tls_check.setToolTip(
            self.tr(
                "Server di komputer lain wajib memakai TLS dengan sertifikat CA kantor "
                "(sslmode=verify-full). Server di komputer ini tidak memerlukannya."
            )
        )
        column.addRow("", self.tls_check)
        ca_row = QHBoxLayout()
        self.ca_edit = QLineEdit()
        self.ca_edit.setPlaceholderText(self.tr("berkas .crt / .pem dari pengelola server"))
        self.ca_button = QPushButton(self.tr("Pilih &berkas…"))
        self.ca_button.clicked.connect(self.pick_ca_file)
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_button)
        column.addRow(field_label(self.tr("Sertifikat &CA kantor"), self.ca_edit), ca_row)
        self.tls_check.toggled.connect(self._tls_changed)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("&Uji koneksi"))
        self.test_button.clicked.connect(self.test_connection)
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        column.addRow("", test_row)
        self.result_label = ConnectionResultLabel()
        column.addRow("", self.result_label)
        return box

    # --- What is typed ------------------------------------------------------------------------------

    def kind(self) -> str:
        return SERVER if self.server_radio.isChecked() else LOCAL

    def server_draft(self) -> ServerDraft:
        return ServerDraft(
            host=self.host_edit.text(),
            port=self.port_spin.value(),
            database=self.name_edit.text(),
            user=self.user_edit.text(),
            password=self.password_edit.text(),
            tls=self.tls_check.isChecked(),
            ca_file=self.ca_edit.text() if self.tls_check.isChecked() else "",
        )

    def snapshot(self) -> Any:
        return (LOCAL,) if self.kind() == LOCAL else (SERVER, self.server_draft())

    def background_check(self) -> Callable[[], Any] | None:
        if self.kind() == LOCAL:
            return first_start.open_local
        draft = self.server_draft()
        return lambda: first_start.open_server(first_start.server_url(draft), draft.password)

    def field_widget(self, field: str | None) -> QWidget | None:
        widgets = {"host": self.host_edit, "port": self.port_spin, "database": self.name_edit}
        widgets |= {"user": self.user_edit, "url": self.host_edit}
        return widgets.get(field or "", self.host_edit if self.kind() == SERVER else None)

    def first_field(self) -> QWidget | None:
        return self.server_radio if self.server_radio.isChecked() else self.local_radio

    def opened(self) -> OpenedForSetup | None:
        """The database the last passed check opened (or joined)."""
        return self.result if isinstance(self.result, OpenedForSetup) else None

    def go_on(self) -> None:
        opened = self.opened()
        wizard = self.wizard()
        if opened is not None and opened.joined and wizard is not None:
            wizard.accept()  # a database in use: this workstation joined it; on to the login window
            return
        super().go_on()

    # --- Reactions ----------------------------------------------------------------------------------

    def _kind_changed(self) -> None:
        self.server_box.setEnabled(self.server_radio.isChecked())
        self._tls_changed()

    def _tls_changed(self) -> None:
        on = self.server_radio.isChecked() and self.tls_check.isChecked()
        self.ca_edit.setEnabled(on)
        self.ca_button.setEnabled(on)

    def pick_ca_file(self) -> None:
        name = choose_ca_file(self)
        if name:
            self.ca_edit.setText(name)

    def test_connection(self) -> None:
        """Try the typed server in the background and say clearly how it went."""
        draft = self.server_draft()
        self.test_button.setEnabled(False)
        self.test_button.setText(self.tr("Menguji…"))
        self.result_label.hide()
        run_for(
            self,
            lambda: first_start.check_server(first_start.server_url(draft), draft.password),
            self._tested,
            self._test_failed,
        )

    def _tested(self, check: ServerCheck) -> None:
        self._test_done()
        head = self.tr("Koneksi berhasil.") if check.ok else check.message
        text = connection_text(check.ok, head, "postgresql", check.server_version, check.location, check.tls)
        if check.ok and check.accounts == 0:
            text += " " + self.tr("Database kosong: disiapkan untuk kantor ini saat Anda menekan Lanjut.")
        elif check.ok:
            text += " " + self.tr(
                "Database ini sudah dipakai kantor: komputer ini bergabung dan langsung ke halaman masuk."
            )
        self.result_label.show_result(check.ok, text)
        QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(self.result_label))

    def _test_failed(self, error: BaseException) -> None:
        self._test_done()
        self.result_label.show_result(False, message_for(error))

    def _test_done(self) -> None:
        self.tests_finished += 1
        self.test_button.setEnabled(True)
        self.test_button.setText(self.tr("&Uji koneksi"))
