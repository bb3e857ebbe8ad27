"""The structural officials: the innovation SOP's discussion and approval meetings."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop import roles
from desktop.ui.inovasi.inovasi_workspace import InnovationRoleTab
from desktop.ui.sop.role_tab import SOP_INOVASI
from desktop.ui.sop.tab_registry import register_tab


@register_tab(roles.PEJABAT_STRUKTURAL)
class PejabatStrukturalTab(InnovationRoleTab):
    SOPS = (SOP_INOVASI,)
    DUTIES = (
        QT_TRANSLATE_NOOP(
            "PejabatStrukturalTab",
            "Pembahasan awal: memutuskan inovasi dilanjutkan atau dikembalikan (1 hari).",
        ),
        QT_TRANSLATE_NOOP(
            "PejabatStrukturalTab",
            "Menyetujui draft inovasi; hasilnya notulen penyempurnaan konsep (1 hari).",
        ),
        QT_TRANSLATE_NOOP(
            "PejabatStrukturalTab",
            "Pembahasan teknis bersama ADB / pelaksana teknis menuju konsep final (2 hari).",
        ),
        QT_TRANSLATE_NOOP("PejabatStrukturalTab", "Mengusulkan alternatif nama inovasi pada rapat penamaan."),
    )
