"""The front desk (Pengadministrasi Umum): registering incoming letters, printing receipts."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.services import roles

from . import register_tab
from .base import SOP_SIJARLA, RoleTab


@register_tab(roles.FRONT_DESK)
class FrontDeskTab(RoleTab):
    SOPS = (SOP_SIJARLA,)
    DUTIES = (
        QT_TRANSLATE_NOOP(
            "FrontDeskTab",
            "Mencatat Surat Permohonan Wali Nagari: nomor agenda, nomor dan tanggal surat, nagari, perihal.",
        ),
        QT_TRANSLATE_NOOP(
            "FrontDeskTab",
            "Melampirkan pindaian surat, jenis layanan yang diminta, dan perkiraan jumlah warga.",
        ),
        QT_TRANSLATE_NOOP("FrontDeskTab", "Mencetak tanda terima untuk pengantar surat pada printer struk."),
        QT_TRANSLATE_NOOP("FrontDeskTab", "Meneruskan surat kepada Kabid Pelayanan Pendaftaran Penduduk."),
    )
