"""The team's rules: who may tick the preparation checklist, its stale rows, the engine's checks."""

from __future__ import annotations

from desktop import roles as R
from desktop.models import (
    PreparationCheck,
    SopCase,
    TeamMember,
)
from desktop.services.errors import PermissionDenied, StaleRecord
from desktop.services.security.auth import require_role
from desktop.services.session import Session
from desktop.services.sijarla.base import _last_editor
from desktop.services.sijarla.drafts import (
    PREPARATION_ITEMS,
)
from desktop.services.sop.workflow import requirement_check


def _require_team_member(actor: Session, case: SopCase, *, leader: bool = False) -> None:
    require_role(actor, R.KETUA_TIM if leader else R.ANGGOTA_TIM, R.KETUA_TIM)
    link = TeamMember.get_or_none((TeamMember.team == case.team_id) & (TeamMember.user == actor.user_id))
    if link is None or (leader and not link.is_leader):
        who = "ketua tim" if leader else "anggota tim"
        raise PermissionDenied(
            f"Hanya {who} yang ditugaskan pada kasus {case.reference} yang dapat melakukannya."
        )


def _stale_preparation(case: SopCase, row: PreparationCheck) -> StaleRecord:
    """The refusal of a tick someone else changed meanwhile, naming who and when."""
    fresh = PreparationCheck.get_by_id(row.id)
    actions = ("persiapan_dicentang", "persiapan_dibatalkan")
    who = _last_editor("sop_case", case.id, actions, butir=row.item) or "pengguna lain"
    return StaleRecord(
        f"Butir '{row.label}' sudah diubah oleh {who} pada {fresh.updated_at:%d-%m-%Y %H:%M}. "
        "Muat ulang daftar persiapan, lalu terapkan kembali isian Anda."
    )


def _preparation_missing(case: SopCase, item: str) -> str | None:
    row = PreparationCheck.get_or_none((PreparationCheck.case == case.id) & (PreparationCheck.item == item))
    return None if row is not None and row.is_done else "Belum dicentang pada daftar persiapan."


def _checklist_item(item: str) -> None:
    def check(case: SopCase) -> str | None:
        return _preparation_missing(case, item)

    requirement_check(item)(check)


for _item in PREPARATION_ITEMS:
    _checklist_item(_item)
