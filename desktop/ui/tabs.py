"""The role tabs the main window offers: importing each area's role modules registers their tabs.

The registry itself is `desktop.ui.sop.tab_registry`; the tab modules import it from there,
so this list is the one place that knows every area.
"""

from __future__ import annotations

from desktop.ui.admin import administrator_tab
from desktop.ui.inovasi import kasi_inovasi, pejabat_struktural, pelaksana_teknis
from desktop.ui.sijarla import (
    anggota_tim,
    front_desk,
    kabid_pelayanan,
    kabid_pemanfaatan,
    kepala_dinas,
    ketua_pelaksana_harian,
    ketua_tim,
)
from desktop.ui.sop.tab_registry import TabRegistration, register_tab, registered_tabs, tabs_for

ROLE_MODULES = (
    front_desk,
    kabid_pelayanan,
    kepala_dinas,
    ketua_tim,
    anggota_tim,
    ketua_pelaksana_harian,
    kabid_pemanfaatan,
    kasi_inovasi,
    pejabat_struktural,
    pelaksana_teknis,
    administrator_tab,
)

__all__ = ["ROLE_MODULES", "TabRegistration", "register_tab", "registered_tabs", "tabs_for"]
