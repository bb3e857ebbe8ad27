"""The Kepala Dinas: signs the Surat Tugas, receives recaps, reviews innovations."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.services import roles

from . import register_tab
from .base import SOP_INOVASI, SOP_SIJARLA, RoleTab


@register_tab(roles.KEPALA_DINAS)
class KepalaDinasTab(RoleTab):
    SOPS = (SOP_SIJARLA, SOP_INOVASI)
    DUTIES = (
        QT_TRANSLATE_NOOP("KepalaDinasTab", "Menandatangani Surat Tugas tim SIJARLA."),
        QT_TRANSLATE_NOOP(
            "KepalaDinasTab",
            "Menugaskan pelayanan ke nagari dengan capaian adminduk rendah, tanpa surat permohonan.",
        ),
        QT_TRANSLATE_NOOP(
            "KepalaDinasTab", "Menerima Rekapitulasi Pelayanan Inovasi SIJARLA secara berkala."
        ),
        QT_TRANSLATE_NOOP(
            "KepalaDinasTab",
            "Menelaah konsep inovasi dan catatan Kabid, lalu menulis catatan tindak lanjut (2 hari).",
        ),
        QT_TRANSLATE_NOOP("KepalaDinasTab", "Memimpin penamaan inovasi bersama peserta rapat (1 hari)."),
    )
