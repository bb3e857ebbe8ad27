"""What the SIJARLA use cases share: a case's summary, who last changed a row, the stale-row refusal."""

from __future__ import annotations

import json
from dataclasses import asdict

from desktop.models import (
    AuditLog,
    Disposition,
    SopCase,
    User,
)
from desktop.services.errors import StaleRecord
from desktop.services.sijarla.drafts import (
    CaseSummary,
)
from desktop.services.sop.workflow import get_case

# The audit lines that record a change of a row, by model: who wrote the latest one changed it last.
_CHANGE_ACTIONS = {
    Disposition: ("disposition", ("disposisi_ditulis", "disposisi_diubah", "disposisi_ditandatangani"))
}


def _last_editor(entity: str, entity_id: int, actions: tuple[str, ...], **detail: str) -> str | None:
    """The full name of whoever made the latest of these changes (matching `detail`), from the audit log."""
    lines = (
        AuditLog.select(AuditLog.user_id, AuditLog.username, AuditLog.detail)
        .where((AuditLog.entity == entity) & (AuditLog.entity_id == entity_id) & AuditLog.action.in_(actions))
        .order_by(AuditLog.id.desc())
        .limit(200)
    )
    for line in lines:
        if detail:
            try:
                recorded = json.loads(line.detail or "{}")
            except ValueError:
                continue
            if any(recorded.get(key) != value for key, value in detail.items()):
                continue
        user = User.get_or_none(User.id == line.user_id) if line.user_id else None
        return user.full_name if user else line.username
    return None


def _stale_row(row, label: str) -> StaleRecord:
    fresh = type(row).get_or_none(type(row).id == row.id)
    if fresh is None:
        return StaleRecord(f"{label} sudah dihapus oleh pengguna lain.")
    changes = _CHANGE_ACTIONS.get(type(row))
    who = (_last_editor(changes[0], row.id, changes[1]) if changes else None) or "pengguna lain"
    for attr in ("signed_by_id", "drafted_by_id", "recorded_by_id"):
        if who != "pengguna lain":
            break
        if getattr(fresh, attr, None):
            who = User.get_by_id(getattr(fresh, attr)).full_name
    return StaleRecord(
        f"Data ini sudah diubah oleh {who} pada {fresh.updated_at:%d-%m-%Y %H:%M}. "
        "Muat ulang, lalu terapkan kembali isian Anda (isian Anda tidak hilang)."
    )


def summarize(case: SopCase) -> CaseSummary:
    return CaseSummary(
        id=case.id,
        reference=case.reference,
        title=case.title,
        current_step=case.current_step,
        status=case.status,
        due_on=case.due_on,
        step_due_on=case.step_due_on,
        version=case.version,
        nagari=case.nagari.name if case.nagari_id else "",
        team=case.team.name if case.team_id else "",
    )


def case_summary(case_id: int) -> CaseSummary:
    return summarize(get_case(case_id))


def dict_of(obj) -> dict:
    return asdict(obj)
