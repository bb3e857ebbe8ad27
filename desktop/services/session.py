"""Who is acting: the logged-in user as services see them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Session:
    user_id: int
    username: str
    full_name: str
    roles: frozenset[str]
    nip: str | None = None
    jabatan: str = ""

    def has_role(self, *codes: str) -> bool:
        return bool(self.roles.intersection(codes))
