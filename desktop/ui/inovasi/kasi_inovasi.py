"""The Kasi Inovasi Pelayanan: writes innovation ideas and their concept pointers."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop import roles
from desktop.ui.inovasi.inovasi_workspace import InnovationRoleTab
from desktop.ui.sop.role_tab import SOP_INOVASI
from desktop.ui.sop.tab_registry import register_tab


@register_tab(roles.KASI_INOVASI)
class KasiInovasiTab(InnovationRoleTab):
    SOPS = (SOP_INOVASI,)
    CAN_PROPOSE = True
    DUTIES = (
        QT_TRANSLATE_NOOP("KasiInovasiTab", "Menyusun gagasan dan pointers konsep inovasi (1 hari)."),
        QT_TRANSLATE_NOOP("KasiInovasiTab", "Menyampaikan konsep kepada Kabid untuk ditelaah."),
        QT_TRANSLATE_NOOP(
            "KasiInovasiTab", "Memperbaiki konsep bila rapat pembahasan awal belum menyetujuinya."
        ),
    )
