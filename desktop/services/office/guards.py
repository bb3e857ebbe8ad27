"""What every administrator use case checks: the acting user is an Administrator, the row's version."""

from __future__ import annotations

from typing import Any

from peewee import Model

from desktop.models import (
    AuditLog,
)
from desktop.models.base import now
from desktop.roles import ADMINISTRATOR
from desktop.services.errors import NotFound, StaleRecord
from desktop.services.security.auth import require_role
from desktop.services.session import Session


def _admin(actor: Session) -> None:
    require_role(actor, ADMINISTRATOR)


def _stale(entity: str, entity_id: int, what: str) -> StaleRecord:
    """The refusal of a stale edit, naming who last changed the record and when (from the audit log)."""
    last = (
        AuditLog.select()
        .where((AuditLog.entity == entity) & (AuditLog.entity_id == entity_id))
        .order_by(AuditLog.id.desc())
        .first()
    )
    who = f"{last.username} pada {last.at:%d-%m-%Y %H:%M}" if last else "pengguna lain"
    return StaleRecord(
        f"{what} sudah diubah oleh {who} setelah Anda membukanya. Muat ulang untuk melihat perubahan "
        "itu, lalu terapkan kembali isian Anda (isian Anda tidak hilang)."
    )


def _bump(model: type[Model], row_id: int, expected_version: int, changes: dict[str, Any]) -> bool:
    """UPDATE ... WHERE id = ? AND version = ?, bumping the version; False when someone was first."""
    changes = {**changes, "version": model.version + 1, "updated_at": now()}
    query = model.update(changes).where((model.id == row_id) & (model.version == expected_version))
    return query.execute() == 1


def _get(model: type[Model], row_id: int, what: str) -> Any:
    row = model.get_or_none(model.id == row_id)
    if row is None:
        raise NotFound(f"{what} tidak ditemukan; mungkin sudah dihapus.")
    return row
