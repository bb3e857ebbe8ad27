"""Role tabs. Each tab registers itself for the role that sees it, with its place in SOP order.

    @register_tab(roles.FRONT_DESK)
    class FrontDeskTab(RoleTab): ...

The main window asks `tabs_for()` which tabs a user gets: one per role held, sorted by
order. A role without a registered tab (one an SOP file added) gets the plain RoleTab.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from desktop.roles import ROLE_ORDER, RoleInfo
from desktop.ui.sop.role_tab import RoleTab


@dataclass(frozen=True)
class TabRegistration:
    role_code: str
    order: int
    tab_class: type[RoleTab]


_REGISTRY: dict[str, TabRegistration] = {}


def register_tab(role_code: str, order: int | None = None) -> Callable[[type[RoleTab]], type[RoleTab]]:
    """Class decorator: show this tab to users holding `role_code`, at `order` (SOP order by default)."""

    def decorate(tab_class: type[RoleTab]) -> type[RoleTab]:
        if role_code in _REGISTRY and _REGISTRY[role_code].tab_class is not tab_class:
            raise ValueError(f"role {role_code!r} already has the tab {_REGISTRY[role_code].tab_class}")
        place = _default_order(role_code) if order is None else order
        _REGISTRY[role_code] = TabRegistration(role_code, place, tab_class)
        return tab_class

    return decorate


def _default_order(role_code: str) -> int:
    return ROLE_ORDER.get(role_code, len(ROLE_ORDER))


def registered_tabs() -> dict[str, TabRegistration]:
    return dict(_REGISTRY)


def tabs_for(roles: Iterable[RoleInfo]) -> list[tuple[RoleInfo, type[RoleTab]]]:
    """The tab class for each role, in tab order; unregistered roles get the plain RoleTab."""
    chosen = []
    for role in roles:
        registration = _REGISTRY.get(role.code)
        order = registration.order if registration else _default_order(role.code)
        chosen.append((order, role.name, role, registration.tab_class if registration else RoleTab))
    return [(role, tab_class) for _order, _name, role, tab_class in sorted(chosen, key=lambda c: c[:2])]
