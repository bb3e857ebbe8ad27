"""The Ketua Pelaksana Harian: receives team reports, builds the periodic recap."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.services import roles

from . import register_tab
from .base import SOP_SIJARLA, RoleTab


@register_tab(roles.KETUA_PELAKSANA_HARIAN)
class KetuaPelaksanaHarianTab(RoleTab):
    SOPS = (SOP_SIJARLA,)
    DUTIES = (
        QT_TRANSLATE_NOOP("KetuaPelaksanaHarianTab", "Menerima Laporan Pelaksanaan dari setiap ketua tim."),
        QT_TRANSLATE_NOOP(
            "KetuaPelaksanaHarianTab", "Menyusun Rekapitulasi Pelayanan Inovasi SIJARLA secara berkala."
        ),
        QT_TRANSLATE_NOOP("KetuaPelaksanaHarianTab", "Melaporkan berapa kasus selesai dalam batas 3 hari."),
        QT_TRANSLATE_NOOP(
            "KetuaPelaksanaHarianTab",
            "Mengirim rekapitulasi ke Kepala Dinas lewat Kabid Pemanfaatan Data dan Inovasi Pelayanan.",
        ),
    )
