"""Pick lists for the desks' forms: nagari, service categories, teams with their members; a deadline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from desktop.models import (
    Kabupaten,
    Kecamatan,
    Nagari,
    ServiceCategory,
    Team,
    TeamMember,
    User,
)
from desktop.services.office.reference_scope import nagari_in_scope, scoped
from desktop.services.sop.workflow import office_calendar


@dataclass(frozen=True)
class NagariOption:
    id: int
    name: str
    kecamatan: str
    kabupaten: str

    @property
    def label(self) -> str:
        """'Koto Baru — Kubung': the nagari and its kecamatan, as the picker shows it."""
        return f"{self.name} — {self.kecamatan}"


@dataclass(frozen=True)
class CategoryOption:
    code: str
    name: str


@dataclass(frozen=True)
class TeamMemberOption:
    user_id: int
    full_name: str
    is_leader: bool


@dataclass(frozen=True)
class TeamOption:
    id: int
    name: str
    members: tuple[TeamMemberOption, ...]  # the leader first

    @property
    def leader(self) -> str:
        return next((m.full_name for m in self.members if m.is_leader), "")


def list_nagari() -> list[NagariOption]:
    """The office's active nagari (its kabupaten's, reference_scope) by kecamatan and name."""
    rows = scoped(
        Nagari.select(Nagari.id, Nagari.name, Kecamatan.name, Kabupaten.name)
        .join(Kecamatan)
        .join(Kabupaten)
        .where(Nagari.is_active)
        .order_by(Kabupaten.code, Kecamatan.name, Nagari.name),
        nagari_in_scope(),
    )
    return [NagariOption(i, name, kec, kab) for i, name, kec, kab in _tuples(rows)]


def list_service_categories() -> list[CategoryOption]:
    """The active service categories (kategori objek pelayanan) in their set order."""
    rows = (
        ServiceCategory.select(ServiceCategory.code, ServiceCategory.name)
        .where(ServiceCategory.is_active)
        .order_by(ServiceCategory.sort_order, ServiceCategory.id)
    )
    return [CategoryOption(code, name) for code, name in _tuples(rows)]


def list_teams() -> list[TeamOption]:
    """The active SIJARLA teams with their members, the leader first."""
    teams = list(Team.select().where(Team.is_active).order_by(Team.name))
    members: dict[int, list[TeamMemberOption]] = {t.id: [] for t in teams}
    rows = (
        TeamMember.select(TeamMember.team, TeamMember.is_leader, User.id, User.full_name)
        .join(User)
        .where(TeamMember.team.in_(list(members) or [0]) & User.is_active)
        .order_by(TeamMember.is_leader.desc(), User.full_name)
    )
    for team_id, is_leader, user_id, name in _tuples(rows):
        members[team_id].append(TeamMemberOption(user_id, name, bool(is_leader)))
    return [TeamOption(t.id, t.name, tuple(members[t.id])) for t in teams]


def working_days_after(days: int, start: dt.date | None = None) -> dt.date:
    """The date `days` working days after `start` (today), by the office calendar."""
    return office_calendar().add_working_days(start or dt.date.today(), days)


def _tuples(query: Any) -> Iterable[tuple[Any, ...]]:
    """A query's rows as plain tuples (peewee's stubs type them as model instances)."""
    return cast(Iterable[tuple[Any, ...]], query.tuples())
