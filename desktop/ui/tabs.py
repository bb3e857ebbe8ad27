"""The role tabs the main window offers: where each role's tab lives, imported when first shown.

Importing every area's screens before the first window costs a third of a second, so the main
window imports a tab's module the first time the tab is shown (`tab_class_for`); importing the
module registers its tab class (`desktop.ui.sop.tab_registry`). This table is the one place that
knows every area. Tabs come in SOP order (desktop.roles.ROLE_ORDER); a role without a module here
(one an SOP file added) gets the plain RoleTab.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from desktop import roles
from desktop.roles import ROLE_ORDER, RoleInfo
from desktop.ui.sop.role_tab import RoleTab
from desktop.ui.sop.tab_registry import TabRegistration, register_tab
from desktop.ui.sop.tab_registry import registered_tabs as _registered

TAB_MODULES: dict[str, str] = {
    roles.FRONT_DESK: "desktop.ui.sijarla.front_desk",
    roles.KABID_PELAYANAN: "desktop.ui.sijarla.kabid_pelayanan",
    roles.KEPALA_DINAS: "desktop.ui.sijarla.kepala_dinas",
    roles.KETUA_TIM: "desktop.ui.sijarla.ketua_tim",
    roles.ANGGOTA_TIM: "desktop.ui.sijarla.anggota_tim",
    roles.KETUA_PELAKSANA_HARIAN: "desktop.ui.sijarla.ketua_pelaksana_harian",
    roles.KABID_PEMANFAATAN: "desktop.ui.sijarla.kabid_pemanfaatan",
    roles.KASI_INOVASI: "desktop.ui.inovasi.kasi_inovasi",
    roles.PEJABAT_STRUKTURAL: "desktop.ui.inovasi.pejabat_struktural",
    roles.PELAKSANA_TEKNIS: "desktop.ui.inovasi.pelaksana_teknis",
    roles.ADMINISTRATOR: "desktop.ui.admin.administrator_tab",
}


def in_tab_order(held: Iterable[RoleInfo]) -> list[RoleInfo]:
    """The roles a user holds in tab order (SOP order; roles an SOP file added last, by name)."""
    return sorted(held, key=lambda r: (ROLE_ORDER.get(r.code, len(ROLE_ORDER)), r.name))


def tab_class_for(role_code: str) -> type[RoleTab]:
    """The tab class of a role, its module imported now (the plain RoleTab for a role without one)."""
    module = TAB_MODULES.get(role_code)
    if module is not None:
        importlib.import_module(module)
    registration = _registered().get(role_code)
    return registration.tab_class if registration is not None else RoleTab


def registered_tabs() -> dict[str, TabRegistration]:
    """Every registered tab, all modules imported (tests and tools; the window imports them one by one)."""
    for module in TAB_MODULES.values():
        importlib.import_module(module)
    return _registered()


__all__ = [
    "TAB_MODULES",
    "TabRegistration",
    "in_tab_order",
    "register_tab",
    "registered_tabs",
    "tab_class_for",
]
