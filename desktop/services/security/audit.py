"""Writing the append-only audit log: every change and every read of personal data."""

from __future__ import annotations

import json
import platform
from typing import Any

from desktop.models import AuditLog
from desktop.services.session import Session

_WORKSTATION = platform.node()[:120]


def record(
    actor: Session | None,
    action: str,
    entity: str = "",
    entity_id: int | None = None,
    **detail: Any,
) -> None:
    """Append one line to the audit log (inside the caller's transaction)."""
    AuditLog.create(
        user_id=actor.user_id if actor else None,
        username=actor.username if actor else "sistem",
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail=json.dumps(detail, ensure_ascii=False, default=str)[:8000] if detail else "",
        workstation=_WORKSTATION,
    )
