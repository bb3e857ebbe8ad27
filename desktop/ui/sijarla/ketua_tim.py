"""The Ketua Tim SIJARLA: leads preparation and service, submits the team's report."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop import roles
from desktop.ui.sijarla.team_tab import TeamTab
from desktop.ui.sop.role_tab import SOP_SIJARLA
from desktop.ui.sop.tab_registry import register_tab


@register_tab(roles.KETUA_TIM)
class KetuaTimTab(TeamTab):
    """Everything a team member does, plus "Persiapan selesai" and "Kirim laporan"."""

    LEADER_TAB = True
    SOPS = (SOP_SIJARLA,)
    DUTIES = (
        QT_TRANSLATE_NOOP(
            "KetuaTimTab",
            "Memimpin persiapan sesuai Surat Tugas: data di SIAK Terpusat, alat perekaman, kesiapan nagari.",
        ),
        QT_TRANSLATE_NOOP(
            "KetuaTimTab", "Memimpin pelayanan di nagari; setiap warga dicatat by name by address."
        ),
        QT_TRANSLATE_NOOP(
            "KetuaTimTab", "Menyampaikan Laporan Pelaksanaan Inovasi SIJARLA kepada Ketua Pelaksana Harian."
        ),
    )
