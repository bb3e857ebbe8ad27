"""The ADB / pelaksana teknis: technical discussion and running the innovation."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop import roles
from desktop.ui.inovasi.inovasi_workspace import InnovationRoleTab
from desktop.ui.sop.role_tab import SOP_INOVASI
from desktop.ui.sop.tab_registry import register_tab


@register_tab(roles.PELAKSANA_TEKNIS)
class PelaksanaTeknisTab(InnovationRoleTab):
    SOPS = (SOP_INOVASI,)
    DUTIES = (
        QT_TRANSLATE_NOOP(
            "PelaksanaTeknisTab", "Mengikuti pembahasan teknis dan menyusun konsep final inovasi (2 hari)."
        ),
        QT_TRANSLATE_NOOP(
            "PelaksanaTeknisTab", "Melaksanakan inovasi setiap hari dengan semua sumber daya yang ada."
        ),
        QT_TRANSLATE_NOOP("PelaksanaTeknisTab", "Mencatat keluaran inovasi agar dapat direplikasi."),
    )
