"""The team's workspace: the case in hand, its preparation checklist and totals by category."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from peewee import JOIN, fn

from desktop.models import (
    Nagari,
    PreparationCheck,
    ServiceCategory,
    ServiceOutcome,
    ServiceRecord,
    SopCase,
    Team,
    TeamMember,
    User,
)
from desktop.services.errors import PermissionDenied
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.sijarla.record_filter import TEAM_ROLES
from desktop.services.sop.workflow import builtin_sops, get_case


@dataclass(frozen=True)
class TeamCase:
    """A case as the SIJARLA team works on it."""

    id: int
    reference: str
    title: str
    current_step: str
    step_name: str
    status: str
    version: int
    nagari_id: int | None
    nagari: str
    team: str
    due_on: dt.date | None
    record_count: int
    is_leader: bool  # the acting user leads the case's team


@dataclass(frozen=True)
class PreparationItem:
    item: str
    label: str
    is_done: bool
    checked_by: str
    checked_at: dt.datetime | None
    note: str
    version: int


@dataclass(frozen=True)
class CategoryTotal:
    category: str
    total: int
    served: int


def _require_case_team(actor: Session, case_id: int) -> TeamMember:
    require_role(actor, *TEAM_ROLES)
    case = get_case(case_id)
    link = TeamMember.get_or_none((TeamMember.team == case.team_id) & (TeamMember.user == actor.user_id))
    if link is None:
        raise PermissionDenied(f"Kasus {case.reference} bukan tugas tim Anda.")
    return link


def team_case(actor: Session, case_id: int) -> TeamCase:
    """The case, its step and how many people are recorded, for a member of its team."""
    link = _require_case_team(actor, case_id)
    case = (
        SopCase.select(SopCase, Nagari, Team)
        .join_from(SopCase, Nagari, JOIN.LEFT_OUTER)
        .join_from(SopCase, Team, JOIN.LEFT_OUTER)
        .where(SopCase.id == case_id)
        .get()
    )
    steps = {s.code: s.name for d in builtin_sops().values() for s in d.steps}
    records = ServiceRecord.select(ServiceRecord.id).where(ServiceRecord.case == case.id).count()
    return TeamCase(
        id=case.id,
        reference=case.reference,
        title=case.title,
        current_step=case.current_step,
        step_name=steps.get(case.current_step, case.current_step),
        status=case.status,
        version=case.version,
        nagari_id=case.nagari_id,
        nagari=case.nagari.name if case.nagari_id else "",
        team=case.team.name if case.team_id else "",
        due_on=case.due_on,
        record_count=records,
        is_leader=bool(link.is_leader),
    )


def preparation_checklist(actor: Session, case_id: int) -> list[PreparationItem]:
    """The case's preparation items with who ticked them, when, and their note."""
    _require_case_team(actor, case_id)
    rows = (
        PreparationCheck.select(PreparationCheck, User)
        .join(User, JOIN.LEFT_OUTER, on=(PreparationCheck.checked_by == User.id))
        .where(PreparationCheck.case == case_id)
        .order_by(PreparationCheck.id)
    )
    return [
        PreparationItem(
            r.item,
            r.label,
            bool(r.is_done),
            r.checked_by.full_name if r.checked_by_id else "",
            r.checked_at,
            r.note,
            r.version,
        )
        for r in rows
    ]


def category_totals(actor: Session, case_id: int) -> list[CategoryTotal]:
    """People recorded in a case by service category, and how many of them were served."""
    _require_case_team(actor, case_id)
    served = fn.SUM(ServiceOutcome.counts_as_served.cast("integer"))
    query = (
        ServiceRecord.select(ServiceCategory.name, fn.COUNT(ServiceRecord.id), served)
        .join_from(ServiceRecord, ServiceCategory)
        .join_from(ServiceRecord, ServiceOutcome)
        .where(ServiceRecord.case == case_id)
        .group_by(ServiceCategory.name, ServiceCategory.sort_order)
        .order_by(ServiceCategory.sort_order)
        .tuples()
    )
    rows = cast(Iterable[tuple], query)
    return [CategoryTotal(name, int(total), int(done or 0)) for name, total, done in rows]
