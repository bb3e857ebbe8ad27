"""What waits for a role: running cases whose current step that role performs, and recaps.

Driven by the SOP files: a case appears on a role's list when its current step names the
role as pelaksana, so a new SOP's steps show up on the right desks without new code.
Team roles see only their own team's cases.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop import roles as R
from desktop.models import Nagari, Recap, Sop, SopCase, Team, TeamMember
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.sop.workflow import effective_due, known_sops, office_calendar

RECAP_DESKS = {
    R.KETUA_PELAKSANA_HARIAN: "draf",
    R.KABID_PEMANFAATAN: "diteruskan",
    R.KEPALA_DINAS: "diajukan",
}
SLA_LABELS = {
    "tepat_waktu": "Tepat waktu",
    "jatuh_tempo_hari_ini": "Jatuh tempo hari ini",
    "terlambat": "Terlambat",
}


@dataclass(frozen=True)
class WorkEntry:
    """One line of a worklist, with its deadline state in working days."""

    kind: str  # kasus | rekap
    ref_id: int
    number: str
    subject: str
    nagari: str
    step: str
    step_name: str
    deadline: dt.date | None
    sla: str | None  # tepat_waktu | jatuh_tempo_hari_ini | terlambat
    days_left: int | None
    version: int
    team: str = ""

    @property
    def sla_label(self) -> str:
        return SLA_LABELS.get(self.sla or "", "")


def worklist(actor: Session, role: str, today: dt.date | None = None) -> list[WorkEntry]:
    """The work waiting for `actor` in `role`, the most urgent first."""
    require_role(actor, role)
    today = today or dt.date.today()
    calendar = office_calendar()
    entries = _cases(actor, role, today, calendar) + _recaps(role)
    return sorted(entries, key=lambda e: (e.deadline is None, e.deadline or dt.date.max, e.number))


def _cases(actor: Session, role: str, today: dt.date, calendar) -> list[WorkEntry]:
    entries: list[WorkEntry] = []
    teams = _teams_of(actor) if role in (R.KETUA_TIM, R.ANGGOTA_TIM) else None
    for code, definition in known_sops().items():
        steps = {s.code: s.name for s in definition.steps if role in s.roles}
        if not steps:
            continue
        query = (
            SopCase.select(SopCase, Nagari, Team)
            .join_from(SopCase, Sop)
            .join_from(SopCase, Nagari, on=(SopCase.nagari == Nagari.id), join_type="LEFT OUTER JOIN")
            .join_from(SopCase, Team, on=(SopCase.team == Team.id), join_type="LEFT OUTER JOIN")
            .where(
                (Sop.code == code) & (SopCase.status == "berjalan") & SopCase.current_step.in_(list(steps))
            )
        )
        if teams is not None:
            query = query.where(SopCase.team.in_(teams or [0]))
        for case in query:
            due = effective_due(case, definition)
            sla = calendar.status(due, today) if due else None
            entries.append(
                WorkEntry(
                    kind="kasus",
                    ref_id=case.id,
                    number=case.reference,
                    subject=case.title,
                    nagari=case.nagari.name if case.nagari_id else "",
                    step=case.current_step,
                    step_name=steps[case.current_step],
                    deadline=due,
                    sla=sla,
                    days_left=calendar.days_left(due, today) if due else None,
                    version=case.version,
                    team=case.team.name if case.team_id else "",
                )
            )
    return entries


def _teams_of(actor: Session) -> list[int]:
    return [m.team_id for m in TeamMember.select(TeamMember.team).where(TeamMember.user == actor.user_id)]


def _recaps(role: str) -> list[WorkEntry]:
    status = RECAP_DESKS.get(role)
    if status is None:
        return []
    return [
        WorkEntry(
            "rekap",
            r.id,
            f"REKAP-{r.id:04d}",
            r.title,
            "",
            r.status,
            "Rekapitulasi",
            None,
            None,
            None,
            r.version,
        )
        for r in Recap.select().where(Recap.status == status).order_by(Recap.built_at)
    ]


def pending_counts(actor: Session) -> dict[str, int]:
    """How much waits in each of the actor's roles (for the tab badges)."""
    return {role: len(worklist(actor, role)) for role in sorted(actor.roles)}
