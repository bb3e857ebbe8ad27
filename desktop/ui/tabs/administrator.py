"""The administrator: users, office settings, printers, database and backups."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.services import roles

from . import register_tab
from .base import RoleTab


@register_tab(roles.ADMINISTRATOR)
class AdministratorTab(RoleTab):
    DUTIES = (
        QT_TRANSLATE_NOOP("AdministratorTab", "Mengelola akun pengguna, peran, dan kata sandi."),
        QT_TRANSLATE_NOOP(
            "AdministratorTab", "Mengisi data kantor: kop surat, penandatangan, pola nomor surat."
        ),
        QT_TRANSLATE_NOOP("AdministratorTab", "Mengatur printer surat dan printer struk setiap komputer."),
        QT_TRANSLATE_NOOP("AdministratorTab", "Mengatur koneksi database dan membuat cadangan."),
        QT_TRANSLATE_NOOP("AdministratorTab", "Memperbarui data rujukan: nagari, jenis layanan, hari libur."),
    )
