"""'Bawa ke lapangan': the team leader writes one sealed package per laptop of the team.

The dialog asks for the laptops' names, a passphrase (twice) and a folder, calls
export.take_out in the background, and then lists the files written, one per laptop. A refusal
is shown in the dialog with everything typed kept.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.field import export, package
from desktop.services.session import Session
from desktop.ui.common import file_dialogs
from desktop.ui.common.background import run_for
from desktop.ui.common.file_dialogs import documents_folder
from desktop.ui.common.forms import (
    FORM_STYLESHEET,
    field_label,
    fit_on_screen,
    heading,
    muted,
    primary_button,
)
from desktop.ui.common.operations import message_for
from desktop.ui.common.unsaved import FormDialog
from desktop.ui.field.notice import NoticeBanner

MAX_LAPTOPS = 10


class FolderDialog:
    """Where the packages are written (a classmethod so that tests can answer it)."""

    @classmethod
    def ask(cls, parent: QWidget | None, start: Path) -> Path | None:
        caption = QCoreApplication.translate("FolderDialog", "Folder untuk paket lapangan")
        return file_dialogs.choose_folder(parent, "paket_lapangan", caption, start)


class TakeOutDialog(FormDialog):
    """Laptops, passphrase, folder, then the files written; `taken` holds export.TakenOut items."""

    def __init__(self, parent: QWidget | None, session: Session, case_id: int, case_label: str):
        super().__init__(parent)
        self.session, self.case_id = session, case_id
        self.taken: list = []
        self.setWindowTitle(self.tr("Bawa ke lapangan"))
        self.setStyleSheet(FORM_STYLESHEET)
        self.banner = NoticeBanner()
        self.pages = QStackedWidget()
        self.pages.addWidget(self._form_page(case_label))
        self.pages.addWidget(self._done_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Bawa kasus ke lapangan")))
        layout.addWidget(muted(case_label))
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        fit_on_screen(self, 640, 600)
        self.laptop_list.setFocus()

    # --- building --------------------------------------------------------------------------------

    def _form_page(self, case_label: str) -> QWidget:
        page = QWidget()
        self.laptop_list = QListWidget()
        self.laptop_list.setObjectName("Laptops")
        self.laptop_list.setMaximumHeight(150)
        self._add_item(self.tr("Laptop 1"))
        self.laptop_list.setCurrentRow(0)
        self.add_button = QPushButton(self.tr("&Tambah laptop"))
        self.remove_button = QPushButton(self.tr("Hapus la&ptop"))
        self.rename_button = QPushButton(self.tr("&Ganti nama"))
        self.add_button.clicked.connect(self.add_laptop)
        self.remove_button.clicked.connect(self.remove_laptop)
        self.rename_button.clicked.connect(lambda: self.laptop_list.editItem(self.laptop_list.currentItem()))
        laptop_buttons = QVBoxLayout()
        for button in (self.add_button, self.rename_button, self.remove_button):
            button.setAutoDefault(False)
            laptop_buttons.addWidget(button)
        laptop_buttons.addStretch(1)
        laptops = QHBoxLayout()
        laptops.addWidget(self.laptop_list, 1)
        laptops.addLayout(laptop_buttons)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("Passphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setObjectName("PassphraseAgain")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.folder_edit = QLineEdit(str(documents_folder()))
        self.folder_edit.setObjectName("Folder")
        self.folder_button = QPushButton(self.tr("Pilih &folder…"))
        self.folder_button.setAutoDefault(False)
        self.folder_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        self.take_button = primary_button(self.tr("&Bawa ke lapangan"))
        self.take_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Batal"))
        self.cancel_button.setAutoDefault(False)
        self.take_button.clicked.connect(self.take_out)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.take_button)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        box.addWidget(
            field_label(self.tr("&Laptop tim (satu paket per laptop, paling banyak 10)"), self.laptop_list)
        )
        box.addLayout(laptops)
        box.addWidget(field_label(self.tr("&Kata sandi paket"), self.passphrase_edit))
        box.addWidget(self.passphrase_edit)
        box.addWidget(field_label(self.tr("&Ulangi kata sandi"), self.confirm_edit))
        box.addWidget(self.confirm_edit)
        box.addWidget(
            muted(
                self.tr(
                    "Paling sedikit %1 karakter. Tim memerlukan kata sandi ini untuk membuka paket di "
                    "laptop; kata sandi tidak dapat dipulihkan bila lupa. Sampaikan secara langsung, "
                    "jangan ditulis di laptop."
                ).replace("%1", str(package.MIN_PASSPHRASE))
            )
        )
        box.addWidget(field_label(self.tr("F&older tujuan"), self.folder_edit))
        box.addLayout(folder_row)
        box.addStretch(1)
        box.addLayout(buttons)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.files_label = QLabel()
        self.files_label.setObjectName("WrittenFiles")
        self.files_label.setWordWrap(True)
        self.files_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = primary_button(self.tr("&Tutup"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.files_label)
        box.addStretch(1)
        box.addLayout(buttons)
        return page

    def _add_item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.laptop_list.addItem(item)
        return item

    # --- laptops ------------------------------------------------------------------------------------

    def laptops(self) -> list[str]:
        return [self.laptop_list.item(i).text().strip() for i in range(self.laptop_list.count())]

    def add_laptop(self) -> None:
        if self.laptop_list.count() >= MAX_LAPTOPS:
            self.banner.error(self.tr("Paling banyak %1 laptop.").replace("%1", str(MAX_LAPTOPS)))
            return
        names = {n.casefold() for n in self.laptops()}
        number = self.laptop_list.count() + 1
        while self.tr("Laptop %1").replace("%1", str(number)).casefold() in names:
            number += 1
        item = self._add_item(self.tr("Laptop %1").replace("%1", str(number)))
        self.laptop_list.setCurrentItem(item)
        self.laptop_list.setFocus()
        self.laptop_list.editItem(item)

    def remove_laptop(self) -> None:
        row = self.laptop_list.currentRow()
        if row < 0 or self.laptop_list.count() <= 1:
            self.banner.error(self.tr("Paling sedikit satu laptop."))
            return
        self.laptop_list.takeItem(row)
        self.laptop_list.setFocus()

    def choose_folder(self) -> None:
        start = Path(self.folder_edit.text().strip() or documents_folder())
        chosen = FolderDialog.ask(self, start if start.is_dir() else documents_folder())
        if chosen is not None:
            self.folder_edit.setText(str(chosen))

    # --- taking out ---------------------------------------------------------------------------------

    def take_out(self) -> None:
        self.banner.clear()
        passphrase = self.passphrase_edit.text()
        if passphrase != self.confirm_edit.text():
            self.banner.error(self.tr("Kedua kata sandi tidak sama. Ketik ulang pada kolom kedua."))
            self.confirm_edit.selectAll()
            self.confirm_edit.setFocus()
            return
        session, case_id, laptops = self.session, self.case_id, self.laptops()
        folder = Path(self.folder_edit.text().strip())
        self._busy(True)
        run_for(
            self,
            lambda: export.take_out(session, case_id, laptops, passphrase, folder),
            self._taken,
            self._failed,
        )

    def _taken(self, taken: list) -> None:
        self._busy(False)
        self.taken = list(taken)
        lines = "".join(f"<li><b>{escape(t.laptop)}</b>: {escape(str(t.path))}</li>" for t in self.taken)
        self.files_label.setText(
            self.tr("%1 paket ditulis:").replace("%1", str(len(self.taken)))
            + f"<ul>{lines}</ul>"
            + self.tr(
                "Salin setiap berkas ke laptopnya (berkas Laptop 1 ke Laptop 1, dan seterusnya), lalu "
                "buka dengan klik ganda. Sampai paket dikembalikan, kasus ini ditandai sedang di lapangan."
            )
        )
        self.banner.ok(self.tr("Kasus siap dibawa ke lapangan."))
        self.typed.mark_clean()
        self.pages.setCurrentIndex(1)
        self.close_button.setFocus()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.banner.error(message_for(error))
        field = getattr(error, "field", None)
        target = {
            "passphrase": self.passphrase_edit,
            "laptops": self.laptop_list,
            "folder": self.folder_edit,
        }.get(field or "")
        if target is not None:
            target.setFocus()

    def _busy(self, busy: bool) -> None:
        self.take_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.take_button.setText(self.tr("Menulis paket…") if busy else self.tr("&Bawa ke lapangan"))

    @classmethod
    def ask(cls, parent: QWidget | None, session: Session, case_id: int, case_label: str) -> list:
        """Show the dialog; the packages written (export.TakenOut), [] when cancelled."""
        dialog = cls(parent, session, case_id, case_label)
        try:
            dialog.exec()
            return dialog.taken
        finally:
            dialog.deleteLater()
