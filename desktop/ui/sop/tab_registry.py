"""Role tabs. Each tab registers itself for the role that sees it:

    @register_tab(roles.FRONT_DESK)
    class FrontDeskTab(RoleTab): ...

The main window imports a role's tab module when the tab is first shown (desktop.ui.tabs knows
which module that is) and takes the class registered here. A role without a registered tab (one
an SOP file added) gets the plain RoleTab.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop.ui.sop.role_tab import RoleTab


@dataclass(frozen=True)
class TabRegistration:
    role_code: str
    tab_class: type[RoleTab]


_REGISTRY: dict[str, TabRegistration] = {}


def register_tab(role_code: str) -> Callable[[type[RoleTab]], type[RoleTab]]:
    """Class decorator: show this tab to users holding `role_code`."""

    def decorate(tab_class: type[RoleTab]) -> type[RoleTab]:
        if role_code in _REGISTRY and _REGISTRY[role_code].tab_class is not tab_class:
            raise ValueError(f"role {role_code!r} already has the tab {_REGISTRY[role_code].tab_class}")
        _REGISTRY[role_code] = TabRegistration(role_code, tab_class)
        return tab_class

    return decorate


def registered_tabs() -> dict[str, TabRegistration]:
    return dict(_REGISTRY)
