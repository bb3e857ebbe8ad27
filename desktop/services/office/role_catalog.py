"""The roles of the database, in SOP order: the admin tab's choices and the main window's tabs."""

from __future__ import annotations

from desktop.models import Role
from desktop.roles import ROLE_ORDER, RoleInfo


def role_catalog() -> list[RoleInfo]:
    """Every role in the database, in SOP order (roles an SOP file added come last)."""
    rows = Role.select(Role.code, Role.name, Role.description)
    infos = [RoleInfo(r.code, r.name, r.description) for r in rows]
    return sorted(infos, key=lambda r: (ROLE_ORDER.get(r.code, len(ROLE_ORDER)), r.name))
