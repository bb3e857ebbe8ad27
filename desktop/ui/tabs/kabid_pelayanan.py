"""The Kabid Pelayanan Pendaftaran Penduduk (Ketua Inovasi SIJARLA): checks requests, signs dispositions."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.services import roles

from . import register_tab
from .base import SOP_SIJARLA, RoleTab


@register_tab(roles.KABID_PELAYANAN)
class KabidPelayananTab(RoleTab):
    SOPS = (SOP_SIJARLA,)
    DUTIES = (
        QT_TRANSLATE_NOOP("KabidPelayananTab", "Memeriksa Surat Permohonan yang masuk; syaratnya: tim siap."),
        QT_TRANSLATE_NOOP(
            "KabidPelayananTab", "Menulis disposisi: petunjuk, tim yang ditugaskan, dan tenggat."
        ),
        QT_TRANSLATE_NOOP("KabidPelayananTab", "Menandatangani disposisi dan mencetak Lembar Disposisi."),
        QT_TRANSLATE_NOOP("KabidPelayananTab", "Memantau agar pelayanan selesai paling lama 3 hari."),
    )
