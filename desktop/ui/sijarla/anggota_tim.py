"""A member of a SIJARLA team: preparation checks and by-name-by-address records."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop import roles
from desktop.ui.sijarla.team_tab import TeamTab
from desktop.ui.sop.role_tab import SOP_SIJARLA
from desktop.ui.sop.tab_registry import register_tab


@register_tab(roles.ANGGOTA_TIM)
class AnggotaTimTab(TeamTab):
    """The team's cases: tick the preparation checklist, record every citizen served."""

    SOPS = (SOP_SIJARLA,)
    DUTIES = (
        QT_TRANSLATE_NOOP(
            "AnggotaTimTab", "Memeriksa persiapan: data di SIAK Terpusat, alat perekaman, kesiapan nagari."
        ),
        QT_TRANSLATE_NOOP(
            "AnggotaTimTab",
            "Mencatat setiap warga yang dilayani by name by address, dengan kategori layanan dan hasilnya.",
        ),
        QT_TRANSLATE_NOOP("AnggotaTimTab", "Menuliskan alasan bila perekaman gagal atau layanan ditunda."),
    )
